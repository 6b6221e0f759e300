"""Editing availability: a counsellor's weekly rules and one-off exceptions, validated before they count."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from scheduler.agenda import Refusal, ScheduleError, day_bounds
from scheduler.models import (
    CELL_MINUTES,
    Appointment,
    AvailabilityException,
    Booking,
    Counsellor,
    Location,
    WeeklyAvailability,
)
from scheduler.rules import local_to_utc

KINDS = ("off", "extra")
NOTE_LIMIT = 200


def parse_clock(text: str) -> time:
    """A local time from a form ("09:30"), on the cell grid that bookings are claimed in."""
    try:
        parsed = time.fromisoformat(text.strip())
    except ValueError:
        raise ScheduleError(Refusal.BAD_TIME) from None
    if parsed.minute % CELL_MINUTES or parsed.second or parsed.microsecond or parsed.tzinfo:
        raise ScheduleError(Refusal.BAD_TIME)
    return parsed


def parse_day(text: str) -> date:
    """A calendar day from a form ("2026-03-09"); 30 February is refused, not rolled over."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ScheduleError(Refusal.BAD_DAY) from None


def _ordered(starts: time, ends: time) -> None:
    for value in (starts, ends):
        if value.minute % CELL_MINUTES or value.second or value.microsecond:
            raise ScheduleError(Refusal.BAD_TIME)
    if starts >= ends:
        raise ScheduleError(Refusal.TIME_ORDER)


async def _counsellor(session: AsyncSession, counsellor_id: int) -> Counsellor:
    counsellor = await session.get(Counsellor, counsellor_id)
    if counsellor is None:
        raise ScheduleError(Refusal.NOT_FOUND)
    return counsellor


async def _place(
    session: AsyncSession, counsellor: Counsellor, location_id: int | None, service_id: int | None
) -> None:
    if location_id is not None:
        location = await session.get(Location, location_id)
        if location is None or not location.active:
            raise ScheduleError(Refusal.NOT_FOUND)
    if service_id is not None and service_id not in {s.id for s in counsellor.services}:
        raise ScheduleError(Refusal.SERVICE_NOT_OFFERED)


async def weekly_rules(session: AsyncSession, counsellor_id: int) -> list[WeeklyAvailability]:
    query = (
        select(WeeklyAvailability)
        .where(WeeklyAvailability.counsellor_id == counsellor_id)
        .order_by(WeeklyAvailability.weekday, WeeklyAvailability.starts, WeeklyAvailability.id)
    )
    return list((await session.scalars(query)).all())


async def exceptions_from(
    session: AsyncSession, counsellor_id: int, since: date
) -> list[AvailabilityException]:
    """Exceptions still to come (past ones no longer change anything)."""
    query = (
        select(AvailabilityException)
        .where(AvailabilityException.counsellor_id == counsellor_id, AvailabilityException.day >= since)
        .order_by(AvailabilityException.day, AvailabilityException.starts, AvailabilityException.id)
    )
    return list((await session.scalars(query)).all())


async def add_weekly_rule(
    session: AsyncSession,
    counsellor_id: int,
    location_id: int,
    weekday: int,
    starts: time,
    ends: time,
    *,
    service_id: int | None = None,
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> WeeklyAvailability:
    """Add a weekly window; refused when it overlaps another of the counsellor's windows that day."""
    counsellor = await _counsellor(session, counsellor_id)
    if weekday not in range(7):
        raise ScheduleError(Refusal.BAD_DAY)
    _ordered(starts, ends)
    if valid_from is not None and valid_until is not None and valid_from > valid_until:
        raise ScheduleError(Refusal.VALIDITY_ORDER)
    await _place(session, counsellor, location_id, service_id)
    for other in await weekly_rules(session, counsellor_id):
        same_time = other.weekday == weekday and other.starts < ends and starts < other.ends
        if same_time and _periods_meet(valid_from, valid_until, other.valid_from, other.valid_until):
            raise ScheduleError(Refusal.OVERLAP)
    rule = WeeklyAvailability(
        counsellor_id=counsellor_id,
        location_id=location_id,
        weekday=weekday,
        starts=starts,
        ends=ends,
        service_id=service_id,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    session.add(rule)
    await session.flush()
    return rule


def _periods_meet(
    a_from: date | None, a_until: date | None, b_from: date | None, b_until: date | None
) -> bool:
    return (a_from or date.min) <= (b_until or date.max) and (b_from or date.min) <= (a_until or date.max)


async def remove_weekly_rule(session: AsyncSession, counsellor_id: int, rule_id: int) -> WeeklyAvailability:
    """Remove a window; appointments already booked in it stay booked."""
    rule = await session.get(WeeklyAvailability, rule_id)
    if rule is None or rule.counsellor_id != counsellor_id:
        raise ScheduleError(Refusal.NOT_FOUND)
    await session.delete(rule)
    await session.flush()
    return rule


async def add_exception(
    session: AsyncSession,
    counsellor_id: int,
    day: date,
    kind: str,
    *,
    today: date,
    starts: time | None = None,
    ends: time | None = None,
    location_id: int | None = None,
    service_id: int | None = None,
    note: str | None = None,
) -> AvailabilityException:
    """Time off (a whole day, or from..to) or extra hours at a location, on a day from today on."""
    counsellor = await _counsellor(session, counsellor_id)
    if kind not in KINDS:
        raise ScheduleError(Refusal.BAD_CHOICE)
    if day < today:
        raise ScheduleError(Refusal.PAST_DAY)
    if kind == "extra" and (starts is None or ends is None or location_id is None):
        raise ScheduleError(Refusal.EXTRA_INCOMPLETE)
    if (starts is None) != (ends is None):
        raise ScheduleError(Refusal.TIMES_INCOMPLETE)
    if starts is not None and ends is not None:
        _ordered(starts, ends)
    if kind == "off":
        location_id = service_id = None  # time off applies wherever the counsellor would be
    await _place(session, counsellor, location_id, service_id)
    exception = AvailabilityException(
        counsellor_id=counsellor_id,
        day=day,
        kind=kind,
        starts=starts,
        ends=ends,
        location_id=location_id,
        service_id=service_id,
        note=(note or "").strip()[:NOTE_LIMIT] or None,
    )
    session.add(exception)
    await session.flush()
    return exception


async def remove_exception(
    session: AsyncSession, counsellor_id: int, exception_id: int
) -> AvailabilityException:
    exception = await session.get(AvailabilityException, exception_id)
    if exception is None or exception.counsellor_id != counsellor_id:
        raise ScheduleError(Refusal.NOT_FOUND)
    await session.delete(exception)
    await session.flush()
    return exception


async def booked_during(session: AsyncSession, exception: AvailabilityException, tz: ZoneInfo) -> int:
    """Clients still booked in the time an `off` exception closes; the agenda is where to cancel them."""
    if exception.starts is None or exception.ends is None:
        starts, ends = day_bounds(exception.day, exception.day, tz)
    else:
        starts, ends = (local_to_utc(exception.day, t, tz) for t in (exception.starts, exception.ends))
    count = await session.scalar(
        select(func.count(Booking.id))
        .join(Appointment, Appointment.id == Booking.appointment_id)
        .where(
            Appointment.counsellor_id == exception.counsellor_id,
            Appointment.starts_at < ends,
            Appointment.ends_at > starts,
            Booking.status == "booked",
        )
    )
    return int(count or 0)
