"""A broadcast's life: draft, scheduled, sending (its outbox filled), paused, cancelled or done."""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog
from sqlalchemy import exists, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from broadcasts.audience import SKIP_NO_TEXT, Audience, recipients
from broadcasts.compose import BroadcastError, Problem
from broadcasts.models import Broadcast, BroadcastStatus, Delivery, DeliveryStatus, EmptyLanguage

log = structlog.get_logger(__name__)
INSERT_CHUNK = 1000
# "Send now" pressed a moment after the form showed the time is not a time in the past.
_GRACE = timedelta(minutes=1)


async def fill_outbox(session: AsyncSession, broadcast: Broadcast, default_locale: str, now: datetime) -> int:
    """One delivery row per recipient, taken from the subscriptions at this moment; returns the count.

    UNIQUE(broadcast_id, client_id) makes a second fill impossible, so each client is queued once.
    """
    found = await recipients(
        session,
        Audience.from_json(broadcast.audience),
        broadcast.texts,
        EmptyLanguage(broadcast.empty_language),
        broadcast.fallback_locale,
        default_locale,
    )
    rows = [
        {
            "broadcast_id": broadcast.id,
            "client_id": r.client_id,
            "user_ref": r.user_ref,
            "channel": r.channel,
            "locale": r.text_locale or r.client_locale,
            "status": (DeliveryStatus.QUEUED if r.text_locale else DeliveryStatus.SKIPPED).value,
            "reason": None if r.text_locale else SKIP_NO_TEXT,
            "attempts": 0,
            "parts_sent": 0,
            "next_attempt_at": now,
        }
        for r in found
    ]
    for start in range(0, len(rows), INSERT_CHUNK):
        await session.execute(insert(Delivery), rows[start : start + INSERT_CHUNK])
    return len(rows)


async def start_due(sessions: async_sessionmaker[AsyncSession], now: datetime, default_locale: str) -> int:
    """Scheduled broadcasts whose time has come start sending; exactly one process starts each."""
    async with sessions() as session:
        due = list(
            (
                await session.scalars(
                    select(Broadcast.id).where(
                        Broadcast.status == BroadcastStatus.SCHEDULED.value, Broadcast.scheduled_at <= now
                    )
                )
            ).all()
        )
    started = 0
    for broadcast_id in due:
        async with sessions() as session, session.begin():
            # The conditional UPDATE is the claim: a second process finds the status changed (PostgreSQL
            # re-checks the row after the first commit) and fills nothing.
            claimed = await session.execute(
                update(Broadcast)
                .where(Broadcast.id == broadcast_id, Broadcast.status == BroadcastStatus.SCHEDULED.value)
                .values(status=BroadcastStatus.SENDING.value, started_at=now)
            )
            if not getattr(claimed, "rowcount", 0):
                continue
            broadcast = await session.get(Broadcast, broadcast_id)
            assert broadcast is not None
            count = await fill_outbox(session, broadcast, default_locale, now)
        log.info("broadcast_started", broadcast=broadcast_id, recipients=count)
        started += 1
    return started


async def finish_done(sessions: async_sessionmaker[AsyncSession], now: datetime) -> int:
    """Sending broadcasts with nothing queued or in flight are done."""
    open_rows = exists().where(
        Delivery.broadcast_id == Broadcast.id,
        Delivery.status.in_([DeliveryStatus.QUEUED.value, DeliveryStatus.SENDING.value]),
    )
    async with sessions() as session, session.begin():
        result = await session.execute(
            update(Broadcast)
            .where(Broadcast.status == BroadcastStatus.SENDING.value, ~open_rows)
            .values(status=BroadcastStatus.DONE.value, finished_at=now)
            .returning(Broadcast.id)
        )
        done = list(result.scalars().all())
    for broadcast_id in done:
        log.info("broadcast_done", broadcast=broadcast_id)
    return len(done)


async def get(session: AsyncSession, broadcast_id: int) -> Broadcast:
    broadcast = await session.get(Broadcast, broadcast_id)
    if broadcast is None:
        raise BroadcastError(Problem.NOT_FOUND)
    return broadcast


async def schedule(session: AsyncSession, broadcast: Broadcast, at: datetime, now: datetime) -> None:
    """Send at `at` (now or later); the background sender starts it. Refuses a time in the past."""
    if broadcast.status not in (BroadcastStatus.DRAFT.value, BroadcastStatus.SCHEDULED.value):
        raise BroadcastError(Problem.NOT_EDITABLE)
    if at < now - _GRACE:
        raise BroadcastError(Problem.TIME_PAST)
    broadcast.status = BroadcastStatus.SCHEDULED.value
    broadcast.scheduled_at = max(at, now)


async def unschedule(session: AsyncSession, broadcast: Broadcast) -> None:
    """Back to a draft (only before it started)."""
    if broadcast.status != BroadcastStatus.SCHEDULED.value:
        raise BroadcastError(Problem.BAD_STATE)
    broadcast.status = BroadcastStatus.DRAFT.value
    broadcast.scheduled_at = None


async def pause(session: AsyncSession, broadcast: Broadcast) -> None:
    if broadcast.status != BroadcastStatus.SENDING.value:
        raise BroadcastError(Problem.BAD_STATE)
    broadcast.status = BroadcastStatus.PAUSED.value


async def resume(session: AsyncSession, broadcast: Broadcast) -> None:
    if broadcast.status != BroadcastStatus.PAUSED.value:
        raise BroadcastError(Problem.BAD_STATE)
    broadcast.status = BroadcastStatus.SENDING.value


async def cancel(session: AsyncSession, broadcast: Broadcast, now: datetime) -> int:
    """Stop for good: queued rows become skipped (cancelled); rows in flight finish. Returns how many."""
    if broadcast.status not in (
        BroadcastStatus.SCHEDULED.value,
        BroadcastStatus.SENDING.value,
        BroadcastStatus.PAUSED.value,
    ):
        raise BroadcastError(Problem.BAD_STATE)
    broadcast.status = BroadcastStatus.CANCELLED.value
    broadcast.finished_at = now
    result = await session.execute(
        update(Delivery)
        .where(Delivery.broadcast_id == broadcast.id, Delivery.status == DeliveryStatus.QUEUED.value)
        .values(status=DeliveryStatus.SKIPPED.value, reason="cancelled")
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def recent(session: AsyncSession, limit: int = 50) -> list[Broadcast]:
    rows = await session.scalars(select(Broadcast).order_by(Broadcast.id.desc()).limit(limit))
    return list(rows.all())


async def delivery_count(session: AsyncSession, broadcast_id: int) -> int:
    found = await session.scalar(select(func.count(Delivery.id)).where(Delivery.broadcast_id == broadcast_id))
    return int(found or 0)
