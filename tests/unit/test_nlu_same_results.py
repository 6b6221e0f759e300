"""The faster text normalisation and parsing give exactly what the code before them gave.

The original implementations are frozen below (copied as they were, then only typed), and both run on
every training example, every held-out message and edge cases. Probabilities may differ by rounding:
the original summed terms in set order, which changes with the string hash seed from run to run.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from lingua import LanguageDetector
from sklearn.feature_extraction.text import TfidfVectorizer, _analyze
from sklearn.pipeline import FeatureUnion

from bot.nlu import normalise
from bot.nlu.artefact import load_artefact
from bot.nlu.evaluate import load_labelled
from bot.nlu.fast_inference import compile_pipeline
from bot.nlu.intents import Intent
from bot.nlu.langid import (
    MAX_KNOWN_WORDS_FOREIGN,
    MIN_LETTERS_FOREIGN,
    MONGOLIAN_LETTERS,
    SUPPORTED,
    LanguageGuess,
    LanguageIdentifier,
    _script_hint,
    build_lingua,
    count_letters,
)
from bot.nlu.loader import load_training_data
from bot.nlu.normalise import CYRILLIC_TO_LATIN, TYPED_SCHEMES
from bot.nlu.parser import MAX_PARSE_CHARS, Parse
from bot.nlu.policy import Action
from bot.nlu.service import Understanding
from bot.nlu.training import TrainedModels
from bot.paths import NLU_DATA_DIR, REPO_ROOT

# The parser's results may differ from the original's by this much: rounding, never another answer.
ROUNDING = 1e-12

# --- The original normalisation, frozen -----------------------------------------------------------

_SPACES = re.compile(r"\s+")
_REPEATS = re.compile(r"(.)\1{2,}")
_EXTRA_FOLDS = {"đ": "d", "ł": "l", "ø": "o", "ß": "ss"}
_WORD = re.compile(r"[^\W\d_]+")


def original_is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def original_transliterate(text: str, scheme: dict[str, str] = CYRILLIC_TO_LATIN) -> str:
    return "".join(scheme.get(ch, ch) if original_is_cyrillic(ch) or ch in "’'" else ch for ch in text)


def original_strip_latin_accents(text: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    folded = unicodedata.normalize("NFC", "".join(out))
    return "".join(_EXTRA_FOLDS.get(ch, ch) for ch in folded)


def original_clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return _SPACES.sub(" ", _REPEATS.sub(r"\1\1", text)).strip()


def original_canonical(text: str) -> str:
    return original_strip_latin_accents(original_transliterate(original_clean(text)))


def original_words(text: str) -> list[str]:
    return _WORD.findall(original_canonical(text))


# --- The original parsing, frozen ---------------------------------------------------------------

Vector = np.ndarray[Any, Any]


def original_count_letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def original_script_hint(text: str) -> str | None:
    for ch in text:
        if ch in MONGOLIAN_LETTERS:
            return "mn"
        if not ch.isalpha() or ch.isascii():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("ARABIC"):
            return "ar"
        if name.startswith(
            ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "HEBREW", "GEORGIAN", "ARMENIAN", "DEVANAGARI")
        ):
            return name.split()[0].lower()[:2]
    return None


class OriginalModel:
    """The original compiled tf-idf + linear model, with sklearn's analyzers (canonical() frozen)."""

    def __init__(self, pipeline: Any) -> None:
        compiled = compile_pipeline(pipeline)
        assert compiled is not None
        self.classes_ = pipeline.classes_
        self.coef, self.intercept, self.probabilities = (
            compiled.coef,
            compiled.intercept,
            compiled.probabilities,
        )
        features = pipeline.steps[0][1]
        vectorizers = (
            [t for _, t in features.transformer_list] if type(features) is FeatureUnion else [features]
        )
        self.blocks = []
        offset = 0
        for vectorizer in vectorizers:
            assert type(vectorizer) is TfidfVectorizer
            analyzer = vectorizer.build_analyzer()
            if analyzer.keywords["preprocessor"] is normalise.canonical:
                analyzer = partial(_analyze, **{**analyzer.keywords, "preprocessor": original_canonical})
            self.blocks.append(
                (analyzer, vectorizer.vocabulary_, vectorizer.idf_, vectorizer.sublinear_tf, offset)
            )
            offset += len(vectorizer.idf_)

    @staticmethod
    def weights(
        analyze: Callable[[str], list[str]],
        vocabulary: dict[str, int],
        idf: Vector,
        sublinear_tf: bool,
        offset: int,
        text: str,
    ) -> tuple[Vector, Vector]:
        counts = Counter(analyze(text))
        known = counts.keys() & vocabulary.keys()
        indices = np.fromiter(map(vocabulary.__getitem__, known), dtype=np.intp, count=len(known))
        values = np.fromiter(map(counts.__getitem__, known), dtype=np.float64, count=len(known))
        if sublinear_tf:
            values = np.log(values) + 1.0
        values *= idf[indices]
        norm = np.sqrt(values @ values)
        if norm > 0:
            values /= norm
        return indices + offset, values

    def predict_proba(self, text: str) -> Vector:
        parts = [self.weights(*block, text) for block in self.blocks]
        columns = np.concatenate([indices for indices, _ in parts])
        values = np.concatenate([weights for _, weights in parts])
        scores: Vector = self.coef[:, columns] @ values + self.intercept
        row: Vector = self.probabilities(scores[np.newaxis, :])[0]
        return row


