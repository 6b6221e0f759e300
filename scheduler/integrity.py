"""SQL audits of the no-double-booking guarantee, shared by the race tests and bench/scheduler.py."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

OVERLAPPING_APPOINTMENTS = text(
    "SELECT count(*) FROM appointments a JOIN appointments b"
    " ON a.counsellor_id = b.counsellor_id AND a.id < b.id"
    " AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
)
OVERBOOKED_SESSIONS = text(
    "SELECT count(*) FROM (SELECT a.id FROM appointments a"
    " JOIN bookings b ON b.appointment_id = a.id AND b.status = 'booked'"
    " GROUP BY a.id, a.capacity HAVING count(*) > a.capacity) AS over"
)
SHARED_CELLS = text(
    "SELECT count(*) FROM (SELECT counsellor_id, cell_start FROM time_cells"
    " GROUP BY counsellor_id, cell_start HAVING count(*) > 1) AS shared"
)


async def overlapping_appointments(session: AsyncSession) -> int:
    """Pairs of one counsellor's appointments that overlap in time (must be 0)."""
    return int(await session.scalar(OVERLAPPING_APPOINTMENTS) or 0)


async def overbooked_sessions(session: AsyncSession) -> int:
    """Appointments with more booked seats than their capacity (must be 0)."""
    return int(await session.scalar(OVERBOOKED_SESSIONS) or 0)


async def shared_cells(session: AsyncSession) -> int:
    """Time cells held twice by one counsellor (the unique key makes this 0; counted as a check)."""
    return int(await session.scalar(SHARED_CELLS) or 0)
