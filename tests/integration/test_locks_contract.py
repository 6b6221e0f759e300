"""One contract for every ConversationLocks: one holder per conversation, a bounded wait."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from bot.core.locks import ConversationLocks, LockTimeout, MemoryLocks, RedisLocks


def make_locks(redis: Redis | None, wait: float) -> ConversationLocks:
    return MemoryLocks(wait_seconds=wait) if redis is None else RedisLocks(redis, wait_seconds=wait)


async def test_one_holder_at_a_time(redis_or_memory: Redis | None) -> None:
    locks = make_locks(redis_or_memory, wait=5)
    events: list[str] = []

    async def worker(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        async with locks.hold("tg:1"):
            events.append(f"{name}+")
            await asyncio.sleep(0.05)
            events.append(f"{name}-")

    await asyncio.gather(worker("a", 0), worker("b", 0.01), worker("c", 0.02))
    pairs = list(zip(events[::2], events[1::2], strict=True))
    assert all(enter[0] == leave[0] and enter[1:] == "+" and leave[1:] == "-" for enter, leave in pairs)
    assert sorted(name for name, _ in pairs) == ["a+", "b+", "c+"]
    if redis_or_memory is None:
        # asyncio.Lock is FIFO; Redis locks are acquired by polling, so only exclusion is promised there.
        assert events == ["a+", "a-", "b+", "b-", "c+", "c-"]


async def test_other_conversations_are_not_blocked(redis_or_memory: Redis | None) -> None:
    locks = make_locks(redis_or_memory, wait=0.2)
    async with locks.hold("tg:1"), locks.hold("tg:2"):
        pass


async def test_waiting_too_long_raises(redis_or_memory: Redis | None) -> None:
    locks = make_locks(redis_or_memory, wait=0.1)
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
