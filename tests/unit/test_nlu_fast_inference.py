"""The compiled NLU models give scikit-learn's probabilities, and anything else keeps scikit-learn's path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from bot.nlu.artefact import load_artefact
from bot.nlu.calibration import TemperatureCalibrated
from bot.nlu.evaluate import load_labelled
from bot.nlu.fast_inference import TOLERANCE, CharWbNgrams, TextClassifier
from bot.nlu.intents import Intent
from bot.nlu.normalise import canonical, clean
from bot.nlu.parser import MAX_PARSE_CHARS
from bot.nlu.service import Understanding
from bot.nlu.training import TrainedModels
from bot.paths import REPO_ROOT

HELD_OUT = [item.text for item in load_labelled(REPO_ROOT / "tests" / "data" / "nlu_heldout.yml")]
NO_KNOWN_TERM = "ꙮꙮꙮ ꙮꙮ"  # multiocular O: in no language's training data
EDGE_CASES = [
    "",
    "   \n\t ",
    "😀😀😀🔥🔥🇺🇦",
    "?!?!",
    "1234567",
    "ሰላም እንዴት ነህ",  # Amharic: a script none of our data uses
    "Γειά σου, θέλω να ανανεώσω την άδεια διαμονής μου",
    "你好，我想预约",
    NO_KNOWN_TERM,
    "Привет hello ahoj xin chào مرحبا 你好",
    "pleeeeeease HELP!!! prodlouzeni",
    ("Dobrý den, potřebuji prodloužit pobyt, karta mi končí v březnu. " * 20)[:MAX_PARSE_CHARS],
    "x" * MAX_PARSE_CHARS,
    "prodloužení " * 500,
]
SMALL_TEXTS = [
    "book an appointment please",
    "i want to book a visit",
    "can i book for tomorrow",
    "how much does the course cost",
    "price of the czech course",
    "course fee and price",
    "hello there",
    "hi good morning",
    "hello, good evening",
]
SMALL_LABELS = ["book"] * 3 + ["course"] * 3 + ["greet"] * 3


@pytest.fixture(scope="module")
def models(understanding: Understanding, nlu_model_path: Path) -> TrainedModels:
    """The run's trained models, as the parser got them (the `understanding` fixture trains them)."""
    artefact = load_artefact(nlu_model_path)
    assert artefact is not None
    return artefact.models


def differences(classifier: TextClassifier, pipeline: Any, texts: list[str]) -> list[str]:
    assert classifier.compiled is not None
    wrong = []
    for text in texts:
        fast = classifier.compiled.predict_proba(text)
        expected = pipeline.predict_proba([text])[0]
        if fast.shape != expected.shape or not np.allclose(fast, expected, rtol=0.0, atol=TOLERANCE):
            wrong.append(f"{text[:60]!r}: {np.abs(fast - expected).max()}")
    return wrong


def test_intent_probabilities_are_the_pipelines(models: TrainedModels) -> None:
    classifier = TextClassifier(models.intent_model)
    assert classifier.compiled is not None, "the trained intent model must take the fast path"
    assert differences(classifier, models.intent_model, HELD_OUT + EDGE_CASES) == []


def test_language_probabilities_are_the_pipelines(models: TrainedModels) -> None:
    classifier = TextClassifier(models.language_model)
    assert classifier.compiled is not None, "the trained language model must take the fast path"
    texts = HELD_OUT + EDGE_CASES
    # LanguageIdentifier feeds it cleaned text; raw text must agree too.
    assert differences(classifier, models.language_model, [clean(text) for text in texts] + texts) == []


def test_a_text_without_known_terms_scores_as_the_intercepts(models: TrainedModels) -> None:
    classifier = TextClassifier(models.intent_model)
    assert classifier.compiled is not None
    blocks = classifier.compiled.blocks
    assert all(len(block.weights(block.prepared(NO_KNOWN_TERM, {}))[0]) == 0 for block in blocks)
    assert differences(classifier, models.intent_model, [NO_KNOWN_TERM]) == []


def test_the_parser_ranks_intents_by_the_pipelines_probabilities(
    understanding: Understanding, models: TrainedModels
) -> None:
    classes = list(models.intent_model.classes_)
    for text in HELD_OUT[::40] + EDGE_CASES:
        parse = understanding.parser.parse(text)
        expected = models.intent_model.predict_proba([text[:MAX_PARSE_CHARS]])[0]
        got = np.array([parse.probability(Intent(name)) for name in classes])
        assert np.allclose(got, expected, rtol=0.0, atol=TOLERANCE), text
        assert [p for _, p in parse.ranking] == sorted((p for _, p in parse.ranking), reverse=True)


def test_the_trained_intent_blocks_fold_each_text_once_and_slice_ngrams_fast(models: TrainedModels) -> None:
    classifier = TextClassifier(models.intent_model)
    assert classifier.compiled is not None
    chars, words = classifier.compiled.blocks
    assert chars.preprocess is words.preprocess is canonical
    assert isinstance(chars.analyze, CharWbNgrams)
    assert chars.word_columns is not None
    assert words.word_columns is None
    language = TextClassifier(models.language_model).compiled
    assert language is not None
    assert isinstance(language.blocks[0].analyze, CharWbNgrams)
    assert language.blocks[0].word_columns is not None


