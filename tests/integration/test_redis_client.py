"""The process's Redis client: a burst of more commands than connections waits instead of failing."""

from __future__ import annotations

import asyncio
import os

from bot.core.redis_client import connect_redis
from tests.backends import skip_or_fail


async def test_more_concurrent_commands_than_connections_wait_for_one_instead_of_failing() -> None:
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        skip_or_fail("TEST_REDIS_URL is not set (Redis tests need it)")
        return
    redis = connect_redis(url, max_connections=4, wait_seconds=10)
    try:
        # Each BLPOP holds its connection for 0.2 s: twelve at once take three turns of the four.
        keys = [f"ibot:test:pool:{n}" for n in range(12)]
        results = await asyncio.gather(*(redis.blpop([key], timeout=0.2) for key in keys))
        assert results == [None] * 12
    finally:
        await redis.aclose()
