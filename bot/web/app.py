"""Builds the Starlette app around an Assistant, with start-up and graceful shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import structlog
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Route

from bot.app import Assistant
from bot.channels.webchat.routes import webchat_routes
from bot.channels.whatsapp.webhook import whatsapp_routes
from bot.core.background import BackgroundService
from bot.web.health import healthz
from bot.web.staff.routes import staff_routes

log = structlog.get_logger(__name__)


def build_web_app(
    assistant: Assistant,
    background: Sequence[BackgroundService] = (),
    webhooks: Sequence[BaseRoute] = (),
) -> Starlette:
    """`webhooks`: routes of channels built outside the assistant (Telegram's webhook mode)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        for service in background:
            await service.start()
        log.info(
            "started",
            web=f"http://{assistant.settings.web_host}:{assistant.settings.web_port}/",
            event_loop=type(asyncio.get_running_loop()).__module__.split(".")[0],
        )
        try:
            yield
        finally:
            # Stop taking new work first, then let in-flight messages finish, then close connections.
            for service in reversed(background):
                await service.stop()
            await assistant.aclose()
            log.info("stopped")

    routes = [*webhooks, Route("/healthz", healthz, methods=["GET"]), *webchat_routes(), *staff_routes()]
    if assistant.whatsapp is not None:
        routes.extend(whatsapp_routes())
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
    )
    app.state.assistant = assistant
    return app
