"""The RateLimiter contract on every backend: memory, fakeredis and a real Redis (TEST_REDIS_URL)."""

from __future__ import annotations

import asyncio
import time

import pytest
from redis.asyncio import Redis

from bot.core.ratelimit import MemoryRateLimiter, Rate, RateLimiter
from bot.core.redis_ratelimit import RedisRateLimiter


@pytest.fixture
def limiter(redis_or_memory: Redis | None) -> RateLimiter:
    return MemoryRateLimiter() if redis_or_memory is None else RedisRateLimiter(redis_or_memory)


async def test_events_are_spaced_by_the_rate(limiter: RateLimiter) -> None:
    rate = Rate("bot", 100)  # one every 10 ms
    started = time.monotonic()
    stamps = []
    for _ in range(11):
        await limiter.acquire([rate])
        stamps.append(time.monotonic())
    assert stamps[-1] - started >= 0.095
    assert not await limiter.try_acquire([rate])  # the next slot is in the future


async def test_concurrent_waiters_share_one_bucket(limiter: RateLimiter) -> None:
    rate = Rate("shared", 50)  # 20 ms
    started = time.monotonic()
    await asyncio.gather(*(limiter.acquire([rate]) for _ in range(10)))
    assert time.monotonic() - started >= 0.17


async def test_a_message_takes_both_buckets_at_one_instant(limiter: RateLimiter) -> None:
    bot, chat = Rate("bot2", 1000), Rate("chat:1", 1)
    await limiter.acquire([bot, chat])
    await asyncio.sleep(0.005)  # the bot's next slot (1 ms) has come, the chat's (1 s) has not
    assert not await limiter.try_acquire([bot, chat])  # the chat is busy for a second
    assert await limiter.try_acquire([bot, Rate("chat:2", 1)])  # another chat goes now


async def test_pause_holds_the_bucket(limiter: RateLimiter) -> None:
    rate = Rate("paused", 1000)
    await limiter.pause("paused", 0.15)
    assert not await limiter.try_acquire([rate])
    started = time.monotonic()
    await limiter.acquire([rate])
    assert time.monotonic() - started >= 0.12


async def test_burst_makes_up_for_a_stall(limiter: RateLimiter) -> None:
    rate = Rate("burst", 20, burst=2)  # 50 ms apart, two may catch up
    await limiter.acquire([rate])
    await asyncio.sleep(0.2)  # a stall of four slots
    started = time.monotonic()
    for _ in range(3):
        await limiter.acquire([rate])
    assert time.monotonic() - started < 0.03  # the stalled slots are partly made up at once
    assert not await limiter.try_acquire([rate])


async def test_admit_holds_the_exact_window(limiter: RateLimiter) -> None:
    guard = [Rate("window", 3, 0.2)]
    started = time.monotonic()
    admissions = [await limiter.admit(guard) for _ in range(3)]
    await asyncio.sleep(0.05)  # the requests took a while to be answered
    for admission in admissions:
        await limiter.settle(admission)
    await limiter.admit(guard)
    assert time.monotonic() - started >= 0.24  # the fourth waited until a window after the answers


async def test_acquire_and_admit_waits_for_the_guard_on_a_slot_reserved_once(limiter: RateLimiter) -> None:
    rate, guard = Rate("once", 10), Rate("once", 1, 0.3)  # a slot every 100 ms, one send in any 300 ms
    started = time.monotonic()
    await limiter.acquire_and_admit([rate], [guard])
    await limiter.acquire_and_admit([rate], [guard])  # its slot (at 100 ms) waits for the guard
    assert time.monotonic() - started >= 0.28
    assert await limiter.try_acquire([rate])  # the bucket's next slot (200 ms) was not taken again
