"""The webhook hands its validated update to the inbox's handler; retries and other processes read the row."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot.channels.telegram.updates import FRESH_KEPT, StoredUpdates
from bot.inbox.store import InboxItem

TOKEN = "42:TEST-token"


class FedUpdates(Dispatcher):
    """A Dispatcher that only records what it is fed."""

    def __init__(self) -> None:
        super().__init__()
        self.fed: list[tuple[Update, dict[str, Any]]] = []

    async def feed_update(self, bot: Bot, update: Update, **kwargs: Any) -> Any:
        self.fed.append((update, kwargs))


def body(update_id: int, text: str) -> dict[str, Any]:
    chat = {"id": 5, "type": "private"}
    message = {"message_id": 1, "date": 1_700_000_000, "chat": chat, "text": text}
    return {"update_id": update_id, "message": message}


def item(data: dict[str, Any], attempts: int = 1) -> InboxItem:
    return InboxItem(1, "tg", str(data["update_id"]), "tg:5", data, attempts)


async def test_a_stored_update_is_handled_as_the_webhook_validated_it_and_bound_to_the_bot() -> None:
    bot, dispatcher = Bot(TOKEN), FedUpdates()
    updates = StoredUpdates(bot, dispatcher)
    validated = updates.validate(body(7, "hello"))
    updates.keep(validated)
    await updates(item(body(7, "hello")))
    ((fed, kwargs),) = dispatcher.fed
    assert fed is validated
    assert fed.bot is bot
    assert kwargs == {"first_delivery": True}


async def test_a_retry_or_an_update_this_process_did_not_store_is_read_from_the_row() -> None:
    bot, dispatcher = Bot(TOKEN), FedUpdates()
    updates = StoredUpdates(bot, dispatcher)
    updates.keep(updates.validate(body(8, "kept")))
    await updates(item(body(8, "from the row"), attempts=2))  # the first attempt failed: the row decides
    await updates(item(body(9, "another process stored it")))
    texts = [(fed.message.text if fed.message else None, kwargs) for fed, kwargs in dispatcher.fed]
    assert texts == [
        ("from the row", {"first_delivery": False}),
        ("another process stored it", {"first_delivery": True}),
    ]
    assert all(fed.bot is bot for fed, _ in dispatcher.fed)


async def test_updates_kept_and_never_handled_here_do_not_pile_up() -> None:
    bot, dispatcher = Bot(TOKEN), FedUpdates()
    updates = StoredUpdates(bot, dispatcher)
    for update_id in range(FRESH_KEPT + 50):
        updates.keep(updates.validate(body(update_id, "x")))
    await updates(item(body(0, "the oldest was let go")))  # validated from the row again
    ((fed, _),) = dispatcher.fed
    assert fed.message is not None
    assert fed.message.text == "the oldest was let go"
