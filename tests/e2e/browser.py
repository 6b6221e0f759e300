"""A real uvicorn server and Debian's headless Chromium for end-to-end page tests."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from playwright.async_api import Browser, async_playwright
from starlette.types import ASGIApp

from bot.app import Assistant
from bot.web.app import build_web_app
from tests.backends import skip_or_fail

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        skip_or_fail("Chromium is not installed (apt-get install chromium); browser tests need it")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@asynccontextmanager
async def serve(assistant: Assistant) -> AsyncIterator[str]:
    """Serve the app on a free port in this event loop; yields its base URL."""
    async with serve_app(build_web_app(assistant)) as url:
        yield url


@asynccontextmanager
async def serve_app(app: ASGIApp, port: int | None = None) -> AsyncIterator[str]:
    """Any ASGI app with its lifespan, on `port` (a free one by default); yields its base URL."""
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    path = chromium_path()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            await browser.close()
