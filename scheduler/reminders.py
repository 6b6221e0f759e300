"""Durable appointment reminders: claimed from the database by a background loop, sent through a notifier."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

import structlog
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import Reply, Text, choice
from bot.clients.models import Client
from bot.clients.repository import ClientRepository
from bot.i18n.msg import Msg
from scheduler.models import Booking, Location, Reminder, Service

log = structlog.get_logger(__name__)

# A reminder is no longer sent once its appointment is closer than this: the 24-hour one gives way to
# the 2-hour one (a restart or an outage must not send both at once), the 2-hour one ends at the start.
SEND_UNTIL_BEFORE_START = {"24h": timedelta(hours=2), "2h": timedelta(0)}
MESSAGES = {"24h": Msg.REMINDER_DAY_BEFORE, "2h": Msg.REMINDER_SOON}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Notify(Protocol):
    """The Notifier's notify: True when a channel took the message."""

    async def __call__(self, user_ref: str, replies: Sequence[Reply], /) -> bool: ...


@dataclass(frozen=True)
class RoundResult:
    sent: int = 0
    skipped: int = 0
    failed: int = 0  # left claimed; tried again when the lease runs out


@dataclass(frozen=True)
class _Outgoing:
    reminder_id: int
    booking_id: int
    user_ref: str
    reply: Reply


def reminder_reply(kind: str, booking: Booking, service: Service, location: Location, locale: str) -> Reply:
    """The reminder with the two answers the booking dialog handles (appt:confirm / appt:cancel)."""
    text = Text(
        MESSAGES.get(kind, Msg.REMINDER_SOON),
        {
            "service": service.name(locale),
            "at": booking.starts_at,
            "place": location.name,
            "address": location.address,
        },
    )
    buttons = (
        choice(f"appt:confirm:{booking.id}", Msg.REMINDER_CONFIRM),
        choice(f"appt:cancel:{booking.id}", Msg.REMINDER_CANCEL),
    )
    return Reply(lines=(text,), choices=buttons)


class ReminderDispatcher:
    """One `run_once` per loop round; safe to run in several processes at once.

    Delivery is at least once, with the repeat window kept to one UPDATE. A reminder is claimed (a lease
    in `claimed_until`) and committed before the notifier is called, then marked sent in its own short
    transaction straight after, one reminder at a time. A crash before or during the send leaves only the
    claim, so the reminder goes out once the lease runs out: none is lost. What can repeat is a reminder
    whose send succeeded when the process died before that commit of `sent_at`, or whose send raised after
    the channel had in fact taken it; it goes out again after the lease. The lease must outlast a send by
    far, or a slow send could be claimed by another worker. No transaction stays open while notifying: the
    notifier opens its own, and on SQLite (BEGIN IMMEDIATE) a held one would block it.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        notify: Notify,
        *,
        default_locale: str = "en",
        clock: Callable[[], datetime] = utcnow,
        lease: timedelta = timedelta(minutes=10),
        batch: int = 50,
    ) -> None:
        self._sessions = sessions
        self._notify = notify
        self._default_locale = default_locale
        self._clock = clock
        self.lease = lease
        self._batch = batch

    async def run_once(self) -> RoundResult:
        """Send every reminder that is due now; claimed batches until none is left."""
        sent = skipped = failed = 0
        while True:
            outgoing, skipped_now, claimed = await self._claim()
            skipped += skipped_now
            for item in outgoing:
                outcome = await self._deliver(item)
                sent += outcome == "sent"
                skipped += outcome == "undeliverable"
                failed += outcome == "failed"
            if claimed < self._batch:
                break
        if sent or skipped or failed:
            log.info("reminders_round", sent=sent, skipped=skipped, failed=failed)
        return RoundResult(sent, skipped, failed)

    async def _claim(self) -> tuple[list[_Outgoing], int, int]:
        """Take a batch of due reminders; those not worth sending are settled in the same transaction."""
        now = self._clock()
        async with self._sessions() as session, session.begin():
            # FOR UPDATE SKIP LOCKED makes concurrent PostgreSQL workers take disjoint batches; SQLite
            # omits it, and needs none: its transactions begin IMMEDIATE, so claims run one at a time.
            due = (
                select(Reminder.id)
                .where(
                    Reminder.sent_at.is_(None),
                    Reminder.due_at <= now,
                    or_(Reminder.claimed_until.is_(None), Reminder.claimed_until < now),
                )
                .order_by(Reminder.due_at, Reminder.id)
                .limit(self._batch)
                .with_for_update(skip_locked=True)
            )
            ids = list((await session.scalars(due)).all())
            if not ids:
                return [], 0, 0
            await session.execute(
                update(Reminder).where(Reminder.id.in_(ids)).values(claimed_until=now + self.lease)
            )
            rows = (
                await session.execute(
                    select(Reminder, Booking, Service, Location, Client)
                    .join(Booking, Booking.id == Reminder.booking_id)
                    .join(Service, Service.id == Booking.service_id)
                    .join(Location, Location.id == Booking.location_id)
                    .join(Client, Client.id == Booking.client_id)
                    .where(Reminder.id.in_(ids))
                    .order_by(Reminder.due_at, Reminder.id)
                )
            ).all()
            user_refs = await _user_refs(session, {client.id for *_, client in rows})
            outgoing: list[_Outgoing] = []
            skipped = 0
            for reminder, booking, service, location, client in rows:
                user_ref = user_refs.get(client.id)
                reason = _reason_to_skip(reminder, booking, user_ref, now)
                if reason is not None or user_ref is None:
                    reminder.sent_at, reminder.extra = now, {"skipped": reason}
                    skipped += 1
                    log.info("reminder_skipped", reminder=reminder.id, kind=reminder.kind, reason=reason)
                    continue
                locale = client.locale or self._default_locale
                reply = reminder_reply(reminder.kind, booking, service, location, locale)
                outgoing.append(_Outgoing(reminder.id, booking.id, user_ref, reply))
        return outgoing, skipped, len(ids)

    async def _deliver(self, item: _Outgoing) -> str:
        """Outcome: sent, undeliverable (the notifier has no channel for them) or failed (retried later)."""
        try:
            delivered = await self._notify(item.user_ref, [item.reply])
        except Exception:
            # Unknown whether it went out: keep the claim, so it is retried once the lease expires
            # (the lease doubles as back-off) until SEND_UNTIL_BEFORE_START makes it late.
            log.exception("reminder_send_failed", reminder=item.reminder_id, booking=item.booking_id)
            return "failed"
        # Straight after the send, in its own short transaction: this commit closes the at-least-once window.
        async with self._sessions() as session, session.begin():
            await session.execute(
                update(Reminder)
                .where(Reminder.id == item.reminder_id, Reminder.sent_at.is_(None))
                .values(sent_at=self._clock(), extra=None if delivered else {"skipped": "undeliverable"})
            )
        if not delivered:
            log.warning("reminder_undeliverable", reminder=item.reminder_id, booking=item.booking_id)
            return "undeliverable"
        return "sent"


def _reason_to_skip(reminder: Reminder, booking: Booking, user_ref: str | None, now: datetime) -> str | None:
    if booking.status != "booked":
        return booking.status  # cancelled (or already marked attended / no-show)
    if booking.starts_at - now < SEND_UNTIL_BEFORE_START.get(reminder.kind, timedelta(0)):
        return "late"
    if user_ref is None:
        return "no_channel"
    return None


async def _user_refs(session: AsyncSession, client_ids: set[int]) -> dict[int, str]:
    return await ClientRepository(session).latest_user_refs(client_ids)
