"""The inbox handler of webhook mode: a stored update through the same Dispatcher as in polling."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot.inbox.store import InboxItem

# Updates this process validated at its webhook and has not handled yet, kept to be handled as they are.
FRESH_KEPT = 1024


class StoredUpdates:
    """Feeds each stored update to the Dispatcher; an exception leaves the row to the inbox's retries."""

    def __init__(self, bot: Bot, dispatcher: Dispatcher) -> None:
        self._bot = bot
        self._dispatcher = dispatcher
        # update_id -> the Update the webhook validated from the stored body. Validating a message's
        # Update cost about as much as the webhook's whole parse; the row's body is the same JSON, so
        # the copy is handed over instead. Another process, a retry, or an update pushed out by newer
        # ones is validated from the row again.
        self._fresh: OrderedDict[str, Update] = OrderedDict()

    def validate(self, data: Any) -> Update:
        """An update's JSON as aiogram's Update, bound to the bot (so handlers can call message.answer())."""
        return Update.model_validate(data, context={"bot": self._bot})

    def keep(self, update: Update) -> None:
        """Remember an update the webhook validated and is storing, for its first attempt in this process."""
        self._fresh[str(update.update_id)] = update
        if len(self._fresh) > FRESH_KEPT:
            self._fresh.popitem(last=False)

    async def __call__(self, item: InboxItem) -> None:
        update = self._fresh.pop(item.platform_message_id, None)
        if update is None or item.attempts != 1:
            update = self.validate(item.body)
        # The handlers' `first_delivery` (InboundMessage.first_delivery): a first attempt needs no
        # look-up of whether the message was already answered.
        await self._dispatcher.feed_update(self._bot, update, first_delivery=item.attempts == 1)
