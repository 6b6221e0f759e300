"""One person, two clients: moving bookings and waiting-list places when they link two chat apps."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from scheduler.models import Booking, WaitlistEntry
from scheduler.service import SlotScheduler

BOOKED = "booked"


@dataclass
class MergedBookings:
    moved: int = 0  # bookings (of any status) that now belong to the kept client
    cancelled: int = 0  # the same seat held twice: the spare one freed through the scheduler
    waitlist_moved: int = 0
    promoted: list[Booking] = field(default_factory=list)  # waiting clients who got a freed seat


async def merge_bookings(
    scheduler: SlotScheduler, session: AsyncSession, keep_id: int, drop_id: int
) -> MergedBookings:
    """Give `keep_id` every booking and waiting place of `drop_id`, in the caller's transaction.

    Both holding a seat in one appointment (booked from each app): the dropped client's seat is cancelled
    the usual way, so the seat returns to the session and the next person waiting gets it. When only one
    of the two is still booked and the other has a history (attended, no-show), the history stays.
    """
    result = MergedBookings()
    kept = {b.appointment_id: b for b in await _with_appointment(session, keep_id)}
    for mine in await _with_appointment(session, drop_id):
        other = kept.get(mine.appointment_id)
        if other is None:
            continue
        spare = mine if mine.status == BOOKED or other.status != BOOKED else other
        if spare.status == BOOKED:
            freed = await scheduler.cancel(session, spare.id, client_id=spare.client_id, by="client")
            result.cancelled += 1
            result.promoted.extend(freed.promoted)
        else:  # both are history of one visit: keep the rows, drop the second link to the appointment
            spare.appointment_id, spare.seat = None, None
    await session.flush()
    seats = {b.appointment_id for b in await _with_appointment(session, keep_id)}
    seats |= {b.appointment_id for b in await _with_appointment(session, drop_id)}
    waiting = set(
        (
            await session.scalars(
                select(WaitlistEntry.appointment_id).where(WaitlistEntry.client_id == keep_id)
            )
        )
        .unique()
        .all()
    )
    # Waiting where the person already has a seat, or twice for one session: one place is enough.
    await session.execute(
        delete(WaitlistEntry).where(
            WaitlistEntry.client_id == drop_id, WaitlistEntry.appointment_id.in_(seats | waiting)
        )
    )
    await session.execute(
        delete(WaitlistEntry).where(
            WaitlistEntry.client_id == keep_id, WaitlistEntry.appointment_id.in_(seats)
        )
    )
    moved_waiting = await session.execute(
        update(WaitlistEntry).where(WaitlistEntry.client_id == drop_id).values(client_id=keep_id)
    )
    moved = await session.execute(
        update(Booking).where(Booking.client_id == drop_id).values(client_id=keep_id)
    )
    result.waitlist_moved = int(getattr(moved_waiting, "rowcount", 0) or 0)
    result.moved = int(getattr(moved, "rowcount", 0) or 0)
    return result


async def _with_appointment(session: AsyncSession, client_id: int) -> list[Booking]:
    rows = await session.scalars(
        select(Booking).where(Booking.client_id == client_id, Booking.appointment_id.is_not(None))
    )
    return list(rows.all())
