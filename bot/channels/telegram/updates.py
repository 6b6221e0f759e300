"""The inbox handler of webhook mode: a stored update through the same Dispatcher as in polling."""

from __future__ import annotations

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot.inbox.store import InboxItem


class StoredUpdates:
    """Feeds each stored update to the Dispatcher; an exception leaves the row to the inbox's retries."""

    def __init__(self, bot: Bot, dispatcher: Dispatcher) -> None:
        self._bot = bot
        self._dispatcher = dispatcher

    async def __call__(self, item: InboxItem) -> None:
        # Validated with the bot in context, so handlers can call message.answer() and the like.
        update = Update.model_validate(item.body, context={"bot": self._bot})
        # The handlers' `first_delivery` (InboundMessage.first_delivery): a first attempt needs no
        # look-up of whether the message was already answered.
        await self._dispatcher.feed_update(self._bot, update, first_delivery=item.attempts == 1)
