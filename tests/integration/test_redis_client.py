"""The process's Redis client: commands under way together share a round trip; a burst of more commands
than connections waits instead of failing."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.asyncio.connection import AbstractConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError

from bot.core.redis_client import connect_redis
from tests.backends import redis_client, redis_url


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


@pytest.fixture
async def pipelining() -> AsyncIterator[Redis]:
    """The assistant's client (connect_redis) on the TEST_REDIS_URL server, emptied."""
    async for client in redis_client("redis"):
        assert client is not None
        yield client


def count_round_trips(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per write to Redis (a command alone, or a whole pipeline)."""
    sent: list[int] = []
    original = AbstractConnection.send_packed_command

    async def send_packed_command(self: AbstractConnection, command: Any, check_health: bool = True) -> None:
        sent.append(1)
        await original(self, command, check_health)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", send_packed_command)
    return sent


async def test_commands_sent_together_share_round_trips_and_each_gets_its_own_reply(
    pipelining: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    await pipelining.mset({f"ibot:test:pipe:{n}": str(n) for n in range(40)})
    sent = count_round_trips(monkeypatch)
    replies = await asyncio.gather(*(pipelining.get(f"ibot:test:pipe:{n}") for n in range(40)))
    assert replies == [str(n).encode() for n in range(40)]
    # All 40 are queued before the first round trip starts: they go in one.
    assert len(sent) == 1


async def test_a_failing_command_fails_alone_in_its_round_trip(pipelining: Redis) -> None:
    await pipelining.set("ibot:test:pipe:word", "not a number")
    results = await asyncio.gather(
        pipelining.incr("ibot:test:pipe:count"),
        pipelining.incr("ibot:test:pipe:word"),
        pipelining.incr("ibot:test:pipe:count"),
        return_exceptions=True,
    )
    assert results[0] == 1
    assert results[2] == 2
    assert isinstance(results[1], ResponseError)
    assert "not an integer" in str(results[1])


async def test_scripts_the_server_forgot_are_loaded_again_in_a_shared_round_trip(pipelining: Redis) -> None:
    script = pipelining.register_script("return redis.call('INCRBY', KEYS[1], ARGV[1])")
    await script(keys=["ibot:test:pipe:sum"], args=[1])
    await pipelining.script_flush()  # as after a restart of Redis
    totals = await asyncio.gather(*(script(keys=["ibot:test:pipe:sum"], args=[1]) for _ in range(10)))
    assert sorted(totals) == list(range(2, 12))
    assert await pipelining.get("ibot:test:pipe:sum") == b"11"


async def test_a_blocking_command_does_not_hold_up_the_others(pipelining: Redis) -> None:
    waiting = asyncio.ensure_future(pipelining.blpop(["ibot:test:pipe:queue"], timeout=2))
    await asyncio.sleep(0.05)
    assert await pipelining.set("ibot:test:pipe:other", "1")
    assert await pipelining.rpush("ibot:test:pipe:queue", "job") == 1
    assert await asyncio.wait_for(waiting, 1) == (b"ibot:test:pipe:queue", b"job")


async def test_a_lost_server_fails_every_command_of_the_round_trip_clearly() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free once closed: nothing listens there
    redis = connect_redis(f"redis://127.0.0.1:{port}/0")
    try:
        results = await asyncio.gather(*(redis.get(f"key{n}") for n in range(5)), return_exceptions=True)
        assert all(isinstance(result, RedisConnectionError) for result in results)
    finally:
        await redis.aclose()
