"""The audit log page for admins: who did what and when, filtered and paged, itself audited."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.channels.telegram.staff_link import LinkAudit
from bot.clients.merge import ClientAudit
from bot.i18n.msg import Msg
from bot.staff.models import AuditEntry
from bot.staff.repository import TARGET_LIMIT, AuditFilter, StaffRepository
from bot.staff.service import ActiveSession, Audit
from bot.web.staff.auth import staff_page
from bot.web.staff.cases import CaseAudit
from bot.web.staff.pages import ADMIN_ONLY, PageText, assistant_of, page_text, render
from bot.web.staff.schedule import ScheduleAudit, centre_tz, form_int

PAGE_SIZE = 50
NO_STAFF = "system"
# Targets that have a console page of their own; the rest are shown as text.
TARGET_LINKS = {
    re.compile(r"^case:(\d{1,9})$"): "/staff/cases/{}",
    re.compile(r"^client:(\d{1,9})$"): "/staff/clients/{}/bookings",
}
# Actions that may be written without a staff member (an unknown e-mail failing to log in, the CLI creating
# the first admin, a stranger's /link). Any other entry without one lost its author when the account went.
SYSTEM_ACTIONS = frozenset(
    {
        Audit.LOGIN_FAILED,
        Audit.LOGIN_LOCKED,
        Audit.STAFF_CREATED,
        LinkAudit.LINK_FAILED,
        ClientAudit.LINKED,
        ClientAudit.UNLINKED,
    }
)


class LogAudit(StrEnum):
    """Audit log actions of this page: reading the log is itself an access to staff and client data."""

    VIEWED = "audit_viewed"


ACTIONS: dict[str, Msg] = {
    Audit.LOGIN: Msg.STAFF_AUDIT_ACTION_LOGIN,
    Audit.LOGIN_FAILED: Msg.STAFF_AUDIT_ACTION_LOGIN_FAILED,
    Audit.LOGIN_LOCKED: Msg.STAFF_AUDIT_ACTION_LOGIN_LOCKED,
    Audit.LOGOUT: Msg.STAFF_AUDIT_ACTION_LOGOUT,
    Audit.STAFF_CREATED: Msg.STAFF_AUDIT_ACTION_STAFF_CREATED,
    Audit.PASSWORD_CHANGED: Msg.STAFF_AUDIT_ACTION_PASSWORD_CHANGED,
    # The Telegram staff group writes the same case actions (GroupAudit), with `telegram` as the detail.
    CaseAudit.QUEUE_VIEWED: Msg.STAFF_AUDIT_ACTION_CASE_QUEUE_VIEWED,
    CaseAudit.CASE_VIEWED: Msg.STAFF_AUDIT_ACTION_CASE_VIEWED,
    CaseAudit.FILE_DOWNLOADED: Msg.STAFF_AUDIT_ACTION_CASE_FILE_DOWNLOADED,
    CaseAudit.CLAIMED: Msg.STAFF_AUDIT_ACTION_CASE_CLAIMED,
    CaseAudit.REPLIED: Msg.STAFF_AUDIT_ACTION_CASE_REPLIED,
    CaseAudit.NOTED: Msg.STAFF_AUDIT_ACTION_CASE_NOTED,
    CaseAudit.TRANSFERRED: Msg.STAFF_AUDIT_ACTION_CASE_TRANSFERRED,
    CaseAudit.CLOSED: Msg.STAFF_AUDIT_ACTION_CASE_CLOSED,
    CaseAudit.STATS_VIEWED: Msg.STAFF_AUDIT_ACTION_CASE_STATS_VIEWED,
    ScheduleAudit.AGENDA_VIEWED: Msg.STAFF_AUDIT_ACTION_AGENDA_VIEWED,
    ScheduleAudit.ATTENDANCE_MARKED: Msg.STAFF_AUDIT_ACTION_ATTENDANCE_MARKED,
    ScheduleAudit.APPOINTMENT_CANCELLED: Msg.STAFF_AUDIT_ACTION_APPOINTMENT_CANCELLED,
    ScheduleAudit.CLIENT_BOOKINGS_VIEWED: Msg.STAFF_AUDIT_ACTION_CLIENT_BOOKINGS_VIEWED,
    ScheduleAudit.RULE_ADDED: Msg.STAFF_AUDIT_ACTION_AVAILABILITY_RULE_ADDED,
    ScheduleAudit.RULE_REMOVED: Msg.STAFF_AUDIT_ACTION_AVAILABILITY_RULE_REMOVED,
    ScheduleAudit.EXCEPTION_ADDED: Msg.STAFF_AUDIT_ACTION_AVAILABILITY_EXCEPTION_ADDED,
    ScheduleAudit.EXCEPTION_REMOVED: Msg.STAFF_AUDIT_ACTION_AVAILABILITY_EXCEPTION_REMOVED,
    ScheduleAudit.COUNSELLOR_LINKED: Msg.STAFF_AUDIT_ACTION_COUNSELLOR_LINKED,
    ScheduleAudit.COUNSELLOR_ACTIVATED: Msg.STAFF_AUDIT_ACTION_COUNSELLOR_ACTIVATED,
    ScheduleAudit.COUNSELLOR_DEACTIVATED: Msg.STAFF_AUDIT_ACTION_COUNSELLOR_DEACTIVATED,
    ScheduleAudit.DEACTIVATION_REFUSED: Msg.STAFF_AUDIT_ACTION_COUNSELLOR_DEACTIVATION_REFUSED,
    LinkAudit.CODE_CREATED: Msg.STAFF_AUDIT_ACTION_TELEGRAM_LINK_CODE,
    LinkAudit.LINKED: Msg.STAFF_AUDIT_ACTION_TELEGRAM_LINKED,
    LinkAudit.LINK_FAILED: Msg.STAFF_AUDIT_ACTION_TELEGRAM_LINK_FAILED,
    LinkAudit.UNLINKED: Msg.STAFF_AUDIT_ACTION_TELEGRAM_UNLINKED,
    LogAudit.VIEWED: Msg.STAFF_AUDIT_ACTION_AUDIT_VIEWED,
    ClientAudit.LINKED: Msg.STAFF_AUDIT_ACTION_CLIENT_APPS_LINKED,
    ClientAudit.UNLINKED: Msg.STAFF_AUDIT_ACTION_CLIENT_APP_UNLINKED,
}


def action_label(t: PageText, action: str) -> str:
    # An action added later without a label still shows, under its raw name: the log hides nothing.
    msg = ACTIONS.get(action)
    return action if msg is None else t.msg(msg)


def target_link(target: str | None) -> str | None:
    for pattern, path in TARGET_LINKS.items():
        found = pattern.match(target or "")
        if found is not None:
            return path.format(found.group(1))
    return None


@dataclass(frozen=True)
class Row:
    """One entry as the table shows it."""

    id: int
    at: datetime
    who: str
    what: str
    action: str
    target: str
    link: str | None
    detail: str


def _row(t: PageText, entry: AuditEntry, name: str | None) -> Row:
    if name is not None:
        who = name
    elif entry.staff_id is None and (entry.action in SYSTEM_ACTIONS or entry.action not in ACTIONS):
        who = t.msg(Msg.STAFF_AUDIT_SYSTEM)
    else:
        who = t.msg(Msg.STAFF_AUDIT_DELETED_ACCOUNT)
    return Row(
        id=entry.id,
        at=entry.at,
        who=who,
        what=action_label(t, entry.action),
        action=entry.action,
        target=entry.target or "",
        link=target_link(entry.target),
        detail=entry.detail or "",
    )


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Query:
    """The filters of the page's form, as given (for the form and the links) and as a database filter."""

    staff: str
    action: str
    target: str
    first: date | None
    last: date | None

    @classmethod
    def of(cls, params: Mapping[str, str]) -> Query:
        staff = params.get("staff", "")
        first, last = _day(params.get("from")), _day(params.get("to"))
        if first is not None and last is not None and first > last:
            first, last = last, first
        return cls(
            staff=staff if staff == NO_STAFF or form_int(staff) is not None else "",
            action=params.get("action", "").strip()[:64],
            target=params.get("target", "").strip()[:TARGET_LIMIT],
            first=first,
            last=last,
        )

    def params(self) -> dict[str, str]:
        given = {
            "staff": self.staff,
            "action": self.action,
            "target": self.target,
            "from": self.first.isoformat() if self.first else "",
            "to": self.last.isoformat() if self.last else "",
        }
        return {key: value for key, value in given.items() if value}

    def link(self, **cursor: int) -> str:
        return "/staff/admin/audit?" + urlencode({**self.params(), **{k: str(v) for k, v in cursor.items()}})

    def filter(self, request: Request) -> AuditFilter:
        # The dates are the centre's calendar days, whatever the server's or the browser's zone.
        tz = centre_tz(request)
        since = datetime.combine(self.first, time(0), tzinfo=tz) if self.first else None
        until = datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=tz) if self.last else None
        return AuditFilter(
            staff_id=form_int(self.staff),
            no_staff=self.staff == NO_STAFF,
            action=self.action or None,
            target=self.target or None,
            since=since,
            until=until,
        )


