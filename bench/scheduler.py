"""Scheduler benchmark: free-slot search latency, booking throughput under contention, the 200-client races.

Run: `.venv/bin/python bench/scheduler.py` prints JSON on stdout (logs on stderr); the exit status is 0
whether or not targets are met. SQLite always runs (a temporary file). PostgreSQL runs when
BENCH_DATABASE_URL or TEST_DATABASE_URL names a server, e.g.

    BENCH_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1/postgres .venv/bin/python bench/scheduler.py

The benchmark never touches the database named in the URL: it connects to that server's `postgres` database,
(re)creates its own `bench_scheduler` database, and drops it at the end (set BENCH_KEEP=1 to keep it).

What is built, per database: 50 counsellors at 3 locations with weekly hours, time off and extra evenings,
services with a 90-day horizon, and 10,000 existing bookings placed the way `book` would (on the 15-minute
grid, inside the hours, never overlapping, buffers held), denser in the coming weeks as in real life.
What is measured (the client process pinned to one core):
- slot search: `SlotScheduler.find_free` (open a session, load the service, search, close), 500 searches of
  a mix like the dialogs' (service; location or not; day or not; interpreter language or not);
  `free_days` (the day buttons) separately;
- bookings_per_s: concurrent clients (8 on SQLite, 32 on PostgreSQL) press times drawn from ~1,200 free
  times shown before (so some collide or overlap) for BENCH_SECONDS (5) seconds; each press is one `book`
  transaction as the dialog runs it; only BOOKED outcomes count;
- the races: 200 clients on one individual time, 200 on a 5-seat group session;
- double_bookings (two appointments of one counsellor overlapping) and overbooked_sessions (more booked
  seats than capacity), by SQL over the whole database at the end.
"""

from __future__ import annotations

import os

# One core for the client process, as in bench/nlu.py; the database server runs where it likes.
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import asyncio
import functools
import gc
import json
import logging
import math
import random
import sys
import tempfile
import time as clock
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clients.models import Client
from bot.db import migrate
from bot.db.session import create_engine, create_session_factory
from bot.logging_setup import configure_logging
from scheduler.models import (
    Appointment,
    AvailabilityException,
    Booking,
    Counsellor,
    CounsellorService,
    Location,
    Service,
    TimeCell,
    WeeklyAvailability,
)
from scheduler.rules import DayException, WeeklyRule, candidate_starts, cells, day_windows
from scheduler.service import Outcome, SlotScheduler
from scheduler.slots import Slot, holidays_between

log = logging.getLogger("bench.scheduler")

TZ = "Europe/Prague"
NOW = datetime(2026, 3, 2, 6, 30, tzinfo=UTC)  # a Monday; the 90 days cross the DST change and Easter
COUNSELLORS, LOCATIONS, DAYS, BOOKINGS = 50, 3, 90, 10_000
SEARCHES, FREE_DAYS_CALLS, WARM_UP = 500, 100, 20
RACERS, GROUP_SEATS = 200, 5
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
BENCH_DB = "bench_scheduler"
LANGUAGES = ("cs", "en", "uk", "ru", "vi")
TARGETS = {"slot_search_p99_ms": 50.0, "double_bookings": 0, "overbooked_sessions": 0}
# code, duration, buffer, min notice (hours), seats
SERVICES = (
    ("social_counselling", 45, 15, 2, 1),
    ("legal_counselling", 60, 15, 4, 1),
    ("czech_placement", 30, 0, 2, 1),
    ("adaptation_course", 240, 30, 24, 15),
    ("mock_exam", 180, 30, 24, 8),
    ("race_individual", 60, 15, 2, 1),  # offered by one counsellor only: the 200-on-1 race
    ("race_group", 120, 0, 2, GROUP_SEATS),  # one lector's dedicated window: the 200-on-5 race
)
INDIVIDUAL, GROUPS = (1, 2, 3), (4, 5)  # service ids (inserted in this order)
LECTORS = 4  # counsellors 1..4 run the group sessions


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


@dataclass
class Plan:
    """Everything inserted, as plain rows, so that SQLite and PostgreSQL get exactly the same data."""

    services: list[dict[str, Any]] = field(default_factory=list)
    locations: list[dict[str, Any]] = field(default_factory=list)
    counsellors: list[dict[str, Any]] = field(default_factory=list)
    offers: list[dict[str, Any]] = field(default_factory=list)
    weekly: list[dict[str, Any]] = field(default_factory=list)
    exceptions: list[dict[str, Any]] = field(default_factory=list)
    clients: list[dict[str, Any]] = field(default_factory=list)
    appointments: list[dict[str, Any]] = field(default_factory=list)
    cells: list[dict[str, Any]] = field(default_factory=list)
    bookings: list[dict[str, Any]] = field(default_factory=list)
    spare_clients: list[int] = field(default_factory=list)


