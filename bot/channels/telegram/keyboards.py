"""Rendered choices as Telegram inline keyboards, with the payload id packed into callback data."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import structlog
from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.channels.base import RenderedChoice

log = structlog.get_logger(__name__)

# Labels longer than this get a row of their own: two of them side by side would be cut off on phones.
LONG_LABEL_CHARS = 20


TELEGRAM_CALLBACK_DATA_BYTES = 64
# Distinct keyboards kept built: the menus in five languages, and the latest slot and case choices.
KEYBOARDS_KEPT = 512


class ChoiceCallback(CallbackData, prefix="c", sep="|"):
    """A button press: only the payload id travels, never the label.

    The separator is `|` because payloads themselves use `:` (`lang:uk`).
    """

    payload: str


def pack_payload(payload: str) -> str | None:
    """Callback data for a payload, or None when it cannot be carried (too long, contains `|`)."""
    try:
        data = ChoiceCallback(payload=payload).pack()
    except ValueError:
        return None
    # Telegram refuses callback data over 64 bytes; payloads are kept to MAX_PAYLOAD_BYTES so this holds.
    return data if len(data.encode()) <= TELEGRAM_CALLBACK_DATA_BYTES else None


def unpack_payload(data: str | None) -> str | None:
    """The payload id in callback data made by pack_payload; None for data of any other shape."""
    if not data:
        return None
    try:
        return ChoiceCallback.unpack(data).payload
    except (TypeError, ValueError):
        return None


def build_keyboard(choices: Sequence[RenderedChoice]) -> InlineKeyboardMarkup | None:
    """One button per row when any label is long, else two per row; None when there are no buttons."""
    keyboard, dropped = _keyboard(tuple(choices))
    for payload in dropped:
        # A dialog bug, not the client's: the other buttons are shown rather than the whole reply failing.
        log.error("telegram_choice_dropped", payload=payload, reason="callback data does not fit")
    return keyboard


@lru_cache(maxsize=KEYBOARDS_KEPT)
def _keyboard(choices: tuple[RenderedChoice, ...]) -> tuple[InlineKeyboardMarkup | None, tuple[str, ...]]:
    """The keyboard and the payloads left out of it, built once per set of choices.

    The same menus go out with most answers, and pydantic validates each button as it is built (the
    keyboards were 3.6 % of the server's CPU in bench/channels.py). Nothing changes a keyboard once built,
    so one object serves every message that shows it.
    """
    buttons: list[InlineKeyboardButton] = []
    dropped: list[str] = []
    for choice in choices:
        data = pack_payload(choice.payload)
        if data is None:
            dropped.append(choice.payload)
            continue
        buttons.append(InlineKeyboardButton(text=choice.label, callback_data=data))
    if not buttons:
        return None, tuple(dropped)
    per_row = 1 if any(len(choice.label) > LONG_LABEL_CHARS for choice in choices) else 2
    rows = [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
    return InlineKeyboardMarkup(inline_keyboard=rows), tuple(dropped)