class OriginalParser:
    def __init__(self, models: TrainedModels, lingua: LanguageDetector) -> None:
        self.intents = OriginalModel(models.intent_model)
        self.classes = [Intent(name) for name in self.intents.classes_]
        self.language = OriginalModel(models.language_model)
        self.vocabulary = models.vocabulary
        # lingua's part (_foreign) is unchanged: the new identifier's is used.
        self.identifier = LanguageIdentifier(models.language_model, lingua, models.vocabulary)

    def identify(self, text: str) -> LanguageGuess:
        letters = original_count_letters(text)
        if letters < 2:
            return LanguageGuess(None, 0.0)
        script = original_script_hint(text)
        if script is not None:
            return LanguageGuess(script, 1.0)
        probabilities = self.language.predict_proba(original_clean(text))
        best = int(probabilities.argmax())
        ours = LanguageGuess(str(self.language.classes_[best]), float(probabilities[best]))
        if letters >= MIN_LETTERS_FOREIGN and self.known_words(text) < MAX_KNOWN_WORDS_FOREIGN:
            foreign = self.identifier._foreign(text)
            if foreign is not None:
                return foreign
        return ours

    def known_words(self, text: str) -> float:
        found = original_words(text)
        return sum(w in self.vocabulary for w in found) / len(found) if found else 1.0

    def parse(self, text: str) -> Parse:
        text = text[:MAX_PARSE_CHARS]
        language = self.identify(text)
        probabilities = self.intents.predict_proba(text)
        ranking = tuple(
            sorted(
                ((self.classes[i], float(p)) for i, p in enumerate(probabilities)), key=lambda item: -item[1]
            )
        )
        return Parse(text=text, language=language, ranking=ranking)


# --- Texts -------------------------------------------------------------------------------------------

EDGE_CASES = [
    "",
    "   \n\t ",
    "\u00a0\u2003x\u2028y\u3000",  # white space that is not ASCII
    "😀😀😀🔥🔥🇺🇦👍🏽👨‍👩‍👧" * 40,  # emoji storm: modifiers and joiners too
    "?!?!",
    "1234567",
    "pleeeeeease HELP!!! prodlouzeni\n\n\n\tteď",
    "Привет hello ahoj xin chào مرحبا 你好 Γειά σου ሰላም",  # mixed scripts
    "Привіт, hello, potřebuji prodloužení, скільки коштує, xin chào",  # mixed, and none foreign
    "Guten Tag, ich möchte meine Aufenthaltserlaubnis verlängern lassen",  # foreign: lingua decides
    "Їжак, й'отований, об’єкт, ҐАНОК, ёлка, ЩУКА",  # Ukrainian and Russian letters, apostrophes, upper case
    "Đà Nẵng, Łódź, Øresund, Straße, ﬁle, Ⅻ, ｆｕｌｌ ｗｉｄｔｈ",  # folds and compatibility forms
    "\u0301\u0302a\u0323\u0302 и\u0306 q\u0338",  # combining marks at the start, after ASCII, after Cyrillic
    "Xin chào, tôi muốn gia hạn thẻ tạm trú. Phí bao nhiêu ạ? " * 70,  # about 4,000 characters
    ("Dobrý den, potřebuji prodloužit pobyt, karta mi končí v březnu. " * 70)[:4_000],
]


def _texts() -> list[str]:
    examples = [example.text for example in load_training_data(NLU_DATA_DIR, SUPPORTED)]
    held_out = [item.text for item in load_labelled(REPO_ROOT / "tests" / "data" / "nlu_heldout.yml")]
    return examples + held_out + EDGE_CASES


