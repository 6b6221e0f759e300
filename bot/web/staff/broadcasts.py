"""Broadcast pages for coordinators: compose with previews, audience count, test, schedule, progress."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.clients.repository import ClientRepository
from bot.i18n.msg import Msg
from bot.staff.repository import StaffRepository
from bot.staff.service import ActiveSession
from bot.web.staff.auth import staff_page
from bot.web.staff.broadcast_forms import (
    CHANNELS,
    apply,
    draft_from_form,
    draft_of,
    empty_language_warnings,
    local_input,
    parse_local,
    previews,
)
from bot.web.staff.pages import COORDINATION, SECURITY_HEADERS, PageText, assistant_of, page_text, render
from bot.web.staff.schedule import centre_tz, now_of
from broadcasts import lifecycle
from broadcasts.audience import Audience, count, recipients
from broadcasts.compose import BroadcastError, Draft, Problem, check, message_reply
from broadcasts.models import Broadcast, BroadcastStatus, EmptyLanguage, Topic
from broadcasts.progress import progress, reasons, report

EDITABLE = (BroadcastStatus.DRAFT.value, BroadcastStatus.SCHEDULED.value)


class BroadcastAudit(StrEnum):
    CREATED = "broadcast_created"
    EDITED = "broadcast_edited"
    TEST_SENT = "broadcast_test_sent"
    SCHEDULED = "broadcast_scheduled"
    UNSCHEDULED = "broadcast_unscheduled"
    PAUSED = "broadcast_paused"
    RESUMED = "broadcast_resumed"
    CANCELLED = "broadcast_cancelled"


async def audit(
    db: AsyncSession, session: ActiveSession, action: BroadcastAudit, broadcast_id: int, detail: str = ""
) -> None:
    await StaffRepository(db).add_audit(
        action.value, staff_id=session.staff.id, target=f"broadcast:{broadcast_id}", detail=detail or None
    )


PROBLEMS: dict[Problem, Msg] = {
    Problem.TITLE_MISSING: Msg.STAFF_BROADCAST_PROBLEM_TITLE_MISSING,
    Problem.TEXT_EMPTY: Msg.STAFF_BROADCAST_PROBLEM_TEXT_EMPTY,
    Problem.TEXT_TOO_LONG: Msg.STAFF_BROADCAST_PROBLEM_TEXT_TOO_LONG,
    Problem.FALLBACK_EMPTY: Msg.STAFF_BROADCAST_PROBLEM_FALLBACK_EMPTY,
    Problem.NO_TOPICS: Msg.STAFF_BROADCAST_PROBLEM_NO_TOPICS,
    Problem.BAD_URL: Msg.STAFF_BROADCAST_PROBLEM_BAD_URL,
    Problem.BAD_SIGNUP: Msg.STAFF_BROADCAST_PROBLEM_BAD_SIGNUP,
    Problem.EMPTY_AUDIENCE: Msg.STAFF_BROADCAST_PROBLEM_EMPTY_AUDIENCE,
    Problem.TIME_PAST: Msg.STAFF_BROADCAST_PROBLEM_TIME_PAST,
    Problem.NOT_EDITABLE: Msg.STAFF_BROADCAST_PROBLEM_NOT_EDITABLE,
    Problem.BAD_STATE: Msg.STAFF_BROADCAST_PROBLEM_BAD_STATE,
    Problem.NOT_FOUND: Msg.STAFF_BROADCAST_PROBLEM_NOT_FOUND,
    Problem.UNKNOWN_CLIENT: Msg.STAFF_BROADCAST_PROBLEM_UNKNOWN_CLIENT,
    Problem.NOT_DELIVERED: Msg.STAFF_BROADCAST_PROBLEM_NOT_DELIVERED,
}


def problem_text(t: PageText, problem: Problem, args: dict[str, Any] | None = None) -> str:
    return t.msg(PROBLEMS[problem], **(args or {}))


async def _form_context(request: Request, draft: Draft) -> dict[str, Any]:
    assistant = assistant_of(request)
    async with assistant.sessions() as db:
        services = await assistant.scheduler.services(db)
        locations = await assistant.scheduler.locations(db)
    return {
        "draft": draft,
        "locales": assistant.settings.enabled_locales,
        "topics": [topic.value for topic in Topic],
        "channels": CHANNELS,
        "services": services,
        "locations": locations,
    }


async def _compose(
    request: Request, session: ActiveSession, draft: Draft, broadcast_id: int | None, errors: list[str]
) -> Response:
    context = await _form_context(request, draft)
    context.update({"broadcast_id": broadcast_id, "errors": errors})
    return render(request, "broadcast_edit.html", context, session=session, status=400 if errors else 200)


def _default_draft(request: Request) -> Draft:
    settings = assistant_of(request).settings
    fallback = "cs" if "cs" in settings.enabled_locales else settings.default_locale
    return Draft(title="", texts={}, audience=Audience(topics=()), fallback_locale=fallback)


@staff_page(COORDINATION)
async def broadcast_list(request: Request, session: ActiveSession) -> Response:
    async with assistant_of(request).sessions() as db:
        found = await lifecycle.recent(db)
    return render(request, "broadcasts.html", {"broadcasts": found}, session=session)


@staff_page(COORDINATION)
async def broadcast_new(request: Request, session: ActiveSession) -> Response:
    return await _compose(request, session, _default_draft(request), None, [])


@staff_page(COORDINATION)
async def broadcast_edit(request: Request, session: ActiveSession) -> Response:
    broadcast_id: int = request.path_params["broadcast_id"]
    async with assistant_of(request).sessions() as db:
        broadcast = await db.get(Broadcast, broadcast_id)
    if broadcast is None:
        return _not_found(request, session)
    if broadcast.status not in EDITABLE:
        return RedirectResponse(f"/staff/broadcasts/{broadcast_id}", status_code=303)
    return await _compose(request, session, draft_of(broadcast), broadcast_id, [])


@staff_page(COORDINATION)
async def broadcast_save(request: Request, session: ActiveSession) -> Response:
    """Create (no id) or edit a draft; a scheduled broadcast that is edited goes back to a draft."""
    broadcast_id: int | None = request.path_params.get("broadcast_id")
    assistant = assistant_of(request)
    draft = draft_from_form(await request.form(), assistant.settings.enabled_locales)
    t = page_text(request)
    problems = check(draft)
    if problems:
        errors = [problem_text(t, problem, dict(args)) for problem, args in problems]
        return await _compose(request, session, draft, broadcast_id, errors)
    async with assistant.sessions() as db, db.begin():
        if broadcast_id is None:
            broadcast = Broadcast(created_by=session.staff.id, audience={}, texts={}, title="")
            apply(broadcast, draft)
            db.add(broadcast)
            await db.flush()
            await audit(db, session, BroadcastAudit.CREATED, broadcast.id, broadcast.title)
        else:
            found = await db.get(Broadcast, broadcast_id)
            if found is None:
                return _not_found(request, session)
            if found.status not in EDITABLE:
                errors = [problem_text(t, Problem.NOT_EDITABLE)]
                return await _compose(request, session, draft, broadcast_id, errors)
            broadcast = found
            apply(broadcast, draft)
            broadcast.status, broadcast.scheduled_at = BroadcastStatus.DRAFT.value, None
            await audit(db, session, BroadcastAudit.EDITED, broadcast.id, broadcast.title)
    return RedirectResponse(f"/staff/broadcasts/{broadcast.id}", status_code=303)


async def _detail(
    request: Request,
    session: ActiveSession,
    broadcast_id: int,
    *,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    assistant = assistant_of(request)
    now = now_of(request)
    async with assistant.sessions() as db:
        broadcast = await db.get(Broadcast, broadcast_id)
        if broadcast is None:
            return _not_found(request, session)
        context: dict[str, Any] = {"b": broadcast, "notice": notice, "error": error}
        context_locales = assistant.settings.enabled_locales
        if broadcast.status in EDITABLE:
            found = await recipients(
                db,
                Audience.from_json(broadcast.audience),
                broadcast.texts,
                EmptyLanguage(broadcast.empty_language),
                broadcast.fallback_locale,
                assistant.settings.default_locale,
            )
            context.update(
                {
                    "count": count(found),
                    "warnings": empty_language_warnings(broadcast, found),
                    "previews": previews(broadcast, assistant.translator),
                    "missing": [code for code in context_locales if not broadcast.texts.get(code)],
                    "scheduled_local": local_input(broadcast.scheduled_at, centre_tz(request)),
                    "locales": assistant.settings.enabled_locales,
                }
            )
        else:
            context.update(
                {
                    "progress": await progress(db, broadcast, now),
                    "report": await report(db, broadcast.id),
                    "reasons": await reasons(db, broadcast.id),
                }
            )
    return render(request, "broadcast.html", context, session=session, status=status)


@staff_page(COORDINATION)
async def broadcast_view(request: Request, session: ActiveSession) -> Response:
    return await _detail(request, session, request.path_params["broadcast_id"])


@staff_page(COORDINATION)
async def broadcast_test(request: Request, session: ActiveSession) -> Response:
    """Send the announcement now to one client reference (the coordinator's own chat), outside the outbox."""
    broadcast_id: int = request.path_params["broadcast_id"]
    assistant = assistant_of(request)
    form = await request.form()
    user_ref = str(form.get("client_ref") or "").strip()[:160]
    locale = str(form.get("locale") or "")
    t = page_text(request)
    async with assistant.sessions() as db, db.begin():
        broadcast = await db.get(Broadcast, broadcast_id)
        if broadcast is None:
            return _not_found(request, session)
        try:
            thread = await ClientRepository(db).find(user_ref)
        except ValueError:
            thread = None
        await audit(db, session, BroadcastAudit.TEST_SENT, broadcast_id, f"{user_ref} {locale}")
    if thread is None:
        error = problem_text(t, Problem.UNKNOWN_CLIENT)
        return await _detail(request, session, broadcast_id, error=error, status=400)
    if not broadcast.texts.get(locale):
        error = problem_text(t, Problem.TEXT_EMPTY)
        return await _detail(request, session, broadcast_id, error=error, status=400)
    notifier = assistant.notifier
    await assistant.limiter.acquire(notifier.limits(user_ref))
    result = await notifier.deliver_reporting(user_ref, locale, [message_reply(broadcast, locale)])
    if result.status.value != "sent":
        outcome = {"status": result.status.value, "detail": result.detail}
        error = problem_text(t, Problem.NOT_DELIVERED, outcome)
        return await _detail(request, session, broadcast_id, error=error, status=400)
    notice = t.msg(Msg.STAFF_BROADCAST_TEST_DONE, client=user_ref)
    return await _detail(request, session, broadcast_id, notice=notice)


@staff_page(COORDINATION)
async def broadcast_send(request: Request, session: ActiveSession) -> Response:
    """Send now or at a time: refuses an empty audience, an empty text and a time in the past."""
    broadcast_id: int = request.path_params["broadcast_id"]
    assistant = assistant_of(request)
    form = await request.form()
    t = page_text(request)
    now = now_of(request)
    at = now
    if form.get("when") == "later":
        parsed = parse_local(str(form.get("at") or ""), centre_tz(request))
        if parsed is None:
            error = t.msg(Msg.STAFF_BROADCAST_BAD_TIME)
            return await _detail(request, session, broadcast_id, error=error, status=400)
        at = parsed
    try:
        async with assistant.sessions() as db, db.begin():
            broadcast = await lifecycle.get(db, broadcast_id)
            problems = check(draft_of(broadcast))
            if problems:
                raise BroadcastError(problems[0][0], **problems[0][1])
            found = await recipients(
                db,
                Audience.from_json(broadcast.audience),
                broadcast.texts,
                EmptyLanguage(broadcast.empty_language),
                broadcast.fallback_locale,
                assistant.settings.default_locale,
            )
            if count(found).reached == 0:
                raise BroadcastError(Problem.EMPTY_AUDIENCE)
            await lifecycle.schedule(db, broadcast, at, now)
            await audit(db, session, BroadcastAudit.SCHEDULED, broadcast_id, f"{at.isoformat()} {len(found)}")
    except BroadcastError as refused:
        error = problem_text(t, refused.problem, dict(refused.args_))
        return await _detail(request, session, broadcast_id, error=error, status=400)
    return RedirectResponse(f"/staff/broadcasts/{broadcast_id}", status_code=303)


async def _transition(request: Request, session: ActiveSession, action: BroadcastAudit) -> Response:
    broadcast_id: int = request.path_params["broadcast_id"]
    assistant = assistant_of(request)
    t = page_text(request)
    detail = ""
    try:
        async with assistant.sessions() as db, db.begin():
            broadcast = await lifecycle.get(db, broadcast_id)
            if action is BroadcastAudit.PAUSED:
                await lifecycle.pause(db, broadcast)
            elif action is BroadcastAudit.RESUMED:
                await lifecycle.resume(db, broadcast)
            elif action is BroadcastAudit.UNSCHEDULED:
                await lifecycle.unschedule(db, broadcast)
            else:
                detail = f"{await lifecycle.cancel(db, broadcast, now_of(request))} left unsent"
            await audit(db, session, action, broadcast_id, detail)
    except BroadcastError as refused:
        error = problem_text(t, refused.problem, dict(refused.args_))
        return await _detail(request, session, broadcast_id, error=error, status=400)
    return RedirectResponse(f"/staff/broadcasts/{broadcast_id}", status_code=303)


@staff_page(COORDINATION)
async def broadcast_pause(request: Request, session: ActiveSession) -> Response:
    return await _transition(request, session, BroadcastAudit.PAUSED)


@staff_page(COORDINATION)
async def broadcast_resume(request: Request, session: ActiveSession) -> Response:
    return await _transition(request, session, BroadcastAudit.RESUMED)


@staff_page(COORDINATION)
async def broadcast_cancel(request: Request, session: ActiveSession) -> Response:
    return await _transition(request, session, BroadcastAudit.CANCELLED)


@staff_page(COORDINATION)
async def broadcast_unschedule(request: Request, session: ActiveSession) -> Response:
    return await _transition(request, session, BroadcastAudit.UNSCHEDULED)


@staff_page(COORDINATION)
async def broadcast_progress(request: Request, session: ActiveSession) -> Response:
    """Polled every 2 s by the progress page (bot/web/static/broadcast.js)."""
    assistant = assistant_of(request)
    async with assistant.sessions() as db:
        broadcast = await db.get(Broadcast, request.path_params["broadcast_id"])
        if broadcast is None:
            return JSONResponse({"error": "not found"}, status_code=404, headers=SECURITY_HEADERS)
        shown = await progress(db, broadcast, now_of(request))
    body = shown.as_json()
    body["status_label"] = page_text(request)("broadcast-status", status=shown.status)
    return JSONResponse(body, headers=SECURITY_HEADERS)


def _not_found(request: Request, session: ActiveSession) -> Response:
    reason = page_text(request).msg(Msg.STAFF_ERROR_NOT_FOUND)
    return render(request, "forbidden.html", {"reason": reason}, session=session, status=404)


def broadcast_routes() -> list[BaseRoute]:
    one = "/broadcasts/{broadcast_id:int}"
    return [
        Route("/broadcasts", broadcast_list, methods=["GET"]),
        Route("/broadcasts/new", broadcast_new, methods=["GET"]),
        Route("/broadcasts/new", broadcast_save, methods=["POST"]),
        Route(one, broadcast_view, methods=["GET"]),
        Route(f"{one}/edit", broadcast_edit, methods=["GET"]),
        Route(f"{one}/edit", broadcast_save, methods=["POST"]),
        Route(f"{one}/test", broadcast_test, methods=["POST"]),
        Route(f"{one}/send", broadcast_send, methods=["POST"]),
        Route(f"{one}/unschedule", broadcast_unschedule, methods=["POST"]),
        Route(f"{one}/pause", broadcast_pause, methods=["POST"]),
        Route(f"{one}/resume", broadcast_resume, methods=["POST"]),
        Route(f"{one}/cancel", broadcast_cancel, methods=["POST"]),
        Route(f"{one}/progress.json", broadcast_progress, methods=["GET"]),
    ]
