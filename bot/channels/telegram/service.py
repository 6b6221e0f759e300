"""Telegram as a BackgroundService (long polling or webhook mode), wired to the engine and notifier."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any, Protocol
from urllib.parse import urlsplit

import structlog
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.types import TelegramObject
from aiogram.utils.token import TokenValidationError
from starlette.routing import BaseRoute

from bot import json_codec
from bot.app import Assistant
from bot.channels.base import Channel
from bot.channels.telegram.pacing import TelegramPacing
from bot.channels.telegram.profile import BotProfile
from bot.channels.telegram.response_models import pin_response_models
from bot.channels.telegram.router import build_router, build_staff_router
from bot.channels.telegram.sender import TelegramSender
from bot.channels.telegram.session import JsonBodySession
from bot.channels.telegram.staff_commands import StaffGroupDesk
from bot.channels.telegram.staff_group import StaffGroupMirror
from bot.channels.telegram.staff_link import TelegramLinks
from bot.channels.telegram.updates import StoredUpdates
from bot.channels.telegram.webhook import CHANNEL, TelegramWebhook, derive_secret
from bot.core.background import BackgroundService
from bot.core.engine import DialogEngine

log = structlog.get_logger(__name__)

RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 60.0


class TelegramService(BackgroundService, Protocol):
    """Polling, webhook mode or disabled; webhook mode also brings the route Telegram posts to."""

    def routes(self) -> list[BaseRoute]: ...


def build_dispatcher(
    engine: DialogEngine, sender: TelegramSender, staff: StaffGroupDesk | None = None
) -> Dispatcher:
    """The real Dispatcher: handlers get `engine`, `sender` (and `staff`) as typed parameters."""
    # Without aiogram's FSM: our dialogs keep their own state (bot/core/state.py). Its middleware read
    # every update's state from a MemoryStorage that kept a record per chat for the life of the process.
    dispatcher = Dispatcher(disable_fsm=True, engine=engine, sender=sender, staff=staff)
    dispatcher.include_router(build_router(staff.chat_id if staff is not None else None))
    if staff is not None:
        dispatcher.include_router(build_staff_router(staff.chat_id))
    return dispatcher


def build_staff_group(
    assistant: Assistant, bot: Bot, chat_id: int, pacing: TelegramPacing | None = None
) -> StaffGroupDesk:
    """The staff group: a mirror of every desk event, and the desk for what staff do there."""
    mirror = StaffGroupMirror(
        bot,
        chat_id,
        assistant.sessions,
        assistant.translator,
        assistant.settings.default_locale,
        assistant.cases.now,
        pacing,
    )
    assistant.cases.mirrors.add(mirror)
    return StaffGroupDesk(assistant.cases, TelegramLinks(assistant.sessions), mirror, assistant.sessions)


def build_profile(assistant: Assistant) -> BotProfile:
    """The command menu and descriptions in every enabled language (webhook mode publishes it too)."""
    settings = assistant.settings
    return BotProfile(
        assistant.translator, settings.enabled_locales, settings.default_locale, assistant.centre.name
    )


async def publish_profile(bot: Bot, profile: BotProfile) -> None:
    """At start-up, beside the updates: whatever goes wrong is logged, the bot answers clients anyway."""
    try:
        await profile.publish(bot)
    except Exception:
        log.exception("telegram_profile_failed")


async def keep_trying(stopping: asyncio.Event, event: str, attempt: Callable[[], Awaitable[None]]) -> None:
    """Run `attempt` until it returns or `stopping` is set, backing off from 1 s to a minute; a refused
    token ends it, and a network outage never stops the web app."""
    delay = RETRY_FIRST_SECONDS
    while not stopping.is_set():
        try:
            await attempt()
            return
        except TelegramUnauthorizedError:
            log.error("telegram_disabled", reason="Telegram refused TELEGRAM_BOT_TOKEN (unauthorized)")
            return
        except Exception as error:
            # Only the error's type and Telegram's description: a URL in the message could carry the token.
            detail = error.message if isinstance(error, TelegramAPIError) else ""
            log.error(event, error=type(error).__name__, detail=detail, retry_in=delay)
        with suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), delay)
        delay = min(delay * 2, RETRY_MAX_SECONDS)


class TelegramPolling:
    """Long-polls Telegram in a task; a refused token or a network outage never stops the web app."""

    def __init__(
        self, bot: Bot, dispatcher: Dispatcher, grace_seconds: float, profile: BotProfile | None = None
    ) -> None:
        self.bot = bot
        self.dispatcher = dispatcher
        self._grace = grace_seconds
        self._profile = profile
        self._profile_task: asyncio.Task[None] | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        # Polling stops before handlers finish (they run as tasks); stop() waits for them.
        dispatcher.update.outer_middleware.register(self._track)

    def routes(self) -> list[BaseRoute]:
        return []

    async def start(self) -> None:
        self._stopping.clear()
        if self._profile is not None:
            publish = publish_profile(self.bot, self._profile)
            self._profile_task = asyncio.create_task(publish, name="telegram-profile")
        self._task = asyncio.create_task(self._run(), name="telegram-polling")

    async def stop(self) -> None:
        self._stopping.set()
        task, self._task = self._task, None
        profile_task, self._profile_task = self._profile_task, None
        try:
            if profile_task is not None and not profile_task.done():
                profile_task.cancel()  # a start-up nicety, not worth delaying the shutdown for
                with suppress(asyncio.CancelledError):
                    await profile_task
            if task is not None:
                # RuntimeError "Polling is not started": the task is between retries or has ended.
                with suppress(RuntimeError, TimeoutError):
                    await asyncio.wait_for(self.dispatcher.stop_polling(), self._grace)
                try:
                    await asyncio.wait_for(task, self._grace)
                except TimeoutError:
                    log.warning("telegram_polling_stop_timeout")
            try:
                await asyncio.wait_for(self._idle.wait(), self._grace)
            except TimeoutError:
                log.warning("telegram_handlers_still_running", inflight=self._inflight)
        finally:
            # start_polling closes the session too, but not when it never ran or a late reply reopened it.
            await self.bot.session.close()

    async def _run(self) -> None:
        # aiogram retries getUpdates itself; what is retried here fails before it (getMe, no network).
        await keep_trying(self._stopping, "telegram_polling_failed", self._poll)

    async def _poll(self) -> None:
        # getUpdates answers 409 while a webhook is set (an earlier run in webhook mode), and
        # start_polling does not remove it; pending updates stay to be polled.
        await self.bot.delete_webhook(drop_pending_updates=False)
        await self.dispatcher.start_polling(
            self.bot,
            handle_signals=False,  # the web server owns SIGINT/SIGTERM and stops us in its lifespan
            close_bot_session=True,
            allowed_updates=self.dispatcher.resolve_used_update_types(),
        )

    async def _track(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self._inflight += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self._inflight -= 1
            if self._inflight == 0:
                self._idle.set()


class TelegramWebhookMode:
    """Webhook mode: setWebhook on start (retried until Telegram takes it); updates come to routes().

    Stored updates are handled by the InboxProcessor, which drains before this service stops. On stop
    the webhook stays set: another process may be serving it, and Telegram keeps updates meanwhile.
    """

    def __init__(
        self,
        bot: Bot,
        dispatcher: Dispatcher,
        webhook: TelegramWebhook,
        url: str,
        secret: str,
        profile: BotProfile | None = None,
    ) -> None:
        self.bot = bot
        self.dispatcher = dispatcher
        self.webhook = webhook
        self._profile = profile
        self._url = url
        self._path = urlsplit(url).path  # a reverse proxy may have chosen it: the route follows
        self._secret = secret
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._started = False

    def routes(self) -> list[BaseRoute]:
        return self.webhook.routes(self._path)

    async def start(self) -> None:
        self._stopping.clear()
        self._task = asyncio.create_task(self._run(), name="telegram-webhook")

    async def stop(self) -> None:
        self._stopping.set()
        task, self._task = self._task, None
        try:
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
            if self._started:
                await self.dispatcher.emit_shutdown(**self._workflow_data())
        finally:
            await self.bot.session.close()

    def _workflow_data(self) -> dict[str, Any]:
        # What start_polling hands to startup and shutdown hooks, so they run alike in both modes.
        return {
            "dispatcher": self.dispatcher,
            "bots": (self.bot,),
            **self.dispatcher.workflow_data,
            "bot": self.bot,
        }

    async def _run(self) -> None:
        await keep_trying(self._stopping, "telegram_set_webhook_failed", self._set_webhook)
        if self._profile is not None and not self._stopping.is_set():
            await publish_profile(self.bot, self._profile)

    async def _set_webhook(self) -> None:
        if not self._started:
            await self.dispatcher.emit_startup(**self._workflow_data())
            self._started = True
        await self.bot.set_webhook(
            self._url,
            secret_token=self._secret,
            allowed_updates=self.dispatcher.resolve_used_update_types(),
            drop_pending_updates=False,  # what arrived while no process served is still wanted
        )
        log.info("telegram_webhook_set", path=self._path)


class TelegramDisabled:
    """Stands in for polling when the token cannot even be parsed: the rest of the app runs on."""

    def routes(self) -> list[BaseRoute]:
        return []

    async def start(self) -> None:
        log.error("telegram_disabled", reason="TELEGRAM_BOT_TOKEN is not a valid bot token")

    async def stop(self) -> None:
        return None


def build_telegram_service(
    assistant: Assistant, token: str, *, session: BaseSession | None = None
) -> TelegramService:
    """Bot, sender and Dispatcher for `token`; the sender also delivers the Notifier's messages.

    With TELEGRAM_WEBHOOK_URL set this is webhook mode (TelegramWebhookMode), else long polling
    (TelegramPolling); TelegramDisabled for a malformed token. With TELEGRAM_STAFF_CHAT_ID set, cases
    are also mirrored to that forum group and staff can work them there. `session` is for tests.
    """
    settings = assistant.settings
    api_base = settings.telegram_api_base
    if session is None:
        # TELEGRAM_API_BASE: a local Bot API server (https://github.com/tdlib/telegram-bot-api) or the
        # benchmark's stand-in; else Telegram's own.
        api = PRODUCTION if api_base is None else TelegramAPIServer.from_base(api_base)
        session = JsonBodySession(api=api, json_loads=json_codec.loads, json_dumps=json_codec.dumps)
    pin_response_models()
    try:
        # No default parse mode: the client sender asks for HTML and escapes every text itself
        # (sender.html_text); the staff group sends plain text.
        bot = Bot(token, session=session, default=DefaultBotProperties(parse_mode=None))
    except TokenValidationError:
        return TelegramDisabled()
    # The one sender of this process: replies, Notifier messages, broadcasts and (through its pacing) the
    # staff group all take the bot's bucket at the configured rate.
    sender = TelegramSender(
        bot, assistant.translator, assistant.limiter, bot_per_second=settings.telegram_messages_per_second
    )
    assistant.notifier.register(Channel.TELEGRAM, sender)
    staff_chat_id = settings.telegram_staff_chat_id
    staff = (
        build_staff_group(assistant, bot, staff_chat_id, sender.pacing) if staff_chat_id is not None else None
    )
    dispatcher = build_dispatcher(assistant.engine, sender, staff)
    # Also in polling mode: updates a webhook run stored but did not process yet are handled after a switch.
    stored = StoredUpdates(bot, dispatcher)
    assistant.inbox.register(CHANNEL, stored)
    profile = build_profile(assistant)
    url = settings.telegram_webhook_url
    if url is None:
        return TelegramPolling(bot, dispatcher, settings.shutdown_grace_seconds, profile)
    given = settings.telegram_webhook_secret
    secret = given.get_secret_value() if given is not None else derive_secret(token)
    webhook = TelegramWebhook(secret, assistant.inbox, dispatcher.resolve_used_update_types(), stored)
    return TelegramWebhookMode(bot, dispatcher, webhook, url, secret, profile)
