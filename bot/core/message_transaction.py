"""One inbound message's transaction: Core statements, and an ORM session only when a step asks for one.

Every message reads its client and writes its transcript; most (an FAQ answer, a menu) touch nothing
else. Through an ORM session that cost about 650 us of CPU per message on SQLite, against 280 us for
the same statements on a Core connection run in one greenlet and 80 us in sqlite3 itself (measured
in-process): the session's set-up, the ORM query's loading and the commit's flush were most of it.

So the client is read through Core, and a dialog step that wants the ORM (a booking, a case, a link)
gets a session when it first asks for one. The client and conversation read through Core join that
session then, so whatever a step changes on them is flushed with the rest; a change made without a
session is flushed by the commit, which also records the turn's transcript lines.

On SQLite the transaction begins (BEGIN IMMEDIATE, which is how its writers queue and costs no round
trip) on one Core connection before the read, and the session joins that connection and transaction.

On PostgreSQL a message that opens no session needs no transaction: under READ COMMITTED the client's
read sees the same rows outside one, and the turn is recorded by one statement, atomic by itself. Both
are shared by the messages under way (bot.core.shared_statements): the clients of messages that start
together are read in one statement, and their turns recorded in one. A step that opens a session gets
a transaction of its own, in which the commit also records the turn.
"""

from __future__ import annotations

from typing import Any

import structlog
from sqlalchemy import Connection, inspect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from bot.clients.repository import (
    FIND_ROW,
    SEEN,
    ClientRepository,
    ClientThread,
    TranscriptLine,
    Turn,
    detached_thread,
    find_parameters,
    seen_parameters,
    touch_last_seen,
    turn_statements,
)
from bot.core.shared_statements import SharedStatements
from bot.db.base import utcnow
from bot.db.sync_side import in_greenlet

log = structlog.get_logger(__name__)


class MessageTransactions:
    """Opens the dialog engine's transactions on the session factory's engine."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._engine: AsyncEngine = sessions.kw["bind"]
        sync_engine = self._engine.sync_engine
        # Its connections start in autocommit mode; the pool resets them when they return.
        self._shared = (
            SharedStatements(sync_engine.execution_options(isolation_level="AUTOCOMMIT"))
            if self._engine.dialect.name == "postgresql"
            else None
        )

    def new(self) -> MessageTransaction:
        return MessageTransaction(self._engine, self._sessions, self._shared)


class MessageTransaction:
    """Not begun until start(); then ended once, by commit() or rollback()."""

    def __init__(
        self,
        engine: AsyncEngine,
        sessions: async_sessionmaker[AsyncSession],
        shared: SharedStatements | None = None,
    ) -> None:
        self._engine = engine
        self._sessions = sessions
        # PostgreSQL: reads and records shared, a session of its own; else one connection's transaction.
        self._shared = shared
        self._connection: Connection | None = None
        self._session: AsyncSession | None = None
        # Objects read through Core: they join the session when one is opened.
        self._read: list[Any] = []

    async def start(self, user_ref: str, repeated_id: str | None) -> tuple[ClientThread, bool]:
        """Begin, and read the client's thread (created if new); the flag tells whether the conversation
        already holds `repeated_id`, a platform message id that may have been answered before."""
        if self._shared is not None:
            row = await self._shared.find(user_ref)
            found, seen = (None if row is None else self._detached(row)), False
            if found is not None and repeated_id is not None:
                seen = await self._shared.seen(found.conversation.id, repeated_id)
        else:
            found, seen = await in_greenlet(self._start_now, user_ref, repeated_id)
        if found is None:  # first contact: the rows are made through the ORM, which this path rarely needs
            return await ClientRepository(self.session).create(user_ref), False
        touch_last_seen(found.client)
        return found, seen

    def _start_now(self, user_ref: str, repeated_id: str | None) -> tuple[ClientThread | None, bool]:
        connection = self._connection = self._engine.sync_engine.connect()
        connection.begin()
        row = connection.execute(FIND_ROW, find_parameters(user_ref)).first()
        if row is None:
            return None, False
        thread = self._detached(row)
        seen = repeated_id is not None and (
            connection.execute(SEEN, seen_parameters(thread.conversation.id, repeated_id)).first() is not None
        )
        return thread, seen

    def _detached(self, row: Any) -> ClientThread:
        thread = detached_thread(row)
        self._read += [thread.client, thread.conversation]
        return thread

    @property
    def session(self) -> AsyncSession:
        """The ORM session of this transaction, opened on first use."""
        if self._session is None:
            if self._shared is not None:
                # Its own connection and transaction, begun with its first statement.
                self._session = self._sessions()
            else:
                connection = self._connection
                assert connection is not None, "start() first"
                # Joined to the connection's transaction: the session's own commit() would only flush,
                # and closing it leaves the transaction to commit() or rollback() here.
                bind = AsyncConnection(self._engine, connection)
                self._session = self._sessions(bind=bind, join_transaction_mode="rollback_only")
            self._session.add_all(self._read)
        return self._session

    async def commit(self, thread: ClientThread | None, lines: list[TranscriptLine]) -> None:
        """Flush what the steps changed, record the turn's lines in the thread's conversation, commit."""
        if self._session is None and any(inspect(read).modified for read in self._read):
            _ = self.session  # a step changed the client without opening a session: it flushes them
        now = utcnow()
        turn = (thread.conversation.id, lines, now) if thread is not None and lines else None
        if self._shared is None:
            await in_greenlet(self._commit_now, turn)
        elif self._session is not None:
            await self._session.run_sync(_flush_record_commit, turn)
            await self._session.close()
        elif turn is not None:
            await self._shared.record(turn)
        if turn is not None and thread is not None:
            # The object shows what the row now holds, without being marked changed.
            set_committed_value(thread.conversation, "last_activity_at", now)

    def _commit_now(self, turn: Turn | None) -> None:
        connection = self._connection
        assert connection is not None, "start() first"
        if self._session is not None:
            self._session.sync_session.flush()
            self._session.sync_session.close()
        _record(connection, turn)
        connection.commit()
        connection.close()

    async def rollback(self) -> None:
        """Undo everything and give the connection back; safe at any point, and never raises (it runs
        where a message already failed, and the pool replaces a connection that could not be closed)."""
        try:
            await in_greenlet(self._rollback_now)
        except Exception:
            log.warning("rollback_failed", exc_info=True)

    def _rollback_now(self) -> None:
        try:
            if self._session is not None:
                self._session.sync_session.close()
        finally:
            if self._connection is not None:
                self._connection.close()  # a transaction still open is rolled back


def _flush_record_commit(session: Session, turn: Turn | None) -> None:
    """A session's end: the steps' changes, then the turn, in its transaction."""
    session.flush()
    _record(session.connection(), turn)
    session.commit()


def _record(connection: Connection, turn: Turn | None) -> None:
    if turn is not None:
        conversation_id, lines, now = turn
        for statement, parameters in turn_statements(connection.dialect.name, conversation_id, lines, now):
            connection.execute(statement, parameters)
