"""Language buttons, each labelled in its own language."""

from __future__ import annotations

from collections.abc import Sequence

from bot.channels.base import Choice, choice
from bot.i18n.msg import Msg

LANGUAGE_LABELS = {
    "cs": Msg.LANGUAGE_CS,
    "en": Msg.LANGUAGE_EN,
    "uk": Msg.LANGUAGE_UK,
    "ru": Msg.LANGUAGE_RU,
    "vi": Msg.LANGUAGE_VI,
}


def language_choices(enabled: Sequence[str], prefix: str, first: str | None = None) -> tuple[Choice, ...]:
    """One button per enabled language, payload `{prefix}:{code}`; `first` is listed first."""
    ordered = sorted(enabled, key=lambda code: code != first)
    return tuple(choice(f"{prefix}:{code}", LANGUAGE_LABELS[code]) for code in ordered)
