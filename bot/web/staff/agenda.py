"""The agenda page: a counsellor's day or week, marking attendance, and cancelling an appointment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.i18n.msg import Msg
from bot.staff.service import ActiveSession
from bot.web.staff.auth import staff_page
from bot.web.staff.pages import CASEWORK, assistant_of, forbidden, page_text, render
from bot.web.staff.rebook import notices_for, send_notices
from bot.web.staff.schedule import (
    ScheduleAudit,
    audit,
    centre_tz,
    form_int,
    now_of,
    own_counsellors,
    refusal_text,
    today_of,
)
from scheduler.agenda import AgendaEntry, ScheduleError, agenda, counsellor_cancel, mark_attendance
from scheduler.availability import parse_day
from scheduler.roster import counsellors


@dataclass(frozen=True)
class View:
    """What the page shows: a day or the week around it, of one counsellor or (for admins) everyone."""

    day: date
    week: bool
    counsellor_id: int | None

    @property
    def first(self) -> date:
        return self.day - timedelta(days=self.day.weekday()) if self.week else self.day

    @property
    def last(self) -> date:
        return self.first + timedelta(days=6 if self.week else 0)

    def link(self, day: date) -> str:
        query = {"day": day.isoformat(), "view": "week" if self.week else "day"}
        if self.counsellor_id is not None:
            query["counsellor"] = str(self.counsellor_id)
        return "/staff/agenda?" + urlencode(query)


def view_of(params: Mapping[str, Any], today: date) -> View:
    """The view asked for in a query string or a form; a date that does not exist shows today."""
    try:
        day = parse_day(str(params.get("day") or today.isoformat()))
    except ScheduleError:
        day = today
    return View(day, params.get("view") == "week", form_int(params.get("counsellor")))


async def agenda_page(
    request: Request,
    session: ActiveSession,
    view: View,
    *,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    assistant = assistant_of(request)
    async with assistant.sessions() as db, db.begin():
        own = await own_counsellors(db, session)
        roster = [c for c in await counsellors(db) if own is None or c.id in own]
        counsellor_id = view.counsellor_id
        if own is not None:
            counsellor_id = counsellor_id or (own[0] if own else None)
            if counsellor_id is not None and counsellor_id not in own:
                return forbidden(request, Msg.STAFF_FORBIDDEN_OTHER_AGENDA, session)
        view = View(view.day, view.week, counsellor_id)
        entries: list[AgendaEntry] = []
        if own is None or own:
            entries = await agenda(db, counsellor_id, view.first, view.last, centre_tz(request))
            target = f"counsellor:{counsellor_id}" if counsellor_id is not None else "counsellor:all"
            await audit(
                db, session, ScheduleAudit.AGENDA_VIEWED, target, f"{view.first.isoformat()}..{view.last}"
            )
    days = [view.first + timedelta(days=n) for n in range((view.last - view.first).days + 1)]
    step = timedelta(days=7 if view.week else 1)
    context = {
        "view": view,
        "days": [(day, [e for e in entries if e.starts_at.date() == day]) for day in days],
        "roster": roster,
        "is_admin": own is None,
        "not_linked": own == [],
        "now": now_of(request),
        "previous": view.link(view.day - step),
        "next": view.link(view.day + step),
        "today": view.link(today_of(request)),
        "notice": notice,
        "error": error,
    }
    return render(request, "agenda.html", context, session=session, status=status)


@staff_page(CASEWORK)
async def agenda_view(request: Request, session: ActiveSession) -> Response:
    return await agenda_page(request, session, view_of(request.query_params, today_of(request)))


@staff_page(CASEWORK)
async def attendance_mark(request: Request, session: ActiveSession) -> Response:
    form = await request.form()
    view = view_of(form, today_of(request))
    t = page_text(request)
    status = str(form.get("status") or "")
    try:
        async with assistant_of(request).sessions() as db, db.begin():
            own = await own_counsellors(db, session)
            booking = await mark_attendance(
                db, form_int(form.get("booking")) or 0, status, now_of(request), own=own
            )
            await audit(db, session, ScheduleAudit.ATTENDANCE_MARKED, f"booking:{booking.id}", status)
    except ScheduleError as refused:
        return await agenda_page(request, session, view, error=refusal_text(t, refused), status=400)
    notice = t.msg(
        Msg.STAFF_AGENDA_MARKED, client=str(booking.client_id), status=t.msg(Msg.STAFF_STATUS, status=status)
    )
    return await agenda_page(request, session, view, notice=notice)


@staff_page(CASEWORK)
async def appointment_cancel(request: Request, session: ActiveSession) -> Response:
    form = await request.form()
    view = view_of(form, today_of(request))
    t = page_text(request)
    assistant = assistant_of(request)
    reason = str(form.get("reason") or "")
    appointment_id = form_int(form.get("appointment")) or 0
    try:
        async with assistant.sessions() as db, db.begin():
            own = await own_counsellors(db, session)
            cancelled = await counsellor_cancel(db, assistant.scheduler, appointment_id, reason, own=own)
            notices = await notices_for(db, cancelled, assistant.settings.default_locale)
            detail = f"{len(cancelled.bookings)} bookings, {len(cancelled.waiting)} waiting; {reason.strip()}"
            await audit(
                db, session, ScheduleAudit.APPOINTMENT_CANCELLED, f"appointment:{appointment_id}", detail
            )
    except ScheduleError as refused:
        return await agenda_page(request, session, view, error=refusal_text(t, refused), status=400)
    # Tell the clients only after the commit: a message must never announce a change that was rolled back.
    unreached = await send_notices(assistant.notifier, notices)
    lines = [
        t.msg(Msg.STAFF_AGENDA_CANCELLED, count=len(cancelled.bookings), told=len(notices) - len(unreached))
    ]
    if unreached:
        lines.append(t.msg(Msg.STAFF_AGENDA_UNREACHED, clients=", ".join(f"#{c}" for c in unreached)))
    return await agenda_page(request, session, view, notice=" ".join(lines))


def agenda_routes() -> list[BaseRoute]:
    return [
        Route("/agenda", agenda_view, methods=["GET"]),
        Route("/agenda/attendance", attendance_mark, methods=["POST"]),
        Route("/agenda/cancel", appointment_cancel, methods=["POST"]),
    ]
