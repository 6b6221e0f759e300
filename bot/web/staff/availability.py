"""The availability editor for admins: weekly hours, exceptions, the console account, switching off."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, time
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.i18n.msg import Msg
from bot.staff.models import Role
from bot.staff.repository import StaffRepository
from bot.staff.service import ActiveSession
from bot.web.staff.auth import staff_page
from bot.web.staff.pages import ADMIN_ONLY, assistant_of, page_text, render
from bot.web.staff.schedule import (
    ScheduleAudit,
    audit,
    centre_tz,
    form_int,
    now_of,
    refusal_text,
    today_of,
)
from scheduler.agenda import Refusal, ScheduleError
from scheduler.availability import (
    add_exception,
    add_weekly_rule,
    booked_during,
    exceptions_from,
    parse_clock,
    parse_day,
    remove_exception,
    remove_weekly_rule,
    weekly_rules,
)
from scheduler.models import Location, Service
from scheduler.roster import (
    activate_counsellor,
    counsellors,
    deactivate_counsellor,
    future_appointments,
    link_staff,
)

# A change returns its audit action, a detail for the log, and the words to show when it worked.
Change = Callable[[Request, AsyncSession, int, FormData], Awaitable[tuple[ScheduleAudit, str, str]]]
LINKABLE = (Role.COUNSELLOR, Role.ADMIN)


async def availability_page(
    request: Request,
    session: ActiveSession,
    counsellor_id: int | None,
    *,
    status: int = 200,
    **context: Any,
) -> Response:
    async with assistant_of(request).sessions() as db:
        roster = await counsellors(db)
        chosen = next((c for c in roster if c.id == counsellor_id), roster[0] if roster else None)
        page: dict[str, Any] = {"roster": roster, "chosen": chosen, "form": {}, **context}
        if chosen is not None:
            locations = (await db.scalars(select(Location).order_by(Location.id))).all()
            services = (await db.scalars(select(Service).order_by(Service.id))).all()
            staff = [m for m in await StaffRepository(db).list_staff() if m.role in LINKABLE and m.active]
            ahead = []
            if context.get("show_ahead"):
                tz = centre_tz(request)
                for appointment in await future_appointments(db, chosen.id, now_of(request)):
                    day = appointment.starts_at.astimezone(tz).date()
                    view = urlencode({"day": day.isoformat(), "view": "day", "counsellor": chosen.id})
                    ahead.append((appointment, f"/staff/agenda?{view}#appointment-{appointment.id}"))
            names = {s.id: s.name(page_text(request).locale) for s in services}
            page |= {
                "rules": await weekly_rules(db, chosen.id),
                "exceptions": await exceptions_from(db, chosen.id, today_of(request)),
                "locations": {loc.id: loc.name for loc in locations if loc.active},
                "location_names": {loc.id: loc.name for loc in locations},
                "service_names": names,
                "chosen_services": ", ".join(names[s.id] for s in chosen.services),
                "staff": staff,
                "ahead": ahead,
                "today": today_of(request),
            }
    return render(request, "availability.html", page, session=session, status=status)


async def _apply(request: Request, session: ActiveSession, change: Change) -> Response:
    form = await request.form()
    counsellor_id = form_int(form.get("counsellor")) or 0
    t = page_text(request)
    try:
        async with assistant_of(request).sessions() as db, db.begin():
            action, detail, notice = await change(request, db, counsellor_id, form)
            await audit(db, session, action, f"counsellor:{counsellor_id}", detail)
    except ScheduleError as refused:
        ahead = refused.refusal is Refusal.FUTURE_BOOKINGS
        if ahead:
            async with assistant_of(request).sessions() as db, db.begin():
                await audit(db, session, ScheduleAudit.DEACTIVATION_REFUSED, f"counsellor:{counsellor_id}")
        error = refusal_text(t, refused)
        return await availability_page(
            request,
            session,
            counsellor_id,
            status=409 if ahead else 400,
            error=error,
            show_ahead=ahead,
            form=form,
            failed=request.url.path,
        )
    return await availability_page(request, session, counsellor_id, notice=notice)


def _optional_clock(value: object) -> time | None:
    text = str(value or "").strip()
    return parse_clock(text) if text else None


def _optional_day(value: object) -> date | None:
    text = str(value or "").strip()
    return parse_day(text) if text else None


async def _add_rule(
    request: Request, db: AsyncSession, counsellor_id: int, form: FormData
) -> tuple[ScheduleAudit, str, str]:
    weekday = form_int(form.get("weekday"))
    rule = await add_weekly_rule(
        db,
        counsellor_id,
        form_int(form.get("location")) or 0,
        -1 if weekday is None else weekday,
        parse_clock(str(form.get("starts") or "")),
        parse_clock(str(form.get("ends") or "")),
        service_id=form_int(form.get("service")),
        valid_from=_optional_day(form.get("valid_from")),
        valid_until=_optional_day(form.get("valid_until")),
    )
    detail = f"rule {rule.id}: weekday {rule.weekday} {rule.starts:%H:%M}-{rule.ends:%H:%M}"
    return ScheduleAudit.RULE_ADDED, detail, page_text(request).msg(Msg.STAFF_AVAILABILITY_SAVED)


async def _remove_rule(
    request: Request, db: AsyncSession, counsellor_id: int, form: FormData
) -> tuple[ScheduleAudit, str, str]:
    rule = await remove_weekly_rule(db, counsellor_id, form_int(form.get("rule")) or 0)
    detail = f"rule {rule.id}: weekday {rule.weekday} {rule.starts:%H:%M}-{rule.ends:%H:%M}"
    return ScheduleAudit.RULE_REMOVED, detail, page_text(request).msg(Msg.STAFF_AVAILABILITY_SAVED)


async def _add_exception(
    request: Request, db: AsyncSession, counsellor_id: int, form: FormData
) -> tuple[ScheduleAudit, str, str]:
    t = page_text(request)
    exception = await add_exception(
        db,
        counsellor_id,
        parse_day(str(form.get("day") or "")),
        str(form.get("kind") or ""),
        today=today_of(request),
        starts=_optional_clock(form.get("starts")),
        ends=_optional_clock(form.get("ends")),
        location_id=form_int(form.get("location")),
        service_id=form_int(form.get("service")),
        note=str(form.get("note") or ""),
    )
    notice = t.msg(Msg.STAFF_AVAILABILITY_SAVED)
    if exception.kind == "off" and (booked := await booked_during(db, exception, centre_tz(request))):
        notice = f"{notice} {t.msg(Msg.STAFF_AVAILABILITY_STILL_BOOKED, count=booked)}"
    detail = f"exception {exception.id}: {exception.kind} {exception.day.isoformat()}"
    return ScheduleAudit.EXCEPTION_ADDED, detail, notice


async def _remove_exception(
    request: Request, db: AsyncSession, counsellor_id: int, form: FormData
) -> tuple[ScheduleAudit, str, str]:
    exception = await remove_exception(db, counsellor_id, form_int(form.get("exception")) or 0)
    detail = f"exception {exception.id}: {exception.kind} {exception.day.isoformat()}"
    return ScheduleAudit.EXCEPTION_REMOVED, detail, page_text(request).msg(Msg.STAFF_AVAILABILITY_SAVED)


async def _counsellor(
    request: Request, db: AsyncSession, counsellor_id: int, form: FormData
) -> tuple[ScheduleAudit, str, str]:
    t = page_text(request)
    action = form.get("action")
    if action == "deactivate":
        counsellor = await deactivate_counsellor(db, counsellor_id, now_of(request))
        return (
            ScheduleAudit.COUNSELLOR_DEACTIVATED,
            "",
            t.msg(Msg.STAFF_AVAILABILITY_DEACTIVATED, name=counsellor.name),
        )
    if action == "activate":
        counsellor = await activate_counsellor(db, counsellor_id)
        return (
            ScheduleAudit.COUNSELLOR_ACTIVATED,
            "",
            t.msg(Msg.STAFF_AVAILABILITY_ACTIVATED, name=counsellor.name),
        )
    if action != "link":
        raise ScheduleError(Refusal.BAD_CHOICE)
    staff_id = form_int(form.get("staff"))
    if staff_id is not None:
        member = await StaffRepository(db).get_staff(staff_id)
        if member is None or member.role not in LINKABLE or not member.active:
            raise ScheduleError(Refusal.BAD_CHOICE)
    await link_staff(db, counsellor_id, staff_id)
    return ScheduleAudit.COUNSELLOR_LINKED, f"staff:{staff_id}", t.msg(Msg.STAFF_AVAILABILITY_SAVED)


def _post(change: Change) -> Callable[[Request], Awaitable[Response]]:
    @staff_page(ADMIN_ONLY)
    async def endpoint(request: Request, session: ActiveSession) -> Response:
        return await _apply(request, session, change)

    return endpoint


@staff_page(ADMIN_ONLY)
async def availability_view(request: Request, session: ActiveSession) -> Response:
    return await availability_page(request, session, form_int(request.query_params.get("counsellor")))


def availability_routes() -> list[BaseRoute]:
    return [
        Route("/availability", availability_view, methods=["GET"]),
        Route("/availability/rules", _post(_add_rule), methods=["POST"]),
        Route("/availability/rules/remove", _post(_remove_rule), methods=["POST"]),
        Route("/availability/exceptions", _post(_add_exception), methods=["POST"]),
        Route("/availability/exceptions/remove", _post(_remove_exception), methods=["POST"]),
        Route("/availability/counsellor", _post(_counsellor), methods=["POST"]),
    ]
