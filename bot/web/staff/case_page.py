"""One case in the console: header, context, timeline, files; the reply, note, transfer and close forms."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.i18n.msg import Msg
from bot.staff.models import Role, StaffUser
from bot.staff.service import ActiveSession
from bot.web.staff.auth import staff_page
from bot.web.staff.canned import canned_replies, canned_text
from bot.web.staff.cases import (
    CaseAudit,
    CaseWords,
    actor_of,
    audit,
    refusal_of,
)
from bot.web.staff.pages import CASEWORK, SECURITY_HEADERS, assistant_of, page_text, render
from bot.web.staff.schedule import form_int
from counselling import queue
from counselling.models import STAFF_RESOLUTIONS, Case, CaseStatus, Delivery, EntryKind
from counselling.queue import CaseError, CaseRefusal

OUTCOMES = {
    Delivery.SENT: Msg.STAFF_CASE_SENT,
    Delivery.BLOCKED: Msg.STAFF_CASE_BLOCKED,
    Delivery.FAILED: Msg.STAFF_CASE_FAILED,
}
# Shown inline as <img>; anything else (SVG included, which may carry script) is only a download.
INLINE_IMAGES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")


async def _staff_names(db: AsyncSession, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = await db.execute(select(StaffUser.id, StaffUser.display_name).where(StaffUser.id.in_(ids)))
    return {staff_id: name for staff_id, name in rows.all()}


async def _colleagues(db: AsyncSession) -> list[tuple[int, str]]:
    """Who a case can go to: active counsellors and admins."""
    query = (
        select(StaffUser.id, StaffUser.display_name)
        .where(StaffUser.active.is_(True), StaffUser.role.in_([Role.COUNSELLOR.value, Role.ADMIN.value]))
        .order_by(StaffUser.display_name)
    )
    return [(staff_id, name) for staff_id, name in (await db.execute(query)).all()]


async def _case_context(request: Request, db: AsyncSession, case: Case) -> dict[str, Any]:
    assistant = assistant_of(request)
    t = page_text(request)
    entries = await queue.entries_of(db, case.id)
    names = await _staff_names(
        db, {e.staff_id for e in entries if e.staff_id is not None} | {case.counsellor_id or 0}
    )
    sla = assistant.cases.sla
    intents = [(str(name), float(p)) for name, p in case.context.get("intents", [])]
    return {
        "case": case,
        "words": CaseWords(t),
        "entries": entries,
        "names": names,
        "counsellor": names.get(case.counsellor_id or 0),
        "sla_state": sla.state(case.priority, case.opened_at, case.first_response_at, assistant.cases.now()),
        "due_at": sla.due_at(case.priority, case.opened_at),
        "before": case.context.get("before", []),
        "intents": [(name, round(p * 100)) for name, p in intents],
        "inline_images": INLINE_IMAGES,
        "kinds": EntryKind,
        "closed": case.status == CaseStatus.CLOSED.value,
    }


async def case_page(
    request: Request,
    session: ActiveSession,
    case_id: int,
    *,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
    audited: bool = True,
    text: str = "",
) -> Response:
    assistant = assistant_of(request)
    t = page_text(request)
    async with assistant.sessions() as db, db.begin():
        try:
            case = await queue.get_case(db, case_id)
        except CaseError as refused:
            reason, code = refusal_of(t, refused)
            return render(request, "forbidden.html", {"reason": reason}, session=session, status=code)
        context = await _case_context(request, db, case)
        context["colleagues"] = await _colleagues(db)
        if audited:
            await audit(db, session, CaseAudit.CASE_VIEWED, f"case:{case_id}")
    context |= {
        "canned": canned_replies(assistant.translator, t.locale, case.locale),
        "resolutions": STAFF_RESOLUTIONS,
        "max_text": queue.MAX_STAFF_TEXT,
        "notice": notice,
        "error": error,
        "text": text,
        "me_id": session.staff.id,
    }
    return render(request, "case.html", context, session=session, status=status)


@staff_page(CASEWORK)
async def case_view(request: Request, session: ActiveSession) -> Response:
    notice = page_text(request).msg(Msg.STAFF_CASE_CLAIMED) if request.query_params.get("claimed") else None
    return await case_page(request, session, request.path_params["case_id"], notice=notice)


@staff_page(CASEWORK)
async def case_live(request: Request, session: ActiveSession) -> Response:
    # Fetched by the open page on each live event; the opening was audited, its refreshes are not.
    return await case_page(request, session, request.path_params["case_id"], audited=False)


def _text(form: FormData) -> str:
    value = form.get("text")
    return value if isinstance(value, str) else ""


@staff_page(CASEWORK)
async def case_reply(request: Request, session: ActiveSession) -> Response:
    case_id: int = request.path_params["case_id"]
    assistant = assistant_of(request)
    t = page_text(request)
    form = await request.form()
    text = _text(form)
    if not text.strip() and form.get("canned"):
        # Without JavaScript the canned-reply list cannot fill the box, so choosing one is the reply.
        async with assistant.sessions() as db:
            case = await db.get(Case, case_id)
        if case is not None:
            text = canned_text(assistant.translator, str(form.get("canned")), case.locale) or ""
    try:
        delivery = await assistant.cases.reply(case_id, actor_of(session), text)
    except CaseError as refused:
        return await _refused(request, session, case_id, refused, text=text)
    async with assistant.sessions() as db, db.begin():
        await audit(
            db, session, CaseAudit.REPLIED, f"case:{case_id}", f"{len(text.strip())} chars, {delivery}"
        )
    return await case_page(request, session, case_id, notice=t.msg(OUTCOMES[delivery]), audited=False)


@staff_page(CASEWORK)
async def case_note(request: Request, session: ActiveSession) -> Response:
    case_id: int = request.path_params["case_id"]
    assistant = assistant_of(request)
    text = _text(await request.form())
    try:
        await assistant.cases.note(case_id, actor_of(session), text)
    except CaseError as refused:
        return await _refused(request, session, case_id, refused)
    async with assistant.sessions() as db, db.begin():
        await audit(db, session, CaseAudit.NOTED, f"case:{case_id}", f"{len(text.strip())} chars")
    notice = page_text(request).msg(Msg.STAFF_CASE_NOTED)
    return await case_page(request, session, case_id, notice=notice, audited=False)


@staff_page(CASEWORK)
async def case_transfer(request: Request, session: ActiveSession) -> Response:
    case_id: int = request.path_params["case_id"]
    assistant = assistant_of(request)
    target = form_int((await request.form()).get("to"))
    try:
        if target is None:
            raise CaseError(CaseRefusal.BAD_TARGET)
        await assistant.cases.transfer(case_id, actor_of(session), target)
    except CaseError as refused:
        return await _refused(request, session, case_id, refused)
    async with assistant.sessions() as db, db.begin():
        await audit(db, session, CaseAudit.TRANSFERRED, f"case:{case_id}", f"to staff:{target}")
        name = await queue.staff_name(db, target)
    notice = page_text(request).msg(Msg.STAFF_CASE_TRANSFERRED, name=name or "–")
    return await case_page(request, session, case_id, notice=notice, audited=False)


@staff_page(CASEWORK)
async def case_close(request: Request, session: ActiveSession) -> Response:
    case_id: int = request.path_params["case_id"]
    assistant = assistant_of(request)
    t = page_text(request)
    resolution = str((await request.form()).get("resolution") or "")
    try:
        await assistant.cases.close(case_id, actor_of(session), resolution)
    except CaseError as refused:
        return await _refused(request, session, case_id, refused)
    async with assistant.sessions() as db, db.begin():
        await audit(db, session, CaseAudit.CLOSED, f"case:{case_id}", resolution)
    notice = t.msg(Msg.STAFF_CASE_CLOSED_NOTICE, resolution=CaseWords(t).resolution(resolution))
    return await case_page(request, session, case_id, notice=notice, audited=False)


async def _refused(
    request: Request, session: ActiveSession, case_id: int, refused: CaseError, *, text: str = ""
) -> Response:
    # The typed text comes back in the form, so a refused 9,000-character reply is not lost.
    message, status = refusal_of(page_text(request), refused)
    return await case_page(request, session, case_id, error=message, status=status, audited=False, text=text)


@staff_page(CASEWORK)
async def case_file(request: Request, session: ActiveSession) -> Response:
    """A client's file, always as a download of its stored type, never sniffed or run as a page."""
    case_id: int = request.path_params["case_id"]
    entry_id: int = request.path_params["entry_id"]
    async with assistant_of(request).sessions() as db, db.begin():
        entry = await queue.file_of(db, case_id, entry_id)
        if entry is None or entry.file_content is None:
            reason, status = refusal_of(page_text(request), CaseError(CaseRefusal.NOT_FOUND))
            return render(request, "forbidden.html", {"reason": reason}, session=session, status=status)
        await audit(db, session, CaseAudit.FILE_DOWNLOADED, f"case:{case_id}", f"entry:{entry_id}")
        content, name = entry.file_content, entry.file_name or "file"
        media_type = (entry.file_type or "").lower()
    if not MEDIA_TYPE.match(media_type):
        media_type = "application/octet-stream"
    fallback = re.sub(r"[^A-Za-z0-9._-]", "_", name) or "file"
    headers = {
        **SECURITY_HEADERS,
        "Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}",
        "Content-Security-Policy": "default-src 'none'; sandbox",
    }
    return Response(content, media_type=media_type, headers=headers)


def case_routes() -> list[BaseRoute]:
    return [
        Route("/cases/{case_id:int}", case_view, methods=["GET"]),
        Route("/cases/{case_id:int}/live", case_live, methods=["GET"]),
        Route("/cases/{case_id:int}/reply", case_reply, methods=["POST"]),
        Route("/cases/{case_id:int}/note", case_note, methods=["POST"]),
        Route("/cases/{case_id:int}/transfer", case_transfer, methods=["POST"]),
        Route("/cases/{case_id:int}/close", case_close, methods=["POST"]),
        Route("/cases/{case_id:int}/files/{entry_id:int}", case_file, methods=["GET"]),
    ]
