"""Subscriptions: a client's opt-ins per topic and branch, inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.base import utcnow
from broadcasts.models import TOPICS, Subscription, Topic


class SubscriptionBook:
    """Never commits: the dialog engine owns the transaction (one per inbound message)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of(self, client_id: int) -> list[Subscription]:
        rows = await self._session.scalars(
            select(Subscription).where(Subscription.client_id == client_id).order_by(Subscription.id)
        )
        return list(rows.all())

    async def topics(self, client_id: int) -> set[Topic]:
        return {Topic(s.topic) for s in await self.of(client_id) if s.topic in TOPICS}

    async def subscribe(self, client_id: int, topic: Topic, now: datetime | None = None) -> bool:
        """Opt in (the consent time is now); False when already subscribed. Clears an unreachable mark."""
        existing = await self.of(client_id)
        # Coming back to subscribe shows the chat works again: every topic may reach them again.
        await self._reachable(client_id)
        if any(s.topic == topic.value for s in existing):
            return False
        location_id = existing[0].location_id if existing else None
        self._session.add(
            Subscription(
                client_id=client_id, topic=topic.value, location_id=location_id, consented_at=now or utcnow()
            )
        )
        await self._session.flush()
        return True

    async def unsubscribe(self, client_id: int, topic: Topic) -> bool:
        result = await self._session.execute(
            delete(Subscription).where(Subscription.client_id == client_id, Subscription.topic == topic.value)
        )
        return bool(getattr(result, "rowcount", 0))

    async def stop_all(self, client_id: int) -> int:
        """Withdraw every opt-in at once (the stop button, /stop, STOP); returns how many there were."""
        result = await self._session.execute(delete(Subscription).where(Subscription.client_id == client_id))
        return int(getattr(result, "rowcount", 0) or 0)

    async def set_location(self, client_id: int, location_id: int | None) -> None:
        """News of one branch only (None: every branch), for all the client's topics."""
        await self._session.execute(
            update(Subscription).where(Subscription.client_id == client_id).values(location_id=location_id)
        )

    async def location_of(self, client_id: int) -> int | None:
        found = await self.of(client_id)
        return found[0].location_id if found else None

    async def _reachable(self, client_id: int) -> None:
        await self._session.execute(
            update(Subscription)
            .where(Subscription.client_id == client_id, Subscription.unreachable_at.is_not(None))
            .values(unreachable_at=None)
        )
