"""One inbound message's transaction: Core statements on one connection, an ORM session only when asked.

Every message reads its client and writes its transcript; most (an FAQ answer, a menu) touch nothing
else. Through an ORM session that cost about 650 us of CPU per message on SQLite, against 280 us for
the same statements on a Core connection run in one greenlet and 80 us in sqlite3 itself (measured
in-process): the session's set-up, the ORM query's loading and the commit's flush were most of it.

So the transaction starts on a Core connection, and a dialog step that wants the ORM (a booking, a
case, a link) gets a session joined to that same connection and transaction when it first asks for
one. The client and conversation read through Core join that session then, so whatever a step changes
on them is flushed with the rest; a change made without a session is flushed by the commit.

On PostgreSQL the transaction begins only when a session is opened. Under READ COMMITTED a statement
sees the same committed rows inside a transaction or outside one, so the client is read in autocommit
mode, and a turn that needed no session is recorded by one statement, which is atomic by itself: two
round trips per message instead of four (BEGIN and COMMIT were the other two). SQLite keeps BEGIN
IMMEDIATE at the start, which is how its writers queue and costs no round trip.

Being read outside the transaction, the clients of messages that start while another read is under way
are read together, in one statement (FIND_ROWS), as the inbox shares its writes.
"""

from __future__ import annotations

from typing import Any

import structlog
from sqlalchemy import Connection, Engine, Row, inspect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from bot.clients.repository import (
    FIND_ROW,
    FIND_ROWS,
    SEEN,
    ClientRepository,
    ClientThread,
    TranscriptLine,
    detached_thread,
    find_parameters,
    find_rows_parameters,
    found_rows,
    seen_parameters,
    touch_last_seen,
    turn_statements,
)
from bot.core.shared_round_trips import SharedRoundTrips
from bot.db.base import utcnow
from bot.db.sync_side import in_greenlet

log = structlog.get_logger(__name__)


class MessageTransactions:
    """Opens the dialog engine's transactions on the session factory's engine."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._engine: AsyncEngine = sessions.kw["bind"]
        sync_engine = self._engine.sync_engine
        self._lazy_begin = self._engine.dialect.name == "postgresql"
        # Connections of this engine start in autocommit mode; the pool resets them when they return.
        self._connect_engine = (
            sync_engine.execution_options(isolation_level="AUTOCOMMIT") if self._lazy_begin else sync_engine
        )
        # PostgreSQL: the clients' reads are shared (SQLite reads each inside its transaction).
        self._finds = (
            SharedRoundTrips[str, Row[*tuple[Any, ...]] | None](
                lambda refs: in_greenlet(self._find_now, refs), "client-find"
            )
            if self._lazy_begin
            else None
        )

    def new(self) -> MessageTransaction:
        return MessageTransaction(
            self._engine, self._sessions, self._connect_engine, self._lazy_begin, self._finds
        )

    def _find_now(self, user_refs: list[str]) -> list[Row[*tuple[Any, ...]] | None]:
        with self._connect_engine.connect() as connection:
            rows = connection.execute(FIND_ROWS, find_rows_parameters(user_refs)).all()
        return found_rows(rows, user_refs)


class MessageTransaction:
    """Not begun until start(); then ended once, by commit() or rollback()."""

    def __init__(
        self,
        engine: AsyncEngine,
        sessions: async_sessionmaker[AsyncSession],
        connect_engine: Engine,
        lazy_begin: bool,
        finds: SharedRoundTrips[str, Row[*tuple[Any, ...]] | None] | None = None,
    ) -> None:
        self._engine = engine
        self._finds = finds
        self._sessions = sessions
        self._connect_engine = connect_engine
        # True: the connection is in autocommit mode until a session is opened (PostgreSQL).
        self._lazy_begin = lazy_begin
        self._connection: Connection | None = None
        self._session: AsyncSession | None = None
        # Objects read through Core: they join the session when one is opened.
        self._read: list[Any] = []

    async def start(self, user_ref: str, repeated_id: str | None) -> tuple[ClientThread, bool]:
        """Begin, and read the client's thread (created if new); the flag tells whether the conversation
        already holds `repeated_id`, a platform message id that may have been answered before."""
        if self._finds is not None:
            row = await self._finds(user_ref)
            found, seen = await in_greenlet(self._start_found, row, repeated_id)
        else:
            found, seen = await in_greenlet(self._start_now, user_ref, repeated_id)
        if found is None:  # first contact: the rows are made through the ORM, which this path rarely needs
            return await ClientRepository(self.session).create(user_ref), False
        touch_last_seen(found.client)
        return found, seen

    def _start_now(self, user_ref: str, repeated_id: str | None) -> tuple[ClientThread | None, bool]:
        connection = self._connect()
        return self._found(
            connection, connection.execute(FIND_ROW, find_parameters(user_ref)).first(), repeated_id
        )

    def _start_found(
        self, row: Row[*tuple[Any, ...]] | None, repeated_id: str | None
    ) -> tuple[ClientThread | None, bool]:
        return self._found(self._connect(), row, repeated_id)

    def _connect(self) -> Connection:
        connection = self._connection = self._connect_engine.connect()
        if not self._lazy_begin:
            connection.begin()
        return connection

    def _found(
        self, connection: Connection, row: Row[*tuple[Any, ...]] | None, repeated_id: str | None
    ) -> tuple[ClientThread | None, bool]:
        if row is None:
            return None, False
        thread = detached_thread(row)
        self._read += [thread.client, thread.conversation]
        seen = repeated_id is not None and (
            connection.execute(SEEN, seen_parameters(thread.conversation.id, repeated_id)).first() is not None
        )
        return thread, seen

    @property
    def session(self) -> AsyncSession:
        """The ORM session of this transaction, opened on first use."""
        if self._session is None:
            connection = self._connection
            assert connection is not None, "start() first"
            if self._lazy_begin:
                self._begin(connection)
            bind = AsyncConnection(self._engine, connection)
            # Joined to the connection's transaction: the session's own commit() would only flush, and
            # closing it leaves the transaction to commit() or rollback() here.
            self._session = self._sessions(bind=bind, join_transaction_mode="rollback_only")
            self._session.add_all(self._read)
        return self._session

    def _begin(self, connection: Connection) -> None:
        """Leave autocommit mode for a transaction at the engine's own isolation level. No I/O here: the
        driver sends BEGIN with the next statement."""
        self._lazy_begin = False
        connection.commit()  # ends SQLAlchemy's record of the autocommit reads; nothing to commit
        connection.execution_options(isolation_level=self._engine.sync_engine.dialect.default_isolation_level)
        connection.begin()

    async def commit(self, thread: ClientThread | None, lines: list[TranscriptLine]) -> None:
        """Flush what the steps changed, record the turn's lines in the thread's conversation, commit."""
        if self._session is None and any(inspect(read).modified for read in self._read):
            _ = self.session  # a step changed the client without opening a session: it flushes them
        now = utcnow()
        await in_greenlet(self._commit_now, thread, lines, now)
        if thread is not None and lines:
            # The object shows what the row now holds, without being marked changed.
            set_committed_value(thread.conversation, "last_activity_at", now)

    def _commit_now(self, thread: ClientThread | None, lines: list[TranscriptLine], now: Any) -> None:
        connection = self._connection
        assert connection is not None, "start() first"
        if self._session is not None:
            self._session.sync_session.flush()
            self._session.sync_session.close()
        if thread is not None and lines:
            dialect = connection.dialect.name
            for statement, parameters in turn_statements(dialect, thread.conversation.id, lines, now):
                connection.execute(statement, parameters)
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
