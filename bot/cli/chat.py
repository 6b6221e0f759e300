"""`python -m bot chat [--lang xx] [--user ID]`: the console channel for content editors."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import uuid
from collections.abc import AsyncIterator
from typing import Any

from bot.app import build_assistant
from bot.channels.base import Channel, Outbound, make_user_ref
from bot.channels.console import converse
from bot.db import migrate
from bot.nlu.service import load_understanding
from bot.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("chat", help="talk to the assistant in the terminal (reads a pipe too)")
    parser.add_argument("--lang", help="the language the client's device would suggest, e.g. uk")
    parser.add_argument("--user", help="continue the conversation of this console user (default: a new one)")
    parser.set_defaults(handler=_chat)


async def _stdin_lines() -> AsyncIterator[str]:
    prompt = sys.stdin.isatty()
    while True:
        if prompt:
            print("you> ", end="", flush=True)
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:
            return
        yield line


async def chat(settings: Settings, lang: str | None, user: str | None) -> int:
    await asyncio.to_thread(migrate.upgrade, settings.database_url)
    understanding = await asyncio.to_thread(load_understanding, settings.nlu_model_path)
    assistant = build_assistant(settings, understanding)
    user_ref = make_user_ref(Channel.CONSOLE, user or uuid.uuid4().hex[:12])

    def render(outbound: object) -> list[Any]:
        assert isinstance(outbound, Outbound)
        return assistant.translator.render_outbound(outbound)

    try:
        await converse(
            _stdin_lines(),
            assistant.engine.handle,
            render,
            lambda text: print(text, flush=True),
            user_ref,
            lang,
            echo=not sys.stdin.isatty(),
        )
    finally:
        await assistant.aclose()
    return 0


def _chat(args: argparse.Namespace, settings: Settings) -> int:
    if settings.sqlite_path is not None:
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    if settings.log_level == "INFO":
        # The conversation is the output here; routine INFO lines would drown it.
        logging.getLogger().setLevel(logging.WARNING)
    return asyncio.run(chat(settings, args.lang, args.user))
