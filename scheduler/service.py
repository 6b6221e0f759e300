"""SlotScheduler: search, book, cancel and reschedule; the database itself forbids double booking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from scheduler.models import Appointment, Booking, Location, Reminder, Service, TimeCell, WaitlistEntry
from scheduler.rules import cells
from scheduler.slots import Slot, SlotFinder, load_scope

REMINDERS = (("24h", timedelta(hours=24)), ("2h", timedelta(hours=2)))
ALTERNATIVES = 4


def utcnow() -> datetime:
    return datetime.now(UTC)


class Outcome(StrEnum):
    BOOKED = "booked"
    TAKEN = "taken"  # someone else got this time a moment ago
    FULL = "full"  # a group session without a free seat: a waiting list is possible
    LIMIT = "limit"  # the client already holds the maximum of future bookings
    UNAVAILABLE = "unavailable"  # not a time we offer (in the past, a holiday, an old button)


@dataclass(frozen=True)
class BookingResult:
    outcome: Outcome
    booking: Booking | None = None
    alternatives: tuple[Slot, ...] = ()
    appointment_id: int | None = None
    promoted: tuple[Booking, ...] = ()  # reschedule: waiting clients who got the seat it freed


@dataclass(frozen=True)
class CancelResult:
    cancelled: Booking | None
    promoted: list[Booking] = field(default_factory=list)  # waiting clients who got the freed seat


class SlotScheduler:
    """Every method runs in the caller's transaction and never commits; failures use savepoints."""

    def __init__(
        self,
        timezone: str = "Europe/Prague",
        max_future_bookings: int = 2,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.finder = SlotFinder(timezone)
        self.max_future_bookings = max_future_bookings
        self.clock = clock

    async def services(self, session: AsyncSession) -> list[Service]:
        return list(
            (
                await session.scalars(select(Service).where(Service.active.is_(True)).order_by(Service.id))
            ).all()
        )

    async def service_by_code(self, session: AsyncSession, code: str) -> Service | None:
        return await session.scalar(select(Service).where(Service.code == code, Service.active.is_(True)))

    async def locations(self, session: AsyncSession) -> list[Location]:
        return list(
            (
                await session.scalars(select(Location).where(Location.active.is_(True)).order_by(Location.id))
            ).all()
        )

    async def find_free(
        self,
        session: AsyncSession,
        service: Service,
        *,
        location_id: int | None = None,
        language: str | None = None,
        day: date | None = None,
        limit: int = 20,
    ) -> list[Slot]:
        scope = await load_scope(session, service, location_id, language)
        return await self.finder.find(session, scope, self.clock(), day=day, limit=limit)

    async def free_days(
        self,
        session: AsyncSession,
        service: Service,
        *,
        location_id: int | None,
        language: str | None,
        days: int = 6,
    ) -> list[date]:
        """The next days that have at least one free slot, for day buttons."""
        scope = await load_scope(session, service, location_id, language)
        found: list[date] = []
        now = self.clock()
        earliest, latest = self.finder.bounds(service, now)
        current = earliest.astimezone(self.finder.tz).date()
        while len(found) < days and current <= latest.astimezone(self.finder.tz).date():
            if await self.finder.find(session, scope, now, day=current, limit=1):
                found.append(current)
            current += timedelta(days=1)
        return found

    async def future_bookings(self, session: AsyncSession, client_id: int) -> list[Booking]:
        rows = await session.scalars(
            select(Booking)
            .where(
                Booking.client_id == client_id, Booking.status == "booked", Booking.starts_at > self.clock()
            )
            .order_by(Booking.starts_at)
        )
        return list(rows.all())

    async def history(self, session: AsyncSession, client_id: int) -> list[Booking]:
        rows = await session.scalars(
            select(Booking).where(Booking.client_id == client_id).order_by(Booking.starts_at.desc())
        )
        return list(rows.all())

    async def book(
        self,
        session: AsyncSession,
        client_id: int,
        slot: Slot,
        language: str | None,
        *,
        ignore_limit_for: int | None = None,
    ) -> BookingResult:
        """Book a seat; the slot is re-derived from availability, so an old or forged button books nothing."""
        service = await session.get(Service, slot.service_id)
        if service is None or not service.active:
            return BookingResult(Outcome.UNAVAILABLE)
        held = [b for b in await self.future_bookings(session, client_id) if b.id != ignore_limit_for]
        if len(held) >= self.max_future_bookings:
            return BookingResult(Outcome.LIMIT)
        day = slot.starts_at.astimezone(self.finder.tz).date()
        scope = await load_scope(session, service, slot.location_id, language)
        free = await self.finder.find(session, scope, self.clock(), day=day, limit=10_000, distinct=False)
        counsellors = [o.counsellor_id for o in free if o.starts_at == slot.starts_at]
        counsellors.sort(key=lambda c: c != slot.counsellor_id)  # the one shown to the client first
        for counsellor_id in counsellors:
            result = await self._claim(session, client_id, service, slot, counsellor_id, language)
            if result.outcome is not Outcome.TAKEN:
                return result
        full = await self._full_session(session, service, slot)
        if full is not None:
            return BookingResult(Outcome.FULL, appointment_id=full)
        offered = await self.finder.offered_times(scope, self.clock(), day)
        outcome = Outcome.TAKEN if slot.starts_at in offered else Outcome.UNAVAILABLE
        return BookingResult(outcome, alternatives=await self.nearest_free(session, slot, language))

    async def _full_session(self, session: AsyncSession, service: Service, slot: Slot) -> int | None:
        if not service.is_group:
            return None
        appointment_id: int | None = await session.scalar(
            select(Appointment.id).where(
                Appointment.service_id == service.id,
                Appointment.location_id == slot.location_id,
                Appointment.starts_at == slot.starts_at,
            )
        )
        return appointment_id

    async def _claim(
        self,
        session: AsyncSession,
        client_id: int,
        service: Service,
        slot: Slot,
        counsellor_id: int,
        language: str | None,
    ) -> BookingResult:
        ends = slot.starts_at + timedelta(minutes=service.duration_min)
        held_until = ends + timedelta(minutes=service.buffer_min)
        appointment = await session.scalar(
            select(Appointment).where(
                Appointment.counsellor_id == counsellor_id, Appointment.starts_at == slot.starts_at
            )
        )
        if appointment is None:
            try:
                async with session.begin_nested():
                    appointment = Appointment(
                        counsellor_id=counsellor_id,
                        service_id=service.id,
                        location_id=slot.location_id,
                        starts_at=slot.starts_at,
                        ends_at=ends,
                        capacity=service.seats,
                    )
                    session.add(appointment)
                    await session.flush()
                    # The unique (counsellor, cell) key turns any overlap into an IntegrityError.
                    session.add_all(
                        TimeCell(counsellor_id=counsellor_id, cell_start=c, appointment_id=appointment.id)
                        for c in cells(slot.starts_at, held_until)
                    )
                    await session.flush()
            except IntegrityError:
                appointment = await session.scalar(
                    select(Appointment).where(
                        Appointment.counsellor_id == counsellor_id, Appointment.starts_at == slot.starts_at
                    )
                )
                if appointment is None or not service.is_group:
                    return BookingResult(
                        Outcome.TAKEN, alternatives=await self.nearest_free(session, slot, language)
                    )
        if appointment.service_id != service.id or appointment.location_id != slot.location_id:
            return BookingResult(Outcome.TAKEN, alternatives=await self.nearest_free(session, slot, language))
        return await self._take_seat(session, client_id, appointment, language)

    async def _take_seat(
        self, session: AsyncSession, client_id: int, appointment: Appointment, language: str | None
    ) -> BookingResult:
        for seat in range(1, appointment.capacity + 1):
            try:
                async with session.begin_nested():
                    booking = Booking(
                        appointment_id=appointment.id,
                        seat=seat,
                        client_id=client_id,
                        service_id=appointment.service_id,
                        location_id=appointment.location_id,
                        counsellor_id=appointment.counsellor_id,
                        starts_at=appointment.starts_at,
                        ends_at=appointment.ends_at,
                        language=language,
                    )
                    session.add(booking)
                    await session.flush()
            except IntegrityError:
                already = await session.scalar(
                    select(Booking).where(
                        Booking.appointment_id == appointment.id, Booking.client_id == client_id
                    )
                )
                if already is not None:
                    return BookingResult(Outcome.BOOKED, already)
                continue
            self._schedule_reminders(session, booking)
            return BookingResult(Outcome.BOOKED, booking)
        if appointment.capacity > 1:
            return BookingResult(Outcome.FULL, appointment_id=appointment.id)
        return BookingResult(
            Outcome.TAKEN, alternatives=await self._alternatives_for(session, appointment, language)
        )

    def _schedule_reminders(self, session: AsyncSession, booking: Booking) -> None:
        now = self.clock()
        for kind, before in REMINDERS:
            due = booking.starts_at - before
            if due > now:
                session.add(Reminder(booking_id=booking.id, kind=kind, due_at=due))

    async def join_waitlist(
        self, session: AsyncSession, client_id: int, appointment_id: int, language: str | None
    ) -> bool:
        try:
            async with session.begin_nested():
                session.add(
                    WaitlistEntry(appointment_id=appointment_id, client_id=client_id, language=language)
                )
                await session.flush()
        except IntegrityError:
            return False  # already waiting
        return True

    async def cancel(
        self, session: AsyncSession, booking_id: int, *, client_id: int | None, by: str
    ) -> CancelResult:
        """Free the seat (and the time when nobody is left); the first waiting client gets the seat."""
        query = select(Booking).where(Booking.id == booking_id, Booking.status == "booked")
        if client_id is not None:
            query = query.where(Booking.client_id == client_id)
        booking = await session.scalar(query)
        if booking is None:
            return CancelResult(None)
        appointment_id = booking.appointment_id
        booking.status, booking.cancelled_at, booking.cancelled_by = "cancelled", self.clock(), by
        booking.appointment_id, booking.seat = None, None
        await session.flush()
        promoted: list[Booking] = []
        appointment = await session.get(Appointment, appointment_id) if appointment_id else None
        if appointment is not None:
            if by != "counsellor":
                promoted = await self._promote_waiting(session, appointment)
            left = await session.scalar(
                select(func.count(Booking.id)).where(Booking.appointment_id == appointment.id)
            )
            if not left:
                await session.delete(appointment)  # its time cells and waiting list go with it
                await session.flush()
        return CancelResult(booking, promoted)

    async def _promote_waiting(self, session: AsyncSession, appointment: Appointment) -> list[Booking]:
        waiting = (
            await session.scalars(
                select(WaitlistEntry)
                .where(WaitlistEntry.appointment_id == appointment.id)
                .order_by(WaitlistEntry.id)
            )
        ).all()
        for entry in waiting:
            if len(await self.future_bookings(session, entry.client_id)) >= self.max_future_bookings:
                continue  # at their limit: the seat goes to the next person, who can take it
            result = await self._take_seat(session, entry.client_id, appointment, entry.language)
            await session.delete(entry)
            if result.outcome is Outcome.BOOKED and result.booking is not None:
                await session.flush()
                return [result.booking]
        return []

    async def reschedule(
        self, session: AsyncSession, booking_id: int, client_id: int, slot: Slot, language: str | None
    ) -> BookingResult:
        """Book the new time first, then free the old one, in one transaction: never left with neither."""
        old = await session.scalar(
            select(Booking).where(
                Booking.id == booking_id, Booking.client_id == client_id, Booking.status == "booked"
            )
        )
        if old is None:
            return BookingResult(Outcome.UNAVAILABLE)
        result = await self.book(session, client_id, slot, language, ignore_limit_for=booking_id)
        if result.outcome is Outcome.BOOKED:
            freed = await self.cancel(session, booking_id, client_id=client_id, by="client")
            return replace(result, promoted=tuple(freed.promoted))
        return result

    async def nearest_free(self, session: AsyncSession, slot: Slot, language: str | None) -> tuple[Slot, ...]:
        """The free times nearest to `slot` at its place, for "this time is gone, how about these"."""
        service = await session.get(Service, slot.service_id)
        if service is None:
            return ()
        free = await self.find_free(
            session, service, location_id=slot.location_id, language=language, limit=40
        )
        nearest = sorted(free, key=lambda s: abs((s.starts_at - slot.starts_at).total_seconds()))
        return tuple(sorted(nearest[:ALTERNATIVES], key=lambda s: s.starts_at))

    async def _alternatives_for(
        self, session: AsyncSession, appointment: Appointment, language: str | None
    ) -> tuple[Slot, ...]:
        probe = Slot(
            appointment.counsellor_id,
            appointment.service_id,
            appointment.location_id,
            appointment.starts_at,
            appointment.ends_at,
            0,
        )
        return await self.nearest_free(session, probe, language)
