"""Free-slot search against a real database: random schedules and bookings never yield a clashing slot."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays as public_holidays
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clients.repository import ClientRepository
from bot.db import migrate
from bot.db.session import create_engine, create_session_factory
from scheduler.models import (
    Appointment,
    AvailabilityException,
    Booking,
    Counsellor,
    CounsellorService,
    Location,
    Service,
    WeeklyAvailability,
)
from scheduler.service import Outcome, SlotScheduler
from scheduler.slots import Slot, load_scope

PRAGUE = ZoneInfo("Europe/Prague")
CZ_HOLIDAYS = frozenset(public_holidays.country_holidays("CZ", years=[2026, 2027]).keys())
# Around the spring change and Easter (3 and 6 April), and around the autumn change and 28 October.
CLOCK_RANGES = (
    (datetime(2026, 3, 22), datetime(2026, 4, 28)),
    (datetime(2026, 10, 17), datetime(2026, 10, 30)),
)


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for every example: migrating each time would be slow."""
    path = tmp_path_factory.mktemp("slot-search") / "template.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@dataclass(frozen=True)
class RuleSpec:
    location: int
    weekday: int
    hours: tuple[time, time]
    service: int | None  # index into Spec.services; a window dedicated to it


@dataclass(frozen=True)
class ExceptionSpec:
    kind: str  # "off" (all day), "off-hours" or "extra"
    day: date
    hours: tuple[time, time]
    location: int


@dataclass(frozen=True)
class CounsellorSpec:
    services: frozenset[int]
    rules: list[RuleSpec]
    exceptions: list[ExceptionSpec]


@dataclass(frozen=True)
class Spec:
    """What hypothesis drew: the clock, the services, the counsellors with their hours and time off."""

    now: datetime
    services: list[dict[str, int]]
    counsellors: list[CounsellorSpec]


def local(day: date, at: time) -> datetime:
    # Test hours are daytime, far from the DST change at 02:00-03:00, so every wall time exists once.
    return datetime.combine(day, at, tzinfo=PRAGUE).astimezone(UTC)


clock_times = st.sampled_from(CLOCK_RANGES).flatmap(
    lambda r: st.datetimes(min_value=r[0], max_value=r[1]).map(
        lambda d: d.replace(second=0, microsecond=0, tzinfo=UTC)
    )
)
hours = st.tuples(st.integers(7, 17), st.sampled_from([0, 15, 30, 45]), st.integers(1, 8)).map(
    lambda t: (time(t[0], t[1]), time(min(t[0] + t[2], 20), t[1]))
)


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    now = draw(clock_times)
    individual = st.fixed_dictionaries(
        {
            "duration_min": st.sampled_from([30, 45, 60]),
            "buffer_min": st.sampled_from([0, 10, 15, 30]),
            "min_notice_hours": st.sampled_from([0, 2, 4, 24]),
            "horizon_days": st.integers(2, 10),
            "seats": st.just(1),
        }
    )
    group = st.fixed_dictionaries(
        {
            "duration_min": st.sampled_from([90, 120]),
            "buffer_min": st.sampled_from([0, 30]),
            "min_notice_hours": st.sampled_from([2, 24]),
            "horizon_days": st.integers(3, 10),
            "seats": st.integers(2, 3),
        }
    )
    services = [draw(individual), draw(individual), draw(group)]
    first_day = now.astimezone(PRAGUE).date()
    near_days = st.integers(0, 11).map(lambda n: first_day + timedelta(days=n))
    rule = st.builds(RuleSpec, st.integers(0, 1), st.integers(0, 6), hours, st.sampled_from([None, None, 2]))
    exception = st.builds(
        ExceptionSpec, st.sampled_from(["off", "off-hours", "extra"]), near_days, hours, st.integers(0, 1)
    )
    counsellors = draw(
        st.lists(
            st.builds(
                CounsellorSpec,
                st.frozensets(st.integers(0, 2), min_size=1),
                st.lists(rule, min_size=1, max_size=7),
                st.lists(exception, max_size=3),
            ),
            min_size=1,
            max_size=3,
        )
    )
    return Spec(now, services, counsellors)


