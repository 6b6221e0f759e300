"""InboxStore: add, claim, finish and purge inbox rows, each call in its own short transaction."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.core.shared_round_trips import SharedRoundTrips
from bot.db.base import utcnow
from bot.db.sync_side import in_greenlet
from bot.inbox import statements
from bot.inbox.models import InboxMessage


@dataclass(frozen=True)
class NewInbound:
    """What a webhook stores: the channel's own description of the message, as JSON."""

    channel: str
    platform_message_id: str
    user_ref: str
    body: dict[str, Any]
    sent_at: datetime


def _lease(owner: str, now: datetime, lease: timedelta) -> dict[str, Any]:
    # UPDATE ... RETURNING (PostgreSQL, SQLite >= 3.35): the lease and the row's content in one statement.
    return {"owner": owner, "now": now, "leased_until": now + lease}


@dataclass(frozen=True)
class InboxItem:
    """A claimed row, handed to the channel's handler."""

    id: int
    channel: str
    platform_message_id: str
    user_ref: str
    body: dict[str, Any]
    attempts: int


def _finished(row_id: int, outcome: str, now: datetime) -> dict[str, Any]:
    return {"row_id": row_id, "with_outcome": outcome, "finished_at": now}


def _row(item: NewInbound, received_at: datetime) -> dict[str, Any]:
    return {
        "channel": item.channel,
        "platform_message_id": item.platform_message_id,
        "user_ref": item.user_ref,
        "body": item.body,
        "sent_at": item.sent_at,
        "received_at": received_at,
    }


def _item(row: Row[Any]) -> InboxItem:
    return InboxItem(row.id, row.channel, row.platform_message_id, row.user_ref, row.body or {}, row.attempts)


def _first(rows: Sequence[Row[Any]]) -> InboxItem | None:
    return _item(rows[0]) if rows else None


