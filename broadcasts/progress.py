"""Live progress and the final report of a broadcast, read from its outbox rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from broadcasts.models import Broadcast, Delivery, DeliveryStatus

# The rate is measured over the last half minute: recent enough to show a pause, long enough to be calm.
RATE_WINDOW = timedelta(seconds=30)


@dataclass(frozen=True)
class Progress:
    broadcast_id: int
    status: str
    total: int
    counts: dict[str, int]
    rate_per_s: float
    eta_seconds: float | None
    interrupted: int

    @property
    def sent(self) -> int:
        return self.counts.get(DeliveryStatus.SENT.value, 0)

    @property
    def failed(self) -> int:
        return self.counts.get(DeliveryStatus.FAILED.value, 0)

    @property
    def blocked(self) -> int:
        return self.counts.get(DeliveryStatus.BLOCKED.value, 0)

    @property
    def skipped(self) -> int:
        return self.counts.get(DeliveryStatus.SKIPPED.value, 0)

    @property
    def left(self) -> int:
        return self.counts.get(DeliveryStatus.QUEUED.value, 0) + self.counts.get(
            DeliveryStatus.SENDING.value, 0
        )

    @property
    def done_fraction(self) -> float:
        return 1.0 if self.total == 0 else (self.total - self.left) / self.total

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.broadcast_id,
            "status": self.status,
            "total": self.total,
            "sent": self.sent,
            "failed": self.failed,
            "blocked": self.blocked,
            "skipped": self.skipped,
            "left": self.left,
            "interrupted": self.interrupted,
            "rate_per_s": round(self.rate_per_s, 2),
            "eta_seconds": None if self.eta_seconds is None else round(self.eta_seconds),
            "percent": round(100 * self.done_fraction, 1),
        }


@dataclass(frozen=True)
class ReportLine:
    locale: str
    channel: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


async def progress(session: AsyncSession, broadcast: Broadcast, now: datetime) -> Progress:
    rows = await session.execute(
        select(Delivery.status, func.count(Delivery.id))
        .where(Delivery.broadcast_id == broadcast.id)
        .group_by(Delivery.status)
    )
    counts = {status: int(n) for status, n in rows.all()}
    window_start = now - RATE_WINDOW
    if broadcast.started_at is not None and broadcast.started_at > window_start:
        window_start = broadcast.started_at
    recent = await session.scalar(
        select(func.count(Delivery.id)).where(
            Delivery.broadcast_id == broadcast.id,
            Delivery.status == DeliveryStatus.SENT.value,
            Delivery.sent_at >= window_start,
        )
    )
    seconds = max((now - window_start).total_seconds(), 1.0)
    rate = int(recent or 0) / seconds
    interrupted = await session.scalar(
        select(func.count(Delivery.id)).where(
            Delivery.broadcast_id == broadcast.id,
            Delivery.status == DeliveryStatus.FAILED.value,
            Delivery.reason == "interrupted",
        )
    )
    left = counts.get(DeliveryStatus.QUEUED.value, 0) + counts.get(DeliveryStatus.SENDING.value, 0)
    eta = None if rate <= 0 else left / rate
    if left == 0:
        eta = 0.0
    return Progress(
        broadcast.id, broadcast.status, sum(counts.values()), counts, rate, eta, int(interrupted or 0)
    )


async def report(session: AsyncSession, broadcast_id: int) -> list[ReportLine]:
    """Counts per language and channel, by status: the final report."""
    rows = await session.execute(
        select(Delivery.locale, Delivery.channel, Delivery.status, func.count(Delivery.id))
        .where(Delivery.broadcast_id == broadcast_id)
        .group_by(Delivery.locale, Delivery.channel, Delivery.status)
        .order_by(Delivery.locale, Delivery.channel)
    )
    lines: dict[tuple[str, str], ReportLine] = {}
    for locale, channel, status, n in rows.all():
        line = lines.setdefault((locale, channel), ReportLine(locale, channel))
        line.counts[status] = int(n)
    return list(lines.values())


async def reasons(session: AsyncSession, broadcast_id: int) -> list[tuple[str, str, int]]:
    """Why rows were not sent: (status, reason, count), most frequent first."""
    rows = await session.execute(
        select(Delivery.status, Delivery.reason, func.count(Delivery.id))
        .where(
            Delivery.broadcast_id == broadcast_id,
            Delivery.status.in_(
                [DeliveryStatus.FAILED.value, DeliveryStatus.BLOCKED.value, DeliveryStatus.SKIPPED.value]
            ),
        )
        .group_by(Delivery.status, Delivery.reason)
        .order_by(func.count(Delivery.id).desc())
    )
    return [(status, reason or "", int(n)) for status, reason, n in rows.all()]