def plan_schedule(rng: random.Random) -> Plan:
    plan = Plan()
    for index, (code, duration, buffer, notice, seats) in enumerate(SERVICES, start=1):
        plan.services.append(
            {
                "id": index,
                "code": code,
                "names": {"en": code.replace("_", " ").capitalize()},
                "duration_min": duration,
                "buffer_min": buffer,
                "min_notice_hours": notice,
                "horizon_days": DAYS,
                "seats": seats,
                "active": True,
            }
        )
    for index in range(1, LOCATIONS + 1):
        plan.locations.append(
            {"id": index, "code": f"place-{index}", "name": f"Place {index}", "address": "-", "active": True}
        )
    first_day = NOW.astimezone(UTC).date()
    for cid in range(1, COUNSELLORS + 1):
        languages = ["cs", *rng.sample(LANGUAGES[1:], rng.randint(1, 2))]
        plan.counsellors.append(
            {
                "id": cid,
                "code": f"c{cid}",
                "name": f"Counsellor {cid}",
                "languages": languages,
                "active": True,
            }
        )
        if cid <= LECTORS:
            offered = [3, 4, 5]
            place = 1 + cid % LOCATIONS
            plan.weekly += [
                _weekly(cid, place, 4, time(9, 0), time(13, 30), 4),  # the course on Fridays
                _weekly(cid, place, 5, time(9, 0), time(12, 30), 5),  # the mock exam on Saturdays
                _weekly(cid, 1 + (cid + 1) % LOCATIONS, 1, time(9, 0), time(15, 0), None),
            ]
        else:
            offered = rng.sample(INDIVIDUAL, 2)
            off_day = rng.randrange(5)
            for weekday in range(5):
                if weekday == off_day:
                    continue  # part-time: one weekday off
                plan.weekly.append(
                    _weekly(cid, 1 + (cid + weekday) % LOCATIONS, weekday, time(8, 0), time(12, 0))
                )
                plan.weekly.append(
                    _weekly(cid, 1 + (cid + weekday + 1) % LOCATIONS, weekday, time(12, 30), time(16, 30))
                )
        if cid == LECTORS + 1:
            offered.append(6)  # the only one who offers race_individual
        if cid == 1:
            offered.append(7)
            plan.weekly.append(_weekly(cid, 1, 6, time(10, 0), time(12, 0), 7))  # Sundays, race_group only
        plan.offers += [{"counsellor_id": cid, "service_id": s} for s in offered]
        for _ in range(3):  # leave and sick days
            plan.exceptions.append(_exception(cid, first_day + timedelta(days=rng.randrange(DAYS)), "off"))
        evening = first_day + timedelta(days=rng.randrange(DAYS))
        plan.exceptions.append(
            _exception(cid, evening, "extra", time(16, 30), time(19, 0), 1 + cid % LOCATIONS)
        )
    _plan_bookings(plan, rng)
    return plan


def _weekly(
    cid: int, location: int, weekday: int, starts: time, ends: time, service: int | None = None
) -> dict[str, Any]:
    return {
        "counsellor_id": cid,
        "location_id": location,
        "weekday": weekday,
        "starts": starts,
        "ends": ends,
        "service_id": service,
        "valid_from": None,
        "valid_until": None,
    }


def _exception(
    cid: int,
    day: date,
    kind: str,
    starts: time | None = None,
    ends: time | None = None,
    location: int | None = None,
) -> dict[str, Any]:
    return {
        "counsellor_id": cid,
        "day": day,
        "kind": kind,
        "starts": starts,
        "ends": ends,
        "location_id": location,
        "service_id": None,
        "note": None,
    }