class InboxStore:
    """The inbox table; callers never hold a transaction across a network call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        engine: AsyncEngine = sessions.kw["bind"]
        # The hot statements (add, claim, finish) run on a Core connection: they load no ORM objects,
        # and an ORM session's set-up and bookkeeping per transaction cost more than the statements.
        # Each transaction runs whole on the engine's synchronous side, in one greenlet (in_greenlet).
        self._dialect = engine.dialect.name
        self._engine: Engine = engine.sync_engine
        # PostgreSQL commits a statement run outside a transaction by itself: a statement that is a
        # transaction alone saves the BEGIN and COMMIT round trips. SQLite keeps BEGIN IMMEDIATE, which
        # is how its writers queue (bot.db.sqlite_on_loop).
        self._alone_engine = (
            self._engine.execution_options(isolation_level="AUTOCOMMIT")
            if self._dialect == "postgresql"
            else None
        )
        # Through lambdas, so each batch calls the methods as they are then (tests replace _insert).
        self._adds = SharedRoundTrips[list[NewInbound], int](
            lambda batches: self._insert(batches), "inbox-add"
        )
        self._finishes = SharedRoundTrips[dict[str, Any], InboxItem | None](
            lambda batch: in_greenlet(self._finish_and_claim_next_now, batch), "inbox-finish"
        )

    async def add(self, items: Sequence[NewInbound]) -> int:
        """Store new messages, skipping ones already stored; returns how many were new.

        Webhooks that arrive while a batch is being written share the next transaction (group commit):
        under a burst, one commit stores many, and each webhook's answer waits for one write at most.
        """
        if not items:
            return 0
        return await self._adds(list(items))

    async def _insert(self, batches: list[list[NewInbound]]) -> list[int]:
        """All the batches in one transaction; how many rows of each were new."""
        return await in_greenlet(self._insert_now, batches)

    def _insert_now(self, batches: list[list[NewInbound]]) -> list[int]:
        now = utcnow()
        if self._alone_engine is not None:
            return self._insert_many_postgresql(batches, now)
        # SQLite: every batch's rows in one transaction, a statement per row (in the process: no round trips).
        counts: list[int] = []
        with self._engine.begin() as connection:
            for items in batches:
                added = 0
                for item in items:
                    added += connection.execute(statements.INSERT_SQLITE, _row(item, now)).rowcount
                counts.append(added)
        return counts

    def _insert_many_postgresql(self, batches: list[list[NewInbound]], now: datetime) -> list[int]:
        """Every batch's rows in one statement, which commits alone."""
        rows = [_row(item, now) for items in batches for item in items]
        parameters = statements.many_inserted(rows)
        new = {tuple(row) for row in self._alone(statements.INSERT_MANY_POSTGRESQL, parameters)}
        counts: list[int] = []
        for items in batches:
            added = 0
            for item in items:
                key = (item.channel, item.platform_message_id)
                if key in new:
                    new.discard(key)  # a copy later in the same write found it stored: the first counts
                    added += 1
            counts.append(added)
        return counts

    async def claim_heads(
        self, channels: Sequence[str], owner: str, now: datetime, lease: timedelta, limit: int
    ) -> list[InboxItem]:
        """Take up to `limit` clients' oldest unprocessed messages that nobody holds, oldest first."""
        parameters = {"channels": list(channels), "limit": limit, **_lease(owner, now, lease)}
        rows = await in_greenlet(self._alone, statements.CLAIM_HEADS[self._dialect], parameters)
        return sorted((_item(row) for row in rows), key=lambda item: item.id)

    async def finish(self, row_id: int, outcome: str, now: datetime) -> None:
        """Processed: the content goes (personal data), the ids stay for de-duplication until purged."""
        await in_greenlet(self._alone, statements.FINISH, _finished(row_id, outcome, now))

    async def finish_and_claim_next(
        self, item: InboxItem, outcome: str, owner: str, now: datetime, lease: timedelta
    ) -> InboxItem | None:
        """finish() and claim() of the client's next message together.

        Clients whose messages finish while another finish is being written share the next write, as
        add() does: one statement on PostgreSQL and one transaction on SQLite for all of them.
        """
        parameters = {
            **_finished(item.id, outcome, now),
            "of_user": item.user_ref,
            **_lease(owner, now, lease),
        }
        return await self._finishes(parameters)

    def _finish_and_claim_next_now(self, batch: list[dict[str, Any]]) -> list[InboxItem | None]:
        """Each finish's client's next message, claimed, in the batch's order."""
        if self._alone_engine is None:
            with self._engine.begin() as connection:
                nexts: list[InboxItem | None] = []
                for parameters in batch:
                    connection.execute(statements.FINISH, parameters)
                    nexts.append(_first(connection.execute(statements.CLAIM_NEXT, parameters).all()))
                return nexts
        users = [parameters["of_user"] for parameters in batch]
        if len(batch) == 1 or len(set(users)) < len(users):
            # One statement claims one next row per client, so a client that finishes twice in one batch
            # (a drain ending as its next starts: rare) has its finishes written one after the other.
            return [_first(self._alone(statements.FINISH_AND_CLAIM_NEXT, p)) for p in batch]
        rows = self._alone(statements.FINISH_AND_CLAIM_NEXT_MANY, statements.many_finished(batch))
        by_user = {row.user_ref: _item(row) for row in rows}
        return [by_user.get(user) for user in users]

    def _alone(self, statement: Any, parameters: dict[str, Any]) -> list[Row[Any]]:
        """One statement as a transaction of its own; the rows it returns (RETURNING), if any."""
        with self._one_statement() as connection:
            result = connection.execute(statement, parameters)
            return list(result.all()) if result.returns_rows else []

    @contextmanager
    def _one_statement(self) -> Iterator[Connection]:
        """A connection for a transaction of one statement: AUTOCOMMIT on PostgreSQL, a transaction
        (BEGIN IMMEDIATE, committed on leaving) on SQLite."""
        if self._alone_engine is None:
            with self._engine.begin() as connection:
                yield connection
        else:
            with self._alone_engine.connect() as connection:
                yield connection

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
