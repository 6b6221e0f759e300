"""The training-data loader: the repository's data is valid, and every kind of mistake names file and line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.nlu.intents import Intent
from bot.nlu.langid import SUPPORTED
from bot.nlu.loader import TrainingDataError, load_training_data
from bot.paths import NLU_DATA_DIR


def test_repository_data_covers_every_intent_in_every_language() -> None:
    examples = load_training_data(NLU_DATA_DIR, SUPPORTED)
    counts = Counter((e.lang, e.intent) for e in examples)
    assert min(counts[(lang, intent)] for lang in SUPPORTED for intent in Intent) >= 25


def write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "xx").mkdir()
    path = tmp_path / "xx" / "nlu.yml"
    path.write_text(body, encoding="utf-8")
    return path


def problems(tmp_path: Path, body: str) -> list[str]:
    write(tmp_path, body)
    with pytest.raises(TrainingDataError) as caught:
        load_training_data(tmp_path, ["xx"], min_examples=1)
    return caught.value.problems


GOOD_HEAD = 'version: "3.1"\nnlu:\n'


def test_unknown_keys_are_named_with_their_line(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        GOOD_HEAD + "- intent: greet\n  examples: |\n    - hi\n  entities: []\nrules: []\n",
    )
    assert any(p.endswith("nlu.yml:7: unknown key `rules` (allowed: version, nlu)") for p in found)
    assert any(p.endswith("nlu.yml:6: unknown key `entities` (allowed: intent, examples)") for p in found)


def test_intent_outside_the_taxonomy(tmp_path: Path) -> None:
    found = problems(tmp_path, GOOD_HEAD + "- intent: buy_pizza\n  examples: |\n    - pizza please\n")
    assert any(
        p.endswith("nlu.yml:3: intent `buy_pizza` is not in the taxonomy (shared/intents.md)") for p in found
    )


def test_duplicate_across_intents_names_both_places(tmp_path: Path) -> None:
    body = (
        GOOD_HEAD
        + "- intent: greet\n  examples: |\n    - Hello there\n"
        + "- intent: thanks\n  examples: |\n    - hello  THERE\n"
    )
    found = problems(tmp_path, body)
    assert any(
        "nlu.yml:8: `hello  THERE` is also an example of `greet` at" in p and p.endswith("nlu.yml:5")
        for p in found
    )


def test_empty_intent(tmp_path: Path) -> None:
    found = problems(
        tmp_path, GOOD_HEAD + "- intent: goodbye\n  examples: |\n\n- intent: greet\n  examples: |\n    - hi\n"
    )
    assert any(p.endswith("nlu.yml:3: intent `goodbye` has no examples") for p in found)


def test_broken_yaml_and_missing_version(tmp_path: Path) -> None:
    assert any(": not valid YAML" in p for p in problems(tmp_path, "nlu: [\n"))


def test_too_few_examples(tmp_path: Path) -> None:
    write(tmp_path, GOOD_HEAD + "- intent: greet\n  examples: |\n    - hi\n")
    with pytest.raises(TrainingDataError) as caught:
        load_training_data(tmp_path, ["xx"], min_examples=25)
    assert any("intent `greet` has 1 examples, needs 25" in p for p in caught.value.problems)