TEXTS = _texts()
# Every character of the Basic Multilingual Plane three times (letter repeats), and after an ASCII letter
# and a Cyrillic one, each with a combining mark behind: accents, folds, white space, transliteration.
CHARACTERS = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]
PLANE = [f"{ch}{ch}{ch}" for ch in CHARACTERS] + [f"a{ch}\u0301 и{ch}\u0306" for ch in CHARACTERS]


@pytest.mark.parametrize(
    ("name", "original"),
    [
        ("clean", original_clean),
        ("canonical", original_canonical),
        ("words", original_words),
        ("strip_latin_accents", original_strip_latin_accents),
        ("transliterate", original_transliterate),
    ],
)
def test_normalisation_is_unchanged(name: str, original: Callable[[str], object]) -> None:
    new = getattr(normalise, name)
    different = [text for text in TEXTS + PLANE if new(text) != original(text)]
    assert different == []


@pytest.mark.parametrize("lang", sorted(TYPED_SCHEMES))
def test_typed_schemes_used_in_training_are_unchanged(lang: str) -> None:
    scheme = TYPED_SCHEMES[lang]
    cleaned = [original_clean(text) for text in TEXTS] + PLANE
    different = [
        t for t in cleaned if normalise.transliterate(t, scheme) != original_transliterate(t, scheme)
    ]
    assert different == []


def test_a_scheme_of_ones_own_is_used_as_given() -> None:
    scheme = {**CYRILLIC_TO_LATIN, "ж": "zz", "q": "k"}  # "q" is not Cyrillic: never replaced
    text = "жук quiz об’єкт"
    assert normalise.transliterate(text, scheme) == original_transliterate(text, scheme) == "zzuk quiz obyekt"


def test_script_hints_are_unchanged() -> None:
    different = [text for text in TEXTS + CHARACTERS if _script_hint(text) != original_script_hint(text)]
    assert different == []
    astral = [chr(code) for code in range(0x10000, 0x110000)]
    assert [ch for ch in astral if _script_hint(ch) != original_script_hint(ch)] == []
    assert [t for t in TEXTS + PLANE if count_letters(t) != original_count_letters(t)] == []


@pytest.fixture(scope="module")
def models(understanding: Understanding, nlu_model_path: Path) -> TrainedModels:
    """The run's trained models, as the parser got them (the `understanding` fixture trains them)."""
    artefact = load_artefact(nlu_model_path)
    assert artefact is not None
    return artefact.models


@pytest.fixture(scope="module")
def original(models: TrainedModels) -> OriginalParser:
    return OriginalParser(models, build_lingua())


@pytest.fixture(scope="module")
def parses(understanding: Understanding, original: OriginalParser) -> list[tuple[Parse, Parse]]:
    """Each text's parse now and the original's."""
    return [(understanding.parser.parse(text), original.parse(text)) for text in TEXTS]


def test_every_text_parses_as_before(parses: list[tuple[Parse, Parse]]) -> None:
    wrong = []
    for new, old in parses:
        same = (
            new.text == old.text
            and new.language.code == old.language.code
            and abs(new.language.confidence - old.language.confidence) <= ROUNDING
            and [intent for intent, _ in new.ranking] == [intent for intent, _ in old.ranking]
            and all(abs(p - q) <= ROUNDING for (_, p), (_, q) in zip(new.ranking, old.ranking, strict=True))
        )
        if not same:
            wrong.append(old.text[:60])
    assert wrong == []


def test_every_text_gets_the_same_decision(
    understanding: Understanding, parses: list[tuple[Parse, Parse]]
) -> None:
    policy = understanding.policy
    # A Parse made by hand has no canonical form: the policy folds its text as it used to.
    wrong = [
        old.text[:60]
        for new, old in parses
        if policy.decide(new) != policy.decide(Parse(old.text, old.language, old.ranking))
    ]
    assert wrong == []


def test_a_message_is_folded_once_per_parse_and_decision(
    understanding: Understanding, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Language id, its known-words check, both intent blocks and the keywords share one canonical form."""
    calls: list[str] = []
    strip = normalise.strip_latin_accents

    def counted(text: str) -> str:
        calls.append(text)
        return strip(text)

    monkeypatch.setattr(normalise, "strip_latin_accents", counted)
    # Long enough for the known-words check; no legal intent, so the keywords are matched too.
    text = "Kolik stojí kolek na prodloužení dlouhodobého pobytu a jaké doklady k tomu potřebuju?"
    decision = understanding.policy.decide(understanding.parser.parse(text))
    assert decision.action is Action.ANSWER
    assert calls == [original_transliterate(original_clean(text))]