async def build(session: AsyncSession, spec: Spec) -> tuple[list[Service], list[Location], list[Counsellor]]:
    services = [
        Service(code=f"s{i}", names={"en": f"Service {i}"}, **fields)
        for i, fields in enumerate(spec.services)
    ]
    locations = [Location(code=f"l{i}", name=f"Place {i}", address="-") for i in range(2)]
    session.add_all([*services, *locations])
    await session.flush()
    counsellors = []
    for i, item in enumerate(spec.counsellors):
        counsellor = Counsellor(code=f"c{i}", name=f"Counsellor {i}", languages=["cs", "en"])
        session.add(counsellor)
        await session.flush()
        counsellors.append(counsellor)
        for index in sorted(item.services):
            session.add(CounsellorService(counsellor_id=counsellor.id, service_id=services[index].id))
        for rule in item.rules:
            session.add(
                WeeklyAvailability(
                    counsellor_id=counsellor.id,
                    location_id=locations[rule.location].id,
                    weekday=rule.weekday,
                    starts=rule.hours[0],
                    ends=rule.hours[1],
                    service_id=None if rule.service is None else services[rule.service].id,
                )
            )
        for exc in item.exceptions:
            whole_day = exc.kind == "off"
            session.add(
                AvailabilityException(
                    counsellor_id=counsellor.id,
                    day=exc.day,
                    kind="extra" if exc.kind == "extra" else "off",
                    starts=None if whole_day else exc.hours[0],
                    ends=None if whole_day else exc.hours[1],
                    location_id=locations[exc.location].id if exc.kind == "extra" else None,
                )
            )
    await session.flush()
    return services, locations, counsellors


async def book_some(
    session: AsyncSession,
    scheduler: SlotScheduler,
    data: st.DataObject,
    services: list[Service],
    locations: list[Location],
    counsellors: list[Counsellor],
) -> None:
    """Random bookings through the real `book`: offered slots, forged ones, repeats and cancellations."""
    clients = ClientRepository(session)
    booked: list[Booking] = []
    for _ in range(data.draw(st.integers(0, 16), label="attempts")):
        client = (await clients.get_or_create(f"web:{data.draw(st.integers(0, 8), label='client')}")).client
        service = data.draw(st.sampled_from(services), label="service")
        how = data.draw(st.sampled_from(["offered", "offered", "forged", "again", "cancel"]), label="how")
        if how == "cancel" and booked:
            gone = data.draw(st.sampled_from(booked), label="cancelled")
            await scheduler.cancel(session, gone.id, client_id=None, by="client")
            booked.remove(gone)
            continue
        if how == "again" and booked:
            # The very time someone holds: taken for one-to-one, a seat for a group session.
            held = data.draw(st.sampled_from(booked), label="again")
            service = next(s for s in services if s.id == held.service_id)
            slot = Slot(
                held.counsellor_id or 0, service.id, held.location_id, held.starts_at, held.ends_at, 1
            )
        else:
            how = "offered" if how == "offered" else "forged"
            free = await scheduler.find_free(session, data.draw(st.sampled_from(services)), limit=60)
            if not free:
                continue
            slot = data.draw(st.sampled_from(free), label="offered")
            if how == "forged":
                # A neighbour of a real time: another service, counsellor or place, a little earlier or later.
                shift = timedelta(minutes=15 * data.draw(st.integers(-4, 4), label="shift"))
                slot = Slot(
                    data.draw(st.sampled_from(counsellors), label="counsellor").id,
                    service.id,
                    data.draw(st.sampled_from(locations), label="location").id,
                    slot.starts_at + shift,
                    slot.starts_at + shift + timedelta(minutes=service.duration_min),
                    service.seats,
                )
            else:
                service = next(s for s in services if s.id == slot.service_id)
        result = await scheduler.book(session, client.id, slot, "en")
        event(f"{how}: {result.outcome}")
        if result.outcome is Outcome.BOOKED:
            assert result.booking is not None
            assert result.booking.starts_at == slot.starts_at
            assert result.booking.service_id == service.id
            if result.booking not in booked:
                booked.append(result.booking)
        await session.flush()


