"""Runs Alembic migrations programmatically, for the CLI, start-up checks and tests."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(database_url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if database_url:
        config.set_main_option("sqlalchemy.url", database_url)
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Apply migrations with an engine of its own (env.py runs its own event loop)."""
    command.upgrade(alembic_config(database_url), revision)


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    """Apply migrations on an open synchronous connection, e.g. from `conn.run_sync`."""
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def is_current(connection: Connection) -> bool:
    """Whether the database is at the newest revision, so start-up can refuse a stale schema."""
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    return set(MigrationContext.configure(connection).get_current_heads()) == heads
