"""Migrations build the same schema as the models, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from bot.db import migrate
from bot.db.models import Base
from bot.db.session import create_engine


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_migrated_database_matches_models_and_is_current(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(migrate.is_current)
            assert await conn.run_sync(_diff) == []
    finally:
        await engine.dispose()


async def test_upgrade_is_safe_to_repeat(database_url: str) -> None:
    import asyncio

    await asyncio.to_thread(migrate.upgrade, database_url)
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(migrate.is_current)
    finally:
        await engine.dispose()
