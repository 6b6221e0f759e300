"""The PostgreSQL pool keeps a busy process's connections open instead of reconnecting for each burst."""

from __future__ import annotations

import asyncio
import inspect
import os
from typing import Any

from sqlalchemy import event

from bot.db.session import create_engine
from bot.inbox.processor import InboxProcessor
from tests.backends import skip_or_fail

# As many transactions as the inbox processor runs together.
AT_ONCE: int = inspect.signature(InboxProcessor).parameters["concurrency"].default


async def test_the_inbox_s_sixteen_messages_at_once_reuse_their_connections() -> None:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        skip_or_fail("TEST_DATABASE_URL is not set (PostgreSQL tests need it)")
        return
    engine = create_engine(url)
    connects = 0

    def counted(*_: Any) -> None:
        nonlocal connects
        connects += 1

    event.listen(engine.sync_engine, "connect", counted)
    all_in = asyncio.Barrier(AT_ONCE)

    async def one_message() -> None:
        async with engine.connect():  # a checked-out connection, as a message's transaction holds one
            await all_in.wait()  # every connection is checked out at the same moment

    try:
        for _burst in range(2):  # the barrier lets each burst through together, then re-arms
            await asyncio.gather(*(one_message() for _ in range(AT_ONCE)))
    finally:
        await engine.dispose()
    # Each connection opened once; SQLAlchemy's default pool (5 kept, 10 more closed on return) could
    # not even hold 16 at once, and reopened the extra ones for every burst.
    assert connects == AT_ONCE
