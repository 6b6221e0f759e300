"""A person links two chat apps: merge rules and code housekeeping, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clients.linking import LinkCodes, code_hash, purge_stale
from bot.clients.merge import ClientAudit, detach_identity, merge_clients
from bot.clients.models import Client, ClientIdentity, LinkCode, LinkFailure
from bot.clients.repository import ClientRepository
from bot.db.session import create_engine, create_session_factory
from bot.nlu.models import NluMiss
from bot.paths import REPO_ROOT
from bot.staff.models import AuditEntry, Role, StaffUser
from broadcasts.models import Broadcast, Delivery, Subscription, Topic
from broadcasts.subscriptions import SubscriptionBook
from counselling import queue
from counselling.models import Case, CaseStatus, Priority, Reason
from counselling.queue import Actor
from scheduler.importer import import_schedule, read_file
from scheduler.models import Appointment, Booking, Location, Service, WaitlistEntry
from scheduler.service import SlotScheduler
from scheduler.slots import Slot

PRAGUE = ZoneInfo("Europe/Prague")
NOW = datetime(2026, 9, 23, 8, 0, tzinfo=PRAGUE).astimezone(UTC)
MOCK_EXAM = datetime(2026, 9, 26, 9, 0, tzinfo=PRAGUE)  # a group session in the example schedule


@dataclass
class Centre:
    sessions: async_sessionmaker[AsyncSession]
    scheduler: SlotScheduler


@pytest.fixture
async def centre(database_url: str) -> AsyncIterator[Centre]:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    async with sessions() as s, s.begin():
        await import_schedule(s, read_file(REPO_ROOT / "scheduler" / "examples" / "usti.yml"))
    yield Centre(sessions, SlotScheduler("Europe/Prague", 2, clock=lambda: NOW))
    await engine.dispose()


async def client(s: AsyncSession, user_ref: str, **fields: object) -> Client:
    thread = await ClientRepository(s).get_or_create(user_ref)
    for name, value in fields.items():
        setattr(thread.client, name, value)
    await s.flush()
    return thread.client


async def slot(centre: Centre, s: AsyncSession, code: str, starts_at: datetime | None = None) -> Slot:
    service = await s.scalar(select(Service).where(Service.code == code))
    assert service is not None
    day = starts_at.date() if starts_at is not None else None
    free = await centre.scheduler.find_free(s, service, day=day, limit=50)
    return next(x for x in free if starts_at is None or x.starts_at == starts_at)


async def test_a_seat_booked_from_both_apps_is_kept_once_and_freed_for_the_first_waiting(
    centre: Centre,
) -> None:
    async with centre.sessions() as s, s.begin():
        a, b = await client(s, "tg:1"), await client(s, "wa:420111")
        exam = await slot(centre, s, "mock_exam", MOCK_EXAM)
        for person in (a, b):
            assert (await centre.scheduler.book(s, person.id, exam, None)).booking is not None
        mine = (await s.scalars(select(Booking).where(Booking.client_id == a.id))).one()
        session = await s.get(Appointment, mine.appointment_id)
        assert session is not None
        session.capacity = 3  # a small session: one more person fills it
        others = [await client(s, "web:other")]
        await centre.scheduler.book(s, others[0].id, exam, None)
        waiting = await client(s, "web:waiting")
        full = await centre.scheduler.book(s, waiting.id, exam, None)
        assert full.appointment_id is not None  # all 3 seats are taken
        await centre.scheduler.join_waitlist(s, waiting.id, full.appointment_id, None)
        social = await centre.scheduler.book(s, b.id, await slot(centre, s, "social_counselling"), None)
        assert social.booking is not None

        report = await merge_clients(s, centre.scheduler, a, b, NOW)

        assert (report.bookings.cancelled, report.bookings.moved) == (1, 2)
        assert [p.client_id for p in report.bookings.promoted] == [waiting.id]
        ahead = await centre.scheduler.future_bookings(s, a.id)
        assert sorted(x.service_id for x in ahead) == sorted([exam.service_id, social.booking.service_id])
        seated = await s.scalars(
            select(Booking.client_id).where(Booking.appointment_id == full.appointment_id)
        )
        assert sorted(seated.all()) == sorted([a.id, *(o.id for o in others), waiting.id])
        assert await s.scalar(select(func.count(WaitlistEntry.id))) == 0
        assert await s.get(Client, b.id) is None
        refs = await s.scalars(select(ClientIdentity.channel).where(ClientIdentity.client_id == a.id))
        assert sorted(refs.all()) == ["tg", "wa"]


async def test_two_open_cases_become_one_and_the_other_is_closed_as_a_duplicate(centre: Centre) -> None:
    async with centre.sessions() as s, s.begin():
        a, b = await client(s, "tg:1"), await client(s, "wa:420111")
        olga = StaffUser(email="olga@centre.test", display_name="Olga", password_hash="x", role="counsellor")
        s.add(olga)
        await s.flush()

        async def open_case(person: Client, ref: str, topic: str | None, reason: Reason) -> Case:
            opened = await queue.open_case(
                s,
                client_id=person.id,
                user_ref=ref,
                channel=ref.partition(":")[0],
                locale="en",
                topic=topic,
                reason=reason,
                context={},
                now=NOW - timedelta(hours=1),
            )
            return opened.case

        old = await open_case(b, "wa:420111", None, Reason.REQUEST)
        old.status, old.closed_at, old.resolution = "closed", NOW - timedelta(days=3), "answered"
        await s.flush()
        kept = await open_case(a, "tg:1", None, Reason.REQUEST)
        dropped = await open_case(b, "wa:420111", "legal_detention", Reason.ESCALATION)
        await queue.claim(s, dropped.id, Actor(olga.id, Role.COUNSELLOR, "Olga"), NOW)
        await queue.add_client_message(s, dropped, "They took my husband", now=NOW, user_ref="wa:420111")

        report = await merge_cases_of(centre, s, a, b)

        assert report == (dropped.id, kept.id)
        open_now = await queue.open_case_of(s, a.id)
        assert open_now is not None
        assert open_now.id == kept.id
        await s.refresh(open_now)
        assert (open_now.priority, open_now.topic) == (Priority.URGENT, "legal_detention")
        assert (open_now.counsellor_id, open_now.status) == (olga.id, CaseStatus.ASSIGNED.value)
        assert open_now.user_ref == "wa:420111"  # replies go where the client wrote last
        timeline = [(e.kind, e.text, e.detail) for e in await queue.entries_of(s, kept.id)]
        assert ("client", "They took my husband", None) in timeline
        assert timeline[-1] == ("event", "joined", f"#{dropped.id}")
        await s.refresh(dropped)
        assert (dropped.status, dropped.resolution) == ("closed", "duplicate")
        assert [(e.kind, e.text) for e in await queue.entries_of(s, dropped.id)] == [("event", "joined_into")]
        owners = await s.scalars(select(Case.client_id).where(Case.id.in_([old.id, dropped.id, kept.id])))
        assert set(owners.all()) == {a.id}


async def merge_cases_of(centre: Centre, s: AsyncSession, a: Client, b: Client) -> tuple[int, int] | None:
    report = await merge_clients(s, centre.scheduler, a, b, NOW)
    closed, joined = report.cases.closed, report.cases.joined
    return (closed.id, joined.id) if closed is not None and joined is not None else None


async def test_subscriptions_unite_with_the_earliest_consent_and_the_kept_clients_branch(
    centre: Centre,
) -> None:
    async with centre.sessions() as s, s.begin():
        usti, chomutov = (await s.scalars(select(Location.id).order_by(Location.id))).all()
        a, b = await client(s, "tg:1"), await client(s, "wa:420111")
        book = SubscriptionBook(s)
        await book.subscribe(a.id, Topic.CZECH_COURSES, NOW - timedelta(days=1))
        await book.set_location(a.id, usti)
        await book.subscribe(b.id, Topic.CZECH_COURSES, NOW - timedelta(days=30))
        await book.subscribe(b.id, Topic.EXAMS, NOW - timedelta(days=2))
        await book.set_location(b.id, chomutov)
        for subscription in await book.of(b.id):
            subscription.unreachable_at = NOW - timedelta(days=1)  # that app was blocked once

        await merge_clients(s, centre.scheduler, a, b, NOW)

        rows = await s.execute(
            select(
                Subscription.topic,
                Subscription.consented_at,
                Subscription.location_id,
                Subscription.client_id,
            )
            .where(Subscription.unreachable_at.is_(None))
            .order_by(Subscription.topic)
        )
        assert rows.all() == [
            ("czech_courses", NOW - timedelta(days=30), usti, a.id),
            ("exams", NOW - timedelta(days=2), usti, a.id),
        ]


async def test_consent_language_misses_and_announcements_follow_and_the_other_client_goes(
    centre: Centre,
) -> None:
    async with centre.sessions() as s, s.begin():
        a = await client(s, "tg:1", consent_at=NOW - timedelta(days=1))
        b = await client(s, "wa:420111", locale="uk", consent_at=NOW - timedelta(days=40))
        s.add(NluMiss(client_id=b.id, text="?", language="uk", top_intents=[]))
        news = Broadcast(title="A1", texts={"en": "A1 opens"}, audience={"topics": ["czech_courses"]})
        s.add(news)
        await s.flush()
        for person, ref, status in ((a, "tg:1", "queued"), (b, "wa:420111", "sent")):
            s.add(
                Delivery(
                    broadcast_id=news.id,
                    client_id=person.id,
                    user_ref=ref,
                    channel=ref[:2],
                    locale="en",
                    status=status,
                )
            )
        await s.flush()
        b_id = b.id

        await merge_clients(s, centre.scheduler, a, b, NOW)

        assert (a.locale, a.consent_at) == ("uk", NOW - timedelta(days=40))  # a had no language yet
        assert await s.scalar(select(NluMiss.client_id)) == a.id
        # The announcement already reached the person on WhatsApp: the copy queued for Telegram is dropped.
        assert (await s.execute(select(Delivery.client_id, Delivery.status))).all() == [(a.id, "sent")]
        assert await s.scalar(select(func.count(Client.id))) == 1
        audit = (await s.scalars(select(AuditEntry))).one()
        assert (audit.action, audit.target, audit.staff_id) == (ClientAudit.LINKED, f"client:{a.id}", None)
        assert f"client:{b_id} joined" in (audit.detail or "")


async def test_a_disconnected_app_starts_alone_and_replies_follow_the_app_kept(centre: Centre) -> None:
    async with centre.sessions() as s, s.begin():
        a = await client(s, "tg:1", locale="ru", consent_at=NOW - timedelta(days=1))
        b = await client(s, "wa:420111")
        await centre.scheduler.book(s, b.id, await slot(centre, s, "social_counselling"), None)
        opened = await queue.open_case(
            s,
            client_id=b.id,
            user_ref="wa:420111",
            channel="wa",
            locale="ru",
            topic=None,
            reason=Reason.REQUEST,
            context={},
            now=NOW,
        )
        await merge_clients(s, centre.scheduler, a, b, NOW)
        wa = await s.scalar(select(ClientIdentity).where(ClientIdentity.channel == "wa"))
        tg = await s.scalar(select(ClientIdentity).where(ClientIdentity.channel == "tg"))
        assert wa is not None
        assert tg is not None

        assert await detach_identity(s, a, wa.id, NOW)

        alone = await s.get(Client, wa.client_id)
        assert alone is not None
        assert alone.id != a.id
        assert (alone.locale, alone.consent_at) == ("ru", a.consent_at)
        assert await centre.scheduler.future_bookings(s, alone.id) == []
        assert len(await centre.scheduler.future_bookings(s, a.id)) == 1
        await s.refresh(opened.case)
        assert (opened.case.client_id, opened.case.user_ref, opened.case.channel) == (a.id, "tg:1", "tg")
        assert not await detach_identity(s, a, tg.id, NOW)  # never the last app
        assert not await detach_identity(s, a, wa.id, NOW)  # no longer theirs


async def test_retention_forgets_long_expired_codes_and_old_wrong_attempts(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as s, s.begin():
            person, other = await client(s, "tg:1"), await client(s, "wa:420111")
            tg, wa = (await s.scalars(select(ClientIdentity).order_by(ClientIdentity.id))).all()
            await LinkCodes(s, clock=lambda: NOW - timedelta(days=2)).issue(person.id, tg.id)
            await LinkCodes(s, clock=lambda: NOW - timedelta(hours=2)).check(wa, "23456A")
            await LinkCodes(s, clock=lambda: NOW).check(tg, "23456B")
            live, _ = await LinkCodes(s, clock=lambda: NOW).issue(other.id, wa.id)
        async with sessions() as s, s.begin():
            assert await purge_stale(s, NOW) == 2
        async with sessions() as s:
            assert (await s.scalars(select(LinkCode.code_hash))).all() == [code_hash(live)]
            assert (await s.scalars(select(LinkFailure.at))).all() == [NOW]
    finally:
        await engine.dispose()
