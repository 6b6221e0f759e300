"""One text through a fitted tf-idf + linear pipeline with numpy alone, scored as scikit-learn scores it.

`Pipeline.predict_proba` on one short message spent ~2.7 ms in scikit-learn's per-call machinery
(FeatureUnion's joblib dispatch, input validation, sparse matrix construction) for ~0.1 ms of
arithmetic. The compiled model keeps scikit-learn's own preprocessors and analyzers (char_wb n-grams
are sliced faster, and used only where they equal scikit-learn's), so terms are identical, and repeats
the tf-idf and linear maths on the few columns a message has.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

import numpy as np
import structlog
from sklearn.feature_extraction import text as sklearn_text
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.extmath import softmax as sklearn_softmax

from bot.nlu.calibration import TemperatureCalibrated

log = structlog.get_logger(__name__)

Vector = np.ndarray[Any, Any]
Probabilities = Callable[[Vector], Vector]
# Preprocessor outputs a caller already has for a text: {preprocessor: preprocessor(text)}.
Preprocessed = Mapping[Callable[[str], str], str]

# How far the compiled model may stray from the pipeline: rounding, not a different answer.
TOLERANCE = 1e-9
# Checked against the pipeline once at start, so a model that only looks like the expected shape (an
# attribute changed after fitting, another scikit-learn's semantics) is never scored wrongly.
PROBES = (
    "",
    "Dobrý den, potřebuji prodloužit pobyt, karta mi končí v březnu.",
    "how much is the A2 exam for permanent residence?",
    "як продовжити тимчасовий захист на наступний рік?",
    "skolko stoit kurs cheshskogo yazyka u vas",
    "Chào bạn, tôi muốn đăng ký khóa học tiếng Séc",
    "😀👍 ???",
)


@dataclass(frozen=True)
class TfidfBlock:
    """One fitted TfidfVectorizer and the classifier's weights of its columns."""

    # The vectorizer's preprocessor, run apart from the rest of its analyzer so that blocks with the
    # same one (the intent model's two vectorizers both use canonical()) run it once per text.
    preprocess: Callable[[str], str] | None
    analyze: Callable[[str], list[str]]  # the rest of scikit-learn's analyzer, on preprocessed text
    vocabulary: Mapping[str, int]
    idf: Vector
    sublinear_tf: bool
    # coef.T's rows for this block's columns, C-contiguous: a message's few hundred terms are gathered
    # as whole rows. A view when coef_ is Fortran-ordered, as liblinear and lbfgs leave it.
    rows: Vector
    # For char_wb blocks: a word's known columns, one per n-gram (repeats kept), as an array cached per
    # word (_word_columns). None: the block counts its analyzer's terms.
    word_columns: Callable[[str], Vector] | None = None

    def prepared(self, text: str, done: dict[Callable[[str], str], str]) -> str:
        """The text as this block's analyzer takes it. `done` holds the preprocessor outputs the other
        blocks (and the caller) already have for this text, and gets this block's."""
        if self.preprocess is None:
            return text
        found = done.get(self.preprocess)
        if found is None:
            found = done[self.preprocess] = self.preprocess(text)
        return found

    def weights(self, prepared: str) -> tuple[Vector, Vector]:
        """Vocabulary indices and l2-normalised tf-idf values of the known terms of a prepared() text."""
        indices: Vector
        values: Vector
        if self.word_columns is not None:
            # char_wb n-grams never cross a word, so a text's counts are the sum of its words'. Counted
            # in numpy, with the columns in order, so the rows below are gathered in address order.
            words = list(map(self.word_columns, prepared.split()))
            columns = np.concatenate(words) if words else NO_COLUMNS
            indices, counts = np.unique(columns, return_counts=True)
            values = counts.astype(np.float64)
        else:
            # Counted by column: out-of-vocabulary terms (None) are ignored, as in sklearn.
            counted = Counter(map(self.vocabulary.get, self.analyze(prepared)))
            counted.pop(None, None)
            size = len(counted)
            indices = np.fromiter(counted, dtype=np.intp, count=size)
            values = np.fromiter(counted.values(), dtype=np.float64, count=size)
        if self.sublinear_tf:
            values = np.log(values)
            values += 1.0
        values *= self.idf.take(indices)
        norm = math.sqrt(values @ values)
        if norm > 0:  # as sklearn.preprocessing.normalize: a text with no known term stays all zeros
            values /= norm
        return indices, values


