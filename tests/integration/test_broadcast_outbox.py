"""The broadcast outbox on every database: audience, one delivery each, outcomes, crash and two senders."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import Reply, SendResult, SendStatus
from bot.cli.broadcast import show_status
from bot.clients.repository import ClientRepository
from bot.core.ratelimit import MemoryRateLimiter, Rate
from bot.db.session import create_engine, create_session_factory
from broadcasts import lifecycle
from broadcasts.audience import Audience
from broadcasts.models import Broadcast, BroadcastStatus, Delivery, DeliveryStatus, EmptyLanguage, Topic
from broadcasts.outbox import BroadcastSender
from broadcasts.outcomes import INTERRUPTED
from broadcasts.progress import progress, report
from broadcasts.subscriptions import SubscriptionBook
from tests.conftest import make_settings

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


class FakeTransport:
    """The Notifier's delivery edge: records each message and answers as scripted per user_ref."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str]] = []  # user_ref, locale, text
        self.script: dict[str, list[SendStatus]] = {}

    def can_deliver(self, user_ref: str) -> bool:
        return not user_ref.startswith("wa:")

    def limits(self, user_ref: str) -> tuple[Rate, ...]:
        return (Rate("tg:bot:1", 10_000), Rate(f"chat:{user_ref}", 10_000))

    async def deliver_reporting(
        self, user_ref: str, locale: str, replies: Sequence[Reply], *, skip_parts: int = 0
    ) -> SendResult:
        await asyncio.sleep(0)
        outcomes = self.script.get(user_ref)
        status = outcomes.pop(0) if outcomes else SendStatus.SENT
        if status is not SendStatus.SENT:
            return SendResult(status, retry_after=2.0 if status is SendStatus.RATE_LIMITED else None)
        self.sent.append((user_ref, locale, str(replies[0].lines[0].args["text"])))
        return SendResult(SendStatus.SENT, 1, "m1")


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    yield create_session_factory(engine)
    await engine.dispose()


async def add_client(
    sessions: async_sessionmaker[AsyncSession], user_ref: str, locale: str, topics: Sequence[Topic]
) -> int:
    async with sessions() as s, s.begin():
        thread = await ClientRepository(s).get_or_create(user_ref)
        thread.client.locale = locale
        thread.client.consent_at = NOW - timedelta(days=1)
        await s.flush()
        for topic in topics:
            await SubscriptionBook(s).subscribe(thread.client.id, topic, NOW)
        return thread.client.id


async def new_broadcast(
    sessions: async_sessionmaker[AsyncSession],
    texts: dict[str, str],
    topics: Sequence[Topic] = (Topic.CZECH_COURSES,),
    empty: EmptyLanguage = EmptyLanguage.FALLBACK,
) -> int:
    async with sessions() as s, s.begin():
        broadcast = Broadcast(
            title="A1 course",
            texts=texts,
            empty_language=empty.value,
            fallback_locale="cs",
            audience=Audience(tuple(t.value for t in topics)).as_json(),
        )
        s.add(broadcast)
        await s.flush()
        await lifecycle.schedule(s, broadcast, NOW, NOW)
        return broadcast.id


async def statuses(sessions: async_sessionmaker[AsyncSession], broadcast_id: int) -> dict[str, str]:
    async with sessions() as s:
        rows = await s.execute(
            select(Delivery.user_ref, Delivery.status).where(Delivery.broadcast_id == broadcast_id)
        )
        return {ref: status for ref, status in rows.all()}


def sender(
    sessions: async_sessionmaker[AsyncSession], transport: FakeTransport, clock: Clock, worker: str = "w1"
) -> BroadcastSender:
    return BroadcastSender(sessions, transport, MemoryRateLimiter(), worker_id=worker, clock=clock, batch=7)


