"""Tells waiting clients that a freed seat is now theirs, through the Notifier, once the change is saved."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.base import Reply
from bot.clients.models import Client
from bot.clients.repository import ClientRepository
from bot.core.centre import CentreInfo
from bot.core.dialogs import AfterCommit
from bot.core.notifier import Notifier
from bot.i18n.msg import Msg
from dialogs.booking_view import booked_reply
from scheduler.models import Booking, Location, Service

log = structlog.get_logger(__name__)


async def latest_user_ref(session: AsyncSession, client_id: int) -> str | None:
    """The channel the client last wrote from: where a message to them is read soonest."""
    return (await ClientRepository(session).latest_user_refs([client_id])).get(client_id)


class BookingNews:
    def __init__(self, notifier: Notifier, centre: CentreInfo, default_locale: str) -> None:
        self._notifier = notifier
        self._centre = centre
        self._default = default_locale

    async def seat_for_waiting(self, session: AsyncSession, bookings: Iterable[Booking]) -> list[AfterCommit]:
        """Messages in each promoted client's own language, to be sent after the commit."""
        jobs: list[AfterCommit] = []
        for booking in bookings:
            client = await session.get(Client, booking.client_id)
            service = await session.get(Service, booking.service_id)
            location = await session.get(Location, booking.location_id)
            user_ref = await latest_user_ref(session, booking.client_id)
            if client is None or service is None or location is None or user_ref is None:
                log.warning("waitlist_promotion_not_told", booking=booking.id)
                continue
            locale = client.locale or self._default
            reply = booked_reply(Msg.BOOKING_PROMOTED, booking, service, location, self._centre, locale)
            jobs.append(partial(self._tell, user_ref, reply, booking.id))
        return jobs

    async def _tell(self, user_ref: str, reply: Reply, booking_id: int) -> None:
        if not await self._notifier.notify(user_ref, [reply]):
            log.warning("waitlist_promotion_undelivered", booking=booking_id)
