"""Text normalisation shared by training and parsing: one canonical, accent-free, Latin form."""

from __future__ import annotations

import re
import unicodedata

# `(.)\1\1+` is `(.)\1{2,}` written the way the regex engine scans about twice as fast.
_REPEATS = re.compile(r"(.)\1\1+")

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


def _table(scheme: dict[str, str]) -> dict[int, str]:
    """`str.translate` table of a scheme: only Cyrillic letters and apostrophes are ever replaced."""
    return {ord(ch): out for ch, out in scheme.items() if len(ch) == 1 and (is_cyrillic(ch) or ch in "’'")}


# Built once: the schemes are constants. Keyed by identity, and the scheme kept, so any other dict
# (or a scheme changed after import, which nothing does) gets a table of its own at the call.
_TABLES = {id(s): (s, _table(s)) for s in (CYRILLIC_TO_LATIN, *TYPED_SCHEMES.values())}


def transliterate(text: str, scheme: dict[str, str] = CYRILLIC_TO_LATIN) -> str:
    known = _TABLES.get(id(scheme))
    table = known[1] if known is not None and known[0] is scheme else _table(scheme)
    return text.translate(table)


_FOLDS = str.maketrans(_EXTRA_FOLDS)
# A run of non-ASCII characters right after an ASCII one: where combining marks are dropped.
_AFTER_ASCII = re.compile(r"(?<=[\x00-\x7f])[^\x00-\x7f]+")


def _drop_leading_marks(run: re.Match[str]) -> str:
    text = run.group()
    for at, ch in enumerate(text):
        if not unicodedata.combining(ch):
            return text[at:]
    return ""


def strip_latin_accents(text: str) -> str:
    """`prodloužení` -> `prodlouzeni`, `gia hạn` -> `gia han`; Cyrillic is left alone (й is not и)."""
    decomposed = unicodedata.normalize("NFD", text)
    if decomposed.isascii():  # nothing to drop or fold (most messages once Cyrillic is transliterated)
        return decomposed
    # Combining marks go only when they follow an ASCII letter: the marks of й (after и) stay.
    folded = unicodedata.normalize("NFC", _AFTER_ASCII.sub(_drop_leading_marks, decomposed))
    return folded if folded.isascii() else folded.translate(_FOLDS)


def clean(text: str) -> str:
    """Lower case, NFKC, collapsed white space and letter repeats ("pleeeease" -> "pleease")."""
    text = unicodedata.normalize("NFKC", text).lower()
    # str.split() splits on exactly what `\s` matches, and drops the ends as strip() did.
    return " ".join(_REPEATS.sub(r"\1\1", text).split())


_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """Canonical word forms without numbers: what vocabulary coverage is measured on."""
    return canonical_words(canonical(text))


def canonical_words(folded: str) -> list[str]:
    """words() of a text whose canonical() form the caller already has."""
    return _WORD.findall(folded)


def fold(cleaned: str) -> str:
    """canonical() of a text clean() returned: for callers that need both forms of one message."""
    return strip_latin_accents(transliterate(cleaned))


def canonical(text: str) -> str:
    """What the intent classifier sees: clean, transliterated and accent-free."""
    return fold(clean(text))
