"""200 clients press the same time at once, on SQLite and PostgreSQL: one booking, or exactly the seats."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clients.repository import ClientRepository
from bot.db.session import create_engine, create_session_factory
from scheduler.integrity import overbooked_sessions, overlapping_appointments
from scheduler.models import (
    Appointment,
    Booking,
    Counsellor,
    CounsellorService,
    Location,
    Service,
    TimeCell,
    WeeklyAvailability,
)
from scheduler.rules import cells
from scheduler.service import Outcome, SlotScheduler
from scheduler.slots import Slot

RACERS = 200
GROUP_SEATS = 5
NOW = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # a Monday morning
DAY = date(2026, 6, 3)  # the Wednesday after: no holiday, summer time
RETRIES = 20


@dataclass(frozen=True)
class Race:
    sessions: async_sessionmaker[AsyncSession]
    scheduler: SlotScheduler
    individual: Service
    group: Service
    clients: list[int]


@pytest.fixture
async def race(database_url: str) -> AsyncIterator[Race]:
    # PostgreSQL allows 100 connections: 30 here, the rest of the 200 wait for the pool, not the server.
    pool = {} if database_url.startswith("sqlite") else {"pool_size": 20, "max_overflow": 10}
    engine = create_engine(database_url, pool_timeout=300, **pool)
    sessions = create_session_factory(engine)
    async with sessions() as s, s.begin():
        individual = Service(
            code="legal", names={"en": "Legal"}, duration_min=60, buffer_min=15, min_notice_hours=2
        )
        group = Service(
            code="exam", names={"en": "Mock exam"}, duration_min=180, buffer_min=30, seats=GROUP_SEATS
        )
        place = Location(code="usti", name="Ústí nad Labem", address="Velká Hradební 33")
        lawyer = Counsellor(code="lawyer", name="Lawyer", languages=["cs", "en"])
        lector = Counsellor(code="lector", name="Lector", languages=["cs", "en"])
        s.add_all([individual, group, place, lawyer, lector])
        await s.flush()
        s.add_all(
            [
                CounsellorService(counsellor_id=lawyer.id, service_id=individual.id),
                CounsellorService(counsellor_id=lector.id, service_id=group.id),
                WeeklyAvailability(
                    counsellor_id=lawyer.id,
                    location_id=place.id,
                    weekday=DAY.weekday(),
                    starts=time(9, 0),
                    ends=time(16, 0),
                ),
                WeeklyAvailability(
                    counsellor_id=lector.id,
                    location_id=place.id,
                    weekday=DAY.weekday(),
                    starts=time(9, 0),
                    ends=time(12, 30),
                    service_id=group.id,
                ),
            ]
        )
        repository = ClientRepository(s)
        clients = [(await repository.get_or_create(f"web:racer-{i}")).client.id for i in range(RACERS)]
    yield Race(sessions, SlotScheduler(clock=lambda: NOW), individual, group, clients)
    await engine.dispose()


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    alternatives: tuple[Slot, ...]
    retries: int


async def attempt(race: Race, client_id: int, slot: Slot) -> Attempt:
    """One client's press, in a transaction of its own; only a locked or lost connection is tried again."""
    for retry in range(RETRIES):
        try:
            async with race.sessions() as s, s.begin():
                result = await race.scheduler.book(s, client_id, slot, "en")
            return Attempt(result.outcome, result.alternatives, retry)
        except (OperationalError, InterfaceError) as error:
            if "locked" not in str(error) and "connection" not in str(error).lower():
                raise
            await asyncio.sleep(0.01 * (retry + 1))
    raise AssertionError(f"client {client_id} gave up after {RETRIES} transient errors")


async def first_slot(race: Race, service: Service) -> Slot:
    async with race.sessions() as s:
        slots = await race.scheduler.find_free(s, service, day=DAY, limit=1)
    assert slots, "the schedule offers this day"
    return slots[0]


async def assert_no_overlap_or_overbooking(race: Race) -> None:
    """The database's own view, in SQL: no counsellor twice at once, no session over its seats."""
    async with race.sessions() as s:
        overlapping = await overlapping_appointments(s)
        overbooked = await overbooked_sessions(s)
        # Every appointment holds exactly its cells (time plus buffer); the cells' key forbids sharing one.
        rows = (await s.execute(select(Appointment, Service).join(Service))).all()
        held = {
            (c.appointment_id, c.counsellor_id, c.cell_start)
            for c in (await s.scalars(select(TimeCell))).all()
        }
    assert overlapping == 0
    assert overbooked == 0
    expected = {
        (a.id, a.counsellor_id, cell)
        for a, service in rows
        for cell in cells(a.starts_at, a.ends_at + timedelta(minutes=service.buffer_min))
    }
    assert held == expected


async def test_two_hundred_clients_one_time_one_booking(race: Race) -> None:
    slot = await first_slot(race, race.individual)
    results = await asyncio.gather(*(attempt(race, client, slot) for client in race.clients))

    outcomes = Counter(r.outcome for r in results)
    assert outcomes == {Outcome.BOOKED: 1, Outcome.TAKEN: RACERS - 1}
    # Everyone who lost is offered the nearest free times instead, never the taken one.
    for lost in (r for r in results if r.outcome is Outcome.TAKEN):
        assert lost.alternatives
        assert slot.starts_at not in {a.starts_at for a in lost.alternatives}
    async with race.sessions() as s:
        booked = (await s.scalars(select(Booking).where(Booking.status == "booked"))).all()
        appointments = await s.scalar(select(func.count(Appointment.id)))
    assert len(booked) == 1
    assert booked[0].starts_at == slot.starts_at
    assert appointments == 1
    await assert_no_overlap_or_overbooking(race)


async def test_two_hundred_clients_five_seats_five_bookings(race: Race) -> None:
    slot = await first_slot(race, race.group)
    assert slot.seats_left == GROUP_SEATS
    results = await asyncio.gather(*(attempt(race, client, slot) for client in race.clients))

    assert Counter(r.outcome for r in results) == {
        Outcome.BOOKED: GROUP_SEATS,
        Outcome.FULL: RACERS - GROUP_SEATS,
    }
    async with race.sessions() as s:
        booked = (await s.scalars(select(Booking).where(Booking.status == "booked"))).all()
        appointments = (await s.scalars(select(Appointment))).all()
    assert len(appointments) == 1
    assert sorted(b.seat or 0 for b in booked) == list(range(1, GROUP_SEATS + 1))
    assert len({b.client_id for b in booked}) == GROUP_SEATS
    assert {b.appointment_id for b in booked} == {appointments[0].id}
    await assert_no_overlap_or_overbooking(race)
    # A full session is no longer offered to anyone.
    async with race.sessions() as s:
        free = await race.scheduler.find_free(s, race.group, day=DAY)
    assert slot.starts_at not in {f.starts_at for f in free}