async def check_search(
    session: AsyncSession,
    scheduler: SlotScheduler,
    spec: Spec,
    services: list[Service],
    locations: list[Location],
) -> None:
    now = scheduler.clock()
    buffers = {s.id: timedelta(minutes=s.buffer_min) for s in services}
    rows = (
        await session.execute(
            select(Appointment, func.count(Booking.id))
            .outerjoin(Booking, Booking.appointment_id == Appointment.id)
            .group_by(Appointment.id)
        )
    ).all()
    held = [(a, a.starts_at, a.ends_at + buffers[a.service_id], int(n)) for a, n in rows]
    # The database itself: no two appointments of one counsellor overlap, buffers included; no overbooking.
    for a, a_from, a_to, seats in held:
        assert 1 <= seats <= a.capacity
        for b, b_from, b_to, _ in held:
            if a.id < b.id and a.counsellor_id == b.counsellor_id:
                assert a_to <= b_from or b_to <= a_from, (a.id, b.id)
    offers = {c.id: {s.id for s in c.services} for c in (await session.scalars(select(Counsellor))).all()}
    weekly = (await session.scalars(select(WeeklyAvailability))).all()
    exceptions = (await session.scalars(select(AvailabilityException))).all()
    for service in services:
        duration, buffer = timedelta(minutes=service.duration_min), buffers[service.id]
        earliest, latest = (
            now + timedelta(hours=service.min_notice_hours),
            now + timedelta(days=service.horizon_days),
        )
        for location in [None, *locations]:
            location_id = None if location is None else location.id
            shown = await scheduler.find_free(session, service, location_id=location_id, limit=1000)
            scope = await load_scope(session, service, location_id, None)
            every = await scheduler.finder.find(session, scope, now, limit=5000, distinct=False)
            assert set(shown) <= set(every)
            event("slots checked: " + ("none" if not every else "<100" if len(every) < 100 else "100+"))
            assert len({(s.starts_at, s.location_id) for s in shown}) == len(shown)
            for slot in every:
                day = slot.starts_at.astimezone(PRAGUE).date()
                assert location_id in (None, slot.location_id)
                assert slot.service_id == service.id
                assert service.id in offers[slot.counsellor_id]
                assert slot.ends_at == slot.starts_at + duration
                assert earliest <= slot.starts_at <= latest, slot
                assert day not in CZ_HOLIDAYS, slot
                # Inside hours the counsellor keeps at that place for this service (weekly or extra).
                opened = [
                    (local(day, w.starts), local(day, w.ends))
                    for w in weekly
                    if (w.counsellor_id, w.location_id, w.weekday)
                    == (slot.counsellor_id, slot.location_id, day.weekday())
                    and w.service_id in (None, service.id)
                ] + [
                    (local(day, e.starts), local(day, e.ends))
                    for e in exceptions
                    if e.kind == "extra"
                    and e.starts is not None
                    and e.ends is not None
                    and (e.counsellor_id, e.location_id, e.day) == (slot.counsellor_id, slot.location_id, day)
                ]
                assert any(a <= slot.starts_at and slot.ends_at <= b for a, b in opened), slot
                # Never during time off.
                for e in exceptions:
                    if e.kind == "off" and (e.counsellor_id, e.day) == (slot.counsellor_id, day):
                        assert e.starts is not None, slot
                        assert e.ends is not None
                        assert slot.ends_at <= local(day, e.starts) or slot.starts_at >= local(day, e.ends), (
                            slot
                        )
                # Never over a booked appointment of the same counsellor, the new one's buffer included;
                # only a group session with a free seat may be joined, at its own start.
                for a, a_from, a_to, seats in held:
                    if a.counsellor_id != slot.counsellor_id:
                        continue
                    if (a.starts_at, a.service_id, a.location_id) == (
                        slot.starts_at,
                        service.id,
                        slot.location_id,
                    ):
                        assert service.is_group, slot
                        assert seats < a.capacity, slot
                        assert slot.seats_left == a.capacity - seats
                        continue
                    assert slot.ends_at + buffer <= a_from or slot.starts_at >= a_to, (slot, a.id)


async def scenario(url: str, spec: Spec, data: st.DataObject) -> None:
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    scheduler = SlotScheduler("Europe/Prague", max_future_bookings=3, clock=lambda: spec.now)
    try:
        async with sessions() as session, session.begin():
            services, locations, counsellors = await build(session, spec)
        async with sessions() as session, session.begin():
            await book_some(session, scheduler, data, services, locations, counsellors)
        async with sessions() as session, session.begin():
            await check_search(session, scheduler, spec, services, locations)
    finally:
        await engine.dispose()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(spec=specs(), data=st.data())
def test_no_free_slot_clashes_with_bookings_time_off_holidays_notice_or_horizon(
    template_db: Path, spec: Spec, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "example.sqlite3"
        shutil.copyfile(template_db, path)
        asyncio.run(scenario(f"sqlite:///{path}", spec, data))
