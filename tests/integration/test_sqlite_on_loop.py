"""SQLite on the event loop: writers of one process queue, another process's lock never stops the loop."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.db import sqlite_on_loop
from bot.db.session import create_engine, create_session_factory


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite:///{tmp_path}/on_loop.sqlite3")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)"))
        await connection.execute(text("INSERT INTO counter VALUES (1, 0)"))
    yield engine
    await engine.dispose()


async def counter(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(text("SELECT value FROM counter"))).scalar_one())


async def test_concurrent_read_modify_write_transactions_queue_and_lose_no_update(
    engine: AsyncEngine,
) -> None:
    sessions = create_session_factory(engine)

    async def increment() -> None:
        async with sessions() as session, session.begin():
            value = (await session.execute(text("SELECT value FROM counter"))).scalar_one()
            await asyncio.sleep(0)  # another coroutine runs here, as a network call would let it
            await session.execute(text("UPDATE counter SET value = :v"), {"v": value + 1})

    await asyncio.gather(*(increment() for _ in range(60)))

    assert await counter(engine) == 60


async def test_a_failed_transaction_frees_the_database_for_the_next(engine: AsyncEngine) -> None:
    sessions = create_session_factory(engine)

    async def failing_step() -> None:
        async with sessions() as session, session.begin():
            await session.execute(text("UPDATE counter SET value = 99"))
            raise RuntimeError("a step failed")

    with pytest.raises(RuntimeError):
        await failing_step()

    async with sessions() as session, session.begin():
        await session.execute(text("UPDATE counter SET value = value + 1"))

    assert await asyncio.wait_for(counter(engine), 5) == 1


async def test_a_savepoint_rolls_back_alone(engine: AsyncEngine) -> None:
    sessions = create_session_factory(engine)

    async def taken(session: AsyncSession) -> None:
        async with session.begin_nested():
            await session.execute(text("UPDATE counter SET value = 2"))
            raise RuntimeError("the slot was taken")

    async with sessions() as session, session.begin():
        await session.execute(text("UPDATE counter SET value = 1"))
        with pytest.raises(RuntimeError):
            await taken(session)

    assert await counter(engine) == 1


async def test_another_process_holding_the_write_lock_delays_the_transaction_not_the_loop(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    # A plain sqlite3 connection stands for the CLI in another process: it holds the write lock.
    other = sqlite3.connect(tmp_path / "on_loop.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE counter SET value = 10")
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    ticking = asyncio.create_task(ticker())
    asyncio.get_running_loop().call_later(0.5, other.commit)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as session, session.begin():
            await session.execute(text("UPDATE counter SET value = value + 1"))
    finally:
        ticking.cancel()
        other.close()

    assert await counter(engine) == 11  # it waited for the other writer, then saw its change
    assert ticks >= 20  # the loop went on serving others meanwhile (0.5 s at 10 ms a tick)


async def test_a_write_lock_held_too_long_elsewhere_fails_with_a_clear_error(
    engine: AsyncEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_on_loop, "BUSY_WAIT", 0.2)
    other = sqlite3.connect(tmp_path / "on_loop.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    sessions = create_session_factory(engine)
    try:
        with pytest.raises(OperationalError, match="locked"):
            async with sessions() as session, session.begin():
                await session.execute(text("UPDATE counter SET value = 5"))
    finally:
        other.rollback()
        other.close()

    # The failed attempt kept nothing locked in this process.
    async with sessions() as session, session.begin():
        await session.execute(text("UPDATE counter SET value = 5"))
    assert await counter(engine) == 5


async def test_two_engines_on_one_file_share_the_queue(tmp_path: Path, engine: AsyncEngine) -> None:
    # Tests and the CLI build more than one engine in a process; their writers must not deadlock.
    second = create_engine(f"sqlite:///{tmp_path}/on_loop.sqlite3")
    try:
        first_sessions, second_sessions = create_session_factory(engine), create_session_factory(second)

        async def increment(sessions: object) -> None:
            async with sessions() as session, session.begin():  # type: ignore[operator]
                value = (await session.execute(text("SELECT value FROM counter"))).scalar_one()
                await asyncio.sleep(0.001)
                await session.execute(text("UPDATE counter SET value = :v"), {"v": value + 1})

        await asyncio.wait_for(
            asyncio.gather(*(increment(s) for _ in range(20) for s in (first_sessions, second_sessions))), 20
        )
    finally:
        await second.dispose()

    assert await counter(engine) == 40


@pytest.mark.parametrize(
    ("pool", "error"),
    [
        # The default: one connection, and the second session waits for it until the pool's timeout.
        ({"pool_timeout": 0.2}, SQLAlchemyTimeout),
        # More connections (a caller's choice): the second one waits for the writer's lock instead.
        ({"pool_size": 2}, OperationalError),
    ],
)
async def test_a_transaction_waiting_for_itself_fails_instead_of_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool: dict[str, Any], error: type[Exception]
) -> None:
    # A second session opened inside a transaction of the same task can never get the write lock.
    monkeypatch.setattr(sqlite_on_loop, "BUSY_WAIT", 0.2)
    engine = create_engine(f"sqlite:///{tmp_path}/nested.sqlite3", **pool)
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)"))
        await connection.execute(text("INSERT INTO counter VALUES (1, 0)"))
    sessions = create_session_factory(engine)

    async def nested() -> None:
        async with sessions() as outer, outer.begin():
            await outer.execute(text("UPDATE counter SET value = 1"))
            async with sessions() as inner, inner.begin():
                await inner.execute(text("UPDATE counter SET value = 2"))

    try:
        with pytest.raises(error):
            await asyncio.wait_for(nested(), 10)
        assert await counter(engine) == 0  # the outer transaction was rolled back too
    finally:
        await engine.dispose()
