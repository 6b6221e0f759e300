"""MemoryLocks, under the conversations of one process: one holder at a time, in order, a bounded wait."""

from __future__ import annotations

import asyncio

import pytest

from bot.core.locks import LockTimeout, MemoryLocks


async def test_one_holder_at_a_time_in_order() -> None:
    locks = MemoryLocks(wait_seconds=5)
    events: list[str] = []

    async def worker(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        async with locks.hold("tg:1"):
            events.append(f"{name}+")
            await asyncio.sleep(0.05)
            events.append(f"{name}-")

    await asyncio.gather(worker("a", 0), worker("b", 0.01), worker("c", 0.02))
    # asyncio.Lock is FIFO, so one client's messages are handled in the order they came.
    assert events == ["a+", "a-", "b+", "b-", "c+", "c-"]


async def test_other_conversations_are_not_blocked() -> None:
    locks = MemoryLocks(wait_seconds=0.2)
    async with locks.hold("tg:1"), locks.hold("tg:2"):
        pass


async def test_waiting_too_long_raises() -> None:
    locks = MemoryLocks(wait_seconds=0.1)
    async with locks.hold("tg:1"):
        with pytest.raises(LockTimeout):
            async with locks.hold("tg:1"):
                pass
    async with locks.hold("tg:1"):  # released after the timeout, usable again
        pass


async def test_memory_locks_forget_idle_conversations() -> None:
    locks = MemoryLocks()
    for i in range(100):
        async with locks.hold(f"tg:{i}"):
            pass
    assert locks.held_count() == 0
