"""Tells clients whose appointment the centre cancelled, in their language, with a button to book again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.base import Reply, choice
from bot.clients.models import Client
from bot.clients.repository import ClientRepository
from bot.core.notifier import Notifier
from bot.i18n.msg import Msg
from scheduler.agenda import Cancellation

log = structlog.get_logger(__name__)
REBOOK_PAYLOAD = "bk:svc:{service_id}"  # handled by the booking dialog: starts booking that service


@dataclass(frozen=True)
class Notice:
    """One message to one client; `user_ref` is None when the client has no channel left to reach."""

    client_id: int
    user_ref: str | None
    reply: Reply


async def reachable(db: AsyncSession, client_ids: Sequence[int]) -> dict[int, tuple[str, str | None]]:
    """Each client's most recently used channel identity as a user_ref, with the client's language."""
    refs = await ClientRepository(db).latest_user_refs(client_ids)
    if not refs:
        return {}
    rows = await db.execute(select(Client.id, Client.locale).where(Client.id.in_(list(refs))))
    locales = {client_id: locale for client_id, locale in rows.all()}
    return {client_id: (ref, locales.get(client_id)) for client_id, ref in refs.items()}


async def notices_for(db: AsyncSession, cancellation: Cancellation, default_locale: str) -> list[Notice]:
    """A message for every booked client and every client who was waiting for a seat."""
    booked = [b.client_id for b in cancellation.bookings]
    who = await reachable(db, [*booked, *cancellation.waiting])
    button = choice(REBOOK_PAYLOAD.format(service_id=cancellation.service.id), Msg.APPT_STAFF_REBOOK)
    notices = []
    for client_id, msg in [
        *((c, Msg.APPT_STAFF_CANCELLED) for c in booked),
        *((c, Msg.APPT_STAFF_SESSION_CANCELLED) for c in cancellation.waiting),
    ]:
        user_ref, locale = who.get(client_id, (None, None))
        reply = Reply.of(
            msg,
            (button,),
            service=cancellation.service.name(locale or default_locale),
            location=cancellation.location.name,
            at=cancellation.starts_at,
        )
        notices.append(Notice(client_id, user_ref, reply))
    return notices


async def send_notices(notifier: Notifier, notices: Sequence[Notice]) -> list[int]:
    """Send each message on its own; returns the clients nobody could reach, for staff to call instead."""
    unreached: list[int] = []
    for notice in notices:
        delivered = False
        if notice.user_ref is not None:
            try:
                delivered = await notifier.notify(notice.user_ref, [notice.reply])
            except Exception:
                # One broken channel must not keep the other clients uninformed.
                log.exception("rebook_notice_failed", client_id=notice.client_id)
        if not delivered:
            unreached.append(notice.client_id)
    return unreached
