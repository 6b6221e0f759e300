"""The app in Telegram webhook mode for end-to-end tests, and a client whose updates Telegram posts to it.

The app is built as `run` builds it and served by uvicorn; Telegram is the Bot API stand-in, which the bot
reaches over HTTP through aiogram's own session (TELEGRAM_API_BASE) and which posts updates to the URL of
the last setWebhook with its secret token.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import select

from bot.app import Assistant, build_assistant
from bot.channels.telegram.keyboards import unpack_payload
from bot.cli.run import build_app
from bot.i18n.msg import Msg
from bot.inbox.models import InboxMessage
from bot.nlu.service import Understanding
from tests import backends
from tests.conftest import CENTRE_OPEN, make_settings
from tests.e2e.browser import free_port, serve_app
from tests.fakes import FAKE_TELEGRAM_TOKEN
from tests.standins.telegram_api import Limits, TelegramStandIn, serving
from tests.standins.telegram_updates import callback_update, message_update, private_chat

BACKENDS = ["sqlite+memory", "postgres+redis"]
MENU = ["faq", "book", "human", "courses", "lang", "help"]
PATH = "/hooks/tg-7f3a"  # not the default: the route follows the URL's path

Stack = tuple[str, Redis | None]


@asynccontextmanager
async def backend(kind: str, folder: Path) -> AsyncIterator[Stack]:
    """A migrated, empty database and (for "postgres+redis") the TEST_REDIS_URL server."""
    if kind == "sqlite+memory":
        yield await backends.sqlite_database(folder), None
        return
    database_url = await backends.postgres_database()
    async for redis in backends.redis_client("redis"):
        yield database_url, redis


@asynccontextmanager
async def telegram_standin() -> AsyncIterator[TelegramStandIn]:
    # A private chat takes bursts (a reply of three messages); the per-chat pacing is the outbox's concern.
    async with serving(Limits(bot_per_second=1000, chat_interval=0.0)) as standin:
        yield standin


@asynccontextmanager
async def running(
    stack: Stack, understanding: Understanding, telegram: TelegramStandIn, **extra: Any
) -> AsyncIterator[Assistant]:
    """`run` in webhook mode on a free port, until the block ends (then the app's own graceful stop)."""
    database_url, redis = stack
    port = free_port()
    settings = make_settings(
        database_url,
        telegram_bot_token=FAKE_TELEGRAM_TOKEN,
        telegram_api_base=telegram.url,
        telegram_webhook_url=f"http://127.0.0.1:{port}{PATH}",
        broadcast_interval_seconds=0.1,
        **extra,
    )
    assistant = build_assistant(settings, understanding, redis=redis)
    assistant.cases.clock = lambda: CENTRE_OPEN
    async with serve_app(build_app(assistant), port):
        await wait_until(lambda: telegram.webhook is not None)
        yield assistant


@dataclass
class TelegramClient:
    """A person's Telegram app: updates to the bot's webhook, their chat as the stand-in holds it."""

    assistant: Assistant
    telegram: TelegramStandIn
    user: dict[str, Any]
    seen: int = 0  # the bot's messages up to this id are history
    _message_ids: count[int] = field(default_factory=lambda: count(1))

    @property
    def user_ref(self) -> str:
        return f"tg:{self.user['id']}"

    def update(self, chat: dict[str, Any] | None = None, **content: Any) -> dict[str, Any]:
        chat = chat or private_chat(self.user)
        return message_update(
            self.telegram.next_update_id(), next(self._message_ids), self.user, chat, **content
        )

    async def deliver(self, update: dict[str, Any]) -> None:
        """Telegram posts the update; the webhook must take it; then the inbox handles it."""
        status, body = await self.telegram.post_update(update)
        assert (status, body) == (200, "ok")
        await self.assistant.inbox.run_until_idle()

    async def say(self, words: str) -> None:
        await self.deliver(self.update(text=words))

    async def press(self, payload: str) -> dict[str, Any]:
        """Press the button for `payload` on the newest message showing it; returns that message."""
        for message in reversed(self.chat):
            for button in buttons(message):
                if unpack_payload(button["callback_data"]) == payload:
                    update_id = self.telegram.next_update_id()
                    await self.deliver(
                        callback_update(update_id, self.user, message, button["callback_data"])
                    )
                    return dict(message)
        raise AssertionError(f"no button for {payload!r} in {[m.get('text') for m in self.chat]}")

    async def onboard(self) -> None:
        await self.say("Добрий день")
        await self.press("start:agree")
        await self.press("lang:uk")
        self.mark()

    def mark(self) -> None:
        """What the bot sent so far becomes history for `replies`."""
        self.seen = max((m["message_id"] for m in self.chat), default=0)

    @property
    def chat(self) -> list[dict[str, Any]]:
        return self.telegram.messages_in(self.user["id"])

    @property
    def replies(self) -> list[dict[str, Any]]:
        return [m for m in self.chat if m["message_id"] > self.seen]

    @property
    def texts(self) -> str:
        return "\n".join(m.get("text", "") for m in self.replies)

    async def inbox_rows(self) -> list[InboxMessage]:
        async with self.assistant.sessions() as s:
            query = select(InboxMessage).where(InboxMessage.user_ref == self.user_ref)
            return list((await s.scalars(query.order_by(InboxMessage.id))).all())

    def uk(self, msg: Msg, **args: object) -> str:
        return self.assistant.translator.format("uk", msg, args)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def payloads(message: dict[str, Any]) -> list[str]:
    return [unpack_payload(b["callback_data"]) or "?" for b in buttons(message)]


async def wait_until(condition: Callable[[], bool], seconds: float = 5) -> None:
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 - the stand-in's records are plain lists
            await asyncio.sleep(0.01)