def test_counts_from_remembered_words_are_the_pipelines(models: TrainedModels) -> None:
    """The second time a word comes, its columns come from the block's cache: the scores must not move."""
    classifier = TextClassifier(models.intent_model)
    again = [*HELD_OUT[:200], *HELD_OUT[:200], "prodloužení prodloužení prodloužení"]
    assert differences(classifier, models.intent_model, again) == []


@pytest.mark.parametrize("ngram_range", [(2, 5), (1, 4), (1, 1), (3, 3), (1, 8)])
def test_char_wb_ngrams_are_scikit_learns(ngram_range: tuple[int, int]) -> None:
    sklearn_ngrams = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range)._char_wb_ngrams
    ours = CharWbNgrams(*ngram_range)
    long_words = " ".join("ab" * length for length in range(25, 40))  # around the cache's length limit
    texts = [*HELD_OUT, *EDGE_CASES, long_words, long_words]  # twice: from the cache too
    assert [text for text in texts if ours(canonical(text)) != sklearn_ngrams(canonical(text))] == []


def test_char_wb_ngrams_unlike_scikit_learns_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def one_short(self: CharWbNgrams, text: str) -> list[str]:
        return slice_ngrams(self, text)[:-1]

    slice_ngrams = CharWbNgrams.__call__
    monkeypatch.setattr(CharWbNgrams, "__call__", one_short)
    pipeline = Pipeline(
        [("chars", tfidf(analyzer="char_wb", ngram_range=(2, 4))), ("lr", LogisticRegression())]
    )
    pipeline.fit(SMALL_TEXTS, SMALL_LABELS)
    classifier = TextClassifier(pipeline)
    assert classifier.compiled is not None
    assert not isinstance(classifier.compiled.blocks[0].analyze, CharWbNgrams)
    assert classifier.compiled.blocks[0].word_columns is None
    assert differences(classifier, pipeline, [*SMALL_TEXTS, "book a czech course", ""]) == []


def tfidf(**options: Any) -> TfidfVectorizer:
    return TfidfVectorizer(preprocessor=canonical, **options)


@pytest.mark.parametrize(
    "pipeline",
    [
        Pipeline(
            [
                (
                    "features",
                    FeatureUnion(
                        [
                            ("chars", tfidf(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)),
                            ("words", tfidf(ngram_range=(1, 2), sublinear_tf=False)),
                        ]
                    ),
                ),
                ("classifier", TemperatureCalibrated(LinearSVC(random_state=0), cv=3)),
            ]
        ),
        Pipeline([("chars", tfidf(analyzer="char", ngram_range=(1, 3))), ("lr", LogisticRegression())]),
    ],
    ids=["union-svm-temperature", "tfidf-logistic"],
)
def test_other_models_of_the_expected_shape_compile_exactly(pipeline: Pipeline) -> None:
    pipeline.fit(SMALL_TEXTS, SMALL_LABELS)
    classifier = TextClassifier(pipeline)
    assert differences(classifier, pipeline, [*SMALL_TEXTS, "book a czech course", "", "zzz"]) == []


@pytest.mark.parametrize(
    ("pipeline", "labels"),
    [
        # Two classes: scikit-learn scores them with one column and a sigmoid, not a softmax.
        (Pipeline([("chars", tfidf()), ("lr", LogisticRegression())]), ["book"] * 3 + ["other"] * 6),
        (Pipeline([("counts", CountVectorizer()), ("lr", LogisticRegression())]), SMALL_LABELS),
        (Pipeline([("tfidf", tfidf(norm="l1")), ("lr", LogisticRegression())]), SMALL_LABELS),
        (Pipeline([("tfidf", tfidf()), ("svm", CalibratedClassifierCV(LinearSVC(), cv=3))]), SMALL_LABELS),
    ],
    ids=["binary", "counts", "l1-norm", "sklearn-calibration"],
)
def test_unexpected_pipelines_keep_scikit_learns_path(pipeline: Pipeline, labels: list[str]) -> None:
    pipeline.fit(SMALL_TEXTS, labels)
    classifier = TextClassifier(pipeline)
    assert classifier.compiled is None
    for text in [*SMALL_TEXTS, "book a czech course", ""]:
        assert np.array_equal(classifier.predict_proba(text), pipeline.predict_proba([text])[0])


def test_a_model_changed_after_fitting_keeps_scikit_learns_path() -> None:
    """The vectorizer's setting says linear tf, but it was fitted, and still transforms, with log tf."""
    pipeline = Pipeline(
        [("tfidf", tfidf(analyzer="char_wb", sublinear_tf=True)), ("lr", LogisticRegression())]
    )
    pipeline.fit(SMALL_TEXTS, SMALL_LABELS)
    pipeline.set_params(tfidf__sublinear_tf=False)
    classifier = TextClassifier(pipeline)
    assert classifier.compiled is None
    text = "book book book a course"
    assert np.array_equal(classifier.predict_proba(text), pipeline.predict_proba([text])[0])
