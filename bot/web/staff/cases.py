"""The counsellor queue page: open cases in priority order, claiming, and live updates by SSE."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from enum import StrEnum

import structlog
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from bot.staff.repository import StaffRepository
from bot.staff.service import ActiveSession
from bot.web.staff.auth import staff_page
from bot.web.staff.pages import CASEWORK, SECURITY_HEADERS, PageText, assistant_of, page_text, render
from counselling.models import CaseStatus, Delivery, Priority, Reason, Resolution
from counselling.priority import SlaState
from counselling.queue import MAX_STAFF_TEXT, Actor, CaseError, CaseRefusal, EventCode
from counselling.stats import recently_closed

log = structlog.get_logger(__name__)

# A comment line now and then keeps proxies from closing an idle stream and lets us notice a gone tab.
KEEPALIVE_SECONDS = 15.0
# How often a waiting stream looks whether the server is stopping.
SHUTDOWN_POLL_SECONDS = 0.5


class CaseAudit(StrEnum):
    """Audit log actions of the case pages: every read of a case and every action on one."""

    QUEUE_VIEWED = "case_queue_viewed"
    CASE_VIEWED = "case_viewed"
    FILE_DOWNLOADED = "case_file_downloaded"
    CLAIMED = "case_claimed"
    REPLIED = "case_replied"
    NOTED = "case_noted"
    TRANSFERRED = "case_transferred"
    CLOSED = "case_closed"
    STATS_VIEWED = "case_stats_viewed"


PRIORITIES = {
    Priority.URGENT: Msg.STAFF_CASE_PRIORITY_URGENT,
    Priority.HIGH: Msg.STAFF_CASE_PRIORITY_HIGH,
    Priority.NORMAL: Msg.STAFF_CASE_PRIORITY_NORMAL,
}
STATUSES = {
    CaseStatus.WAITING: Msg.STAFF_CASE_STATUS_WAITING,
    CaseStatus.ASSIGNED: Msg.STAFF_CASE_STATUS_ASSIGNED,
    CaseStatus.WAITING_CLIENT: Msg.STAFF_CASE_STATUS_WAITING_CLIENT,
    CaseStatus.CLOSED: Msg.STAFF_CASE_STATUS_CLOSED,
}
SLA_STATES = {
    SlaState.OK: Msg.STAFF_CASE_SLA_OK,
    SlaState.NEAR: Msg.STAFF_CASE_SLA_NEAR,
    SlaState.BREACHED: Msg.STAFF_CASE_SLA_BREACHED,
    SlaState.MET: Msg.STAFF_CASE_SLA_MET,
    SlaState.MISSED: Msg.STAFF_CASE_SLA_MISSED,
}
RESOLUTIONS = {
    Resolution.ANSWERED: Msg.STAFF_CASE_RESOLUTION_ANSWERED,
    Resolution.REFERRED: Msg.STAFF_CASE_RESOLUTION_REFERRED,
    Resolution.APPOINTMENT: Msg.STAFF_CASE_RESOLUTION_APPOINTMENT,
    Resolution.NO_RESPONSE: Msg.STAFF_CASE_RESOLUTION_NO_RESPONSE,
    Resolution.OUT_OF_SCOPE: Msg.STAFF_CASE_RESOLUTION_OUT_OF_SCOPE,
    Resolution.DUPLICATE: Msg.STAFF_CASE_RESOLUTION_DUPLICATE,
    Resolution.CLIENT_LEFT: Msg.STAFF_CASE_RESOLUTION_CLIENT_LEFT,
}
EVENTS = {
    EventCode.OPENED: Msg.STAFF_CASE_EVENT_OPENED,
    EventCode.ESCALATED_AGAIN: Msg.STAFF_CASE_EVENT_ESCALATED_AGAIN,
    EventCode.CLAIMED: Msg.STAFF_CASE_EVENT_CLAIMED,
    EventCode.TRANSFERRED: Msg.STAFF_CASE_EVENT_TRANSFERRED,
    EventCode.CLOSED: Msg.STAFF_CASE_EVENT_CLOSED,
    EventCode.CLIENT_LEFT: Msg.STAFF_CASE_EVENT_CLIENT_LEFT,
    EventCode.RATED: Msg.STAFF_CASE_EVENT_RATED,
    EventCode.UNREADABLE: Msg.STAFF_CASE_EVENT_UNREADABLE,
    EventCode.FILE_TOO_LARGE: Msg.STAFF_CASE_EVENT_FILE_TOO_LARGE,
    EventCode.JOINED: Msg.STAFF_CASE_EVENT_JOINED,
    EventCode.JOINED_INTO: Msg.STAFF_CASE_EVENT_JOINED_INTO,
}
DELIVERIES = {
    Delivery.SENT: Msg.STAFF_CASE_DELIVERY_SENT,
    Delivery.BLOCKED: Msg.STAFF_CASE_DELIVERY_BLOCKED,
    Delivery.FAILED: Msg.STAFF_CASE_DELIVERY_FAILED,
}
# The urgent legal topics have no client-side `topic-*` button label: the assistant never answers them.
LEGAL_TOPICS = {
    Intent.LEGAL_PERMIT_REFUSED_APPEAL: Msg.STAFF_CASE_TOPIC_PERMIT_REFUSED,
    Intent.LEGAL_EXPULSION: Msg.STAFF_CASE_TOPIC_EXPULSION,
    Intent.LEGAL_DETENTION: Msg.STAFF_CASE_TOPIC_DETENTION,
    Intent.LEGAL_LABOUR_EXPLOITATION: Msg.STAFF_CASE_TOPIC_EXPLOITATION,
    Intent.LEGAL_DOMESTIC_VIOLENCE: Msg.STAFF_CASE_TOPIC_VIOLENCE,
    Intent.LEGAL_ASYLUM: Msg.STAFF_CASE_TOPIC_ASYLUM,
}
REFUSALS: dict[CaseRefusal, tuple[Msg, int]] = {
    CaseRefusal.NOT_FOUND: (Msg.STAFF_CASE_REFUSED_NOT_FOUND, 404),
    CaseRefusal.CLOSED: (Msg.STAFF_CASE_REFUSED_CLOSED, 409),
    CaseRefusal.TAKEN: (Msg.STAFF_CASE_REFUSED_TAKEN, 409),
    CaseRefusal.NOT_YOURS: (Msg.STAFF_CASE_REFUSED_NOT_YOURS, 409),
    CaseRefusal.EMPTY: (Msg.STAFF_CASE_REFUSED_EMPTY, 400),
    CaseRefusal.TOO_LONG: (Msg.STAFF_CASE_REFUSED_TOO_LONG, 400),
    CaseRefusal.BAD_TARGET: (Msg.STAFF_CASE_REFUSED_BAD_TARGET, 400),
    CaseRefusal.BAD_RESOLUTION: (Msg.STAFF_CASE_REFUSED_BAD_RESOLUTION, 400),
}
_MSG_VALUES = frozenset(m.value for m in Msg)
_INTENTS = frozenset(i.value for i in Intent)


class CaseWords:
    """Case values in the staff member's language, for templates: `words.topic(...)`, `words.status(...)`."""

    def __init__(self, t: PageText) -> None:
        self._t = t

    def topic(self, topic: str | None) -> str:
        if topic is None:
            return self._t.msg(Msg.STAFF_CASE_TOPIC_NOT_UNDERSTOOD)
        legal = LEGAL_TOPICS.get(Intent(topic)) if topic in _INTENTS else None
        if legal is not None:
            return self._t.msg(legal)
        label = f"topic-{topic.replace('_', '-')}"
        return self._t.msg(Msg(label)) if label in _MSG_VALUES else topic

    def priority(self, value: int) -> str:
        return self._t.msg(PRIORITIES[Priority(value)])

    def status(self, value: str) -> str:
        return self._t.msg(STATUSES[CaseStatus(value)])

    def sla(self, value: SlaState) -> str:
        return self._t.msg(SLA_STATES[value])

    def resolution(self, value: str | None) -> str:
        if value is None or value not in {r.value for r in Resolution}:
            return ""
        return self._t.msg(RESOLUTIONS[Resolution(value)])

    def delivery(self, value: str | None) -> str:
        if value is None or value not in {d.value for d in Delivery}:
            return ""
        return self._t.msg(DELIVERIES[Delivery(value)])

    def language(self, code: str) -> str:
        label = f"language-{code}"
        return self._t.msg(Msg(label)) if label in _MSG_VALUES else code

    def event(self, code: str, detail: str | None, by: str | None) -> str:
        if code not in {e.value for e in EventCode}:
            return code
        event = EventCode(code)
        args: dict[str, object] = {"by": by or "–", "detail": detail or ""}
        if event in (EventCode.OPENED, EventCode.ESCALATED_AGAIN):
            # The detail is the topic, or the reason when there was none (the assistant did not understand).
            args["detail"] = self.topic(None if detail in {r.value for r in Reason} else detail)
        elif event is EventCode.CLOSED:
            args["detail"] = self.resolution(detail)
        return self._t.msg(EVENTS[event], **args)

    def duration(self, value: timedelta) -> str:
        minutes = max(0, int(value.total_seconds() // 60))
        if minutes < 60:
            return self._t.msg(Msg.STAFF_CASE_MINUTES, minutes=minutes)
        hours, minutes = divmod(minutes, 60)
        if hours < 24:
            return self._t.msg(Msg.STAFF_CASE_HOURS, hours=hours, minutes=minutes)
        days, hours = divmod(hours, 24)
        return self._t.msg(Msg.STAFF_CASE_DAYS, days=days, hours=hours)


def actor_of(session: ActiveSession) -> Actor:
    return Actor(session.staff.id, session.staff.role, session.staff.display_name)


def refusal_of(t: PageText, error: CaseError) -> tuple[str, int]:
    """The refusal in words, and the HTTP status that goes with it."""
    msg, status = REFUSALS[error.refusal]
    return t.msg(msg, holder=error.holder or "–", max=MAX_STAFF_TEXT), status


async def audit(
    db: AsyncSession, session: ActiveSession, action: CaseAudit, target: str, detail: str | None = None
) -> None:
    await StaffRepository(db).add_audit(action.value, staff_id=session.staff.id, target=target, detail=detail)


async def _table_context(request: Request, db: AsyncSession) -> dict[str, object]:
    desk = assistant_of(request).cases
    rows = await desk.queue_rows(db)
    closed = await recently_closed(db)
    return {"rows": rows, "closed": closed, "words": CaseWords(page_text(request))}


async def queue_page(
    request: Request, session: ActiveSession, *, error: str | None = None, status: int = 200
) -> Response:
    async with assistant_of(request).sessions() as db, db.begin():
        context = await _table_context(request, db)
        await audit(db, session, CaseAudit.QUEUE_VIEWED, "cases:queue")
    return render(request, "cases.html", {**context, "error": error}, session=session, status=status)


@staff_page(CASEWORK)
async def cases_view(request: Request, session: ActiveSession) -> Response:
    return await queue_page(request, session)


@staff_page(CASEWORK)
async def cases_table(request: Request, session: ActiveSession) -> Response:
    # The page fetches this on every live event; its opening was audited already, so its refreshes are not.
    async with assistant_of(request).sessions() as db, db.begin():
        context = await _table_context(request, db)
    return render(request, "cases_table.html", context, session=session)


@staff_page(CASEWORK)
async def case_claim(request: Request, session: ActiveSession) -> Response:
    case_id: int = request.path_params["case_id"]
    assistant = assistant_of(request)
    try:
        await assistant.cases.claim(case_id, actor_of(session))
    except CaseError as refused:
        text, status = refusal_of(page_text(request), refused)
        return await queue_page(request, session, error=text, status=status)
    async with assistant.sessions() as db, db.begin():
        await audit(db, session, CaseAudit.CLAIMED, f"case:{case_id}")
    return RedirectResponse(f"/staff/cases/{case_id}?claimed=1", status_code=303)


def server_stopping() -> bool:
    """Whether uvicorn was told to stop: it waits for open responses, so an endless stream must end itself.

    uvicorn installs its bound `Server.handle_exit` as the SIGINT/SIGTERM handler; its `should_exit` flag is
    the one public sign of a shutdown that an app can see (the lifespan shutdown runs only after responses
    end). sse-starlette looks at the same flag.
    """
    for sig in (signal.SIGTERM, signal.SIGINT):
        owner = getattr(signal.getsignal(sig), "__self__", None)
        if getattr(owner, "should_exit", False) is True:
            return True
    return False


async def event_stream(request: Request) -> AsyncIterator[str]:
    desk = assistant_of(request).cases
    async with desk.events.subscribe() as events:
        # Sent only once subscribed, so a page (and a test) knows no later change can be missed.
        yield "retry: 3000\nevent: ready\ndata: {}\n\n"
        last_sent = time.monotonic()
        while not server_stopping():
            try:
                event = await asyncio.wait_for(events.get(), SHUTDOWN_POLL_SECONDS)
            except TimeoutError:
                if time.monotonic() - last_sent >= KEEPALIVE_SECONDS:
                    last_sent = time.monotonic()
                    yield ": keep-alive\n\n"
                continue
            last_sent = time.monotonic()
            yield f"event: case\ndata: {event.to_json()}\n\n"


@staff_page(CASEWORK)
async def case_events(request: Request, session: ActiveSession) -> Response:
    """Server-sent events for the queue and case pages; Starlette ends the stream when the tab goes away."""
    headers = {**SECURITY_HEADERS, "X-Accel-Buffering": "no"}
    return StreamingResponse(event_stream(request), media_type="text/event-stream", headers=headers)


def cases_routes() -> list[BaseRoute]:
    return [
        Route("/cases", cases_view, methods=["GET"]),
        Route("/cases/table", cases_table, methods=["GET"]),
        Route("/cases/events", case_events, methods=["GET"]),
        Route("/cases/{case_id:int}/claim", case_claim, methods=["POST"]),
    ]
