"""Engine and session factories; nothing here runs at import time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

# PostgreSQL connections kept open per process. The inbox processor handles 16 messages at once, each
# holding a connection while its transaction runs, beside webhooks and background loops; with
# SQLAlchemy's default of 5 the others were "overflow" connections, closed as soon as they were returned,
# so under load each message opened a new one, a new server process each (bench/channels.py: 111
# connections for 300 WhatsApp messages, 19 with this size). The default overflow of 10 stays on top.
# SQLite keeps SQLAlchemy's default: one writer at a time, and `:memory:` has a pool of one.
POOL_SIZE = 20


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine; SQLite gets foreign keys, WAL and a busy timeout for concurrent writers."""
    is_sqlite = url.startswith("sqlite")
    if is_sqlite:
        kwargs.setdefault("connect_args", {"timeout": 30})
    else:
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("pool_size", POOL_SIZE)
    engine = create_async_engine(url, **kwargs)
    if is_sqlite:
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _sqlite_begin_immediate)
    return engine


def _sqlite_begin_immediate(connection: Any) -> None:
    # Take the write lock at BEGIN: two deferred transactions that both read and then write would
    # deadlock and fail at once, while IMMEDIATE ones queue politely (busy_timeout). SQLAlchemy's own
    # recipe for working savepoints on SQLite, which booking needs.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling breaks SAVEPOINT; SQLAlchemy emits BEGIN itself instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