async def test_each_subscriber_gets_one_message_in_their_language(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    for i in range(6):
        locale = ("uk", "vi", "ru")[i % 3]
        await add_client(sessions, f"tg:{100 + i}", locale, [Topic.CZECH_COURSES, Topic.NEWS])
    await add_client(sessions, "tg:200", "en", [Topic.EXAMS])  # another topic: not in the audience
    await add_client(sessions, "wa:420777", "uk", [Topic.CZECH_COURSES])  # no WhatsApp sender yet
    broadcast_id = await new_broadcast(
        sessions, {"cs": "Kurz A1", "uk": "Курс A1 { $x } <b>"}, topics=(Topic.CZECH_COURSES, Topic.NEWS)
    )
    transport, clock = FakeTransport(), Clock()
    stats = await sender(sessions, transport, clock).run_once()
    assert stats.sent == 6
    per_client = Counter(ref for ref, _, _ in transport.sent)
    assert set(per_client.values()) == {1}
    texts = {ref: (locale, text) for ref, locale, text in transport.sent}
    assert texts["tg:100"] == ("uk", "Курс A1 { $x } <b>")  # the coordinator's words, untouched
    assert texts["tg:101"] == ("cs", "Kurz A1")  # Vietnamese is empty: the Czech fallback
    found = await statuses(sessions, broadcast_id)
    assert found["wa:420777"] == DeliveryStatus.SKIPPED.value
    assert "tg:200" not in found
    async with sessions() as s:
        broadcast = await s.get(Broadcast, broadcast_id)
        assert broadcast is not None
        assert broadcast.status == BroadcastStatus.DONE.value
        lines = {(line.locale, line.channel): line.counts for line in await report(s, broadcast_id)}
    assert lines[("uk", "tg")] == {"sent": 2}
    assert lines[("uk", "wa")] == {"skipped": 1}


async def test_skip_policy_and_outcomes_blocked_gone_retry_rate_limited(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    for i in range(5):
        await add_client(sessions, f"tg:{i + 1}", "uk", [Topic.EXAMS])
    await add_client(sessions, "tg:9", "vi", [Topic.EXAMS])
    broadcast_id = await new_broadcast(
        sessions, {"uk": "Іспит", "cs": "Zkouška"}, topics=(Topic.EXAMS,), empty=EmptyLanguage.SKIP
    )
    transport, clock = FakeTransport(), Clock()
    transport.script = {
        "tg:2": [SendStatus.BLOCKED],
        "tg:3": [SendStatus.GONE],
        "tg:4": [SendStatus.RETRY],
        "tg:5": [SendStatus.RATE_LIMITED],
    }
    await sender(sessions, transport, clock).run_once()
    found = await statuses(sessions, broadcast_id)
    assert found == {
        "tg:1": "sent",
        "tg:2": "blocked",
        "tg:3": "failed",
        "tg:4": "queued",
        "tg:5": "queued",
        "tg:9": "skipped",
    }
    clock.now += timedelta(minutes=1)  # past the back-off and the retry_after
    await sender(sessions, transport, clock).run_once()
    found = await statuses(sessions, broadcast_id)
    assert found["tg:4"] == found["tg:5"] == "sent"
    # The blocked client and the vanished chat are never in an audience again.
    second = await new_broadcast(sessions, {"uk": "Ще", "cs": "Ještě"}, topics=(Topic.EXAMS,))
    await sender(sessions, transport, clock).run_once()
    assert set(await statuses(sessions, second)) == {"tg:1", "tg:4", "tg:5", "tg:9"}


async def test_a_row_left_sending_by_a_dead_process_is_not_sent_again(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    for i in range(3):
        await add_client(sessions, f"tg:{i + 1}", "cs", [Topic.EVENTS])
    broadcast_id = await new_broadcast(sessions, {"cs": "Přednáška"}, topics=(Topic.EVENTS,))
    clock = Clock()
    await lifecycle.start_due(sessions, clock.now, "en")
    async with sessions() as s, s.begin():
        # What a SIGKILL right after the 'sending' commit leaves behind.
        await s.execute(
            update(Delivery)
            .where(Delivery.user_ref == "tg:1")
            .values(status="sending", claimed_by="dead:1", lease_until=clock.now + timedelta(seconds=60))
        )
        await s.execute(
            update(Delivery)
            .where(Delivery.user_ref == "tg:2")
            .values(claimed_by="dead:1", lease_until=clock.now + timedelta(seconds=60))
        )
    transport = FakeTransport()
    await sender(sessions, transport, clock).run_once()
    assert [ref for ref, _, _ in transport.sent] == ["tg:3"]  # tg:2 waits for the dead claim's lease
    clock.now += timedelta(seconds=61)
    await sender(sessions, transport, clock).run_once()
    assert sorted(ref for ref, _, _ in transport.sent) == ["tg:2", "tg:3"]
    async with sessions() as s:
        row = await s.scalar(select(Delivery).where(Delivery.user_ref == "tg:1"))
        assert row is not None
        assert (row.status, row.reason) == ("failed", INTERRUPTED)
        broadcast = await s.get(Broadcast, broadcast_id)
        assert broadcast is not None
        shown = await progress(s, broadcast, clock.now)
    assert shown.interrupted == 1
    assert shown.left == 0


async def test_two_senders_deliver_each_row_once(sessions: async_sessionmaker[AsyncSession]) -> None:
    for i in range(40):
        await add_client(sessions, f"tg:{i + 1}", "en", [Topic.NEWS])
    await new_broadcast(sessions, {"en": "News", "cs": "Novinky"}, topics=(Topic.NEWS,))
    transport, clock = FakeTransport(), Clock()
    first, second = sender(sessions, transport, clock, "w1"), sender(sessions, transport, clock, "w2")
    await asyncio.gather(first.run_once(), second.run_once())
    assert Counter(ref for ref, _, _ in transport.sent) == Counter({f"tg:{i + 1}": 1 for i in range(40)})


async def test_pause_resume_and_cancel(sessions: async_sessionmaker[AsyncSession]) -> None:
    for i in range(4):
        await add_client(sessions, f"tg:{i + 1}", "en", [Topic.NEWS])
    broadcast_id = await new_broadcast(sessions, {"en": "News", "cs": "Novinky"}, topics=(Topic.NEWS,))
    clock = Clock()
    await lifecycle.start_due(sessions, clock.now, "en")
    async with sessions() as s, s.begin():
        await lifecycle.pause(s, await lifecycle.get(s, broadcast_id))
    transport = FakeTransport()
    await sender(sessions, transport, clock).run_once()
    assert transport.sent == []
    async with sessions() as s, s.begin():
        await lifecycle.resume(s, await lifecycle.get(s, broadcast_id))
    await sender(sessions, transport, clock).run_once()
    assert len(transport.sent) == 4
    second = await new_broadcast(sessions, {"en": "More", "cs": "Víc"}, topics=(Topic.NEWS,))
    await lifecycle.start_due(sessions, clock.now, "en")
    async with sessions() as s, s.begin():
        assert await lifecycle.cancel(s, await lifecycle.get(s, second), clock.now) == 4
    await sender(sessions, transport, clock).run_once()
    assert len(transport.sent) == 4
    assert set((await statuses(sessions, second)).values()) == {"skipped"}


async def test_cli_status_shows_the_same_numbers_with_a_bar(
    sessions: async_sessionmaker[AsyncSession], database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(4):
        await add_client(sessions, f"tg:{i + 1}", "en", [Topic.NEWS])
    broadcast_id = await new_broadcast(sessions, {"en": "News", "cs": "Novinky"}, topics=(Topic.NEWS,))
    transport = FakeTransport()
    transport.script = {"tg:2": [SendStatus.BLOCKED]}
    await sender(sessions, transport, Clock()).run_once()
    assert await show_status(make_settings(database_url), broadcast_id, follow=False) == 0
    out = capsys.readouterr().out
    assert "[" + "#" * 30 + "] 100.0% done" in out
    assert "sent 3  failed 0  blocked 1  skipped 0  left 0 of 4" in out
    assert "en  tg   blocked 1  sent 3" in out
    assert await show_status(make_settings(database_url), 999, follow=False) == 1
