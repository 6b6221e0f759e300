"""Language identification for short messages: our own in-domain model, lingua for foreign languages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from bot.nlu.fast_inference import TextClassifier
from bot.nlu.normalise import canonical_words, clean, words

SUPPORTED = ("cs", "en", "uk", "ru", "vi")
# Languages we recognise in order to say "we don't speak it" instead of guessing a wrong one. Slavic
# languages written in Latin letters are left out on purpose: transliterated Russian looks like them.
FOREIGN = (
    Language.ARABIC,
    Language.MONGOLIAN,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.TURKISH,
    Language.ROMANIAN,
    Language.HUNGARIAN,
    Language.DUTCH,
    Language.CHINESE,
    Language.JAPANESE,
    Language.KOREAN,
    Language.HINDI,
    Language.PERSIAN,
    Language.HEBREW,
    Language.GEORGIAN,
    Language.ARMENIAN,
    Language.THAI,
)
OURS = (Language.CZECH, Language.ENGLISH, Language.UKRAINIAN, Language.RUSSIAN, Language.VIETNAMESE)
# Readers of these understand one of ours well enough to be answered in it.
CLOSE_ENOUGH = {"sk": "cs"}
MIN_LETTERS_FOREIGN = 12
FOREIGN_CONFIDENCE = 0.9
# lingua alone calls 1-3 % of our clients' messages foreign (Vietnamese without accents looks French,
# transliterated Russian Turkish), so a text is foreign only if most of its words are also unknown to
# our training data: measured 0.89+ for such false alarms and 0.57 or less for real foreign texts.
MAX_KNOWN_WORDS_FOREIGN = 0.6
MONGOLIAN_LETTERS = frozenset("өүӨҮ")


@dataclass(frozen=True)
class LanguageGuess:
    """`code` is an ISO 639-1 code or None when the text has too few letters to tell."""

    code: str | None
    confidence: float

    @property
    def supported(self) -> bool:
        return self.code is None or self.code in SUPPORTED


def count_letters(text: str) -> int:
    return sum(map(str.isalpha, text))


SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "HEBREW", "GEORGIAN", "ARMENIAN", "DEVANAGARI")
# The characters _script_hint must look at, found by the regex engine instead of a loop over every
# character: Mongolian's letters, and all but Latin, Greek and Cyrillic (below U+0530) and Vietnamese
# (U+1E00-U+1EFF), whose names never start with ARABIC or one of SCRIPTS.
_MAYBE_SCRIPT = re.compile(rf"[{''.join(sorted(MONGOLIAN_LETTERS))}]|[^\x00-\u052f\u1e00-\u1eff]")


def _script_hint(text: str) -> str | None:
    """Scripts none of our languages use settle the question at once."""
    for found in _MAYBE_SCRIPT.finditer(text):
        ch = found.group()
        if ch in MONGOLIAN_LETTERS:
            return "mn"
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("ARABIC"):
            return "ar"
        if name.startswith(SCRIPTS):
            return name.split()[0].lower()[:2]
    return None


def build_lingua() -> LanguageDetector:
    # Low-accuracy mode keeps memory near 40 MB; it only has to recognise longer foreign texts.
    return LanguageDetectorBuilder.from_languages(*OURS, *FOREIGN).with_low_accuracy_mode().build()


class LanguageIdentifier:
    """Combines a char n-gram model trained on nlu_data (knows transliteration) with lingua."""

    def __init__(self, model: Any, lingua: LanguageDetector, vocabulary: frozenset[str]) -> None:
        self._model = TextClassifier(model)
        self._lingua = lingua
        self._vocabulary = vocabulary

    def identify(self, text: str, cleaned: str | None = None, folded: str | None = None) -> LanguageGuess:
        """`cleaned` and `folded` are clean(text) and canonical(text), when the caller has them."""
        letters = count_letters(text)
        if letters < 2:
            return LanguageGuess(None, 0.0)
        script = _script_hint(text)
        if script is not None:
            return LanguageGuess(script, 1.0)
        cleaned = clean(text) if cleaned is None else cleaned
        probabilities = self._model.predict_proba(cleaned)
        best = int(probabilities.argmax())
        ours = LanguageGuess(str(self._model.classes_[best]), float(probabilities[best]))
        if letters >= MIN_LETTERS_FOREIGN and self.known_words(text, folded) < MAX_KNOWN_WORDS_FOREIGN:
            foreign = self._foreign(text)
            if foreign is not None:
                return foreign
        return ours

    def known_words(self, text: str, folded: str | None = None) -> float:
        """Share of the text's words seen in training; `folded` is canonical(text) if the caller has it."""
        found = words(text) if folded is None else canonical_words(folded)
        return sum(w in self._vocabulary for w in found) / len(found) if found else 1.0

    def _foreign(self, text: str) -> LanguageGuess | None:
        values = self._lingua.compute_language_confidence_values(text)
        if not values:
            return None
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        code = CLOSE_ENOUGH.get(code, code)
        if code not in SUPPORTED and top.value >= FOREIGN_CONFIDENCE:
            return LanguageGuess(code, float(top.value))
        return None
