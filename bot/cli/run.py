"""`python -m bot run`: the web app, Telegram (polling or webhook) when configured, background loops."""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import structlog
import uvicorn
from starlette.applications import Starlette

from bot.app import Assistant, SchemaNotCurrent, build_assistant, check_schema
from bot.core.background import BackgroundService, PeriodicTask
from bot.core.retention import purge_expired_messages
from bot.nlu.loader import TrainingDataError
from bot.nlu.service import load_understanding
from bot.settings import Settings
from bot.web.app import build_web_app
from broadcasts.outbox import BroadcastLoop, BroadcastSender
from scheduler.reminders import ReminderDispatcher

if TYPE_CHECKING:
    from bot.channels.telegram.service import TelegramService

log = structlog.get_logger(__name__)
HOUR = 3600


class GracefulServer(uvicorn.Server):
    """Exits with status 0 after a graceful SIGTERM shutdown instead of re-raising the signal."""

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        with super().capture_signals():
            yield
            # uvicorn re-raises captured signals to die by them; we finished cleanly, so say so.
            captured = getattr(self, "_captured_signals", None)
            if isinstance(captured, list):
                captured.clear()


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "run", help="serve the web chat, staff console and webhooks; poll Telegram unless it uses a webhook"
    )
    parser.set_defaults(handler=_run)


def telegram_service(assistant: Assistant) -> TelegramService | None:
    """Polling or webhook mode when TELEGRAM_BOT_TOKEN is set; None without it."""
    token = assistant.settings.telegram_bot_token
    if token is None:
        return None
    # Imported here: aiogram is loaded only by processes that talk to Telegram.
    from bot.channels.telegram.service import build_telegram_service

    return build_telegram_service(assistant, token.get_secret_value())


def background_services(
    assistant: Assistant, telegram: BackgroundService | None = None
) -> list[BackgroundService]:
    """Started in this order and stopped in reverse: the inbox drains, then the staff group's queue,
    before Telegram's session closes."""
    settings = assistant.settings
    reminders = ReminderDispatcher(
        assistant.sessions,
        assistant.notifier.notify,
        default_locale=settings.default_locale,
        clock=lambda: assistant.scheduler.clock(),  # one notion of "now" with the scheduler
    )
    services: list[BackgroundService] = [
        PeriodicTask(
            "retention-purge",
            HOUR,
            lambda: purge_expired_messages(assistant.sessions, settings.message_retention_days),
        ),
        PeriodicTask("reminders", settings.reminder_interval_seconds, reminders.run_once),
        PeriodicTask("case-sla", settings.case_sla_check_seconds, assistant.cases.sla_round),
    ]
    if telegram is not None:
        services.append(telegram)
    # Between the two: the inbox's last messages still reach the staff group, and its posts go out
    # before Telegram's session closes.
    services.append(assistant.cases.mirrors)
    if assistant.inbox.channels:
        # Stored webhook messages (WhatsApp, Telegram), including any a crash left unprocessed.
        services.append(assistant.inbox)
    broadcasts = BroadcastSender(
        assistant.sessions, assistant.notifier, assistant.limiter, default_locale=settings.default_locale
    )
    services.append(BroadcastLoop(broadcasts, settings.broadcast_interval_seconds))
    return services


def build_app(assistant: Assistant) -> Starlette:
    """The web app with every channel and background loop, as `run` serves it."""
    telegram = telegram_service(assistant)  # first: it registers its sender and inbox handler
    webhooks = telegram.routes() if telegram is not None else []
    return build_web_app(assistant, background_services(assistant, telegram), webhooks)


async def serve(settings: Settings) -> int:
    try:
        # Before the NLU: an operator who forgot the migration hears so at once, not after a training.
        await check_schema(settings.database_url)
    except SchemaNotCurrent as exc:
        print(f"Start-up error: {exc}", file=sys.stderr)
        return 2
    try:
        # Trains on first start or when nlu_data/ changed (well under a minute); loads in a second otherwise.
        understanding = await asyncio.to_thread(load_understanding, settings.nlu_model_path)
    except TrainingDataError as error:
        print(f"Start-up error: nlu_data/ has {len(error.problems)} problem(s):\n{error}", file=sys.stderr)
        return 2
    assistant = build_assistant(settings, understanding)
    app = build_app(assistant)
    config = uvicorn.Config(
        app,
        host=settings.web_host,
        port=settings.web_port,
        log_config=None,  # our structlog set-up handles uvicorn's records too
        timeout_graceful_shutdown=int(settings.shutdown_grace_seconds),
        proxy_headers=True,
    )
    server = GracefulServer(config)
    # What start-up built (the NLU model's hundreds of thousands of objects, the app) lives as long as
    # the process: out of the garbage collector's sight, a full collection takes about a millisecond
    # instead of about 300 ms during which every client waited.
    gc.collect()
    gc.freeze()
    await server.serve()
    return 0 if server.started else 1


def event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop where it is installed (uvicorn[standard] brings it, except on Windows), else asyncio's loop.

    The choice uvicorn makes itself (its `loop="auto"`), lost when it is served from our own event loop.
    Every message is socket work (the webhook, the database, Redis, the platform's API), which uvloop does
    in C: bench/channels.py measured the WhatsApp path on SQLite at 4.19 ms of CPU per update on asyncio's
    loop and 3.40 ms on uvloop, in the same run.
    """
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def _run(args: argparse.Namespace, settings: Settings) -> int:
    with asyncio.Runner(loop_factory=event_loop_factory()) as runner:
        return runner.run(serve(settings))
