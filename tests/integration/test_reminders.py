"""Durable reminders on both databases: each goes out once, in the client's language, across restarts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import Assistant
from bot.channels.base import Channel, Outbound, Reply
from bot.cli.run import background_services
from bot.clients.repository import ClientRepository
from bot.core.notifier import Notifier
from bot.db.session import create_engine, create_session_factory
from bot.i18n.translator import Translator
from bot.paths import LOCALES_DIR, REPO_ROOT
from bot.settings import SUPPORTED_LOCALES
from scheduler.importer import import_schedule, read_file
from scheduler.models import Booking, Reminder
from scheduler.reminders import ReminderDispatcher
from scheduler.service import Outcome, SlotScheduler
from tests.driver import ChatDriver

NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # Monday 08:00 in Prague
TUESDAY = date(2026, 3, 3)
EXAMPLE = REPO_ROOT / "scheduler" / "examples" / "usti.yml"


class Crash(BaseException):
    """The process dying mid-round: not an Exception, so nothing in the loop catches it."""


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class RecordingSender:
    """A channel that keeps what the notifier hands it."""

    def __init__(self) -> None:
        self.sent: list[Outbound] = []
        self.arrived = asyncio.Event()

    async def send(self, outbound: Outbound) -> None:
        self.sent.append(outbound)
        self.arrived.set()


class Database:
    """One database; every `connect()` is a brand-new engine, as after a process restart."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engines: list[AsyncEngine] = []

    def connect(self) -> async_sessionmaker[AsyncSession]:
        engine = create_engine(self.url)
        self._engines.append(engine)
        return create_session_factory(engine)

    async def close(self) -> None:
        for engine in self._engines:
            await engine.dispose()


@dataclass
class Worker:
    """A process running the reminder loop: its own engine, notifier and dispatcher."""

    dispatcher: ReminderDispatcher
    sender: RecordingSender


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator(LOCALES_DIR, SUPPORTED_LOCALES)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.connect()() as s, s.begin():
        await import_schedule(s, read_file(EXAMPLE))
    yield database
    await database.close()


def start_worker(db: Database, translator: Translator, clock: Clock) -> Worker:
    sessions = db.connect()
    notifier = Notifier(sessions, translator, "en")
    sender = RecordingSender()
    notifier.register(Channel.WEB, sender)
    return Worker(ReminderDispatcher(sessions, notifier.notify, clock=clock), sender)


async def book(
    sessions: async_sessionmaker[AsyncSession], clock: Clock, user_ref: str, locale: str
) -> Booking:
    """A consenting client in `locale` books the first free social counselling on Tuesday."""
    scheduler = SlotScheduler(clock=clock)
    async with sessions() as s, s.begin():
        thread = await ClientRepository(s).get_or_create(user_ref)
        thread.client.locale, thread.client.consent_at = locale, clock()
        service = await scheduler.service_by_code(s, "social_counselling")
        assert service is not None
        slots = await scheduler.find_free(s, service, language=locale, day=TUESDAY, limit=1)
        result = await scheduler.book(s, thread.client.id, slots[0], locale)
        assert result.outcome is Outcome.BOOKED
        assert result.booking is not None
        return result.booking


def texts(translator: Translator, sender: RecordingSender) -> list[str]:
    return [r.text for o in sender.sent for r in translator.render_outbound(o)]


async def test_booking_schedules_a_day_before_and_a_two_hour_reminder(db: Database, clock: Clock) -> None:
    sessions = db.connect()
    booking = await book(sessions, clock, "web:olena", "uk")
    async with sessions() as s:
        reminders = (await s.scalars(select(Reminder).where(Reminder.booking_id == booking.id))).all()
    assert sorted((r.kind, r.due_at) for r in reminders) == [
        ("24h", booking.starts_at - timedelta(hours=24)),
        ("2h", booking.starts_at - timedelta(hours=2)),
    ]


async def test_due_reminder_goes_out_once_in_the_clients_language(
    db: Database, clock: Clock, translator: Translator
) -> None:
    worker = start_worker(db, translator, clock)
    booking = await book(db.connect(), clock, "web:olena", "uk")

    clock.now = booking.starts_at - timedelta(hours=24, minutes=1)
    assert (await worker.dispatcher.run_once()).sent == 0
    assert worker.sender.sent == []

    clock.now = booking.starts_at - timedelta(hours=24) + timedelta(minutes=1)
    assert (await worker.dispatcher.run_once()).sent == 1
    [outbound] = worker.sender.sent
    assert (outbound.user_ref, outbound.locale) == ("web:olena", "uk")
    [reply] = translator.render_outbound(outbound)
    assert reply.text.startswith("Нагадуємо про ваш запис")
    for part in ("Соціальна консультація", "вівторок, 3 березня 2026", "09:00", "Velká Hradební 33"):
        assert part in reply.text
    assert [(c.payload, c.label) for c in reply.choices] == [
        (f"appt:confirm:{booking.id}", "✅ Я прийду"),
        (f"appt:cancel:{booking.id}", "❌ Скасувати запис"),
    ]

    assert (await worker.dispatcher.run_once()).sent == 0
    assert len(worker.sender.sent) == 1

    clock.now = booking.starts_at - timedelta(minutes=110)
    await worker.dispatcher.run_once()
    await worker.dispatcher.run_once()
    assert len(worker.sender.sent) == 2
    assert texts(translator, worker.sender)[1].startswith("Ваш запис до центру вже незабаром")


