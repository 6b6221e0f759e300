"""Reads nlu_data/<lang>/nlu.yml (Rasa YAML 3.1) and rejects anything unclear, naming file and line."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.nlu.intents import Intent

MIN_EXAMPLES = 25
TOP_KEYS = {"version", "nlu"}
ENTRY_KEYS = {"intent", "examples"}


@dataclass(frozen=True)
class Example:
    text: str
    intent: Intent
    lang: str
    source: str  # file:line, for error messages and the learning loop


class TrainingDataError(ValueError):
    """All problems found, one `file:line: message` per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def normalised_key(text: str) -> str:
    return " ".join(text.lower().split())


def _where(path: Path, node: Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _scalar(node: Node | None) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


def _parse_file(path: Path, lang: str, problems: list[str]) -> list[Example]:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problems.append(f"{path}{line}: not valid YAML ({getattr(exc, 'problem', exc)})")
        return []
    if not isinstance(root, MappingNode):
        problems.append(f"{path}:1: expected a mapping with `version` and `nlu`")
        return []
    top = {_scalar(k): (k, v) for k, v in root.value}
    for key, (key_node, _) in top.items():
        if key not in TOP_KEYS:
            problems.append(f"{_where(path, key_node)}: unknown key `{key}` (allowed: version, nlu)")
    if _scalar(top.get("version", (None, None))[1]) != "3.1":
        problems.append(f'{path}:1: `version: "3.1"` is required')
    nlu = top.get("nlu", (None, None))[1]
    if not isinstance(nlu, SequenceNode):
        problems.append(f"{path}:1: `nlu:` must be a list of intents")
        return []
    examples: list[Example] = []
    for entry in nlu.value:
        examples.extend(_parse_entry(path, lang, entry, problems))
    return examples


def _parse_entry(path: Path, lang: str, entry: Node, problems: list[str]) -> list[Example]:
    if not isinstance(entry, MappingNode):
        problems.append(f"{_where(path, entry)}: each `nlu:` item must be a mapping with intent and examples")
        return []
    fields = {_scalar(k): v for k, v in entry.value}
    for key_node, _ in entry.value:
        if _scalar(key_node) not in ENTRY_KEYS:
            problems.append(
                f"{_where(path, key_node)}: unknown key `{_scalar(key_node)}` (allowed: intent, examples)"
            )
    name = _scalar(fields.get("intent"))
    if name is None:
        problems.append(f"{_where(path, entry)}: missing `intent:`")
        return []
    if name not in Intent.__members__.values():
        problems.append(f"{_where(path, entry)}: intent `{name}` is not in the taxonomy (shared/intents.md)")
        return []
    block = fields.get("examples")
    lines = (_scalar(block) or "").splitlines()
    first_line = block.start_mark.line + 2 if block is not None else entry.start_mark.line + 1
    found: list[Example] = []
    for offset, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            continue
        where = f"{path}:{first_line + offset}"
        if not text.startswith("- ") or not text[2:].strip():
            problems.append(f"{where}: an example must be a line `- text`")
            continue
        found.append(Example(text[2:].strip(), Intent(name), lang, where))
    if not found:
        problems.append(f"{_where(path, entry)}: intent `{name}` has no examples")
    return found


def _check_duplicates(examples: Iterable[Example], problems: list[str]) -> list[Example]:
    seen: dict[tuple[str, str], Example] = {}
    unique: list[Example] = []
    for example in examples:
        key = (example.lang, normalised_key(example.text))
        first = seen.get(key)
        if first is None:
            seen[key] = example
            unique.append(example)
        elif first.intent != example.intent:
            problems.append(
                f"{example.source}: `{example.text}` is also an example of `{first.intent}` at {first.source}"
            )
        else:
            problems.append(f"{example.source}: duplicate of {first.source}")
    return unique


def data_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("*/nlu.yml"))


def load_training_data(
    data_dir: Path, languages: Iterable[str], min_examples: int = MIN_EXAMPLES
) -> list[Example]:
    """Every example of every language; raises TrainingDataError listing all problems."""
    problems: list[str] = []
    examples: list[Example] = []
    for lang in languages:
        path = data_dir / lang / "nlu.yml"
        if not path.exists():
            problems.append(f"{path}: missing training data for `{lang}`")
            continue
        examples.extend(_parse_file(path, lang, problems))
    examples = _check_duplicates(examples, problems)
    for lang in languages:
        for intent in Intent:
            count = sum(1 for e in examples if e.lang == lang and e.intent is intent)
            if (data_dir / lang / "nlu.yml").exists() and count < min_examples:
                path = data_dir / lang / "nlu.yml"
                problems.append(f"{path}: intent `{intent}` has {count} examples, needs {min_examples}")
    if problems:
        raise TrainingDataError(problems)
    return examples


def data_fingerprint(data_dir: Path) -> str:
    """Changes whenever any training file changes, so a stale model is retrained."""
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        digest.update(str(path.relative_to(data_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
