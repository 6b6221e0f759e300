"""InboxStore: add, claim, finish and purge inbox rows, each call in its own short transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.base import utcnow
from bot.inbox.models import InboxMessage


@dataclass(frozen=True)
class NewInbound:
    """What a webhook stores: the channel's own description of the message, as JSON."""

    channel: str
    platform_message_id: str
    user_ref: str
    body: dict[str, Any]
    sent_at: datetime


@dataclass(frozen=True)
class InboxItem:
    """A claimed row, handed to the channel's handler."""

    id: int
    channel: str
    platform_message_id: str
    user_ref: str
    body: dict[str, Any]
    attempts: int


class InboxStore:
    """The inbox table; callers never hold a transaction across a network call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(self, items: Sequence[NewInbound]) -> int:
        """Store new messages in one transaction, skipping ones already stored; returns how many were new."""
        if not items:
            return 0
        added = 0
        async with self._sessions() as session, session.begin():
            dialect = session.get_bind().dialect.name
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            now = utcnow()
            for item in items:
                statement = (
                    insert(InboxMessage)
                    .values(
                        channel=item.channel,
                        platform_message_id=item.platform_message_id,
                        user_ref=item.user_ref,
                        body=item.body,
                        sent_at=item.sent_at,
                        received_at=now,
                        attempts=0,
                    )
                    .on_conflict_do_nothing(index_elements=["channel", "platform_message_id"])
                )
                result = await session.execute(statement)
                added += result.rowcount  # type: ignore[attr-defined]
        return added

    async def heads(self, channels: Sequence[str], now: datetime, limit: int) -> list[tuple[int, str]]:
        """(id, user_ref) of each client's oldest unprocessed message that nobody holds a lease on."""
        oldest = (
            select(func.min(InboxMessage.id))
            .where(InboxMessage.processed_at.is_(None))
            .group_by(InboxMessage.user_ref)
        )
        query = (
            select(InboxMessage.id, InboxMessage.user_ref)
            .where(
                InboxMessage.processed_at.is_(None),
                InboxMessage.channel.in_(channels),
                InboxMessage.id.in_(oldest),
                (InboxMessage.lease_until.is_(None)) | (InboxMessage.lease_until < now),
            )
            .order_by(InboxMessage.id)
            .limit(limit)
        )
        async with self._sessions() as session:
            return [(row[0], row[1]) for row in (await session.execute(query)).all()]

    async def head_of(self, user_ref: str) -> int | None:
        async with self._sessions() as session:
            return await session.scalar(
                select(func.min(InboxMessage.id)).where(
                    InboxMessage.user_ref == user_ref, InboxMessage.processed_at.is_(None)
                )
            )

    async def claim(self, row_id: int, owner: str, now: datetime, lease: timedelta) -> InboxItem | None:
        """Take the row for `lease`; None when it is done or another worker holds it."""
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                update(InboxMessage)
                .where(
                    InboxMessage.id == row_id,
                    InboxMessage.processed_at.is_(None),
                    (InboxMessage.lease_until.is_(None)) | (InboxMessage.lease_until < now),
                )
                .values(lease_owner=owner, lease_until=now + lease, attempts=InboxMessage.attempts + 1)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return None
            row = await session.get(InboxMessage, row_id)
            assert row is not None
            return InboxItem(
                row.id, row.channel, row.platform_message_id, row.user_ref, row.body or {}, row.attempts
            )

    async def finish(self, row_id: int, outcome: str, now: datetime) -> None:
        """Processed: the content goes (personal data), the ids stay for de-duplication until purged."""
        async with self._sessions() as session, session.begin():
            await session.execute(
                update(InboxMessage)
                .where(InboxMessage.id == row_id)
                .values(processed_at=now, outcome=outcome, body=None, lease_owner=None, lease_until=None)
                .execution_options(synchronize_session=False)
            )

    async def retry_at(self, row_id: int, when: datetime) -> None:
        """Give the row back; nobody claims it before `when`."""
        async with self._sessions() as session, session.begin():
            await session.execute(
                update(InboxMessage)
                .where(InboxMessage.id == row_id, InboxMessage.processed_at.is_(None))
                .values(lease_owner=None, lease_until=when)
                .execution_options(synchronize_session=False)
            )

    async def last_sent_at(self, user_ref: str) -> datetime | None:
        """When the client last wrote (as far as kept rows tell): the start of the 24-hour window."""
        async with self._sessions() as session:
            return await session.scalar(
                select(func.max(InboxMessage.sent_at)).where(InboxMessage.user_ref == user_ref)
            )

    async def purge_processed_before(self, cutoff: datetime) -> int:
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(InboxMessage).where(
                    InboxMessage.processed_at.is_not(None), InboxMessage.received_at < cutoff
                )
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    async def pending(self) -> int:
        async with self._sessions() as session:
            count = await session.scalar(
                select(func.count()).select_from(InboxMessage).where(InboxMessage.processed_at.is_(None))
            )
            return int(count or 0)
