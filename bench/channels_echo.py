"""The baseline of bench/channels.py: a bare aiogram 3 echo bot served by aiogram's own webhook support.

One Dispatcher, one message handler that answers the same text, aiogram.webhook.aiohttp_server's
SimpleRequestHandler (it answers the webhook at once and handles the update in a task, as the
assistant's inbox does) on aiohttp, sending through aiogram's AiohttpSession to the Bot API stand-in.

    python bench/channels_echo.py --api http://127.0.0.1:PORT --secret S   # prints its webhook URL
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.channels_standin import free_port

PATH = "/telegram/webhook"


async def serve(api: str, token: str, secret: str) -> None:
    from aiogram import Bot, Dispatcher, F
    from aiogram.client.default import DefaultBotProperties
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import Message
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from aiohttp import web

    session = AiohttpSession(api=TelegramAPIServer.from_base(api))
    bot = Bot(token, session=session, default=DefaultBotProperties(parse_mode=None))
    dispatcher = Dispatcher()

    @dispatcher.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    app = web.Application()
    SimpleRequestHandler(dispatcher, bot, secret_token=secret).register(app, path=PATH)
    setup_application(app, dispatcher, bot=bot)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print(f"http://127.0.0.1:{port}{PATH}", flush=True)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--api", required=True, help="the Bot API stand-in's base URL")
    parser.add_argument("--token", required=True)
    parser.add_argument("--secret", required=True, help="X-Telegram-Bot-Api-Secret-Token")
    parser.add_argument(
        "--loop",
        choices=["asyncio", "uvloop"],
        default="asyncio",
        help="the event loop: asyncio, as aiogram's webhook examples run (web.run_app), or uvloop, the one "
        "`python -m bot run` picks as uvicorn does",
    )
    args = parser.parse_args()
    if args.loop == "uvloop":
        import uvloop

        uvloop.run(serve(args.api, args.token, args.secret))
    else:
        asyncio.run(serve(args.api, args.token, args.secret))


if __name__ == "__main__":
    main()