def _plan_bookings(plan: Plan, rng: random.Random) -> None:
    """Pack every counsellor's hours with appointments, then keep 10,000 bookings, most in the near weeks."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(TZ)
    services = {s["id"]: s for s in plan.services}
    offers: dict[int, list[int]] = {}
    for row in plan.offers:
        offers.setdefault(row["counsellor_id"], []).append(row["service_id"])
    first_day = NOW.astimezone(tz).date()
    holidays = holidays_between(first_day, first_day + timedelta(days=DAYS))
    rules = [
        WeeklyRule(
            **{k: w[k] for k in ("counsellor_id", "location_id", "weekday", "starts", "ends", "service_id")}
        )
        for w in plan.weekly
    ]
    exceptions = [
        DayException(e["counsellor_id"], e["day"], e["kind"], e["starts"], e["ends"], e["location_id"])
        for e in plan.exceptions
    ]
    # (weight, counsellor, service, location, start) for individual appointments; group sessions apart.
    individual: list[tuple[float, int, int, int, datetime]] = []
    sessions: list[tuple[int, int, int, datetime]] = []
    taken: dict[int, set[datetime]] = {}
    for offset in range(DAYS):
        day = first_day + timedelta(days=offset)
        weight = math.exp(-offset / 20)
        for window in day_windows(day, rules, exceptions, tz, holidays):
            cid = window.counsellor_id
            held = taken.setdefault(cid, set())
            if window.service_id is not None:
                if window.service_id in GROUPS:
                    service = services[window.service_id]
                    duration = timedelta(minutes=service["duration_min"])
                    for start in candidate_starts(window, duration, group=True):
                        claimed = cells(start, start + duration + timedelta(minutes=service["buffer_min"]))
                        if start > NOW + timedelta(hours=service["min_notice_hours"]) and not held & set(
                            claimed
                        ):
                            held.update(claimed)
                            sessions.append((cid, window.service_id, window.location_id, start))
                continue
            mine = [s for s in offers[cid] if s in INDIVIDUAL]
            step = timedelta(minutes=15)
            cursor = window.starts
            while cursor < window.ends:
                service = services[rng.choice(mine)]
                duration = timedelta(minutes=service["duration_min"])
                claimed = cells(cursor, cursor + duration + timedelta(minutes=service["buffer_min"]))
                fits = cursor + duration <= window.ends and cursor >= NOW + timedelta(
                    hours=service["min_notice_hours"]
                )
                if fits and rng.random() < 0.8 and not held & set(claimed):
                    held.update(claimed)
                    individual.append((weight, cid, service["id"], window.location_id, cursor))
                    cursor += step * math.ceil((duration + timedelta(minutes=service["buffer_min"])) / step)
                else:
                    cursor += step
    client_ids = iter(range(1, 10**9))
    group_bookings = 0
    for cid, sid, location, start in sessions:
        seats = services[sid]["seats"]
        booked = rng.choice([seats, seats - 1, rng.randint(1, seats)])  # some sessions are full
        _add_appointment(plan, services[sid], cid, location, start, [next(client_ids) for _ in range(booked)])
        group_bookings += booked
    # Weighted sampling without replacement (Efraimidis-Spirakis): the near weeks fill up first.
    wanted = BOOKINGS - group_bookings
    keyed = sorted(individual, key=lambda item: rng.random() ** (1 / item[0]), reverse=True)[:wanted]
    assert len(keyed) == wanted, f"only {len(individual)} free places for {wanted} bookings"
    for _, cid, sid, location, start in keyed:
        _add_appointment(plan, services[sid], cid, location, start, [next(client_ids)])
    last = next(client_ids) - 1
    plan.spare_clients = list(range(last + 1, last + 1 + 12_000))
    for cid_ in range(1, plan.spare_clients[-1] + 1):
        plan.clients.append(
            {"id": cid_, "locale": rng.choice(LANGUAGES), "created_at": NOW, "last_seen_at": NOW}
        )


def _add_appointment(
    plan: Plan, service: dict[str, Any], cid: int, location: int, start: datetime, clients: list[int]
) -> None:
    appointment_id = len(plan.appointments) + 1
    ends = start + timedelta(minutes=service["duration_min"])
    plan.appointments.append(
        {
            "id": appointment_id,
            "counsellor_id": cid,
            "service_id": service["id"],
            "location_id": location,
            "starts_at": start,
            "ends_at": ends,
            "capacity": service["seats"],
            "created_at": NOW,
        }
    )
    for cell in cells(start, ends + timedelta(minutes=service["buffer_min"])):
        plan.cells.append({"counsellor_id": cid, "cell_start": cell, "appointment_id": appointment_id})
    for seat, client_id in enumerate(clients, start=1):
        plan.bookings.append(
            {
                "id": len(plan.bookings) + 1,
                "appointment_id": appointment_id,
                "seat": seat,
                "client_id": client_id,
                "service_id": service["id"],
                "location_id": location,
                "counsellor_id": cid,
                "starts_at": start,
                "ends_at": ends,
                "language": "cs",
                "status": "booked",
                "created_at": NOW,
            }
        )


async def load(engine: AsyncEngine, plan: Plan) -> None:
    tables = (
        (Service, plan.services),
        (Location, plan.locations),
        (Counsellor, plan.counsellors),
        (CounsellorService, plan.offers),
        (WeeklyAvailability, plan.weekly),
        (AvailabilityException, plan.exceptions),
        (Client, plan.clients),
        (Appointment, plan.appointments),
        (TimeCell, plan.cells),
        (Booking, plan.bookings),
    )
    async with engine.begin() as conn:
        for model, rows in tables:
            for chunk in range(0, len(rows), 5000):
                await conn.execute(insert(model), rows[chunk : chunk + 5000])
        if engine.dialect.name == "postgresql":
            # Explicit ids above: move the sequences past them for what `book` inserts later.
            for table_name in (
                "services",
                "locations",
                "counsellors",
                "clients",
                "appointments",
                "bookings",
                "weekly_availability",
                "availability_exceptions",
            ):
                await conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), "  # noqa: S608
                        f"(SELECT max(id) FROM {table_name}))"
                    )
                )
            await conn.execute(text("ANALYZE"))


@dataclass(frozen=True)
class Bench:
    sessions: async_sessionmaker[AsyncSession]
    scheduler: SlotScheduler
    services: dict[int, Service]
    clients: Iterator[int]


async def transient_retry(run: Callable[[], Awaitable[Outcome]], retries: list[int]) -> Outcome:
    """A locked SQLite file or a lost connection is tried again; a TAKEN or FULL answer never is."""
    for attempt in range(20):
        try:
            return await run()
        except (OperationalError, InterfaceError) as error:
            if "locked" not in str(error) and "connection" not in str(error).lower():
                raise
            retries.append(1)
            await asyncio.sleep(0.01 * (attempt + 1))
    raise RuntimeError("gave up after 20 transient errors")


async def measure_search(bench: Bench, rng: random.Random) -> dict[str, Any]:
    first_day = NOW.astimezone(bench.scheduler.finder.tz).date()
    latencies: list[float] = []
    found: list[int] = []
    for index in range(WARM_UP + SEARCHES):
        service_id = rng.choice((1, 1, 2, 2, 3, 4, 5))
        location = rng.choice((None, 1, 2, 3))
        language = rng.choice((None, None, *LANGUAGES))
        day = first_day + timedelta(days=rng.randrange(2, DAYS)) if rng.random() < 0.4 else None
        started = clock.perf_counter()
        async with bench.sessions() as s:
            service = await s.get(Service, service_id)
            assert service is not None
            slots = await bench.scheduler.find_free(
                s, service, location_id=location, language=language, day=day
            )
        if index >= WARM_UP:
            latencies.append(clock.perf_counter() - started)
            found.append(len(slots))
    days_latencies: list[float] = []
    for _ in range(FREE_DAYS_CALLS):
        service_id, location = rng.choice((1, 2, 3, 4)), rng.choice((1, 2, 3))
        started = clock.perf_counter()
        async with bench.sessions() as s:
            service = await s.get(Service, service_id)
            assert service is not None
            await bench.scheduler.free_days(s, service, location_id=location, language=rng.choice(LANGUAGES))
        days_latencies.append(clock.perf_counter() - started)
    return {
        "slot_search_p50_ms": ms(percentile(latencies, 0.5)),
        "slot_search_p99_ms": ms(percentile(latencies, 0.99)),
        "slot_search_max_ms": ms(max(latencies)),
        "slot_searches": len(latencies),
        "slot_search_mean_slots_found": round(sum(found) / len(found), 1),
        "free_days_p50_ms": ms(percentile(days_latencies, 0.5)),
        "free_days_p99_ms": ms(percentile(days_latencies, 0.99)),
    }


async def measure_throughput(bench: Bench, workers: int, seed: int) -> dict[str, Any]:
    """Clients press times they were shown a moment ago: mostly distinct, some the same, some overlapping."""
    shown: list[Slot] = []
    for service_id in (1, 2, 3, 4):
        for location in (1, 2, 3):
            async with bench.sessions() as s:
                service = await s.get(Service, service_id)
                assert service is not None
                shown += await bench.scheduler.find_free(s, service, location_id=location, limit=100)
    outcomes: Counter[str] = Counter()
    retries: list[int] = []
    book_latencies: list[float] = []
    deadline = clock.perf_counter() + SECONDS

    async def client_loop(worker: int) -> None:
        rng = random.Random(seed * 1000 + worker)
        while clock.perf_counter() < deadline:
            slot, client_id = rng.choice(shown), next(bench.clients)

            async def press(slot: Slot = slot, client_id: int = client_id) -> Outcome:
                async with bench.sessions() as s, s.begin():
                    return (await bench.scheduler.book(s, client_id, slot, "cs")).outcome

            started = clock.perf_counter()
            outcomes[await transient_retry(press, retries)] += 1
            book_latencies.append(clock.perf_counter() - started)

    started = clock.perf_counter()
    await asyncio.gather(*(client_loop(w) for w in range(workers)))
    elapsed = clock.perf_counter() - started
    return {
        "bookings_per_s": round(outcomes[Outcome.BOOKED] / elapsed, 1),
        "booking_attempts_per_s": round(sum(outcomes.values()) / elapsed, 1),
        "booking_p50_ms": ms(percentile(book_latencies, 0.5)) if book_latencies else None,
        "booking_p99_ms": ms(percentile(book_latencies, 0.99)) if book_latencies else None,
        "throughput_workers": workers,
        "throughput_slots_shown": len(shown),
        "throughput_seconds": round(elapsed, 2),
        "throughput_outcomes": dict(outcomes),
        "throughput_transient_retries": len(retries),
    }


async def race(bench: Bench, service_id: int) -> dict[str, Any]:
    async with bench.sessions() as s:
        service = await s.get(Service, service_id)
        assert service is not None
        slot = (await bench.scheduler.find_free(s, service, limit=1))[0]
    retries: list[int] = []

    async def press(client_id: int) -> Outcome:
        async with bench.sessions() as s, s.begin():
            return (await bench.scheduler.book(s, client_id, slot, "cs")).outcome

    started = clock.perf_counter()
    clients = [next(bench.clients) for _ in range(RACERS)]
    results = await asyncio.gather(*(transient_retry(functools.partial(press, c), retries) for c in clients))
    elapsed = clock.perf_counter() - started
    async with bench.sessions() as s:
        booked = len(
            (
                await s.scalars(
                    select(Booking.id).where(
                        Booking.status == "booked",
                        Booking.counsellor_id == slot.counsellor_id,
                        Booking.starts_at == slot.starts_at,
                    )
                )
            ).all()
        )
    return {
        "bookings": booked,
        "outcomes": dict(Counter(str(r) for r in results)),
        "seconds": round(elapsed, 2),
        "transient_retries": len(retries),
    }


async def integrity(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    async with sessions() as s:
        overlapping = await s.scalar(
            text(
                "SELECT count(*) FROM appointments a JOIN appointments b"
                " ON a.counsellor_id = b.counsellor_id AND a.id < b.id"
                " AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
            )
        )
        overbooked = await s.scalar(
            text(
                "SELECT count(*) FROM (SELECT a.id FROM appointments a"
                " JOIN bookings b ON b.appointment_id = a.id AND b.status = 'booked'"
                " GROUP BY a.id, a.capacity HAVING count(*) > a.capacity) AS over"
            )
        )
        shared_cells = await s.scalar(
            text(
                "SELECT count(*) FROM (SELECT counsellor_id, cell_start FROM time_cells"
                " GROUP BY counsellor_id, cell_start HAVING count(*) > 1) AS shared"
            )
        )
        counts = {
            name: int(await s.scalar(text(f"SELECT count(*) FROM {name}")) or 0)  # noqa: S608
            for name in ("appointments", "bookings", "time_cells", "reminders")
        }
    return {
        "double_bookings": int(overlapping or 0) + int(shared_cells or 0),
        "overbooked_sessions": int(overbooked or 0),
        **{f"rows_{k}": v for k, v in counts.items()},
    }


async def run_on(url: str, plan: Plan, workers: int, pool: dict[str, Any]) -> dict[str, Any]:
    engine = create_engine(url, pool_timeout=300, **pool)
    sessions = create_session_factory(engine)
    try:
        started = clock.perf_counter()
        await load(engine, plan)
        log.warning("loaded %s: %.1f s", engine.dialect.name, clock.perf_counter() - started)
        async with sessions() as s:
            services = {sv.id: sv for sv in (await s.scalars(select(Service))).all()}
        bench = Bench(sessions, SlotScheduler(TZ, clock=lambda: NOW), services, iter(plan.spare_clients))
        before = await integrity(sessions)
        assert before["double_bookings"] == 0, before
        assert before["rows_bookings"] == BOOKINGS, before
        figures: dict[str, Any] = {"load_seconds": round(clock.perf_counter() - started, 1)}
        figures |= await measure_search(bench, random.Random(7))
        log.warning("search done on %s: p99 %s ms", engine.dialect.name, figures["slot_search_p99_ms"])
        figures |= await measure_throughput(bench, workers, seed=11)
        log.warning("throughput done on %s: %s/s", engine.dialect.name, figures["bookings_per_s"])
        one = await race(bench, 6)
        group = await race(bench, 7)
        figures |= {
            "race_individual_bookings": one["bookings"],
            "race_group_bookings": group["bookings"],
            "race_individual": one,
            "race_group": group,
        }
        figures |= await integrity(sessions)
        return figures
    finally:
        await engine.dispose()


async def postgres_url() -> str | None:
    """A database of our own on the server of BENCH_DATABASE_URL / TEST_DATABASE_URL, created afresh."""
    given = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if not given:
        return None
    server = make_url(given)
    admin = create_engine(
        server.set(database="postgres").render_as_string(hide_password=False), isolation_level="AUTOCOMMIT"
    )
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)"))
            await conn.execute(text(f"CREATE DATABASE {BENCH_DB}"))
    finally:
        await admin.dispose()
    url = server.set(database=BENCH_DB).render_as_string(hide_password=False)
    await asyncio.to_thread(migrate.upgrade, url)
    return url


async def drop_postgres(url: str) -> None:
    admin = create_engine(
        make_url(url).set(database="postgres").render_as_string(hide_password=False),
        isolation_level="AUTOCOMMIT",
    )
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)"))
    finally:
        await admin.dispose()


async def main() -> None:
    configure_logging("WARNING")  # logs go to stderr; stdout is the JSON report only
    started = clock.perf_counter()
    plan = plan_schedule(random.Random(2026))
    # The plan's ~150,000 rows stay alive for the second database: keep them out of the garbage collector's
    # full passes, which would otherwise land in the measured searches as pauses of tens of milliseconds.
    gc.collect()
    gc.freeze()
    log.warning(
        "planned %d appointments, %d bookings, %d time cells in %.1f s",
        len(plan.appointments),
        len(plan.bookings),
        len(plan.cells),
        clock.perf_counter() - started,
    )
    report: dict[str, Any] = {
        "setup": {
            "counsellors": COUNSELLORS,
            "locations": LOCATIONS,
            "days": DAYS,
            "existing_bookings": len(plan.bookings),
            "existing_appointments": len(plan.appointments),
            "weekly_rules": len(plan.weekly),
            "exceptions": len(plan.exceptions),
            "client_cpus": 1,
            "load_average_at_start": round(os.getloadavg()[0], 2),
            "python": sys.version.split()[0],
        }
    }
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
        await asyncio.to_thread(migrate.upgrade, sqlite)
        report["sqlite"] = await run_on(sqlite, plan, workers=8, pool={})
    pg = await postgres_url()
    if pg is None:
        report["postgresql"] = {
            "skipped": "set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server"
        }
    else:
        try:
            report["postgresql"] = await run_on(
                pg, plan, workers=32, pool={"pool_size": 20, "max_overflow": 10}
            )
            report["postgresql"]["server"] = await server_version(pg)
        finally:
            if os.environ.get("BENCH_KEEP") != "1":
                await drop_postgres(pg)
    report["setup"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    report["targets"] = {
        "slot_search_p99_ms": "< 50 on PostgreSQL",
        "double_bookings": 0,
        "overbooked_sessions": 0,
        "race_individual_bookings": 1,
        "race_group_bookings": GROUP_SEATS,
    }
    report["met"] = {
        db: {
            "slot_search_p99_ms": figures["slot_search_p99_ms"] < TARGETS["slot_search_p99_ms"],
            "double_bookings": figures["double_bookings"] == 0,
            "overbooked_sessions": figures["overbooked_sessions"] == 0,
            "races": figures["race_individual_bookings"] == 1
            and figures["race_group_bookings"] == GROUP_SEATS,
        }
        for db, figures in report.items()
        if db in ("sqlite", "postgresql") and "skipped" not in figures
    }
    print(json.dumps(report, indent=2, ensure_ascii=False, default=str))


async def server_version(url: str) -> str:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return str(await conn.scalar(text("SHOW server_version")))
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
