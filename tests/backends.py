"""Test backends: SQLite and memory always; PostgreSQL and Redis when TEST_* variables name them."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, NoReturn

import pytest
from redis.asyncio import Redis
from sqlalchemy import text

from bot.core.redis_client import connect_redis
from bot.db import migrate
from bot.db.models import Base
from bot.db.session import create_engine

# .ci/run sets this so that a missing server fails the run instead of skipping its tests.
REQUIRE_SERVICES = os.environ.get("REQUIRE_TEST_SERVICES") == "1"
_pg_migrated = False


def skip_or_fail(reason: str) -> NoReturn:
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_TEST_SERVICES=1 but {reason}")
    pytest.skip(reason)


def postgres_url() -> str:
    """TEST_DATABASE_URL; a test that needs it is skipped without it (failed with REQUIRE_TEST_SERVICES=1)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        skip_or_fail("TEST_DATABASE_URL is not set (PostgreSQL tests need it)")
    return url


def redis_url() -> str:
    """TEST_REDIS_URL; a test that needs it is skipped without it (failed with REQUIRE_TEST_SERVICES=1)."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        skip_or_fail("TEST_REDIS_URL is not set (Redis tests need it)")
    return url


async def sqlite_database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    await asyncio.to_thread(migrate.upgrade, url)
    return url


async def postgres_database() -> str:
    """The TEST_DATABASE_URL database, migrated once per run and emptied before every test."""
    global _pg_migrated
    url = postgres_url()
    engine = create_engine(url)
    try:
        if not _pg_migrated:
            async with engine.begin() as conn:
                await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                await conn.execute(text("CREATE SCHEMA public"))
            await asyncio.to_thread(migrate.upgrade, url)
            _pg_migrated = True
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        async with engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()
    return url


async def redis_client(kind: str) -> AsyncIterator[Redis | None]:
    """None for the in-process backend, fakeredis, or the real server of TEST_REDIS_URL."""
    if kind == "memory":
        yield None
        return
    if kind == "fakeredis":
        import fakeredis

        client: Redis = fakeredis.FakeAsyncRedis()
    else:
        client = connect_redis(redis_url())  # the assistant's own client, which pipelines
    await client.flushdb()
    try:
        yield client
    finally:
        await client.flushdb()
        await client.aclose()


def count_commands(redis: Redis) -> list[str]:
    """The names of the commands `redis` sends from now on, one per round trip (not for pipelines)."""
    sent: list[str] = []
    original: Callable[..., Awaitable[Any]] = redis.execute_command

    async def execute_command(*args: Any, **options: Any) -> Any:
        sent.append(str(args[0]))
        return await original(*args, **options)

    redis.execute_command = execute_command  # type: ignore[method-assign]
    return sent
