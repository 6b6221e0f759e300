"""A benchmark's own PostgreSQL database, dropped and created afresh for each run."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db.session import create_engine


async def recreate_postgres(url: str) -> None:
    """Drop and create the database named in `url` (the benchmark's own, e.g. bench_channels)."""
    target = make_url(url)
    admin = target.set(database="postgres").render_as_string(hide_password=False)
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
            await conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    finally:
        await engine.dispose()
