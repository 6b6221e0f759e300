"""`python -m bot i18n generate`: regenerate the typed Msg enum after editing locales/en."""

from __future__ import annotations

import argparse
from typing import Any

from bot.i18n.generate import MSG_MODULE, generate
from bot.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("i18n", help="translation tooling")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("generate", help="rewrite bot/i18n/msg.py from locales/en").set_defaults(
        handler=_generate
    )


def _generate(args: argparse.Namespace, settings: Settings) -> int:
    changed = generate()
    print(f"{MSG_MODULE} {'updated' if changed else 'already up to date'}")
    return 0
