"""One person, two clients: uniting course-news subscriptions and announcement deliveries on linking."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from broadcasts.models import Delivery, DeliveryStatus, Subscription
from broadcasts.subscriptions import SubscriptionBook


@dataclass(frozen=True)
class MergedSubscriptions:
    moved: int  # topics only the dropped client had
    united: int  # topics both had: one subscription with the earlier consent


async def merge_subscriptions(session: AsyncSession, keep_id: int, drop_id: int) -> MergedSubscriptions:
    """Every topic of either client for `keep_id`: the earliest consent time, the kept client's branch."""
    book = SubscriptionBook(session)
    kept = {s.topic: s for s in await book.of(keep_id)}
    dropped = await book.of(drop_id)
    # The branch is one choice per client; the kept client's wins when both have topics.
    location_id = next(iter(kept.values())).location_id if kept else None
    if not kept and dropped:
        location_id = dropped[0].location_id
    moved = united = 0
    for subscription in dropped:
        same = kept.get(subscription.topic)
        if same is None:
            subscription.client_id = keep_id
            moved += 1
            continue
        same.consented_at = min(same.consented_at, subscription.consented_at)
        await session.delete(subscription)
        united += 1
    await session.flush()
    await session.execute(
        update(Subscription)
        .where(Subscription.client_id == keep_id)
        # Linking shows the person is here now: a mark that a chat was unreachable no longer holds.
        .values(location_id=location_id, unreachable_at=None)
    )
    return MergedSubscriptions(moved, united)


async def merge_deliveries(session: AsyncSession, keep_id: int, drop_id: int) -> None:
    """Announcement deliveries follow the person; one announcement queued for both goes out once."""
    kept = {
        d.broadcast_id: d
        for d in (await session.scalars(select(Delivery).where(Delivery.client_id == keep_id))).all()
    }
    for delivery in (await session.scalars(select(Delivery).where(Delivery.client_id == drop_id))).all():
        same = kept.get(delivery.broadcast_id)
        if same is None:
            continue
        # Keep the row that is further along (sent or on its way); a queued twin is not sent at all.
        queued = DeliveryStatus.QUEUED.value
        await session.delete(same if same.status == queued and delivery.status != queued else delivery)
    await session.flush()
    await session.execute(update(Delivery).where(Delivery.client_id == drop_id).values(client_id=keep_id))


async def follow_identity(session: AsyncSession, client_id: int, old_ref: str, new_ref: str) -> None:
    """An app was disconnected from the client: announcements still queued go to one they kept."""
    await session.execute(
        update(Delivery)
        .where(
            Delivery.client_id == client_id,
            Delivery.user_ref == old_ref,
            Delivery.status == DeliveryStatus.QUEUED.value,
        )
        .values(user_ref=new_ref, channel=new_ref.partition(":")[0])
    )
