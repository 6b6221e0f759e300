"""The faster text normalisation and parsing give exactly what the code before them gave.

The original implementations are frozen below (copied as they were, then only typed), and both run on
every training example, every held-out message and edge cases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest

from bot.nlu import normalise
from bot.nlu.evaluate import load_labelled
from bot.nlu.langid import SUPPORTED
from bot.nlu.loader import load_training_data
from bot.nlu.normalise import CYRILLIC_TO_LATIN, TYPED_SCHEMES
from bot.paths import NLU_DATA_DIR, REPO_ROOT

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
# Every character of the Basic Multilingual Plane alone, after an ASCII letter and after a Cyrillic one
# with a combining mark behind it: accents, folds, white space and transliteration, one by one.
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
