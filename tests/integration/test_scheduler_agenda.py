"""Staff-side scheduler operations on both databases: agendas, attendance, cancellations, availability."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clients.models import Client
from bot.db.session import create_engine, create_session_factory
from bot.paths import REPO_ROOT
from scheduler.agenda import (
    Refusal,
    ScheduleError,
    agenda,
    client_history,
    counsellor_cancel,
    has_booked_with,
    mark_attendance,
)
from scheduler.availability import (
    add_exception,
    add_weekly_rule,
    booked_during,
    parse_clock,
    parse_day,
    remove_exception,
    remove_weekly_rule,
)
from scheduler.importer import import_schedule, read_file
from scheduler.models import Appointment, AvailabilityException, Booking, Counsellor, Location
from scheduler.roster import activate_counsellor, deactivate_counsellor, future_appointments
from scheduler.service import Outcome, SlotScheduler

PRAGUE = ZoneInfo("Europe/Prague")
NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # Monday 08:00 in Prague
MONDAY, TUESDAY, SATURDAY, SUNDAY = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 7), date(2026, 3, 8)
EXAMPLE = REPO_ROOT / "scheduler" / "examples" / "usti.yml"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Centre:
    sessions: async_sessionmaker[AsyncSession]
    scheduler: SlotScheduler
    clock: Clock
    counsellors: dict[str, int]
    locations: dict[str, int]

    async def client(self, locale: str = "uk") -> int:
        async with self.sessions() as s, s.begin():
            client = Client(locale=locale)
            s.add(client)
            await s.flush()
            return client.id

    async def book(
        self, client_id: int, code: str, day: date, *, location: str = "usti", language: str = "uk"
    ) -> Booking:
        async with self.sessions() as s, s.begin():
            service = await self.scheduler.service_by_code(s, code)
            assert service is not None
            place = self.locations[location]
            slots = await self.scheduler.find_free(s, service, location_id=place, language=language, day=day)
            result = await self.scheduler.book(s, client_id, slots[0], language)
            assert result.outcome is Outcome.BOOKED
            assert result.booking is not None
            return result.booking

    async def free(self, code: str, day: date, location: str = "usti") -> list[tuple[int, datetime]]:
        async with self.sessions() as s:
            service = await self.scheduler.service_by_code(s, code)
            assert service is not None
            found = await self.scheduler.find_free(
                s, service, location_id=self.locations[location], day=day, limit=100
            )
            return [(slot.counsellor_id, slot.starts_at) for slot in found]


@pytest.fixture
async def centre(database_url: str) -> AsyncIterator[Centre]:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    async with sessions() as s, s.begin():
        await import_schedule(s, read_file(EXAMPLE))
        counsellors = {c.code: c.id for c in (await s.scalars(select(Counsellor))).all()}
        locations = {loc.code: loc.id for loc in (await s.scalars(select(Location))).all()}
    clock = Clock(NOW)
    yield Centre(sessions, SlotScheduler(clock=clock), clock, counsellors, locations)
    await engine.dispose()


async def test_agenda_lists_the_booked_client_in_local_time(centre: Centre) -> None:
    client = await centre.client()
    booking = await centre.book(client, "social_counselling", TUESDAY)
    social = centre.counsellors["social-1"]

    async with centre.sessions() as s:
        day = await agenda(s, social, TUESDAY, TUESDAY, PRAGUE)
        week = await agenda(s, None, MONDAY, SUNDAY, PRAGUE)
        other = await agenda(s, centre.counsellors["legal-1"], MONDAY, SUNDAY, PRAGUE)
        monday = await agenda(s, social, MONDAY, MONDAY, PRAGUE)

    assert [(e.starts_at.hour, e.starts_at.minute, e.starts_at.utcoffset()) for e in day] == [
        (9, 0, PRAGUE.utcoffset(datetime(2026, 3, 3)))
    ]
    (seat,) = day[0].seats
    assert (seat.booking_id, seat.client_id, seat.language, seat.status, seat.seat) == (
        booking.id,
        client,
        "uk",
        "booked",
        1,
    )
    assert [e.appointment_id for e in week] == [day[0].appointment_id]
    assert other == []
    assert monday == []


async def test_attendance_only_once_the_appointment_has_begun(centre: Centre) -> None:
    booking = await centre.book(await centre.client(), "social_counselling", TUESDAY)
    social = centre.counsellors["social-1"]

    async with centre.sessions() as s, s.begin():
        with pytest.raises(ScheduleError) as early:
            await mark_attendance(s, booking.id, "no_show", centre.clock())
    centre.clock.now = datetime(2026, 3, 3, 8, 30, tzinfo=UTC)  # Tuesday 09:30 in Prague
    async with centre.sessions() as s, s.begin():
        with pytest.raises(ScheduleError) as forged:
            await mark_attendance(s, booking.id, "cancelled", centre.clock())
        with pytest.raises(ScheduleError) as stranger:
            await mark_attendance(s, booking.id, "attended", centre.clock(), own=[social + 100])
        await mark_attendance(s, booking.id, "attended", centre.clock(), own=[social])
        marked = await mark_attendance(s, booking.id, "no_show", centre.clock())  # a correction

    assert early.value.refusal is Refusal.NOT_STARTED
    assert forged.value.refusal is Refusal.BAD_CHOICE
    assert stranger.value.refusal is Refusal.NOT_FOUND
    assert marked.status == "no_show"
    async with centre.sessions() as s:
        stored = await s.get(Booking, booking.id)
        assert stored is not None
        assert stored.status == "no_show"


async def test_counsellor_cancel_frees_nobody_a_seat_and_closes_the_time(centre: Centre) -> None:
    first, second, waiting = [await centre.client() for _ in range(3)]
    one = await centre.book(first, "mock_exam", SATURDAY)
    await centre.book(second, "mock_exam", SATURDAY)
    assert one.appointment_id is not None
    async with centre.sessions() as s, s.begin():
        assert await centre.scheduler.join_waitlist(s, waiting, one.appointment_id, "vi")
    assert await centre.free("mock_exam", SATURDAY) != []

    async with centre.sessions() as s, s.begin():
        with pytest.raises(ScheduleError) as no_reason:
            await counsellor_cancel(s, centre.scheduler, one.appointment_id, "  ")
        with pytest.raises(ScheduleError) as not_theirs:
            await counsellor_cancel(s, centre.scheduler, one.appointment_id, "ill", own=[])
        done = await counsellor_cancel(s, centre.scheduler, one.appointment_id, "Lecturer ill")

    assert no_reason.value.refusal is Refusal.REASON_MISSING
    assert not_theirs.value.refusal is Refusal.NOT_FOUND
    assert sorted(b.client_id for b in done.bookings) == sorted([first, second])
    assert done.waiting == [waiting]
    assert done.service.code == "mock_exam"
    async with centre.sessions() as s:
        rows = (await s.scalars(select(Booking).order_by(Booking.id))).all()
        assert [(b.status, b.cancelled_by, b.appointment_id) for b in rows] == [
            ("cancelled", "counsellor", None)
        ] * 2
        assert await s.get(Appointment, one.appointment_id) is None
        closed = (await s.scalars(select(AvailabilityException))).one()
        assert (closed.day, closed.kind, closed.starts, closed.note) == (
            SATURDAY,
            "off",
            time(9),
            "Lecturer ill",
        )
    assert await centre.free("mock_exam", SATURDAY) == [], "the cancelled session is not offered again"


async def test_a_started_appointment_cannot_be_cancelled(centre: Centre) -> None:
    booking = await centre.book(await centre.client(), "social_counselling", TUESDAY)
    assert booking.appointment_id is not None
    centre.clock.now = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)  # Tuesday 09:00, the start
    async with centre.sessions() as s, s.begin():
        with pytest.raises(ScheduleError) as late:
            await counsellor_cancel(s, centre.scheduler, booking.appointment_id, "too late")
    assert late.value.refusal is Refusal.ALREADY_STARTED


async def test_client_history_keeps_cancelled_bookings_newest_first(centre: Centre) -> None:
    client = await centre.client()
    early = await centre.book(client, "social_counselling", TUESDAY)
    later = await centre.book(client, "legal_counselling", date(2026, 3, 5), language="ru")
    async with centre.sessions() as s, s.begin():
        await centre.scheduler.cancel(s, early.id, client_id=client, by="client")

    async with centre.sessions() as s:
        history = await client_history(s, client)
        with_social = await has_booked_with(s, client, [centre.counsellors["social-1"]])
        with_lector = await has_booked_with(s, client, [centre.counsellors["lector-1"]])

    assert [(h.booking_id, h.status, h.cancelled_by) for h in history] == [
        (later.id, "booked", None),
        (early.id, "cancelled", "client"),
    ]
    assert history[0].service.code == "legal_counselling"
    assert history[1].counsellor is not None
    assert (with_social, with_lector) == (True, False)


def test_form_values_are_parsed_strictly() -> None:
    assert parse_clock("09:30") == time(9, 30)
    assert parse_day("2026-03-09") == date(2026, 3, 9)
    for bad_clock in ("09:07", "25:00", "half past", ""):
        with pytest.raises(ScheduleError) as error:
            parse_clock(bad_clock)
        assert error.value.refusal is Refusal.BAD_TIME
    for bad_day in ("2026-02-30", "tomorrow", ""):
        with pytest.raises(ScheduleError) as error:
            parse_day(bad_day)
        assert error.value.refusal is Refusal.BAD_DAY


async def test_weekly_rules_change_the_free_slots_and_refuse_nonsense(centre: Centre) -> None:
    social2, usti = centre.counsellors["social-2"], centre.locations["usti"]
    assert await centre.free("social_counselling", SUNDAY) == []

    async with centre.sessions() as s, s.begin():
        rule = await add_weekly_rule(s, social2, usti, 6, time(10), time(12))
    sunday = await centre.free("social_counselling", SUNDAY)
    assert {c for c, _ in sunday} == {social2}
    assert min(t for _, t in sunday).astimezone(PRAGUE).time() == time(10)

    refusals = []
    rule_cases: list[tuple[tuple[int, int, int, time, time], dict[str, Any]]] = [
        ((social2, usti, 6, time(11), time(13)), {}),  # overlaps the new rule
        ((social2, usti, 5, time(12), time(11)), {}),
        ((social2, usti, 5, time(9, 7), time(11)), {}),
        ((social2, usti, 5, time(9), time(11)), {"service_id": 999_999}),
        ((social2, usti, 7, time(9), time(11)), {}),
        ((social2, usti, 5, time(9), time(11)), {"valid_from": SUNDAY, "valid_until": SATURDAY}),
    ]
    for args, kwargs in rule_cases:
        async with centre.sessions() as s, s.begin():
            with pytest.raises(ScheduleError) as error:
                await add_weekly_rule(s, *args, **kwargs)
        refusals.append(error.value.refusal)
    assert refusals == [
        Refusal.OVERLAP,
        Refusal.TIME_ORDER,
        Refusal.BAD_TIME,
        Refusal.SERVICE_NOT_OFFERED,
        Refusal.BAD_DAY,
        Refusal.VALIDITY_ORDER,
    ]

    async with centre.sessions() as s, s.begin():
        with pytest.raises(ScheduleError):
            await remove_weekly_rule(s, centre.counsellors["social-1"], rule.id)  # not theirs
        await remove_weekly_rule(s, social2, rule.id)
    assert await centre.free("social_counselling", SUNDAY) == []


async def test_exceptions_close_and_open_time(centre: Centre) -> None:
    social1, usti = centre.counsellors["social-1"], centre.locations["usti"]
    await centre.book(await centre.client(), "social_counselling", TUESDAY)
    assert {c for c, _ in await centre.free("social_counselling", TUESDAY)} == {social1}

    async with centre.sessions() as s, s.begin():
        off = await add_exception(s, social1, TUESDAY, "off", today=MONDAY, note="training")
        still_booked = await booked_during(s, off, PRAGUE)
        extra = await add_exception(
            s, social1, SUNDAY, "extra", today=MONDAY, starts=time(9), ends=time(9, 45), location_id=usti
        )
    assert still_booked == 1
    assert await centre.free("social_counselling", TUESDAY) == []
    assert [t.astimezone(PRAGUE).time() for _, t in await centre.free("social_counselling", SUNDAY)] == [
        time(9)
    ]

    refusals = []
    exception_cases: list[tuple[date, str, dict[str, Any]]] = [
        (date(2026, 3, 1), "off", {}),
        (SUNDAY, "extra", {"starts": time(9), "ends": time(10)}),
        (SUNDAY, "off", {"starts": time(9)}),
        (SUNDAY, "holiday", {}),
        (SUNDAY, "off", {"starts": time(10), "ends": time(9)}),
    ]
    for day, kind, kwargs in exception_cases:
        async with centre.sessions() as s, s.begin():
            with pytest.raises(ScheduleError) as error:
                await add_exception(s, social1, day, kind, today=MONDAY, **kwargs)
        refusals.append(error.value.refusal)
    assert refusals == [
        Refusal.PAST_DAY,
        Refusal.EXTRA_INCOMPLETE,
        Refusal.TIMES_INCOMPLETE,
        Refusal.BAD_CHOICE,
        Refusal.TIME_ORDER,
    ]

    async with centre.sessions() as s, s.begin():
        await remove_exception(s, social1, off.id)
        await remove_exception(s, social1, extra.id)
    assert await centre.free("social_counselling", TUESDAY) != []
    assert await centre.free("social_counselling", SUNDAY) == []


async def test_deactivation_waits_until_no_client_is_left_booked(centre: Centre) -> None:
    social1 = centre.counsellors["social-1"]
    booking = await centre.book(await centre.client(), "social_counselling", TUESDAY)
    assert booking.appointment_id is not None

    async with centre.sessions() as s, s.begin():
        with pytest.raises(ScheduleError) as refused:
            await deactivate_counsellor(s, social1, centre.clock())
        ahead = await future_appointments(s, social1, centre.clock())
    assert (refused.value.refusal, refused.value.count) == (Refusal.FUTURE_BOOKINGS, 1)
    assert [a.id for a in ahead] == [booking.appointment_id]
    async with centre.sessions() as s:
        counsellor = await s.get(Counsellor, social1)
        assert counsellor is not None
        assert counsellor.active, "a refusal changes nothing"

    async with centre.sessions() as s, s.begin():
        await counsellor_cancel(s, centre.scheduler, booking.appointment_id, "leaving the centre")
        await deactivate_counsellor(s, social1, centre.clock())
    assert all(c != social1 for c, _ in await centre.free("social_counselling", date(2026, 3, 4)))

    async with centre.sessions() as s, s.begin():
        await activate_counsellor(s, social1)
    assert social1 in {c for c, _ in await centre.free("social_counselling", date(2026, 3, 4))}


async def test_a_freed_seat_skips_a_waiting_client_who_is_at_the_limit(centre: Centre) -> None:
    full_house = [await centre.client() for _ in range(8)]
    seats = [await centre.book(c, "mock_exam", SATURDAY) for c in full_house]
    busy, patient = await centre.client(), await centre.client()
    await centre.book(busy, "social_counselling", MONDAY)
    await centre.book(busy, "social_counselling", TUESDAY)  # two future bookings: the limit
    appointment_id = seats[0].appointment_id
    assert appointment_id is not None
    async with centre.sessions() as s, s.begin():
        assert await centre.scheduler.join_waitlist(s, busy, appointment_id, "uk")
        assert await centre.scheduler.join_waitlist(s, patient, appointment_id, "uk")
    async with centre.sessions() as s, s.begin():
        freed = await centre.scheduler.cancel(s, seats[0].id, client_id=full_house[0], by="client")
    assert [b.client_id for b in freed.promoted] == [patient]
