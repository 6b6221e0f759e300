"""Whole transactions on an async engine's synchronous side, each in one greenlet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.util import greenlet_spawn

T = TypeVar("T")


async def in_greenlet(work: Callable[..., T], *args: Any) -> T:
    """Run `work` (synchronous SQLAlchemy calls) in one greenlet.

    Through AsyncConnection or AsyncSession each step (connect, begin, execute, commit, close) crosses
    into a greenlet and back; a short transaction of the inbox crossed five times, and on SQLite that
    cost more than its statements (107 against 187 us per stored message, measured in-process). The
    driver still awaits the network (asyncpg) or the writer queue (bot.db.sqlite_on_loop) as before.
    """
    return await greenlet_spawn(work, *args)
