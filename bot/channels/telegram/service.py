"""Telegram long polling as a BackgroundService, wired to the assistant's engine and notifier."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any

import structlog
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.types import TelegramObject
from aiogram.utils.token import TokenValidationError

from bot.app import Assistant
from bot.channels.base import Channel
from bot.channels.telegram.pacing import TelegramPacing
from bot.channels.telegram.profile import BotProfile
from bot.channels.telegram.router import build_router, build_staff_router
from bot.channels.telegram.sender import TelegramSender
from bot.channels.telegram.staff_commands import StaffGroupDesk
from bot.channels.telegram.staff_group import StaffGroupMirror
from bot.channels.telegram.staff_link import TelegramLinks
from bot.core.background import BackgroundService
from bot.core.engine import DialogEngine

log = structlog.get_logger(__name__)

RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 60.0


def build_dispatcher(
    engine: DialogEngine, sender: TelegramSender, staff: StaffGroupDesk | None = None
) -> Dispatcher:
    """The real Dispatcher: handlers get `engine`, `sender` (and `staff`) as typed parameters."""
    dispatcher = Dispatcher(engine=engine, sender=sender, staff=staff)
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
    assistant.cases.add_mirror(mirror)
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
        delay = RETRY_FIRST_SECONDS
        while not self._stopping.is_set():
            try:
                await self.dispatcher.start_polling(
                    self.bot,
                    handle_signals=False,  # the web server owns SIGINT/SIGTERM and stops us in its lifespan
                    close_bot_session=True,
                    allowed_updates=self.dispatcher.resolve_used_update_types(),
                )
                return
            except TelegramUnauthorizedError:
                log.error("telegram_disabled", reason="Telegram refused TELEGRAM_BOT_TOKEN (unauthorized)")
                return
            except Exception as error:
                # aiogram retries getUpdates itself; this is a failure before it (getMe, no network).
                # Only the error's type and Telegram's description: a URL could carry the token.
                detail = error.message if isinstance(error, TelegramAPIError) else ""
                name = type(error).__name__
                log.error("telegram_polling_failed", error=name, detail=detail, retry_in=delay)
            with suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)
            delay = min(delay * 2, RETRY_MAX_SECONDS)

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


class TelegramDisabled:
    """Stands in for polling when the token cannot even be parsed: the rest of the app runs on."""

    async def start(self) -> None:
        log.error("telegram_disabled", reason="TELEGRAM_BOT_TOKEN is not a valid bot token")

    async def stop(self) -> None:
        return None


def build_telegram_service(
    assistant: Assistant, token: str, *, session: BaseSession | None = None
) -> BackgroundService:
    """Bot, sender and Dispatcher for `token`; the sender also delivers the Notifier's messages.

    With TELEGRAM_STAFF_CHAT_ID set, cases are also mirrored to that forum group and staff can work
    them there. Returns TelegramPolling, or TelegramDisabled for a malformed token. `session` is for tests.
    """
    api_base = assistant.settings.telegram_api_base
    if session is None and api_base is not None:
        # A local Bot API server (https://github.com/tdlib/telegram-bot-api) or the benchmark's stand-in.
        session = AiohttpSession(api=TelegramAPIServer.from_base(api_base))
    try:
        # No default parse mode: the client sender asks for HTML and escapes every text itself
        # (sender.html_text); the staff group sends plain text.
        bot = Bot(token, session=session, default=DefaultBotProperties(parse_mode=None))
    except TokenValidationError:
        return TelegramDisabled()
    sender = TelegramSender(bot, assistant.translator, assistant.limiter)
    assistant.notifier.register(Channel.TELEGRAM, sender)
    staff_chat_id = assistant.settings.telegram_staff_chat_id
    staff = (
        build_staff_group(assistant, bot, staff_chat_id, sender.pacing) if staff_chat_id is not None else None
    )
    dispatcher = build_dispatcher(assistant.engine, sender, staff)
    grace = assistant.settings.shutdown_grace_seconds
    return TelegramPolling(bot, dispatcher, grace, build_profile(assistant))
