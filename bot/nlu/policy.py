"""What to do with a parsed message: answer, run a flow, escalate to a person, ask, or hand off."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml

from bot.nlu.intents import ESCALATION_INTENTS, SUGGESTABLE_INTENTS, Intent
from bot.nlu.normalise import canonical
from bot.nlu.parser import Parse

SUGGESTIONS = 3


class Action(StrEnum):
    ANSWER = "answer"
    FLOW = "flow"
    ESCALATE = "escalate"
    CLARIFY = "clarify"  # first miss: "did you mean" with the top topics
    HANDOFF = "handoff"  # second miss in a row: offer a counsellor
    OUT_OF_SCOPE = "out_of_scope"
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    NO_WORDS = "no_words"  # digits, punctuation or emoji only: nothing the model can read


@dataclass(frozen=True)
class Decision:
    action: Action
    intent: Intent | None = None
    suggestions: tuple[Intent, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class PolicyThresholds:
    confident: float = 0.40
    # A legal intent this likely wins over any FAQ intent: missing an emergency costs far more than
    # sending a routine question to a person.
    escalation_floor: float = 0.20


class EscalationKeywords:
    """Stems that always mean a person is needed (nlu_data/escalation_keywords.yml), a safety net."""

    def __init__(self, patterns: dict[Intent, re.Pattern[str]]) -> None:
        self._patterns = patterns

    @classmethod
    def load(cls, path: Path) -> EscalationKeywords:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        patterns: dict[Intent, re.Pattern[str]] = {}
        for name, stems in raw.items():
            intent = Intent(name)
            if intent not in ESCALATION_INTENTS:
                raise ValueError(f"{path}: {name} is not an escalation intent")
            alternatives = "|".join(re.escape(canonical(str(stem))) for stem in stems)
            patterns[intent] = re.compile(rf"(?<![a-z0-9])(?:{alternatives})")
        return cls(patterns)

    def match(self, text: str) -> Intent | None:
        return self.match_canonical(canonical(text))

    def match_canonical(self, folded: str) -> Intent | None:
        """match() of a text whose canonical() form the caller already has."""
        for intent, pattern in self._patterns.items():
            if pattern.search(folded):
                return intent
        return None


class Policy:
    def __init__(self, keywords: EscalationKeywords, thresholds: PolicyThresholds | None = None) -> None:
        self._keywords = keywords
        self._t = thresholds or PolicyThresholds()

    def decide(self, parse: Parse, misses_before: int = 0) -> Decision:
        if not parse.language.supported:
            return Decision(Action.UNSUPPORTED_LANGUAGE, reason=f"language {parse.language.code}")
        if not any(map(str.isalpha, parse.text)):
            # No training example lacks letters, so the model's ranking of "3" or "👍" is noise: it once
            # sent a bare "3" to a counsellor as an expulsion case.
            return Decision(Action.NO_WORDS, reason="no letters")
        legal = [(i, p) for i, p in parse.ranking if i in ESCALATION_INTENTS]
        if legal and legal[0][1] >= self._t.escalation_floor:
            return Decision(Action.ESCALATE, legal[0][0], reason="model")
        keyword = self._keywords.match_canonical(parse.canonical)
        if keyword is not None:
            return Decision(Action.ESCALATE, keyword, reason="keyword")
        intent, probability = parse.top
        if probability >= self._t.confident:
            if intent is Intent.OUT_OF_SCOPE:
                return Decision(Action.OUT_OF_SCOPE, intent)
            return Decision(Action.FLOW if intent.is_flow else Action.ANSWER, intent)
        suggestions = tuple(i for i, _ in parse.ranking if i in SUGGESTABLE_INTENTS)[:SUGGESTIONS]
        if misses_before == 0:
            return Decision(Action.CLARIFY, suggestions=suggestions, reason=f"top {probability:.2f}")
        return Decision(Action.HANDOFF, suggestions=suggestions, reason=f"top {probability:.2f}, again")
