"""Trains the intent and language models from nlu_data/ (character and word n-grams, linear models)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from bot.nlu.calibration import TemperatureCalibrated
from bot.nlu.intents import SMALL_TALK_INTENTS, Intent
from bot.nlu.loader import Example
from bot.nlu.normalise import TYPED_SCHEMES, canonical, clean, strip_latin_accents, transliterate, words

SEED = 13


@dataclass(frozen=True)
class TrainedModels:
    intent_model: Any
    language_model: Any
    vocabulary: frozenset[str]
    examples: int


def intent_variants(example: Example) -> list[str]:
    """The text as written plus the way it is typed on a phone without a Cyrillic keyboard."""
    variants = [example.text]
    if example.lang in TYPED_SCHEMES:
        typed = transliterate(clean(example.text), TYPED_SCHEMES[example.lang])
        if typed != canonical(example.text):
            variants.append(typed)
    return variants


def language_variants(example: Example) -> list[str]:
    """Language id must recognise Czech and Vietnamese without accents and transliterated Cyrillic."""
    text = clean(example.text)
    variants = {text}
    if example.lang in ("cs", "vi"):
        variants.add(strip_latin_accents(text))
    if example.lang in TYPED_SCHEMES:
        variants.add(transliterate(text))
        variants.add(transliterate(text, TYPED_SCHEMES[example.lang]))
    return sorted(variants)


def build_intent_pipeline() -> Pipeline:
    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    preprocessor=canonical,
                    sublinear_tf=True,
                    min_df=2,
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    preprocessor=canonical,
                    sublinear_tf=True,
                    token_pattern=r"(?u)\b\w+\b",  # noqa: S106 (a regex, not a password)
                ),
            ),
        ]
    )
    # Calibration turns SVM margins into probabilities the policy's thresholds can rely on.
    classifier = TemperatureCalibrated(
        LinearSVC(C=0.5, class_weight="balanced", random_state=SEED), cv=4, random_state=SEED
    )
    return Pipeline([("features", features), ("classifier", classifier)])


def build_language_pipeline() -> Pipeline:
    return Pipeline(
        [
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True, min_df=2)),
            ("classifier", LogisticRegression(C=20.0, max_iter=2000)),
        ]
    )


def greeting_variants(examples: Sequence[Example], share: float = 0.3) -> list[Example]:
    """Clients open with a greeting ("Dobrý den, ..."): without these, the greeting outvoted the question."""
    rng = random.Random(SEED)
    greetings: dict[str, list[str]] = {}
    for example in examples:
        if example.intent is Intent.GREET and len(example.text.split()) <= 3:
            greetings.setdefault(example.lang, []).append(example.text.rstrip("!.,? "))
    variants = []
    for example in examples:
        if example.intent in SMALL_TALK_INTENTS or not greetings.get(example.lang) or rng.random() > share:
            continue
        opening = rng.choice(greetings[example.lang])
        variants.append(Example(f"{opening}, {example.text}", example.intent, example.lang, example.source))
    return variants


def train(examples: Sequence[Example]) -> TrainedModels:
    texts: list[str] = []
    labels: list[str] = []
    for example in [*examples, *greeting_variants(examples)]:
        for variant in intent_variants(example):
            texts.append(variant)
            labels.append(example.intent.value)
    intent_model = build_intent_pipeline().fit(texts, labels)
    lang_texts: list[str] = []
    lang_labels: list[str] = []
    for example in examples:
        for variant in language_variants(example):
            lang_texts.append(variant)
            lang_labels.append(example.lang)
    language_model = build_language_pipeline().fit(lang_texts, lang_labels)
    vocabulary = frozenset(word for example in examples for word in words(example.text))
    return TrainedModels(intent_model, language_model, vocabulary, len(examples))
