"""The PostgreSQL pool keeps a busy process's connections open instead of reconnecting for each burst."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import event, text

from bot.db import session as session_module
from bot.db.session import POOL_SIZE, create_engine
from tests.backends import postgres_url

# As many transactions at once as the pool keeps connections for: messages' ORM sessions (the others
# share statements on a few connections), webhooks and background loops.
AT_ONCE = POOL_SIZE


async def test_a_burst_of_as_many_transactions_as_the_pool_keeps_reuses_their_connections() -> None:
    url = postgres_url()
    engine = create_engine(url)
    connects = 0

    def counted(*_: Any) -> None:
        nonlocal connects
        connects += 1

    event.listen(engine.sync_engine, "connect", counted)
    all_in = asyncio.Barrier(AT_ONCE)

    async def one_message() -> None:
        async with engine.connect():  # a checked-out connection, as a transaction holds one
            await all_in.wait()  # every connection is checked out at the same moment

    try:
        for _burst in range(2):  # the barrier lets each burst through together, then re-arms
            await asyncio.gather(*(one_message() for _ in range(AT_ONCE)))
    finally:
        await engine.dispose()
    # Each connection opened once; SQLAlchemy's default pool (5 kept, 10 more closed on return) could
    # not even hold 20 at once, and reopened the extra ones for every burst.
    assert connects == AT_ONCE


async def test_a_connection_the_server_dropped_while_idle_is_replaced_without_failing_a_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = postgres_url()
    monkeypatch.setattr(session_module, "IDLE_BEFORE_PING", 0.05)
    engine = create_engine(url, pool_size=1, max_overflow=0)
    other = create_engine(url, pool_size=1, max_overflow=0)
    try:
        async with engine.connect() as connection:
            pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        # As a server restart or an idle timeout would: the pooled connection is gone.
        async with other.connect() as killer:
            await killer.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        await asyncio.sleep(0.1)  # longer idle than IDLE_BEFORE_PING: the next checkout pings

        async with engine.connect() as connection:
            new_pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    finally:
        await engine.dispose()
        await other.dispose()
    assert new_pid != pid  # a fresh connection, and the request itself succeeded


async def test_a_connection_in_steady_use_is_not_pinged_before_each_transaction() -> None:
    url = postgres_url()
    engine = create_engine(url, pool_size=1, max_overflow=0)
    pings = 0
    ping = engine.sync_engine.dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        nonlocal pings
        pings += 1
        return bool(ping(dbapi_connection))

    engine.sync_engine.dialect.do_ping = counted  # type: ignore[method-assign]
    try:
        for _ in range(20):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    finally:
        await engine.dispose()
    assert pings == 0  # a round trip per transaction saved (pool_pre_ping pinged 20 times)
