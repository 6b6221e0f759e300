"""Keeps aiogram's parametrised response models alive, so pydantic builds each one once per process."""

from __future__ import annotations

from typing import Any

import aiogram.methods
from aiogram.methods.base import Response, TelegramMethod

from bot.channels.telegram.methods import SendText

# aiogram validates every Bot API answer as `Response[method.__returning__]`. Pydantic caches such
# parametrised models only weakly, so once the answer was handled the model was garbage, and the next
# call built it again: schema generation took most of the CPU of a sendMessage (bench/channels.py,
# Telegram path). Holding one reference to each keeps pydantic's cache warm.
_PINNED: list[Any] = []


def pin_response_models() -> int:
    """Build every Bot API method's response model now and keep it, aiogram's and ours (SendText);
    returns how many are held."""
    if not _PINNED:
        methods = [getattr(aiogram.methods, name) for name in aiogram.methods.__all__] + [SendText]
        for method in methods:
            concrete = isinstance(method, type) and issubclass(method, TelegramMethod)
            if concrete and method is not TelegramMethod:
                _PINNED.append(Response[method.__returning__])  # type: ignore[name-defined]
    return len(_PINNED)
