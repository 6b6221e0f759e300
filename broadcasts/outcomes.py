"""What each platform answer does to a delivery row: sent, blocked, failed, or queued again with back-off."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import and_, or_, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.base import SendResult, SendStatus
from broadcasts.models import Delivery, DeliveryStatus, Subscription

INTERRUPTED = "interrupted"
MAX_ATTEMPTS = 6
FIRST_BACKOFF = timedelta(seconds=5)
MAX_BACKOFF = timedelta(minutes=10)


class Attempt(Protocol):
    """The claimed row as the sender knows it."""

    @property
    def attempts(self) -> int: ...

    @property
    def parts_sent(self) -> int: ...


def backoff(attempts: int) -> timedelta:
    delay: timedelta = FIRST_BACKOFF * (2 ** max(attempts - 1, 0))
    return min(delay, MAX_BACKOFF)


def outcome_values(row: Attempt, result: SendResult, now: datetime) -> dict[str, object]:
    parts = row.parts_sent + result.parts_sent
    attempts = row.attempts + 1
    if result.status is SendStatus.SENT:
        return {
            "status": DeliveryStatus.SENT.value,
            "sent_at": now,
            "platform_message_id": result.message_id,
            "parts_sent": parts,
            "reason": None,
        }
    if result.status is SendStatus.BLOCKED:
        return {"status": DeliveryStatus.BLOCKED.value, "parts_sent": parts, "reason": result.detail[:500]}
    if result.status is SendStatus.UNAVAILABLE:
        return {"status": DeliveryStatus.SKIPPED.value, "reason": result.detail[:500] or "no_sender"}
    retry_at: datetime | None = None
    if result.status is SendStatus.RATE_LIMITED:
        # Not the row's fault: the attempt is not counted, and it waits exactly what Telegram asked.
        retry_at, attempts = now + timedelta(seconds=result.retry_after or 1.0), row.attempts
    elif result.status is SendStatus.RETRY and attempts < MAX_ATTEMPTS:
        retry_at = now + backoff(attempts)
    if retry_at is not None:
        return {
            "status": DeliveryStatus.QUEUED.value,
            "attempts": attempts,
            "parts_sent": parts,
            "next_attempt_at": retry_at,
            "lease_until": None,
            "reason": result.detail[:500] or None,
        }
    reason = result.detail if result.status is SendStatus.GONE else f"gave_up: {result.detail}"
    return {"status": DeliveryStatus.FAILED.value, "parts_sent": parts, "reason": reason[:500]}


async def mark_unreachable(session: AsyncSession, client_ids: list[int], now: datetime) -> None:
    """Blocked the bot or chat gone: no further broadcast, and the rest of the running ones stop too."""
    await session.execute(
        update(Subscription)
        .where(Subscription.client_id.in_(client_ids), Subscription.unreachable_at.is_(None))
        .values(unreachable_at=now)
    )
    await session.execute(
        update(Delivery)
        .where(
            and_(
                Delivery.client_id.in_(client_ids),
                Delivery.status == DeliveryStatus.QUEUED.value,
                or_(Delivery.lease_until.is_(None), Delivery.lease_until < now),
            )
        )
        .values(status=DeliveryStatus.SKIPPED.value, reason="unreachable")
    )
