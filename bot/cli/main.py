"""Parses the command line, loads settings once, and runs the chosen command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from bot.config_errors import describe_settings_error
from bot.logging_setup import configure_logging
from bot.settings import Settings

Command = Callable[[argparse.Namespace, Settings], int]


def build_parser() -> argparse.ArgumentParser:
    from bot.cli import broadcast, cases, chat, db, i18n, nlu, run, scheduler, staff

    parser = argparse.ArgumentParser(prog="python -m bot", description="Integration centre assistant")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (run, chat, db, staff, nlu, scheduler, cases, broadcast, i18n):
        module.register(commands)
    return parser


def load_settings() -> Settings | None:
    try:
        return Settings()
    except ValidationError as error:
        print(describe_settings_error(error), file=sys.stderr)
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings()
    if settings is None:
        return 2
    configure_logging(settings.log_level, settings.log_format)
    handler: Command = args.handler
    return handler(args, settings)
