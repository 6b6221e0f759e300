"""The Redis fast path of inbound de-duplication on fakeredis and Redis: it may only skip what is stored."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from bot.inbox.seen import SeenInbound
from tests import backends


@pytest.fixture(params=["fakeredis", "redis"])
async def redis(request: pytest.FixtureRequest) -> AsyncIterator[Redis]:
    async for client in backends.redis_client(request.param):
        assert client is not None
        yield client


async def test_only_a_stored_message_is_skipped(redis: Redis) -> None:
    seen = SeenInbound(redis, ttl_seconds=60)
    assert not await seen.known("tg", "1")
    assert not await seen.known("tg", "1")  # still being stored elsewhere: the database decides
    await seen.stored("tg", "1")
    assert await seen.known("tg", "1")
    assert not await seen.known("wa", "1")  # another channel's ids are another namespace
    assert 0 < await redis.ttl("ibot:inbound:tg:1:seen") <= 60


async def test_a_failed_insert_lets_the_retry_through(redis: Redis) -> None:
    seen = SeenInbound(redis, ttl_seconds=60)
    assert not await seen.known("tg", "2")
    await seen.failed("tg", "2")
    assert not await seen.known("tg", "2")
    await seen.stored("tg", "2")
    assert await seen.known("tg", "2")


async def test_redis_down_falls_through_to_the_database() -> None:
    # No retries: redis-py's own back-off is not what this test is about.
    unreachable = Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
    seen = SeenInbound(unreachable, ttl_seconds=60)
    try:
        assert not await seen.known("tg", "3")
        await seen.stored("tg", "3")
        assert not await seen.known("tg", "3")
    finally:
        await unreachable.aclose()
