"""Magic filters (aiogram's F) evaluated on the event loop instead of on a thread per check."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject
from magic_filter import MagicFilter


class OnLoop(Filter):
    """F.chat.type == ..., F.text and the like, resolved inline.

    aiogram runs a plain callable filter (and F is one) through asyncio.to_thread: every update
    paid a thread hand-off per filter checked, for an attribute comparison of a microsecond.
    """

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> bool:
        return bool(self.magic.resolve(event))


def on_loop(*magics: MagicFilter) -> tuple[OnLoop, ...]:
    return tuple(OnLoop(magic) for magic in magics)
