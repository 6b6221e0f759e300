"""Many consenting subscribers and a broadcast due now, in a few statements (as bench/broadcast.py seeds)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import split_user_ref
from bot.clients.models import Client, ClientIdentity, Conversation
from broadcasts.audience import Audience
from broadcasts.models import Broadcast, BroadcastStatus, Subscription, Topic

LOCALES = ("uk", "ru", "vi", "en", "cs")


async def subscribers(
    sessions: async_sessionmaker[AsyncSession], user_refs: Sequence[str], now: datetime
) -> None:
    """Clients who agreed to the privacy notice and subscribed to course news, languages in turn."""
    async with sessions() as s, s.begin():
        rows = [{"locale": LOCALES[i % len(LOCALES)], "consent_at": now} for i in range(len(user_refs))]
        result = await s.execute(insert(Client).returning(Client.id, sort_by_parameter_order=True), rows)
        ids = list(result.scalars().all())
        identities = []
        for client_id, user_ref in zip(ids, user_refs, strict=True):
            channel, external_id = split_user_ref(user_ref)
            identities.append({"client_id": client_id, "channel": channel.value, "external_id": external_id})
        result = await s.execute(
            insert(ClientIdentity).returning(ClientIdentity.id, sort_by_parameter_order=True), identities
        )
        await s.execute(insert(Conversation), [{"identity_id": i} for i in result.scalars().all()])
        await s.execute(
            insert(Subscription),
            [{"client_id": i, "topic": Topic.CZECH_COURSES.value, "consented_at": now} for i in ids],
        )


async def broadcast_due(sessions: async_sessionmaker[AsyncSession], now: datetime) -> int:
    """An announcement of a course in every language, scheduled for `now`."""
    async with sessions() as s, s.begin():
        broadcast = Broadcast(
            title="A1 course",
            texts={code: f"Nový kurz češtiny A1 ({code})" for code in LOCALES},
            audience=Audience((Topic.CZECH_COURSES.value,)).as_json(),
            status=BroadcastStatus.SCHEDULED.value,
            scheduled_at=now,
        )
        s.add(broadcast)
        await s.flush()
        return broadcast.id
