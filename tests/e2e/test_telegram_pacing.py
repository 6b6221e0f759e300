"""Telegram pacing end to end: Dispatcher, Notifier and outbox over HTTP to a stand-in enforcing limits."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime

import pytest
from aiogram.types import Chat, Message, Update, User

from bot.app import Assistant, build_assistant
from bot.channels.base import Reply
from bot.channels.telegram.service import TelegramPolling, build_telegram_service
from bot.core.notifier import Delivered
from bot.i18n.msg import Msg
from bot.nlu.service import Understanding
from broadcasts.outbox import BroadcastSender
from tests import seeding
from tests.conftest import make_settings
from tests.deployments import Deployment
from tests.fakes import FAKE_TELEGRAM_TOKEN
from tests.standins.telegram_api import Limits, TelegramStandIn, max_in_any_window

Process = tuple[Assistant, TelegramPolling]


@pytest.fixture
async def telegram() -> AsyncIterator[TelegramStandIn]:
    standin = TelegramStandIn(Limits(bot_per_second=30, retry_after=1))
    await standin.start()
    yield standin
    await standin.stop()


@pytest.fixture
async def start(
    deployment: Deployment, understanding: Understanding, telegram: TelegramStandIn
) -> AsyncIterator[Callable[[], Process]]:
    """Starts one assistant process with Telegram on the stand-in; all of them share the database and,
    in the services deployment (or with fakeredis here), the Redis that holds the limiter."""
    started: list[Process] = []

    def process() -> Process:
        settings = make_settings(deployment.database_url, telegram_api_base=telegram.url)
        assistant = build_assistant(settings, understanding, redis=deployment.redis(shared=True))
        service = build_telegram_service(assistant, FAKE_TELEGRAM_TOKEN)
        assert isinstance(service, TelegramPolling)
        started.append((assistant, service))
        return assistant, service

    yield process
    for assistant, service in started:
        await service.bot.session.close()
        await assistant.aclose()


async def write(service: TelegramPolling, chat_id: int, text: str) -> None:
    """A client's message, through the real Dispatcher and router; the answer goes out over HTTP."""
    user = User(id=chat_id, is_bot=False, first_name="Olena", language_code="uk")
    chat = Chat(id=chat_id, type="private")
    message = Message(message_id=chat_id, date=datetime.now(UTC), chat=chat, from_user=user, text=text)
    await service.dispatcher.feed_update(service.bot, Update(update_id=chat_id, message=message))


async def later(seconds: float, job: Awaitable[None]) -> None:
    await asyncio.sleep(seconds)
    await job


async def wait_until(condition: Callable[[], bool], seconds: float = 10) -> None:
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 - the stand-in's record is a plain list
            await asyncio.sleep(0.01)


async def test_a_reply_and_a_notice_refused_with_429_arrive_after_retry_after(
    start: Callable[[], Process], telegram: TelegramStandIn
) -> None:
    assistant, service = start()
    await seeding.subscribers(assistant.sessions, ["tg:702"], datetime.now(UTC))
    telegram.refuse_next()  # Telegram is busy: the first message is answered 429, retry after 1 s
    reply = asyncio.create_task(write(service, 701, "Добрий день"))
    await wait_until(lambda: telegram.record.too_many == 1)
    # Meanwhile a counsellor's message to another client: the whole bot waits out the retry_after.
    delivered = await assistant.notifier.deliver("tg:702", [Reply.of(Msg.INPUT_UNSUPPORTED)])
    await reply

    assert delivered is Delivered.SENT
    assert telegram.record.accepted == {701: 1, 702: 1}  # the welcome was not lost to the 429
    [refused] = telegram.record.refused_at
    assert all(at >= refused + 1.0 for _, at in telegram.record.arrivals)
    assert telegram.record.ignored_retry_after == 0  # nothing was sent while Telegram said to wait


async def test_replies_of_one_process_and_a_broadcast_of_another_stay_within_30_a_second(
    start: Callable[[], Process], telegram: TelegramStandIn
) -> None:
    worker, _ = start()  # sends the broadcast
    _, service = start()  # answers clients meanwhile
    audience = [9000 + n for n in range(45)]
    await seeding.subscribers(worker.sessions, [f"tg:{chat}" for chat in audience], datetime.now(UTC))
    await seeding.broadcast_due(worker.sessions, datetime.now(UTC))
    clients = [800 + n for n in range(15)]

    broadcast = asyncio.create_task(
        BroadcastSender(worker.sessions, worker.notifier, worker.limiter).run_once()
    )
    await asyncio.gather(
        *(later(0.2 + n * 0.05, write(service, chat, "Добрий день")) for n, chat in enumerate(clients))
    )
    stats = await broadcast

    record = telegram.record
    assert stats.sent == len(audience)
    assert record.accepted == Counter(audience + clients)  # each once: every subscriber, every client
    assert record.too_many == 0
    assert max_in_any_window(record.answered) <= 30
    # The replies took their slots between the broadcast's, instead of waiting for its end.
    last_reply = max(at for chat, at in record.arrivals if chat in clients)
    last_broadcast = max(at for chat, at in record.arrivals if chat in audience)
    assert last_reply < last_broadcast
