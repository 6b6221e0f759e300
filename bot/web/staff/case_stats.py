"""The case statistics page: waiting, first-response and resolution times per topic and language."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.staff.service import ActiveSession
from bot.web.staff.auth import staff_page
from bot.web.staff.cases import CaseAudit, CaseWords, audit
from bot.web.staff.pages import CASEWORK, assistant_of, page_text, render
from bot.web.staff.schedule import centre_tz
from counselling.stats import case_stats

DEFAULT_DAYS = 30
MAX_DAYS = 3 * 366  # a few years at most: the page counts in Python


def _day(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


@staff_page(CASEWORK)
async def stats_view(request: Request, session: ActiveSession) -> Response:
    assistant = assistant_of(request)
    tz = centre_tz(request)
    now = assistant.cases.now()
    today = now.astimezone(tz).date()
    last = _day(request.query_params.get("to"), today)
    first = _day(request.query_params.get("from"), last - timedelta(days=DEFAULT_DAYS - 1))
    if first > last or (last - first).days > MAX_DAYS:
        first = last - timedelta(days=DEFAULT_DAYS - 1)
    start = datetime.combine(first, time(0), tzinfo=tz)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
    async with assistant.sessions() as db, db.begin():
        stats = await case_stats(db, start, end, assistant.cases.sla, now)
        await audit(db, session, CaseAudit.STATS_VIEWED, "cases:stats", f"{first}..{last}")
    words = CaseWords(page_text(request))
    context = {
        "stats": stats,
        "by_topic": [(words.topic(g.key), g) for g in stats.by_topic],
        "by_language": [(words.language(g.key or ""), g) for g in stats.by_language],
        "first": first,
        "last": last,
        "start": start,
        "end_day": datetime.combine(last, time(12), tzinfo=tz),
        "words": words,
    }
    return render(request, "case_stats.html", context, session=session)


def stats_routes() -> list[BaseRoute]:
    return [Route("/cases/stats", stats_view, methods=["GET"])]