@staff_page(ADMIN_ONLY)
async def audit_view(request: Request, session: ActiveSession) -> Response:
    t = page_text(request)
    params = request.query_params
    query = Query.of(params)
    before, after = form_int(params.get("before")), form_int(params.get("after"))
    async with assistant_of(request).sessions() as db, db.begin():
        repo = StaffRepository(db)
        found = await repo.audit_page(query.filter(request), before=before, after=after, limit=PAGE_SIZE)
        actions = await repo.audit_actions()
        members = await repo.list_staff()
        # Written after the read, so the page never shows its own visit at the top.
        await repo.add_audit(
            LogAudit.VIEWED.value,
            staff_id=session.staff.id,
            target="audit_log",
            detail=urlencode(query.params()),
        )
    rows = [_row(t, entry, name) for entry, name in found.rows]
    context = {
        "query": query,
        "rows": rows,
        "staff_options": [(str(m.id), m.display_name) for m in members],
        "no_staff": NO_STAFF,
        "action_options": sorted(((a, action_label(t, a)) for a in actions), key=lambda o: o[1].casefold()),
        "older": query.link(before=rows[-1].id) if found.older else None,
        "newer": query.link(after=rows[0].id) if found.newer else None,
        "filtered": bool(query.params()),
    }
    return render(request, "audit.html", context, session=session)


def audit_routes() -> list[BaseRoute]:
    return [Route("/admin/audit", audit_view, methods=["GET"])]
