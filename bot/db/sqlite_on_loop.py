"""SQLite for the async engine, run on the event loop's own thread, with one writer at a time per file.

Why not aiosqlite: it runs every call (cursor, execute, fetch, close, commit) on a thread of its own per
connection and hands the result back to the loop. A statement on this database takes tens of
microseconds; each hand-off costs more than that, and with one thread per pooled connection the loop
fought them for the GIL. Under load (bench/channels.py, WhatsApp on SQLite) the database layer was two
thirds of the server's CPU. Here the standard library's sqlite3 runs inline, inside SQLAlchemy's
greenlet, and nothing crosses a thread.

What a thread used to hide, this module does itself. A statement run inline must never wait for a lock,
or it would stop the whole loop, including the transaction it waits for. So:
- Every transaction begins IMMEDIATE (it takes the write lock at BEGIN, as SQLAlchemy's SQLite recipe
  for savepoints asks), after an asyncio lock per database file: coroutines of this process queue there,
  in order, without polling.
- Another process (the CLI beside the server) may hold the file's write lock: BEGIN IMMEDIATE then
  fails at once (busy timeout 0) and is tried again after an asyncio sleep, for up to BUSY_WAIT seconds,
  as SQLite's own busy timeout did, but without blocking the loop.
- Statements inside the transaction never wait: in WAL mode readers never block, and the transaction
  already holds the write lock.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
import weakref
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import pool
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine.url import URL
from sqlalchemy.util import await_

DRIVER = "onloop"
# How long BEGIN waits for another process's write transaction before giving up (SQLite's busy timeout).
BUSY_WAIT = 30.0
FIRST_RETRY, MAX_RETRY = 0.002, 0.1


class _Writers:
    """One asyncio lock per (event loop, database file): the in-process queue for the write lock."""

    def __init__(self) -> None:
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = (
            weakref.WeakKeyDictionary()
        )

    def lock(self, database: str) -> asyncio.Lock:
        per_loop = self._locks.setdefault(asyncio.get_running_loop(), {})
        return per_loop.setdefault(database, asyncio.Lock())


WRITERS = _Writers()


class LoopCursor(sqlite3.Cursor):
    """sqlite3's cursor, with the hook AsyncConnection.execute() calls on an async driver's cursor."""

    async def _async_soft_close(self) -> None:
        # An async driver frees its cursor here and keeps the rows; sqlite3's rows are already at hand.
        return None


class LoopConnection(sqlite3.Connection):
    """sqlite3's connection, remembering its file's key and the writer lock while it holds it."""

    writer_key: str = ""
    writer_lock: asyncio.Lock | None = None

    def cursor(self, factory: Any = LoopCursor) -> Any:
        return super().cursor(factory)


class SQLiteDialect_onloop(SQLiteDialect_pysqlite):
    """pysqlite's dialect, marked async so that AsyncEngine accepts it; calls simply run inline."""

    driver = DRIVER
    is_async = True
    supports_statement_cache = True
    _writer_key = ""  # set from the URL in create_connect_args()

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        if cls._is_url_file_db(url):
            return pool.AsyncAdaptedQueuePool
        return pool.StaticPool

    def create_connect_args(self, url: URL) -> Any:
        args, kwargs = super().create_connect_args(url)
        # The key of this file's writer queue; an in-memory database is private to its engine.
        database = url.database or ""
        self._writer_key = (
            str(Path(database).resolve()) if self._is_url_file_db(url) else f":memory:{id(self)}"
        )
        # Never wait inside SQLite (see the module's docstring). The driver's own transaction handling
        # is off (isolation_level None), as do_begin() emits BEGIN. The loop's thread uses every
        # connection, but SQLAlchemy's pool may close one from the garbage collector's.
        kwargs.update(timeout=0, isolation_level=None, check_same_thread=False, factory=LoopConnection)
        return args, kwargs

    def connect(self, *cargs: Any, **cparams: Any) -> Any:
        connection = super().connect(*cargs, **cparams)
        connection.writer_key = self._writer_key
        return connection

    # AsyncConnection.execute() insists that an async driver awaited something (AwaitRequired): each
    # statement passes through the greenlet bridge once, with a coroutine that returns at once (a few
    # microseconds; no trip through the event loop).
    def do_execute(self, cursor: Any, statement: Any, parameters: Any, context: Any = None) -> None:
        await_(_passed())
        cursor.execute(statement, parameters)

    def do_execute_no_params(self, cursor: Any, statement: Any, context: Any = None) -> None:
        await_(_passed())
        cursor.execute(statement)

    def do_executemany(self, cursor: Any, statement: Any, parameters: Any, context: Any = None) -> None:
        await_(_passed())
        cursor.executemany(statement, parameters)

    def do_begin(self, dbapi_connection: Any) -> None:
        raw = _raw(dbapi_connection)
        lock = WRITERS.lock(raw.writer_key)
        if lock.locked():
            # Bounded like SQLite's own busy timeout: a transaction opened inside another one of the
            # same task would otherwise wait for itself for ever, where SQLite reported it.
            try:
                await_(asyncio.wait_for(lock.acquire(), BUSY_WAIT))
            except TimeoutError:
                raise sqlite3.OperationalError(
                    "database is locked (waited for this process's writer)"
                ) from None
        else:
            await_(lock.acquire())
        raw.writer_lock = lock
        try:
            _begin_immediate(raw)
        except BaseException:
            _release(raw)
            raise

    def do_commit(self, dbapi_connection: Any) -> None:
        _end(_raw(dbapi_connection), "commit")

    def do_rollback(self, dbapi_connection: Any) -> None:
        _end(_raw(dbapi_connection), "rollback")

    def do_close(self, dbapi_connection: Any) -> None:
        raw = _raw(dbapi_connection)
        try:
            raw.close()
        finally:
            _release(raw)


