"""Engine and session factories; nothing here runs at import time."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import StaticPool

from bot import json_codec
from bot.db.sqlite_on_loop import SQLiteDialect_onloop, on_loop_url

# PostgreSQL connections kept open per process. The inbox processor handles up to 64 messages at once;
# most share their statements on a few connections, and one takes a connection of its own only while a
# step's ORM session is open (a booking, a case), beside webhooks and background loops. More such
# sessions at once than the pool holds wait for a connection. With SQLAlchemy's default of 5 the others
# were "overflow" connections, closed as soon as they were returned, so under load each message opened a
# new one, a new server process each (bench/channels.py: 111 connections for 300 WhatsApp messages, 19
# with this size). The default overflow of 10 stays on top.
POOL_SIZE = 20
# An SQLite file gets one connection, and waiting for it is waiting for the one writer: every transaction
# of this process begins IMMEDIATE behind one lock anyway (bot.db.sqlite_on_loop), so more connections
# only took turns. Each turn cost the connection its page cache, which SQLite drops when another
# connection wrote since (about 24 us more CPU per transaction with 16 connections in turn than with
# one, in sqlite3 alone; 4-5 % of the server's CPU per update in bench/channels.py, Telegram on SQLite).
# A transaction opened inside another one of the same task waits for ever either way, and fails after
# the pool's timeout where it failed after the writer's. `:memory:` keeps its pool of one (StaticPool).
SQLITE_FILE_POOL = {"pool_size": 1, "max_overflow": 0}


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine; SQLite runs on the loop (bot.db.sqlite_on_loop) with foreign keys and WAL."""
    is_sqlite = url.startswith("sqlite")
    if is_sqlite:
        url = on_loop_url(url)
    if not is_sqlite:
        kwargs.setdefault("pool_size", POOL_SIZE)
    elif SQLiteDialect_onloop.get_pool_class(make_url(url)) is not StaticPool:
        kwargs = {**SQLITE_FILE_POOL, **kwargs}
    # JSON columns (an inbox row's body, a transcript line's choices) in orjson, as the message path.
    kwargs.setdefault("json_serializer", json_codec.dumps)
    kwargs.setdefault("json_deserializer", json_codec.loads)
    engine = create_async_engine(url, **kwargs)
    if is_sqlite:
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    else:
        _ping_idle_connections(engine)
    return engine


# A pooled connection used this recently is taken as alive; one idle for longer is pinged first.
IDLE_BEFORE_PING = 5.0


def _ping_idle_connections(engine: AsyncEngine) -> None:
    """SQLAlchemy's pre-ping, for idle connections only (its documented custom pessimistic recipe).

    pool_pre_ping cost a round trip to the server per checkout: about four per message under load
    (bench/channels.py, PostgreSQL). A server restart still costs no request: the first checkout after
    it finds the connection idle, the ping fails, and the pool connects again; a connection dropped in
    the middle of a burst fails one transaction, which SQLAlchemy turns into a new pool, and the inbox
    and the platforms try again.
    """
    dialect = engine.sync_engine.dialect

    def used(_dbapi_connection: Any, record: Any, *_: Any) -> None:
        record.info["used_at"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        used_at = record.info.get("used_at")
        if used_at is not None and time.monotonic() - used_at < IDLE_BEFORE_PING:
            return
        try:
            alive = dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise DisconnectionError("idle connection failed its ping") from error
        if not alive:
            raise DisconnectionError("idle connection failed its ping")

    event.listen(engine.sync_engine, "connect", used)
    event.listen(engine.sync_engine, "checkin", used)
    event.listen(engine.sync_engine, "checkout", checkout)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=ON")
    dbapi_connection.execute("PRAGMA journal_mode=WAL")
    # SQLite's recommended setting for WAL: the log is synced at checkpoints, not at every commit. A
    # crash of the assistant loses nothing committed; a power cut or OS crash may lose the last
    # moments' commits (PostgreSQL is the choice where that matters). A sync per commit held the one
    # write lock and the event loop for the disk: at 100 updates/s the WhatsApp path answered 73/s
    # with p50 1.6 s, against 99/s with p50 41-98 ms (bench/channels.py).
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
