"""The outbox sender: claims delivery rows, paces them through the rate limiter, records each outcome.

Why a row is sent at most once, and what a crash can cost (issue 7):

1. *Claim.* A batch of `queued` rows is claimed in one short transaction: `claimed_by` and a lease
   (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two processes take disjoint batches; SQLite serialises
   writers with BEGIN IMMEDIATE). A claimed row is still `queued`: nothing has been sent, so if the
   process dies, the row is simply claimed again when the lease runs out.
2. *Pace.* The rate limiter reserves the row's slots (per bot and per chat) *before* anything is
   written, so waiting for a slot never happens inside the uncertain window below.
3. *Mark.* The rows whose slots are granted (a "wave": one row at 30/s, more when the limit allows) turn
   `sending` in one committed UPDATE that also checks the row is still ours and the broadcast still
   running (pause and cancel take effect before the next message).
4. *Send*, then *record* the outcomes in one transaction.

Telegram has no idempotency key, so the window between steps 3 and 4 cannot be closed: a process killed
there leaves rows in `sending` whose message may or may not have arrived. Such a row is never sent again
blindly. When its lease has run out it becomes `failed` with reason `interrupted`, counted apart in the
report ("may have arrived"). So at most one wave per process (one message at Telegram's pace) is
uncertain after a crash; everything else resumes exactly where it stopped. bench/broadcast.py kills the
sender at random points and counts duplicates and losses on the Telegram stand-in.
"""

from __future__ import annotations

import asyncio
import os
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, cast

import structlog
from sqlalchemy import Table, bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import Reply, SendResult, SendStatus
from bot.core.background import PeriodicTask
from bot.core.privacy import anon_ref
from bot.core.ratelimit import Rate, RateLimiter
from bot.db.base import utcnow
from broadcasts.compose import message_reply
from broadcasts.lifecycle import finish_done, start_due
from broadcasts.models import Broadcast, BroadcastStatus, Delivery, DeliveryStatus
from broadcasts.outcomes import INTERRUPTED, mark_unreachable, outcome_values

log = structlog.get_logger(__name__)


class Transport(Protocol):
    """What the outbox needs of the Notifier: which buckets a message takes, and sending it."""

    def can_deliver(self, user_ref: str) -> bool: ...

    def limits(self, user_ref: str) -> tuple[Rate, ...]: ...

    async def deliver_reporting(
        self, user_ref: str, locale: str, replies: Sequence[Reply], *, skip_parts: int = 0
    ) -> SendResult: ...


@dataclass(frozen=True)
class _Row:
    id: int
    broadcast_id: int
    client_id: int
    user_ref: str
    locale: str
    attempts: int
    parts_sent: int


@dataclass
class RoundStats:
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    skipped: int = 0
    retried: int = 0
    interrupted: int = 0


def default_worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


