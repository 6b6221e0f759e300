"""Locale resolution: the stored choice, then detection, then the channel's hint, then the default."""

from __future__ import annotations

from collections.abc import Sequence

# Codes people and platforms use for our languages that are not the ISO 639-1 code.
_ALIASES = {
    "ua": "uk",
    "cz": "cs",
    "vn": "vi",
    "eng": "en",
    "ces": "cs",
    "ukr": "uk",
    "rus": "ru",
    "vie": "vi",
}


def normalise_locale(code: str | None) -> str | None:
    """`uk-UA` -> `uk`, `CZ` -> `cs`; None for nothing usable."""
    if not code:
        return None
    base = code.strip().lower().replace("_", "-").split("-", 1)[0]
    return _ALIASES.get(base, base) or None


def resolve_locale(candidates: Sequence[str | None], enabled: Sequence[str], default: str) -> str:
    """The first enabled one of, in order: the stored choice, the detected language, the channel's hint."""
    for candidate in candidates:
        code = normalise_locale(candidate)
        if code and code in enabled:
            return code
    return default
