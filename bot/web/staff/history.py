"""A client's booking history for the staff who serve them; every opening is in the audit log."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.clients.models import Client
from bot.i18n.msg import Msg
from bot.staff.service import ActiveSession
from bot.web.staff.auth import staff_page
from bot.web.staff.pages import CASEWORK, assistant_of, forbidden, page_text, render
from bot.web.staff.schedule import ScheduleAudit, audit, now_of, own_counsellors
from scheduler.agenda import client_history, has_booked_with


@staff_page(CASEWORK)
async def client_bookings(request: Request, session: ActiveSession) -> Response:
    client_id: int = request.path_params["client_id"]
    async with assistant_of(request).sessions() as db, db.begin():
        client = await db.get(Client, client_id)
        if client is None:
            return render(
                request,
                "forbidden.html",
                {"reason": page_text(request).msg(Msg.STAFF_ERROR_NOT_FOUND)},
                session=session,
                status=404,
            )
        own = await own_counsellors(db, session)
        # A counsellor sees the clients who booked them; the admin sees everyone's.
        if own is not None and not (own and await has_booked_with(db, client_id, own)):
            return forbidden(request, Msg.STAFF_FORBIDDEN_OTHER_CLIENT, session)
        entries = await client_history(db, client_id)
        await audit(db, session, ScheduleAudit.CLIENT_BOOKINGS_VIEWED, f"client:{client_id}")
    now = now_of(request)
    context = {
        "client_id": str(client_id),
        "client_locale": client.locale,
        "upcoming": sorted((e for e in entries if e.starts_at > now), key=lambda e: e.starts_at),
        "past": [e for e in entries if e.starts_at <= now],
    }
    return render(request, "history.html", context, session=session)


def history_routes() -> list[BaseRoute]:
    return [Route("/clients/{client_id:int}/bookings", client_bookings, methods=["GET"])]