async def _passed() -> None:
    """Nothing to wait for: the statement runs inline (see do_execute)."""


def _raw(connection: Any) -> LoopConnection:
    """The sqlite3 connection behind SQLAlchemy's pool proxy (or the connection itself)."""
    return getattr(connection, "dbapi_connection", connection)  # type: ignore[no-any-return]


def _begin_immediate(raw: LoopConnection) -> None:
    deadline = time.monotonic() + BUSY_WAIT
    delay = FIRST_RETRY
    while True:
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
        await_(asyncio.sleep(delay))
        delay = min(delay * 2, MAX_RETRY)


def _end(raw: LoopConnection, how: Literal["commit", "rollback"]) -> None:
    """Commit or roll back; the writer lock goes once the transaction is over (not if COMMIT failed)."""
    try:
        getattr(raw, how)()
    finally:
        if not raw.in_transaction:
            _release(raw)


def _release(raw: LoopConnection) -> None:
    lock = getattr(raw, "writer_lock", None)
    if lock is not None:
        raw.writer_lock = None
        lock.release()


# The SQLite URLs DATABASE_URL accepts: sqlite+aiosqlite:// was the documented form before SQLite moved
# onto the event loop, and still works so that existing configurations keep working.
SQLITE_SCHEMES = ("sqlite", "sqlite+aiosqlite")


def sqlite_url_rest(url: str) -> str | None:
    """What follows `scheme://` in one of SQLITE_SCHEMES' URLs; None for any other URL."""
    scheme, separator, rest = url.partition("://")
    return rest if separator and scheme in SQLITE_SCHEMES else None


def on_loop_url(url: str) -> str:
    """`sqlite:///…` (or `sqlite+aiosqlite:///…`) as this dialect's URL; other URLs unchanged."""
    rest = sqlite_url_rest(url)
    return url if rest is None else f"sqlite+{DRIVER}://{rest}"


registry.register(f"sqlite.{DRIVER}", __name__, "SQLiteDialect_onloop")