@dataclass(frozen=True)
class CompiledTextModel:
    """Tf-idf blocks side by side, then linear scores and the classifier's own probabilities."""

    blocks: tuple[TfidfBlock, ...]
    coef: Vector
    intercept: Vector
    probabilities: Probabilities

    def predict_proba(self, text: str, preprocessed: Preprocessed | None = None) -> Vector:
        """`preprocessed` may give preprocessor outputs for `text` that the caller has already."""
        done: dict[Callable[[str], str], str] = dict(preprocessed) if preprocessed else {}
        scores: Vector = self.intercept.copy()
        for block in self.blocks:
            indices, values = block.weights(block.prepared(text, done))
            scores += values @ block.rows.take(indices, axis=0)
        row: Vector = self.probabilities(scores[np.newaxis, :])[0]
        return row


def _vectorizers(features: Any) -> list[Any] | None:
    if type(features) is TfidfVectorizer:
        return [features]
    if type(features) is FeatureUnion and features.transformer_weights is None:
        found = [transformer for _, transformer in features.transformer_list]
        if found and all(type(transformer) is TfidfVectorizer for transformer in found):
            return found
    return None


class CharWbNgrams:
    """scikit-learn's char_wb n-grams of a preprocessed text, sliced by one map() per word.

    TfidfVectorizer._char_wb_ngrams pads each word with spaces and slices it in a Python loop; here the
    slices of each word length are made once. Used only where it gives sklearn's n-grams (_analyzer).
    """

    CACHED_LENGTH = 64  # longer words are rare: their slices are made at the call, the cache stays small

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high
        self._slices: dict[int, tuple[slice, ...]] = {}

    def _slices_of(self, length: int) -> tuple[slice, ...]:
        slices: list[slice] = []
        for n in range(self.low, self.high + 1):
            if length <= n:  # a word no longer than n is one n-gram, and longer n-grams are not tried
                slices.append(slice(0, n))
                break
            slices.extend(slice(at, at + n) for at in range(length - n + 1))
        return tuple(slices)

    def __call__(self, text: str) -> list[str]:
        grams: list[str] = []
        for word in text.split():  # split() splits at what sklearn's white-space regex matches
            grams.extend(self.of_word(word))
        return grams

    def of_word(self, word: str) -> list[str]:
        """The n-grams of one word (no white space in it), in scikit-learn's order."""
        padded = f" {word} "
        slices = self._slices.get(len(padded))
        if slices is None:
            slices = self._slices_of(len(padded))
            if len(padded) <= self.CACHED_LENGTH:
                self._slices[len(padded)] = slices
        return list(map(padded.__getitem__, slices))


# Words whose columns a char_wb block keeps (about 250 bytes each, as small arrays). A message's words
# are mostly ones seen before; a new word costs what it did before.
WORDS_CACHED = 8192
NO_COLUMNS: Vector = np.empty(0, dtype=np.intp)


def _word_columns(ngrams: CharWbNgrams, vocabulary: Mapping[str, int]) -> Callable[[str], Vector]:
    """A word's known columns, one per n-gram, remembered for the WORDS_CACHED most recent words.

    Counting a message's n-grams looked up each of them (a few hundred) in a vocabulary of some 40,000
    terms: a third of the NLU's time under load, where the vocabulary is rarely in the CPU's cache.
    Arrays, not tuples of ints: counting them in numpy touches a few contiguous blocks instead of a
    Counter's few hundred objects (about 12 % of a parse, cache-cold, in-process).
    """
    get = vocabulary.get

    @lru_cache(maxsize=WORDS_CACHED)
    def columns(word: str) -> Vector:
        found = [column for column in map(get, ngrams.of_word(word)) if column is not None]
        array = np.array(found, dtype=np.intp)
        array.flags.writeable = False  # shared by every message with this word
        return array

    return columns


# Where a char_wb block's own n-grams are compared with scikit-learn's before they are used: the probes,
# and words around the cache's length limit, one-letter words and every kind of white space.
NGRAM_PROBES = (
    *PROBES,
    "a b  c\t\td\n\u00a0e\u2003f\u3000 ",
    " ".join("x" * length for length in range(1, CharWbNgrams.CACHED_LENGTH + 4)),
)


def _analyzer(vectorizer: Any) -> tuple[Callable[[str], str] | None, Callable[[str], list[str]]]:
    """The vectorizer's preprocessor and the rest of its analyzer, when it can run apart.

    scikit-learn's analyzer decodes, then preprocesses: for str input (`input="content"`) decoding
    returns the text as it is, so the preprocessor may run first. Otherwise the analyzer stays whole.
    The rest is CharWbNgrams for char_wb, if it gives the analyzer's n-grams on NGRAM_PROBES.
    """
    analyzer = vectorizer.build_analyzer()
    preprocessor = analyzer.keywords.get("preprocessor") if isinstance(analyzer, partial) else None
    analyze = getattr(sklearn_text, "_analyze", None)  # private: another scikit-learn may not have it
    if (
        preprocessor is None
        or analyze is None
        or analyzer.func is not analyze
        or vectorizer.input != "content"
    ):
        return None, analyzer
    if vectorizer.analyzer == "char_wb":
        ngrams = CharWbNgrams(*vectorizer.ngram_range)
        if all(ngrams(preprocessor(text)) == analyzer(text) for text in NGRAM_PROBES):
            return preprocessor, ngrams
    return preprocessor, partial(analyze, *analyzer.args, **{**analyzer.keywords, "preprocessor": None})


