"""`python -m bot scheduler import FILE`: load services, locations, counsellors and availability."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from bot.db.session import create_engine, create_session_factory
from bot.settings import Settings
from scheduler.importer import ImportError_, import_schedule, read_file


def register(commands: Any) -> None:
    parser = commands.add_parser("scheduler", help="appointment scheduling administration")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    importing = actions.add_parser("import", help="load a schedule YAML file (safe to run again)")
    importing.add_argument("file", type=Path)
    importing.set_defaults(handler=_import)


async def run_import(settings: Settings, path: Path) -> int:
    try:
        data = read_file(path)
    except ImportError_ as error:
        print(error, file=sys.stderr)
        return 1
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            summary = await import_schedule(session, data)
    except ImportError_ as error:
        for problem in error.problems:
            print(f"{path}: {problem}", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()
    print(
        f"imported {summary.services} services, {summary.locations} locations, "
        f"{summary.counsellors} counsellors, "
        f"{summary.weekly_rules} weekly rules, {summary.exceptions} exceptions"
    )
    return 0


def _import(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(run_import(settings, args.file))
