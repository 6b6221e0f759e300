"""Staff views and actions on appointments: agendas, attendance, histories, cancellations by the centre."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from scheduler.models import (
    Appointment,
    AvailabilityException,
    Booking,
    Counsellor,
    Location,
    Service,
    WaitlistEntry,
)
from scheduler.rules import local_to_utc
from scheduler.service import SlotScheduler

ATTENDANCE = ("attended", "no_show")
REASON_LIMIT = 200


class Refusal(StrEnum):
    """Why a staff action was refused; the console explains each one in the staff member's language."""

    NOT_FOUND = "not-found"
    NOT_STARTED = "not-started"
    BOOKING_CANCELLED = "booking-cancelled"
    BAD_CHOICE = "bad-choice"
    ALREADY_STARTED = "already-started"
    REASON_MISSING = "reason-missing"
    FUTURE_BOOKINGS = "future-bookings"
    BAD_TIME = "bad-time"
    BAD_DAY = "bad-day"
    TIME_ORDER = "time-order"
    VALIDITY_ORDER = "validity-order"
    OVERLAP = "overlap"
    SERVICE_NOT_OFFERED = "service-not-offered"
    EXTRA_INCOMPLETE = "extra-incomplete"
    TIMES_INCOMPLETE = "times-incomplete"
    PAST_DAY = "past-day"


class ScheduleError(ValueError):
    """A refused staff action; `count` carries a number the explanation needs (e.g. bookings ahead)."""

    def __init__(self, refusal: Refusal, count: int = 0) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal
        self.count = count


@dataclass(frozen=True)
class Seat:
    booking_id: int
    client_id: int
    language: str | None
    status: str
    seat: int | None


@dataclass(frozen=True)
class AgendaEntry:
    """One appointment in local time with the clients holding its seats."""

    appointment_id: int
    counsellor_id: int
    counsellor: str
    service: Service
    location: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    seats: tuple[Seat, ...]


@dataclass(frozen=True)
class Cancellation:
    """What a cancellation by the centre touched: the cancelled bookings and the clients who were waiting."""

    appointment_id: int
    service: Service
    location: Location
    starts_at: datetime
    bookings: list[Booking]
    waiting: list[int]  # clients who were on the waiting list


