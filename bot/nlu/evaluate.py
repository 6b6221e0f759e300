"""Evaluates the whole path of a message (language id, classifier, policy) on a labelled YAML file."""

from __future__ import annotations

import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sklearn.metrics import f1_score

from bot.nlu.intents import ESCALATION_INTENTS, Intent
from bot.nlu.policy import Action, Decision
from bot.nlu.service import Understanding

NOT_UNDERSTOOD = "(not understood)"  # a clarifying question or hand-off: never counts as right
UNSUPPORTED = "(unsupported language)"


@dataclass(frozen=True)
class LabelledMessage:
    text: str
    lang: str
    intent: Intent


def load_labelled(path: Path) -> list[LabelledMessage]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a YAML list of {{text, lang, intent}}")
    items = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or set(item) != {"text", "lang", "intent"}:
            raise ValueError(f"{path}: item {number} must have exactly text, lang and intent")
        items.append(LabelledMessage(str(item["text"]), str(item["lang"]), Intent(item["intent"])))
    return items


def predicted_label(decision: Decision) -> str:
    if decision.action is Action.UNSUPPORTED_LANGUAGE:
        return UNSUPPORTED
    if decision.intent is None:
        return NOT_UNDERSTOOD
    return decision.intent.value


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def evaluate(items: list[LabelledMessage], understanding: Understanding) -> dict[str, Any]:
    expected: list[str] = []
    predicted: list[str] = []
    escalated: list[bool] = []
    languages_right: list[bool] = []
    latencies: list[float] = []
    for item in items:
        started = time.perf_counter()
        parse = understanding.parser.parse(item.text)
        decision = understanding.policy.decide(parse, misses_before=0)
        latencies.append((time.perf_counter() - started) * 1000)
        expected.append(item.intent.value)
        predicted.append(predicted_label(decision))
        escalated.append(decision.action is Action.ESCALATE)
        languages_right.append(parse.language.code == item.lang)
    right = [e == p for e, p in zip(expected, predicted, strict=True)]
    per_language = {
        lang: round(statistics.fmean(r for r, i in zip(right, items, strict=True) if i.lang == lang), 4)
        for lang in sorted({i.lang for i in items})
    }
    legal = [esc for esc, i in zip(escalated, items, strict=True) if i.intent in ESCALATION_INTENTS]
    oos = Intent.OUT_OF_SCOPE.value
    oos_predicted = sum(p == oos for p in predicted)
    oos_true_positive = sum(p == oos and e == oos for e, p in zip(expected, predicted, strict=True))
    oos_expected = sum(e == oos for e in expected)
    confusions = Counter((e, p) for e, p in zip(expected, predicted, strict=True) if e != p)
    labels = sorted(set(expected))
    return {
        "messages": len(items),
        "accuracy": round(statistics.fmean(right), 4),
        "macro_f1": round(
            float(f1_score(expected, predicted, labels=labels, average="macro", zero_division=0)), 4
        ),
        "per_language": per_language,
        "language_id_accuracy": round(statistics.fmean(languages_right), 4),
        "out_of_scope": {
            "precision": round(oos_true_positive / oos_predicted, 4) if oos_predicted else 0.0,
            "recall": round(oos_true_positive / oos_expected, 4) if oos_expected else 0.0,
        },
        "escalation_recall": round(statistics.fmean(legal), 4) if legal else 0.0,
        "not_understood_rate": round(statistics.fmean(p == NOT_UNDERSTOOD for p in predicted), 4),
        "confusions": [
            {"expected": e, "predicted": p, "count": n} for (e, p), n in confusions.most_common(10)
        ],
        "latency_ms": {
            "p50": round(_percentile(latencies, 0.5), 3),
            "p99": round(_percentile(latencies, 0.99), 3),
        },
    }
