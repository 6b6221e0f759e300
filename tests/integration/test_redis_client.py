"""The process's Redis client: a burst of more commands than connections waits instead of failing."""

from __future__ import annotations

import asyncio

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.core.redis_client import connect_redis
from tests.backends import redis_url


async def test_more_concurrent_commands_than_connections_wait_for_one_instead_of_failing() -> None:
    url = redis_url()
    redis = connect_redis(url, max_connections=4, wait_seconds=10)
    try:
        # Each BLPOP holds its connection for 0.2 s: twelve at once take three turns of the four.
        keys = [f"ibot:test:pool:{n}" for n in range(12)]
        results = await asyncio.gather(*(redis.blpop([key], timeout=0.2) for key in keys))
        assert results == [None] * 12
    finally:
        await redis.aclose()


async def test_a_command_finding_no_connection_in_time_fails_clearly_and_a_cancelled_one_frees_it() -> None:
    url = redis_url()
    redis = connect_redis(url, max_connections=1, wait_seconds=0.1)
    try:
        holding = asyncio.ensure_future(redis.blpop(["ibot:test:pool:held"], timeout=0.5))
        await asyncio.sleep(0.05)
        with pytest.raises(RedisConnectionError, match="No connection available"):
            await redis.ping()
        # A waiter given up on (a request's own timeout) must not leave its slot taken either.
        waiter = asyncio.ensure_future(redis.ping())
        await asyncio.sleep(0.02)
        waiter.cancel()
        assert await holding is None
        assert await asyncio.wait_for(redis.ping(), 1)  # the one connection is free again
    finally:
        await redis.aclose()