async def test_cancelled_booking_gets_no_reminder(db: Database, clock: Clock, translator: Translator) -> None:
    worker = start_worker(db, translator, clock)
    sessions = db.connect()
    booking = await book(sessions, clock, "web:olena", "uk")
    async with sessions() as s, s.begin():
        cancelled = await SlotScheduler(clock=clock).cancel(s, booking.id, client_id=None, by="client")
        assert cancelled.cancelled is not None

    for before_start in (timedelta(hours=23), timedelta(hours=1)):
        clock.now = booking.starts_at - before_start
        assert (await worker.dispatcher.run_once()).sent == 0
    assert worker.sender.sent == []


async def test_after_an_outage_only_the_two_hour_reminder_goes_out(
    db: Database, clock: Clock, translator: Translator
) -> None:
    worker = start_worker(db, translator, clock)
    booking = await book(db.connect(), clock, "web:pham", "vi")

    clock.now = booking.starts_at - timedelta(hours=1)  # the loop was down while the 24-hour one was due
    await worker.dispatcher.run_once()
    assert [t.split("\n")[0] for t in texts(translator, worker.sender)] == [
        "Lịch hẹn của bạn tại trung tâm sắp đến:"
    ]


async def test_restart_between_claim_and_send_loses_nothing(
    db: Database, clock: Clock, translator: Translator
) -> None:
    booking = await book(db.connect(), clock, "web:olena", "cs")
    clock.now = booking.starts_at - timedelta(hours=20)

    async def crash(user_ref: str, replies: Sequence[Reply], /) -> bool:
        raise Crash

    with pytest.raises(Crash):
        await ReminderDispatcher(db.connect(), crash, clock=clock).run_once()

    restarted = start_worker(db, translator, clock)
    await restarted.dispatcher.run_once()
    assert restarted.sender.sent == []  # still leased to the process that died

    clock.now += restarted.dispatcher.lease + timedelta(seconds=1)
    await restarted.dispatcher.run_once()
    await restarted.dispatcher.run_once()
    assert [t.split("\n")[0] for t in texts(translator, restarted.sender)] == [
        "Připomínáme vám termín v centru:"
    ]


async def test_restart_after_sending_sends_nothing_again(
    db: Database, clock: Clock, translator: Translator
) -> None:
    booking = await book(db.connect(), clock, "web:olena", "ru")
    clock.now = booking.starts_at - timedelta(hours=20)
    first = start_worker(db, translator, clock)
    assert (await first.dispatcher.run_once()).sent == 1

    restarted = start_worker(db, translator, clock)
    for later in (timedelta(0), timedelta(hours=1), timedelta(hours=3)):
        clock.now = booking.starts_at - timedelta(hours=20) + later
        await restarted.dispatcher.run_once()
    assert restarted.sender.sent == []


async def test_concurrent_workers_send_each_reminder_once(db: Database, clock: Clock) -> None:
    sessions = db.connect()
    bookings = [await book(sessions, clock, f"web:client-{n}", "cs") for n in range(8)]
    clock.now = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # every 24-hour reminder is due, none is late
    sent: list[str] = []

    async def record(user_ref: str, replies: Sequence[Reply], /) -> bool:
        await asyncio.sleep(0)  # let the other workers claim meanwhile
        sent.extend(c.payload for r in replies for c in r.choices if c.payload.startswith("appt:confirm:"))
        return True

    workers = [ReminderDispatcher(db.connect(), record, clock=clock, batch=2) for _ in range(4)]
    await asyncio.gather(*(w.run_once() for w in workers))
    await asyncio.gather(*(w.run_once() for w in workers))
    assert sorted(sent) == sorted(f"appt:confirm:{b.id}" for b in bookings)


async def test_the_running_app_sends_reminders(assistant: Assistant, chat: ChatDriver) -> None:
    await chat.onboard("uk")
    clock = Clock(NOW)
    assistant.scheduler.clock = clock
    async with assistant.sessions() as s, s.begin():
        await import_schedule(s, read_file(EXAMPLE))
        thread = await ClientRepository(s).find(chat.user_ref)
        assert thread is not None
        service = await assistant.scheduler.service_by_code(s, "social_counselling")
        assert service is not None
        [slot] = await assistant.scheduler.find_free(s, service, language="uk", day=TUESDAY, limit=1)
        result = await assistant.scheduler.book(s, thread.client.id, slot, "uk")
        assert result.booking is not None
    sender = RecordingSender()
    assistant.notifier.register(Channel.CONSOLE, sender)
    clock.now = slot.starts_at - timedelta(hours=23)

    services = background_services(assistant)
    for service_loop in services:
        await service_loop.start()
    try:
        await asyncio.wait_for(sender.arrived.wait(), timeout=30)
    finally:
        for service_loop in reversed(services):
            await service_loop.stop()

    [outbound] = sender.sent
    assert outbound.user_ref == chat.user_ref
    [reply] = assistant.translator.render_outbound(outbound)
    assert "Соціальна консультація" in reply.text
    assert [c.payload for c in reply.choices] == [
        f"appt:confirm:{result.booking.id}",
        f"appt:cancel:{result.booking.id}",
    ]
