"""One inbound message's transaction: Core statements, and an ORM session only when a step asks for one.

Every message reads its client and writes its transcript; most (an FAQ answer, a menu) touch nothing
else. Through an ORM session that cost about 650 us of CPU per message on SQLite, against 280 us for
the same statements on a Core connection run in one greenlet and 80 us in sqlite3 itself (measured
in-process): the session's set-up, the ORM query's loading and the commit's flush were most of it.

So the client is read through Core, and a dialog step that wants the ORM (a booking, a case, a link)
gets a session when it first asks for one. The client and conversation read through Core join that
session then, so whatever a step changes on them is flushed with the rest; a change made without a
session is flushed by the commit, which also records the turn's transcript lines.

A message that opens no session needs no transaction of its own: the client's read sees the same rows
outside one, and the turn is recorded, atomically, with the turns of the other messages that end at the
same time. Both are shared by the messages under way (bot.core.shared_statements): the clients of
messages that start together are read in one statement, and their turns recorded in one statement on
PostgreSQL, in one transaction on SQLite. A step that opens a session gets a transaction of its own, in
which the commit also records the turn.

On SQLite every message used to begin its own transaction (BEGIN IMMEDIATE) on the one connection and
hold it from its read to its commit, NLU and dialog included: each paid for a BEGIN, a read, two writes
and a COMMIT through SQLAlchemy, and none could share them.
"""

from __future__ import annotations

from typing import Any

import structlog
from sqlalchemy import Connection, inspect
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from bot.clients.repository import (
    ClientRepository,
    ClientThread,
    TranscriptLine,
    Turn,
    detached_thread,
    touch_last_seen,
    turn_statements,
)
from bot.core.shared_statements import SharedStatements
from bot.db.base import utcnow

log = structlog.get_logger(__name__)


class MessageTransactions:
    """Opens the dialog engine's transactions on the session factory's engine."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        engine: AsyncEngine = sessions.kw["bind"]
        sync_engine = engine.sync_engine
        if engine.dialect.name == "postgresql":
            # Its connections start in autocommit mode; the pool resets them when they return.
            sync_engine = sync_engine.execution_options(isolation_level="AUTOCOMMIT")
        self.shared = SharedStatements(sync_engine)

    def new(self) -> MessageTransaction:
        return MessageTransaction(self._sessions, self.shared)


class MessageTransaction:
    """Not begun until start(); then ended once, by commit() or rollback()."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], shared: SharedStatements) -> None:
        self._sessions = sessions
        self._shared = shared
        self._session: AsyncSession | None = None
        # Objects read through Core: they join the session when one is opened.
        self._read: list[Any] = []

    async def start(self, user_ref: str, repeated_id: str | None) -> tuple[ClientThread, bool]:
        """Read the client's thread (created if new); the flag tells whether the conversation already
        holds `repeated_id`, a platform message id that may have been answered before."""
        row = await self._shared.find(user_ref)
        if row is None:  # first contact: the rows are made through the ORM, which this path rarely needs
            return await ClientRepository(self.session).create(user_ref), False
        found = detached_thread(row)
        self._read += [found.client, found.conversation]
        seen = repeated_id is not None and await self._shared.seen(found.conversation.id, repeated_id)
        touch_last_seen(found.client)
        return found, seen

    @property
    def session(self) -> AsyncSession:
        """The ORM session of this transaction, opened on first use: its own connection and transaction,
        begun with its first statement."""
        if self._session is None:
            self._session = self._sessions()
            self._session.add_all(self._read)
        return self._session

    async def commit(self, thread: ClientThread | None, lines: list[TranscriptLine]) -> None:
        """Flush what the steps changed, record the turn's lines in the thread's conversation, commit."""
        if self._session is None and any(inspect(read).modified for read in self._read):
            _ = self.session  # a step changed the client without opening a session: it flushes them
        now = utcnow()
        turn = (thread.conversation.id, lines, now) if thread is not None and lines else None
        if self._session is not None:
            await self._session.run_sync(_flush_record_commit, turn)
            await self._session.close()
        elif turn is not None:
            await self._shared.record(turn)
        if turn is not None and thread is not None:
            # The object shows what the row now holds, without being marked changed.
            set_committed_value(thread.conversation, "last_activity_at", now)

    async def rollback(self) -> None:
        """Undo everything and give the connection back; safe at any point, and never raises (it runs
        where a message already failed, and the pool replaces a connection that could not be closed)."""
        if self._session is None:
            return
        try:
            await self._session.close()  # a transaction still open is rolled back
        except Exception:
            log.warning("rollback_failed", exc_info=True)


def _flush_record_commit(session: Session, turn: Turn | None) -> None:
    """A session's end: the steps' changes, then the turn, in its transaction."""
    session.flush()
    _record(session.connection(), turn)
    session.commit()


def _record(connection: Connection, turn: Turn | None) -> None:
    if turn is not None:
        for statement, parameters in turn_statements(connection.dialect.name, [turn]):
            connection.execute(statement, parameters)
