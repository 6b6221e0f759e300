"""The counsellors as staff manage them: who they are in the console, and switching them off safely."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from scheduler.agenda import Refusal, ScheduleError
from scheduler.models import Appointment, Booking, Counsellor


async def counsellors(session: AsyncSession) -> list[Counsellor]:
    """Every counsellor, active or not, by name."""
    return list((await session.scalars(select(Counsellor).order_by(Counsellor.name, Counsellor.id))).all())


async def counsellor_ids_of(session: AsyncSession, staff_id: int) -> list[int]:
    """The counsellor profiles a console account works as (Counsellor.staff_id)."""
    query = select(Counsellor.id).where(Counsellor.staff_id == staff_id).order_by(Counsellor.id)
    return list((await session.scalars(query)).all())


async def link_staff(session: AsyncSession, counsellor_id: int, staff_id: int | None) -> Counsellor:
    """Tie a counsellor to the console account that sees their agenda (None unties it)."""
    counsellor = await session.get(Counsellor, counsellor_id)
    if counsellor is None:
        raise ScheduleError(Refusal.NOT_FOUND)
    counsellor.staff_id = staff_id
    await session.flush()
    return counsellor


async def future_appointments(session: AsyncSession, counsellor_id: int, now: datetime) -> list[Appointment]:
    """A counsellor's appointments ahead that still have a booked client."""
    query = (
        select(Appointment)
        .where(
            Appointment.counsellor_id == counsellor_id,
            Appointment.starts_at > now,
            Appointment.id.in_(select(Booking.appointment_id).where(Booking.status == "booked")),
        )
        .order_by(Appointment.starts_at)
    )
    return list((await session.scalars(query)).all())


async def deactivate_counsellor(session: AsyncSession, counsellor_id: int, now: datetime) -> Counsellor:
    """Stop offering a counsellor; refused while clients are booked with them ahead, so none is left
    with an appointment nobody will keep. Cancel those first (agenda.counsellor_cancel tells the clients)."""
    counsellor = await session.get(Counsellor, counsellor_id)
    if counsellor is None:
        raise ScheduleError(Refusal.NOT_FOUND)
    ahead = await session.scalar(
        select(func.count(Booking.id))
        .join(Appointment, Appointment.id == Booking.appointment_id)
        .where(
            Appointment.counsellor_id == counsellor_id,
            Appointment.starts_at > now,
            Booking.status == "booked",
        )
    )
    if ahead:
        raise ScheduleError(Refusal.FUTURE_BOOKINGS, int(ahead))
    counsellor.active = False
    await session.flush()
    return counsellor


async def activate_counsellor(session: AsyncSession, counsellor_id: int) -> Counsellor:
    counsellor = await session.get(Counsellor, counsellor_id)
    if counsellor is None:
        raise ScheduleError(Refusal.NOT_FOUND)
    counsellor.active = True
    await session.flush()
    return counsellor
