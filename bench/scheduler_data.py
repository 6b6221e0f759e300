"""The benchmark's schedule: 50 counsellors x 3 locations x 90 days and 10,000 bookings, as plain rows.

Used by bench/scheduler.py. Bookings are placed the way `SlotScheduler.book` would place them: on the
15-minute grid, inside the hours (weekly rules minus time off and holidays, plus extra evenings), never
overlapping, buffers held, after the minimum notice; denser in the coming weeks, as in real life.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clients.models import Client
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
from scheduler.slots import holidays_between

TZ = "Europe/Prague"
NOW = datetime(2026, 3, 2, 6, 30, tzinfo=UTC)  # a Monday; the 90 days cross the DST change and Easter
COUNSELLORS, LOCATIONS, DAYS, BOOKINGS = 50, 3, 90, 10_000
RACERS, GROUP_SEATS = 200, 5
LANGUAGES = ("cs", "en", "uk", "ru", "vi")
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
