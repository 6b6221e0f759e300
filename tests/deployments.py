"""The two ways the assistant is deployed, for tests that run its processes against platform stand-ins."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import fakeredis
from redis.asyncio import Redis

from bot.core.redis_client import connect_redis
from tests import backends


@dataclass
class Deployment:
    """`embedded`: SQLite and in-process state (fakeredis when processes must share); `services`:
    PostgreSQL and the Redis of TEST_REDIS_URL."""

    name: str
    database_url: str
    redis_url: str | None = None
    _fake: fakeredis.FakeServer = field(default_factory=fakeredis.FakeServer)

    def redis(self, *, shared: bool = False) -> Redis | None:
        """What one process connects to: None keeps its state (and rate limiter) in memory, unless
        `shared` asks for a Redis that several processes of the test reach."""
        if self.redis_url is not None:
            return connect_redis(self.redis_url)
        return fakeredis.FakeAsyncRedis(server=self._fake) if shared else None


async def deployment(name: str, tmp_path: Path) -> AsyncIterator[Deployment]:
    if name == "embedded":
        yield Deployment(name, await backends.sqlite_database(tmp_path))
        return
    database_url = await backends.postgres_database()
    async for _flushed in backends.redis_client("redis"):  # skips (or fails) without TEST_REDIS_URL
        yield Deployment(name, database_url, os.environ["TEST_REDIS_URL"])
