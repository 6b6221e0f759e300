"""The Telegram webhook route: secret first, then parse and store each update in the inbox before the 200.

https://core.telegram.org/bots/api#setwebhook and #update. Telegram retries an update until it gets a 2xx
(for up to 24 hours), so anything that can never be handled is acknowledged with 200 and logged, and
only a storage failure answers 500, to have the update sent again.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import structlog
from aiogram.dispatcher.middlewares.user_context import UserContextMiddleware
from aiogram.types import Update
from aiogram.types.update import UpdateTypeLookupError
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from bot import json_codec
from bot.channels.base import Channel
from bot.channels.telegram.convert import chat_user_ref
from bot.channels.telegram.updates import StoredUpdates
from bot.core.privacy import anon_ref
from bot.inbox.processor import InboxProcessor
from bot.inbox.store import NewInbound

log = structlog.get_logger(__name__)

CHANNEL = Channel.TELEGRAM.value
AUTH_HEADER = "x-telegram-bot-api-secret-token"


def derive_secret(token: str) -> str:
    """A stable secret_token when TELEGRAM_WEBHOOK_SECRET is unset: every process derives the same one.

    HMAC-SHA256 of a fixed label keyed by the bot token, in hex (64 of the allowed A-Z a-z 0-9 _ -).
    """
    return hmac.new(token.encode(), b"telegram-webhook-secret", hashlib.sha256).hexdigest()


def inbox_row(data: dict[str, Any], update: Update) -> NewInbound | None:
    """The inbox row of an update: keyed by update_id, queued per chat (or per person without a chat)."""
    context = UserContextMiddleware.resolve_event_context(update)
    if context.chat is not None:
        owner = context.chat.id
    elif context.user is not None:
        owner = context.user.id
    else:
        return None
    message = update.message
    sent_at = message.date if message is not None else datetime.now(UTC)
    return NewInbound(CHANNEL, str(update.update_id), chat_user_ref(owner), data, sent_at)


class TelegramWebhook:
    """POST handler: checks the secret, keeps the updates the Dispatcher handles, stores, kicks the inbox."""

    def __init__(
        self,
        secret: str,
        inbox: InboxProcessor,
        handled_types: Iterable[str],
        updates: StoredUpdates,
    ) -> None:
        self._secret = secret.encode()
        self._inbox = inbox
        # The inbox's handler of this process: it validates (bound to the bot) and is handed each update
        # stored here, so that the update is not validated a second time when it is handled.
        self._updates = updates
        self._handled = frozenset(handled_types)

    def routes(self, path: str) -> list[BaseRoute]:
        return [Route(path, self.receive, methods=["POST"])]

    async def receive(self, request: Request) -> Response:
        header = request.headers.get(AUTH_HEADER, "")
        # Before reading the body: a stranger's request costs no parsing.
        if not hmac.compare_digest(header.encode(), self._secret):
            log.warning("telegram_webhook_bad_secret", has_header=AUTH_HEADER in request.headers)
            return PlainTextResponse("forbidden", status_code=403)
        parsed = self._parse(await request.body())
        if parsed is None:
            return PlainTextResponse("ok")
        data, update = parsed
        row = inbox_row(data, update)
        if row is None:
            log.info("telegram_update_ignored", update_type=update.event_type, reason="no chat or sender")
            return PlainTextResponse("ok")
        return await self._store(row, update)

    def _parse(self, body: bytes) -> tuple[dict[str, Any], Update] | None:
        """The update, or None (logged by type and size only: the body is a client's words)."""
        try:
            data = json_codec.loads(body)
            # A list or a number is a ValidationError too.
            update = self._updates.validate(data)
        except (ValueError, ValidationError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            log.warning("telegram_webhook_malformed_body", size=len(body))
            return None
        try:
            update_type = update.event_type
        except UpdateTypeLookupError:  # a type newer than our aiogram: name it by its field
            update_type = next((str(key) for key in data if key != "update_id"), "none")
        if update_type not in self._handled:
            # allowed_updates keeps these away; they come when another setWebhook let them through.
            log.info("telegram_update_ignored", update_type=update_type, reason="not handled")
            return None
        return data, update

    async def _store(self, row: NewInbound, update: Update) -> Response:
        # Before the row is stored: the inbox may claim it as soon as it is committed.
        self._updates.keep(update)
        try:
            added = await self._inbox.store.add([row])
        except Exception as error:
            # Only the type: a database error's message can quote the statement's parameters (the body).
            log.error("telegram_webhook_store_failed", error=type(error).__name__)
            return PlainTextResponse("try again", status_code=500)
        if not added:
            log.info("telegram_duplicate_update", user=anon_ref(row.user_ref))
            return PlainTextResponse("ok")
        self._inbox.kick()
        return PlainTextResponse("ok")
