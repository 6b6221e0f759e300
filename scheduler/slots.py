"""Free-slot search: availability windows minus taken time, holidays, notice and horizon."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as public_holidays
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from scheduler.models import (
    Appointment,
    AvailabilityException,
    Booking,
    Counsellor,
    CounsellorService,
    Service,
    TimeCell,
    WeeklyAvailability,
)
from scheduler.rules import DayException, WeeklyRule, Window, candidate_starts, cells, day_windows

DAYS_PER_QUERY = 7


@dataclass(frozen=True)
class Slot:
    """A bookable time; `seats_left` is the service's seats for a new session, fewer for a started one."""

    counsellor_id: int
    service_id: int
    location_id: int
    starts_at: datetime
    ends_at: datetime
    seats_left: int


@lru_cache(maxsize=16)
def czech_holidays(year: int) -> frozenset[date]:
    return frozenset(public_holidays.country_holidays("CZ", years=year).keys())


def holidays_between(first: date, last: date) -> set[date]:
    days: set[date] = set()
    for year in range(first.year, last.year + 1):
        days |= czech_holidays(year)
    return days


@dataclass(frozen=True)
class SearchScope:
    service: Service
    counsellors: dict[int, Counsellor]
    rules: list[WeeklyRule]
    exceptions: list[DayException]


async def load_scope(
    session: AsyncSession, service: Service, location_id: int | None, language: str | None
) -> SearchScope:
    """Counsellors who offer the service (and serve the language), with their availability rules."""
    query = (
        select(Counsellor)
        .join(CounsellorService, CounsellorService.counsellor_id == Counsellor.id)
        .where(CounsellorService.service_id == service.id, Counsellor.active.is_(True))
    )
    counsellors = {
        c.id: c for c in (await session.scalars(query)).all() if language is None or language in c.languages
    }
    if not counsellors:
        return SearchScope(service, {}, [], [])
    weekly = (
        await session.scalars(
            select(WeeklyAvailability).where(WeeklyAvailability.counsellor_id.in_(counsellors))
        )
    ).all()
    rules = [
        WeeklyRule(
            w.counsellor_id,
            w.location_id,
            w.weekday,
            w.starts,
            w.ends,
            w.service_id,
            w.valid_from,
            w.valid_until,
        )
        for w in weekly
        if (location_id is None or w.location_id == location_id) and w.service_id in (None, service.id)
    ]
    found = (
        await session.scalars(
            select(AvailabilityException).where(AvailabilityException.counsellor_id.in_(counsellors))
        )
    ).all()
    exceptions = [
        DayException(e.counsellor_id, e.day, e.kind, e.starts, e.ends, e.location_id, e.service_id)
        for e in found
        if e.kind == "off"
        or ((location_id is None or e.location_id == location_id) and e.service_id in (None, service.id))
    ]
    return SearchScope(service, counsellors, rules, exceptions)


