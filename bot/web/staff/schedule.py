"""Shared by the appointment pages: who may see which counsellor, refusals in words, and the audit trail."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from bot.i18n.msg import Msg
from bot.staff.models import Role
from bot.staff.repository import StaffRepository
from bot.staff.service import ActiveSession
from bot.web.staff.pages import PageText, assistant_of
from scheduler.agenda import Refusal, ScheduleError
from scheduler.roster import counsellor_ids_of

REFUSALS: dict[Refusal, Msg] = {
    Refusal.NOT_FOUND: Msg.STAFF_ERROR_NOT_FOUND,
    Refusal.NOT_STARTED: Msg.STAFF_ERROR_NOT_STARTED,
    Refusal.BOOKING_CANCELLED: Msg.STAFF_ERROR_BOOKING_CANCELLED,
    Refusal.BAD_CHOICE: Msg.STAFF_ERROR_BAD_CHOICE,
    Refusal.ALREADY_STARTED: Msg.STAFF_ERROR_ALREADY_STARTED,
    Refusal.REASON_MISSING: Msg.STAFF_ERROR_REASON_MISSING,
    Refusal.FUTURE_BOOKINGS: Msg.STAFF_ERROR_FUTURE_BOOKINGS,
    Refusal.BAD_TIME: Msg.STAFF_ERROR_BAD_TIME,
    Refusal.BAD_DAY: Msg.STAFF_ERROR_BAD_DAY,
    Refusal.TIME_ORDER: Msg.STAFF_ERROR_TIME_ORDER,
    Refusal.VALIDITY_ORDER: Msg.STAFF_ERROR_VALIDITY_ORDER,
    Refusal.OVERLAP: Msg.STAFF_ERROR_OVERLAP,
    Refusal.SERVICE_NOT_OFFERED: Msg.STAFF_ERROR_SERVICE_NOT_OFFERED,
    Refusal.EXTRA_INCOMPLETE: Msg.STAFF_ERROR_EXTRA_INCOMPLETE,
    Refusal.TIMES_INCOMPLETE: Msg.STAFF_ERROR_TIMES_INCOMPLETE,
    Refusal.PAST_DAY: Msg.STAFF_ERROR_PAST_DAY,
}


class ScheduleAudit(StrEnum):
    """Audit log actions of the appointment pages: every read of client bookings and every change."""

    AGENDA_VIEWED = "agenda_viewed"
    ATTENDANCE_MARKED = "attendance_marked"
    APPOINTMENT_CANCELLED = "appointment_cancelled"
    CLIENT_BOOKINGS_VIEWED = "client_bookings_viewed"
    RULE_ADDED = "availability_rule_added"
    RULE_REMOVED = "availability_rule_removed"
    EXCEPTION_ADDED = "availability_exception_added"
    EXCEPTION_REMOVED = "availability_exception_removed"
    COUNSELLOR_LINKED = "counsellor_linked"
    COUNSELLOR_ACTIVATED = "counsellor_activated"
    COUNSELLOR_DEACTIVATED = "counsellor_deactivated"
    DEACTIVATION_REFUSED = "counsellor_deactivation_refused"


def refusal_text(t: PageText, error: ScheduleError) -> str:
    return t.msg(REFUSALS[error.refusal], count=error.count)


async def audit(
    db: AsyncSession, session: ActiveSession, action: ScheduleAudit, target: str, detail: str | None = None
) -> None:
    await StaffRepository(db).add_audit(action.value, staff_id=session.staff.id, target=target, detail=detail)


async def own_counsellors(db: AsyncSession, session: ActiveSession) -> list[int] | None:
    """The counsellors whose appointments this member may act on; None means all of them (an admin)."""
    if session.staff.role is Role.ADMIN:
        return None
    return await counsellor_ids_of(db, session.staff.id)


def centre_tz(request: Request) -> ZoneInfo:
    return assistant_of(request).scheduler.finder.tz


def now_of(request: Request) -> datetime:
    """The scheduler's clock, so pages and bookings agree on what is past (tests set it)."""
    return assistant_of(request).scheduler.clock()


def today_of(request: Request) -> date:
    return now_of(request).astimezone(centre_tz(request)).date()


def form_int(value: object) -> int | None:
    """A positive integer id from a form or query field, else None (a forged or empty value)."""
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None
