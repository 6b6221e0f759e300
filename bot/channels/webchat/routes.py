"""Web chat routes: the page and its WebSocket; translation only, the engine decides."""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.websockets import WebSocket, WebSocketDisconnect

from bot.app import Assistant
from bot.channels.base import InboundMessage
from bot.channels.webchat.hub import reply_event
from bot.channels.webchat.protocol import parse_event, parse_hello, to_inbound
from bot.core.locale import normalise_locale, resolve_locale
from bot.core.privacy import anon_ref
from bot.core.transcript import TranscriptEntry
from bot.i18n.msg import Msg
from bot.paths import REPO_ROOT

log = structlog.get_logger(__name__)
STATIC_DIR = REPO_ROOT / "bot" / "channels" / "webchat" / "static"
templates = Jinja2Templates(directory=str(REPO_ROOT / "bot" / "web" / "templates"))
CHROME = {msg.value.removeprefix("webchat-"): msg for msg in Msg if msg.value.startswith("webchat-")}


def chrome_strings(assistant: Assistant, locale: str) -> dict[str, str]:
    """The page's own labels in one language, so the browser holds no user-facing text."""
    return {
        key: assistant.translator.format(locale, msg, {"centre": assistant.centre.name})
        for key, msg in CHROME.items()
    }


def page_locale(assistant: Assistant, request: Request) -> str:
    settings = assistant.settings
    asked = normalise_locale(request.query_params.get("lang"))
    if asked in settings.enabled_locales:
        return str(asked)
    for part in request.headers.get("accept-language", "").split(","):
        code = normalise_locale(part.split(";", 1)[0])
        if code in settings.enabled_locales:
            return str(code)
    return settings.default_locale


async def chat_page(request: Request) -> Response:
    assistant: Assistant = request.app.state.assistant
    locale = page_locale(assistant, request)
    languages = [
        (code, assistant.translator.format(code, Msg(f"language-{code}")))
        for code in assistant.settings.enabled_locales
    ]
    return templates.TemplateResponse(
        request,
        "webchat.html",
        {"locale": locale, "chrome": chrome_strings(assistant, locale), "languages": languages},
    )


def history_event(
    locale: str, chrome: dict[str, str], entries: tuple[TranscriptEntry, ...]
) -> dict[str, Any]:
    return {
        "type": "history",
        "locale": locale,
        "chrome": chrome,
        "messages": [{"from": e.direction, "text": e.text, "choices": list(e.choices)} for e in entries],
    }


async def chat_socket(websocket: WebSocket) -> None:
    assistant: Assistant = websocket.app.state.assistant
    await websocket.accept()
    hello = parse_hello(parse_event(await websocket.receive_text()) or {})
    if hello is None:
        await websocket.send_json({"type": "error", "code": "bad_hello"})
        await websocket.close(code=1008)
        return
    user_ref = hello.user_ref
    assistant.webchat.attach(user_ref, websocket)
    try:
        view = await assistant.transcripts.recent(user_ref)
        settings = assistant.settings
        locale = resolve_locale(
            (view.locale, hello.locale_hint), settings.enabled_locales, settings.default_locale
        )
        await websocket.send_json(history_event(locale, chrome_strings(assistant, locale), view.entries))
        if not view.entries or hello.start:
            # A first visit gets the welcome; a page opened by a deep link (`/?start=course_a1`) goes
            # where the link points, through the privacy notice first for a newcomer.
            opened = InboundMessage.opened(user_ref, hello.start, locale_hint=locale)
            locale = await _handle(assistant, websocket, opened, locale)
        while True:
            event = parse_event(await websocket.receive_text())
            inbound = to_inbound(user_ref, event, locale) if event else None
            if inbound is None:
                await websocket.send_json({"type": "error", "code": "bad_event"})
                continue
            locale = await _handle(assistant, websocket, inbound, locale)
            if event and isinstance(event.get("id"), str):
                await websocket.send_json({"type": "ack", "id": event["id"]})
    except WebSocketDisconnect:
        log.info("webchat_disconnected", user=anon_ref(user_ref))
    finally:
        assistant.webchat.detach(user_ref, websocket)


async def _handle(assistant: Assistant, websocket: WebSocket, inbound: InboundMessage, locale: str) -> str:
    """Run the engine shielded from a closing socket (the transcript keeps the reply); return the locale."""
    outbound = await asyncio.shield(assistant.engine.handle(inbound))
    if outbound.locale != locale and outbound.replies:
        await websocket.send_json(
            {
                "type": "chrome",
                "locale": outbound.locale,
                "chrome": chrome_strings(assistant, outbound.locale),
            }
        )
        locale = outbound.locale
    if assistant.webchat.connected(inbound.user_ref):
        await assistant.webchat.send(outbound)
    else:
        for reply in assistant.translator.render_outbound(outbound):
            await websocket.send_json(reply_event(reply))
    return locale


def webchat_routes() -> list[BaseRoute]:
    return [
        Route("/", chat_page, methods=["GET"]),
        WebSocketRoute("/ws/chat", chat_socket),
        Mount("/static/webchat", StaticFiles(directory=str(STATIC_DIR)), name="webchat-static"),
    ]
