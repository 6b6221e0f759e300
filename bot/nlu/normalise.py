"""Text normalisation shared by training and parsing: one canonical, accent-free, Latin form."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_REPEATS = re.compile(r"(.)\1{2,}")

# One common scheme for typing Russian and Ukrainian on a Latin keyboard; alternatives are augmented.
CYRILLIC_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "є": "ye",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "’": "",
    "'": "",
}
# How people actually type on phones ("ja", "h", "c", "sch", Ukrainian "y" for и): augmentation only.
TYPED_SCHEMES = {
    "ru": {**CYRILLIC_TO_LATIN, "ж": "j", "х": "h", "ц": "c", "щ": "sch", "ю": "ju", "я": "ja", "й": "j"},
    "uk": {
        **CYRILLIC_TO_LATIN,
        "г": "h",
        "и": "y",
        "х": "kh",
        "ї": "i",
        "є": "ie",
        "й": "i",
        "я": "ia",
        "ю": "iu",
    },
}
_EXTRA_FOLDS = {"đ": "d", "ł": "l", "ø": "o", "ß": "ss"}


def is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def transliterate(text: str, scheme: dict[str, str] = CYRILLIC_TO_LATIN) -> str:
    return "".join(scheme.get(ch, ch) if is_cyrillic(ch) or ch in "’'" else ch for ch in text)


def strip_latin_accents(text: str) -> str:
    """`prodloužení` -> `prodlouzeni`, `gia hạn` -> `gia han`; Cyrillic is left alone (й is not и)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    folded = unicodedata.normalize("NFC", "".join(out))
    return "".join(_EXTRA_FOLDS.get(ch, ch) for ch in folded)


def clean(text: str) -> str:
    """Lower case, NFKC, collapsed white space and letter repeats ("pleeeease" -> "pleease")."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _SPACES.sub(" ", _REPEATS.sub(r"\1\1", text)).strip()


_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """Canonical word forms without numbers: what vocabulary coverage is measured on."""
    return _WORD.findall(canonical(text))


def canonical(text: str) -> str:
    """What the intent classifier sees: clean, transliterated and accent-free."""
    return strip_latin_accents(transliterate(clean(text)))
