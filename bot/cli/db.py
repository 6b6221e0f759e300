"""`python -m bot db upgrade`: apply Alembic migrations to DATABASE_URL."""

from __future__ import annotations

import argparse
from typing import Any

from bot.db import migrate
from bot.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("db", help="database migrations")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", help="apply every migration (safe to run again)")
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace, settings: Settings) -> int:
    if settings.sqlite_path is not None:
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(settings.database_url)
    print("database is up to date")
    return 0