class BroadcastSender:
    """`run_once` sends everything that is due, then returns; safe in several processes at once."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        transport: Transport,
        limiter: RateLimiter,
        *,
        default_locale: str = "en",
        worker_id: str | None = None,
        clock: Callable[[], datetime] = utcnow,
        batch: int = 200,
        wave: int = 50,
        lease: timedelta = timedelta(seconds=60),
    ) -> None:
        self._sessions = sessions
        self._transport = transport
        self._limiter = limiter
        self._default_locale = default_locale
        self.worker_id = worker_id or default_worker_id()
        self._clock = clock
        self._batch = batch
        self._wave = wave
        self.lease = lease
        self._replies: dict[tuple[int, str], Reply] = {}
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """Finish the wave in flight and return; claimed rows not yet sent are released."""
        self._stopping.set()

    async def run_once(self) -> RoundStats:
        stats = RoundStats()
        await start_due(self._sessions, self._clock(), self._default_locale)
        stats.interrupted += await self.recover()
        checked = time.monotonic()
        while not self._stopping.is_set():
            rows = await self._claim()
            if not rows:
                break
            await self._send_batch(rows, stats)
            if time.monotonic() - checked > 5:
                # A long broadcast must not hold up one scheduled meanwhile, nor rows left by a dead peer.
                await start_due(self._sessions, self._clock(), self._default_locale)
                stats.interrupted += await self.recover()
                checked = time.monotonic()
        await finish_done(self._sessions, self._clock())
        return stats

    async def recover(self) -> int:
        """Rows left `sending` by a process that died: settled as uncertain, never sent again blindly."""
        now = self._clock()
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                update(Delivery)
                .where(Delivery.status == DeliveryStatus.SENDING.value, Delivery.lease_until < now)
                .values(status=DeliveryStatus.FAILED.value, reason=INTERRUPTED)
            )
        count = int(getattr(result, "rowcount", 0) or 0)
        if count:
            log.warning("broadcast_deliveries_interrupted", rows=count)
        return count

    async def _claim(self) -> list[_Row]:
        now = self._clock()
        async with self._sessions() as session, session.begin():
            due = (
                select(Delivery.id)
                .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
                .where(
                    Broadcast.status == BroadcastStatus.SENDING.value,
                    Delivery.status == DeliveryStatus.QUEUED.value,
                    Delivery.next_attempt_at <= now,
                    or_(Delivery.lease_until.is_(None), Delivery.lease_until < now),
                )
                .order_by(Delivery.next_attempt_at, Delivery.id)
                .limit(self._batch)
                .with_for_update(skip_locked=True, of=Delivery)
            )
            ids = list((await session.scalars(due)).all())
            if not ids:
                return []
            await session.execute(
                update(Delivery)
                .where(Delivery.id.in_(ids))
                .values(claimed_by=self.worker_id, lease_until=now + self.lease)
            )
            rows = await session.execute(
                select(
                    Delivery.id,
                    Delivery.broadcast_id,
                    Delivery.client_id,
                    Delivery.user_ref,
                    Delivery.locale,
                    Delivery.attempts,
                    Delivery.parts_sent,
                )
                .where(Delivery.id.in_(ids))
                .order_by(Delivery.next_attempt_at, Delivery.id)
            )
            claimed = [_Row(*row) for row in rows.all()]
            await self._load_replies(session, {row.broadcast_id for row in claimed})
        return claimed

    async def _load_replies(self, session: AsyncSession, broadcast_ids: set[int]) -> None:
        missing = {b for b in broadcast_ids if not any(key[0] == b for key in self._replies)}
        if not missing:
            return
        for broadcast in (await session.scalars(select(Broadcast).where(Broadcast.id.in_(missing)))).all():
            for locale in broadcast.texts:
                self._replies[(broadcast.id, locale)] = message_reply(broadcast, locale)

    async def _send_batch(self, rows: list[_Row], stats: RoundStats) -> None:
        pending = list(rows)
        done: set[int] = set()
        recording: asyncio.Task[None] | None = None
        unavailable = [row for row in pending if not self._transport.can_deliver(row.user_ref)]
        if unavailable:
            pending = [row for row in pending if row not in unavailable]
            await self._settle_unavailable(unavailable)
            stats.skipped += len(unavailable)
        while pending and not self._stopping.is_set():
            wave = [pending.pop(0)]
            await self._limiter.acquire(self._transport.limits(wave[0].user_ref))
            while pending and len(wave) < self._wave:
                if not await self._limiter.try_acquire(self._transport.limits(pending[0].user_ref)):
                    break
                wave.append(pending.pop(0))
            if recording is not None:
                await recording  # one wave in flight at a time: the previous is settled before the next
                recording = None
            marked = await self._mark_sending(wave)
            if len(marked) < len(wave):
                # Paused or cancelled meanwhile (or the lease passed to a peer): stop this batch here.
                pending.clear()
            results = await asyncio.gather(*(self._deliver(row) for row in marked))
            # Recorded while the next slot is awaited: the commit stays off the pace-setting path.
            recording = asyncio.create_task(self._record(list(zip(marked, results, strict=True)), stats))
            done.update(row.id for row in wave)
        if recording is not None:
            await recording
        left = [row for row in rows if row.id not in done]
        if left:
            await self._release(left)

    async def _mark_sending(self, wave: list[_Row]) -> list[_Row]:
        now = self._clock()
        running = select(Broadcast.id).where(Broadcast.status == BroadcastStatus.SENDING.value)
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                update(Delivery)
                .where(
                    Delivery.id.in_([row.id for row in wave]),
                    Delivery.status == DeliveryStatus.QUEUED.value,
                    Delivery.claimed_by == self.worker_id,
                    Delivery.broadcast_id.in_(running),
                )
                .values(
                    status=DeliveryStatus.SENDING.value,
                    lease_until=now + self.lease,
                    attempts=Delivery.attempts + 1,
                )
                .returning(Delivery.id)
            )
            ids = set(result.scalars().all())
        return [row for row in wave if row.id in ids]

    async def _deliver(self, row: _Row) -> SendResult:
        reply = self._replies.get((row.broadcast_id, row.locale))
        if reply is None:
            return SendResult(SendStatus.UNAVAILABLE, detail="no_text_in_language")
        try:
            return await self._transport.deliver_reporting(
                row.user_ref, row.locale, [reply], skip_parts=row.parts_sent
            )
        except Exception as error:
            # A bug, not a platform answer: whether it went out is unknown, so it is not sent again.
            log.exception("broadcast_deliver_crashed", delivery=row.id, user=anon_ref(row.user_ref))
            return SendResult(SendStatus.GONE, detail=f"error: {type(error).__name__}")

    async def _record(self, outcomes: list[tuple[_Row, SendResult]], stats: RoundStats) -> None:
        now = self._clock()
        unreachable: list[int] = []
        sent: list[dict[str, object]] = []
        async with self._sessions() as session, session.begin():
            for row, result in outcomes:
                values = outcome_values(row, result, now)
                status = values["status"]
                if status == DeliveryStatus.SENT.value:
                    stats.sent += 1
                    sent.append(
                        {"row_id": row.id, "message_id": result.message_id, "parts": values["parts_sent"]}
                    )
                    continue
                if status == DeliveryStatus.BLOCKED.value:
                    stats.blocked += 1
                elif status == DeliveryStatus.QUEUED.value:
                    stats.retried += 1
                else:
                    stats.failed += 1
                if result.status in (SendStatus.BLOCKED, SendStatus.GONE) and not result.detail.startswith(
                    "error:"
                ):
                    unreachable.append(row.client_id)
                # claimed_by: even if a peer settled the row as interrupted meanwhile, the truth wins.
                await session.execute(
                    update(Delivery)
                    .where(Delivery.id == row.id, Delivery.claimed_by == self.worker_id)
                    .values(**values)
                )
            if sent:
                # The common outcome in one executemany: one statement for the whole wave.
                table = cast(Table, Delivery.__table__)
                await session.execute(
                    update(table)
                    .where(table.c.id == bindparam("row_id"), table.c.claimed_by == self.worker_id)
                    .values(
                        status=DeliveryStatus.SENT.value,
                        sent_at=now,
                        platform_message_id=bindparam("message_id"),
                        parts_sent=bindparam("parts"),
                        reason=None,
                    ),
                    sent,
                )
            if unreachable:
                await mark_unreachable(session, unreachable, now)

    async def _settle_unavailable(self, rows: list[_Row]) -> None:
        async with self._sessions() as session, session.begin():
            for row in rows:
                channel = row.user_ref.partition(":")[0]
                await session.execute(
                    update(Delivery)
                    .where(
                        Delivery.id == row.id,
                        Delivery.claimed_by == self.worker_id,
                        Delivery.status == DeliveryStatus.QUEUED.value,
                    )
                    .values(status=DeliveryStatus.SKIPPED.value, reason=f"no_sender:{channel}")
                )

    async def _release(self, rows: list[_Row]) -> None:
        """Give back claimed rows that were not sent (stop, pause), so nobody waits for the lease."""
        async with self._sessions() as session, session.begin():
            await session.execute(
                update(Delivery)
                .where(
                    Delivery.id.in_([row.id for row in rows]),
                    Delivery.claimed_by == self.worker_id,
                    Delivery.status == DeliveryStatus.QUEUED.value,
                )
                .values(lease_until=None)
            )


class BroadcastLoop:
    """The sender as a BackgroundService: a round every `interval` seconds; stop ends the current wave."""

    def __init__(self, sender: BroadcastSender, interval: float) -> None:
        self._sender = sender
        self._task = PeriodicTask("broadcasts", interval, sender.run_once)

    async def start(self) -> None:
        await self._task.start()

    async def stop(self) -> None:
        self._sender.stop()
        await self._task.stop()