def _block(vectorizer: Any, coef: Vector, offset: int) -> TfidfBlock | None:
    if (
        vectorizer.binary
        or vectorizer.norm != "l2"
        or not vectorizer.use_idf
        or np.dtype(vectorizer.dtype) != np.float64
        or not hasattr(vectorizer, "vocabulary_")
    ):
        return None
    idf = np.asarray(vectorizer.idf_, dtype=np.float64)
    if idf.shape != (len(vectorizer.vocabulary_),) or offset + len(idf) > coef.shape[1]:
        return None
    rows = np.ascontiguousarray(coef.T[offset : offset + len(idf)])
    preprocess, analyze = _analyzer(vectorizer)
    vocabulary = vectorizer.vocabulary_
    words = _word_columns(analyze, vocabulary) if isinstance(analyze, CharWbNgrams) else None
    return TfidfBlock(preprocess, analyze, vocabulary, idf, bool(vectorizer.sublinear_tf), rows, words)


def _linear(estimator: Any, probabilities: Probabilities) -> tuple[Vector, Vector, Probabilities] | None:
    """A multiclass linear model's weights; two classes score differently and keep the pipeline."""
    coef, intercept = getattr(estimator, "coef_", None), getattr(estimator, "intercept_", None)
    if not isinstance(coef, np.ndarray) or not isinstance(intercept, np.ndarray):
        return None  # sparsified coef_, or not fitted
    classes = len(estimator.classes_)
    if classes <= 2 or coef.ndim != 2 or coef.shape[0] != classes or intercept.shape != (classes,):
        return None
    if coef.dtype != np.float64 or intercept.dtype != np.float64:
        return None
    return coef, intercept, probabilities


def _head(classifier: Any) -> tuple[Vector, Vector, Probabilities] | None:
    if type(classifier) is TemperatureCalibrated and type(classifier.estimator_) is LinearSVC:
        return _linear(classifier.estimator_, classifier.probabilities)
    # LogisticRegression is multinomial for 3+ classes since scikit-learn 1.8 removed `multi_class`;
    # a model that still has the attribute may be one-vs-rest.
    if type(classifier) is LogisticRegression and not hasattr(classifier, "multi_class"):
        return _linear(classifier, partial(sklearn_softmax, copy=False))
    return None


def compile_pipeline(pipeline: Any) -> CompiledTextModel | None:
    """The compiled model, or None when the pipeline is not tf-idf features into a linear classifier."""
    if type(pipeline) is not Pipeline or len(pipeline.steps) != 2:
        return None
    (_, features), (_, classifier) = pipeline.steps
    vectorizers = _vectorizers(features)
    head = _head(classifier)
    if vectorizers is None or head is None:
        return None
    coef, intercept, probabilities = head
    blocks: list[TfidfBlock] = []
    offset = 0
    for vectorizer in vectorizers:
        block = _block(vectorizer, coef, offset)
        if block is None:
            return None
        blocks.append(block)
        offset += len(block.idf)
    if coef.shape[1] != offset:
        return None
    return CompiledTextModel(tuple(blocks), coef, intercept, probabilities)


def agrees(compiled: CompiledTextModel, pipeline: Any, texts: Sequence[str]) -> bool:
    """Whether the compiled model gives the pipeline's probabilities on every text."""
    for text in texts:
        expected = np.asarray(pipeline.predict_proba([text])[0])
        if not np.allclose(compiled.predict_proba(text), expected, rtol=0.0, atol=TOLERANCE):
            return False
    return True


class TextClassifier:
    """Class probabilities for one text: compiled when the pipeline allows it, else the pipeline's own."""

    def __init__(self, pipeline: Any, probes: Sequence[str] = PROBES) -> None:
        self.pipeline = pipeline
        self.classes_ = pipeline.classes_
        self.compiled = compile_pipeline(pipeline)
        if self.compiled is None:
            log.warning("nlu_fast_path_off", reason="unexpected pipeline", model=type(pipeline).__name__)
        elif not agrees(self.compiled, pipeline, probes):
            log.warning("nlu_fast_path_off", reason="differs from predict_proba")
            self.compiled = None

    def predict_proba(self, text: str, preprocessed: Preprocessed | None = None) -> Vector:
        """`preprocessed`: preprocessor outputs the caller has for `text`, {canonical: canonical(text)}."""
        if self.compiled is None:
            return np.asarray(self.pipeline.predict_proba([text])[0])
        return self.compiled.predict_proba(text, preprocessed)