def day_bounds(first: date, last: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC instants from the start of local day `first` to the end of local day `last`."""
    return local_to_utc(first, time(0), tz), local_to_utc(last + timedelta(days=1), time(0), tz)


def scoped(own: Collection[int] | None, counsellor_id: int | None) -> bool:
    """Whether a counsellor's data is within what the caller may touch (None: any counsellor)."""
    return own is None or counsellor_id in own


async def agenda(
    session: AsyncSession, counsellor_id: int | None, first: date, last: date, tz: ZoneInfo
) -> list[AgendaEntry]:
    """Appointments of one counsellor (or all) on local days first..last, with their current seats."""
    starts, ends = day_bounds(first, last, tz)
    query = (
        select(Appointment, Counsellor, Service, Location)
        .join(Counsellor, Counsellor.id == Appointment.counsellor_id)
        .join(Service, Service.id == Appointment.service_id)
        .join(Location, Location.id == Appointment.location_id)
        .where(Appointment.starts_at >= starts, Appointment.starts_at < ends)
        .order_by(Appointment.starts_at, Counsellor.name, Appointment.id)
    )
    if counsellor_id is not None:
        query = query.where(Appointment.counsellor_id == counsellor_id)
    rows = (await session.execute(query)).all()
    ids = [appointment.id for appointment, *_ in rows]
    seats: dict[int, list[Seat]] = {}
    if ids:
        found = await session.scalars(
            select(Booking).where(Booking.appointment_id.in_(ids)).order_by(Booking.seat)
        )
        for b in found:
            assert b.appointment_id is not None
            seats.setdefault(b.appointment_id, []).append(
                Seat(b.id, b.client_id, b.language, b.status, b.seat)
            )
    return [
        AgendaEntry(
            a.id,
            c.id,
            c.name,
            s,
            loc.name,
            a.starts_at.astimezone(tz),
            a.ends_at.astimezone(tz),
            a.capacity,
            tuple(seats.get(a.id, ())),
        )
        for a, c, s, loc in rows
    ]


async def mark_attendance(
    session: AsyncSession, booking_id: int, status: str, now: datetime, *, own: Collection[int] | None = None
) -> Booking:
    """Record that the client came or did not; only once the appointment has begun, and correctable."""
    if status not in ATTENDANCE:
        raise ScheduleError(Refusal.BAD_CHOICE)
    booking = await session.get(Booking, booking_id)
    if booking is None or not scoped(own, booking.counsellor_id):
        raise ScheduleError(Refusal.NOT_FOUND)
    if booking.status == "cancelled":
        raise ScheduleError(Refusal.BOOKING_CANCELLED)
    if booking.starts_at > now:
        raise ScheduleError(Refusal.NOT_STARTED)
    booking.status = status
    await session.flush()
    return booking


async def counsellor_cancel(
    session: AsyncSession,
    scheduler: SlotScheduler,
    appointment_id: int,
    reason: str,
    *,
    own: Collection[int] | None = None,
) -> Cancellation:
    """Cancel every seat of a future appointment and close its time, so nobody is offered it again.

    Always `by="counsellor"`: the scheduler then gives no freed seat to a waiting client."""
    reason = reason.strip()[:REASON_LIMIT]
    if not reason:
        raise ScheduleError(Refusal.REASON_MISSING)
    appointment = await session.get(Appointment, appointment_id)
    if appointment is None or not scoped(own, appointment.counsellor_id):
        raise ScheduleError(Refusal.NOT_FOUND)
    if appointment.starts_at <= scheduler.clock():
        raise ScheduleError(Refusal.ALREADY_STARTED)
    service = await session.get(Service, appointment.service_id)
    location = await session.get(Location, appointment.location_id)
    assert service is not None
    assert location is not None
    # Read before cancelling: the appointment's deletion takes its waiting list with it.
    waiting = list(
        (
            await session.scalars(
                select(WaitlistEntry.client_id)
                .where(WaitlistEntry.appointment_id == appointment.id)
                .order_by(WaitlistEntry.id)
            )
        ).all()
    )
    booked = (
        await session.scalars(
            select(Booking.id).where(Booking.appointment_id == appointment.id, Booking.status == "booked")
        )
    ).all()
    counsellor_id, starts_at = appointment.counsellor_id, appointment.starts_at
    held_until = appointment.ends_at + timedelta(minutes=service.buffer_min)
    cancelled: list[Booking] = []
    for booking_id in booked:
        result = await scheduler.cancel(session, booking_id, client_id=None, by="counsellor")
        if result.cancelled is not None:
            cancelled.append(result.cancelled)
    session.add(_closed_time(counsellor_id, starts_at, held_until, scheduler.finder.tz, reason))
    await session.flush()
    return Cancellation(appointment_id, service, location, starts_at, cancelled, waiting)


def _closed_time(
    counsellor_id: int, starts_at: datetime, until: datetime, tz: ZoneInfo, note: str
) -> AvailabilityException:
    local_start, local_end = starts_at.astimezone(tz), until.astimezone(tz)
    ends = local_end.time() if local_end.date() == local_start.date() else time(23, 59)
    return AvailabilityException(
        counsellor_id=counsellor_id,
        day=local_start.date(),
        kind="off",
        starts=local_start.time(),
        ends=ends,
        note=note,
    )


@dataclass(frozen=True)
class HistoryEntry:
    """One booking of a client as staff see it, whatever became of it."""

    booking_id: int
    service: Service
    location: str
    counsellor: str | None
    starts_at: datetime
    ends_at: datetime
    status: str
    language: str | None
    created_at: datetime
    cancelled_by: str | None


async def client_history(session: AsyncSession, client_id: int) -> list[HistoryEntry]:
    """Every booking of a client, newest appointment first, with cancelled ones kept."""
    rows = await session.execute(
        select(Booking, Service, Location, Counsellor.name)
        .join(Service, Service.id == Booking.service_id)
        .join(Location, Location.id == Booking.location_id)
        .outerjoin(Counsellor, Counsellor.id == Booking.counsellor_id)
        .where(Booking.client_id == client_id)
        .order_by(Booking.starts_at.desc(), Booking.id.desc())
    )
    return [
        HistoryEntry(
            b.id,
            s,
            loc.name,
            name,
            b.starts_at,
            b.ends_at,
            b.status,
            b.language,
            b.created_at,
            b.cancelled_by,
        )
        for b, s, loc, name in rows.all()
    ]


async def has_booked_with(session: AsyncSession, client_id: int, counsellor_ids: Collection[int]) -> bool:
    """Whether a client ever booked one of these counsellors (what lets a counsellor see the history)."""
    found = await session.scalar(
        select(Booking.id)
        .where(Booking.client_id == client_id, Booking.counsellor_id.in_(list(counsellor_ids)))
        .limit(1)
    )
    return found is not None
