"""WhatsApp rate-limit answers pause the right shared bucket, on every limiter backend."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest
from redis.asyncio import Redis

from bot.channels.whatsapp.client import GraphError
from bot.channels.whatsapp.pacing import WhatsAppPacing
from bot.core.ratelimit import MemoryRateLimiter
from bot.core.redis_ratelimit import RedisRateLimiter

OLENA, PETR = "420777123456", "420777654321"


@pytest.fixture
def pacing(redis_or_memory: Redis | None) -> WhatsAppPacing:
    limiter = MemoryRateLimiter() if redis_or_memory is None else RedisRateLimiter(redis_or_memory)
    return WhatsAppPacing(limiter, "106540352242922")


class Graph:
    """Refuses the first message with `error`, accepts the rest, and notes when each person got theirs."""

    def __init__(self, error: GraphError) -> None:
        self.errors = [error]
        self.accepted: dict[str, float] = {}

    def message_to(self, person: str) -> Callable[[], Awaitable[str]]:
        async def send() -> str:
            if self.errors:
                raise self.errors.pop(0)
            self.accepted[person] = time.monotonic()
            return f"wamid.{person}"

        return send


async def olena_refused_then_petr(pacing: WhatsAppPacing, graph: Graph) -> dict[str, float]:
    """Olena's message is refused first; Petr's is sent while her retry waits. Seconds until each arrived."""
    started = time.monotonic()
    olena = asyncio.create_task(pacing.send(OLENA, graph.message_to(OLENA)))
    await asyncio.sleep(0.05)  # her refusal has paused a bucket by now
    await pacing.send(PETR, graph.message_to(PETR))
    assert await olena == f"wamid.{OLENA}"  # retried after the pause, not lost
    return {person: at - started for person, at in graph.accepted.items()}


async def test_a_pair_rate_limit_holds_only_that_person(pacing: WhatsAppPacing) -> None:
    graph = Graph(GraphError(400, 131056, "Pair rate limit hit", retry_after=0.5))
    took = await olena_refused_then_petr(pacing, graph)
    assert took[OLENA] >= 0.5
    assert took[PETR] < took[OLENA], took  # other clients are answered meanwhile


async def test_a_throughput_limit_holds_the_whole_number(pacing: WhatsAppPacing) -> None:
    graph = Graph(GraphError(400, 130429, "Rate limit hit", retry_after=0.5))
    took = await olena_refused_then_petr(pacing, graph)
    assert took[OLENA] >= 0.5
    assert took[PETR] >= 0.5, took
