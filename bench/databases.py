"""A benchmark's own PostgreSQL database, dropped and created afresh for each run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.db import migrate
from bot.db.session import create_engine


@asynccontextmanager
async def _server(url: str) -> AsyncIterator[tuple[AsyncConnection, str]]:
    """An AUTOCOMMIT connection to the server's `postgres` database, and the database `url` names."""
    target = make_url(url)
    admin = target.set(database="postgres").render_as_string(hide_password=False)
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            yield conn, str(target.database)
    finally:
        await engine.dispose()


async def recreate_postgres(url: str) -> None:
    """Drop and create the database named in `url` (the benchmark's own, e.g. bench_channels)."""
    async with _server(url) as (conn, database):
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{database}"'))


async def migrated_postgres(server_url: str, database: str) -> str:
    """`database` on the server of `server_url`, created afresh and migrated; returns its URL."""
    url = make_url(server_url).set(database=database).render_as_string(hide_password=False)
    await recreate_postgres(url)
    # Alembic's env.py runs an event loop of its own: a thread keeps it off this one.
    await asyncio.to_thread(migrate.upgrade, url)
    return url


async def drop_postgres(url: str) -> None:
    """Drop the database named in `url` once the benchmark is done with it."""
    async with _server(url) as (conn, database):
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