class SlotFinder:
    """Walks the days ahead and stops as soon as it has enough: the search touches only what it shows."""

    def __init__(self, timezone: str) -> None:
        self.tz = ZoneInfo(timezone)

    def bounds(self, service: Service, now: datetime) -> tuple[datetime, datetime]:
        return now + timedelta(hours=service.min_notice_hours), now + timedelta(days=service.horizon_days)

    async def find(
        self,
        session: AsyncSession,
        scope: SearchScope,
        now: datetime,
        *,
        day: date | None = None,
        limit: int = 20,
        distinct: bool = True,
    ) -> list[Slot]:
        """Free slots from the earliest allowed time; `distinct` keeps one counsellor per time and place."""
        service = scope.service
        if not scope.counsellors:
            return []
        earliest, latest = self.bounds(service, now)
        first_day = max(earliest.astimezone(self.tz).date(), day or date.min)
        last_day = min(latest.astimezone(self.tz).date(), day or date.max)
        found: list[Slot] = []
        current = first_day
        while current <= last_day and len(found) < limit:
            chunk_end = min(last_day, current + timedelta(days=DAYS_PER_QUERY - 1))
            found += await self._find_in(
                session, scope, current, chunk_end, earliest, latest, limit - len(found), distinct
            )
            current = chunk_end + timedelta(days=1)
        return found[:limit]

    async def _find_in(
        self,
        session: AsyncSession,
        scope: SearchScope,
        first: date,
        last: date,
        earliest: datetime,
        latest: datetime,
        limit: int,
        distinct: bool,
    ) -> list[Slot]:
        holidays = holidays_between(first, last)
        windows: list[Window] = []
        day = first
        while day <= last:
            windows += day_windows(day, scope.rules, scope.exceptions, self.tz, holidays)
            day += timedelta(days=1)
        if not windows:
            return []
        taken, sessions = await self._occupancy(session, list(scope.counsellors), windows)
        service = scope.service
        duration = timedelta(minutes=service.duration_min)
        held = timedelta(minutes=service.duration_min + service.buffer_min)
        slots: list[Slot] = []
        for window in windows:
            for start in candidate_starts(window, duration, service.is_group):
                if start < earliest or start > latest:
                    continue
                joinable = sessions.get((window.counsellor_id, start))
                if joinable is not None:
                    appointment, booked = joinable
                    if (
                        appointment.service_id == service.id
                        and appointment.location_id == window.location_id
                        and booked < appointment.capacity
                    ):
                        slots.append(
                            Slot(
                                window.counsellor_id,
                                service.id,
                                window.location_id,
                                start,
                                start + duration,
                                appointment.capacity - booked,
                            )
                        )
                    continue
                if any(c in taken.get(window.counsellor_id, ()) for c in cells(start, start + held)):
                    continue
                slots.append(
                    Slot(
                        window.counsellor_id,
                        service.id,
                        window.location_id,
                        start,
                        start + duration,
                        service.seats,
                    )
                )
        slots.sort(key=lambda s: (s.starts_at, s.location_id, s.counsellor_id))
        return (_one_per_time(slots) if distinct else slots)[:limit]

    async def offered_times(self, scope: SearchScope, now: datetime, day: date) -> set[datetime]:
        """Start times the availability offers on a day, taken or not (to tell "just taken" from "never")."""
        service = scope.service
        earliest, latest = self.bounds(service, now)
        duration = timedelta(minutes=service.duration_min)
        windows = day_windows(day, scope.rules, scope.exceptions, self.tz, holidays_between(day, day))
        return {
            start
            for window in windows
            for start in candidate_starts(window, duration, service.is_group)
            if earliest <= start <= latest
        }

    async def _occupancy(
        self, session: AsyncSession, counsellor_ids: Sequence[int], windows: Sequence[Window]
    ) -> tuple[dict[int, set[datetime]], dict[tuple[int, datetime], tuple[Appointment, int]]]:
        start = min(w.starts for w in windows)
        end = max(w.ends for w in windows) + timedelta(hours=4)
        rows = await session.execute(
            select(TimeCell.counsellor_id, TimeCell.cell_start).where(
                TimeCell.counsellor_id.in_(counsellor_ids),
                TimeCell.cell_start >= start,
                TimeCell.cell_start < end,
            )
        )
        taken: dict[int, set[datetime]] = {}
        for counsellor_id, cell_start in rows.all():
            taken.setdefault(counsellor_id, set()).add(cell_start)
        appointments = await session.execute(
            select(Appointment, func.count(Booking.id))
            .outerjoin(Booking, Booking.appointment_id == Appointment.id)
            .where(
                Appointment.counsellor_id.in_(counsellor_ids),
                Appointment.starts_at >= start,
                Appointment.starts_at < end,
            )
            .group_by(Appointment.id)
        )
        sessions = {(a.counsellor_id, a.starts_at): (a, int(n)) for a, n in appointments.all()}
        return taken, sessions


def _one_per_time(slots: list[Slot]) -> list[Slot]:
    """Clients choose a time and a place, not a counsellor: keep the first free counsellor for each."""
    seen: set[tuple[datetime, int]] = set()
    unique = []
    for slot in slots:
        key = (slot.starts_at, slot.location_id)
        if key not in seen:
            seen.add(key)
            unique.append(slot)
    return unique
