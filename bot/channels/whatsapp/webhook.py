"""The webhook routes: verification (GET) and signed notifications (POST), stored before the 200.

https://developers.facebook.com/docs/graph-api/webhooks/getting-started
"""

from __future__ import annotations

import hashlib
import hmac

import structlog
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from bot import json_codec
from bot.channels.whatsapp.payloads import parse_webhook
from bot.channels.whatsapp.service import WhatsAppChannel

log = structlog.get_logger(__name__)
PATH = "/whatsapp/webhook"
SIGNATURE_PREFIX = "sha256="


def signature_valid(app_secret: str, body: bytes, header: str | None) -> bool:
    """X-Hub-Signature-256 is "sha256=" + hex HMAC-SHA256 of the raw body, keyed by the app secret."""
    if not header or not header.startswith(SIGNATURE_PREFIX):
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header[len(SIGNATURE_PREFIX) :].strip().lower())


def _channel(request: Request) -> WhatsAppChannel:
    channel: WhatsAppChannel = request.app.state.assistant.whatsapp
    return channel


async def verify(request: Request) -> Response:
    """Meta's subscription check: echo hub.challenge when the verify token matches."""
    channel = _channel(request)
    params = request.query_params
    token = params.get("hub.verify_token", "")
    if params.get("hub.mode") == "subscribe" and hmac.compare_digest(
        token.encode(), channel.verify_token.encode()
    ):
        log.info("whatsapp_webhook_verified")
        return PlainTextResponse(params.get("hub.challenge", ""))
    log.warning("whatsapp_webhook_verification_refused")
    return PlainTextResponse("forbidden", status_code=403)


async def receive(request: Request) -> Response:
    """Signature first, then parse and store; 200 only once every message is in the inbox.

    A body that is signed but not JSON can never parse, however often Meta retries it (Meta retries
    any non-200 for days), so it is acknowledged with 200 and logged. A database failure answers 500:
    the message is not stored yet, and Meta's retry brings it back.
    """
    channel = _channel(request)
    body = await request.body()
    if not signature_valid(channel.app_secret, body, request.headers.get("x-hub-signature-256")):
        log.warning("whatsapp_bad_signature", has_header="x-hub-signature-256" in request.headers)
        return PlainTextResponse("forbidden", status_code=403)
    try:
        data = json_codec.loads(body)
    except ValueError:
        log.warning("whatsapp_malformed_body", size=len(body))
        return PlainTextResponse("ok")
    events = parse_webhook(data)
    await channel.accept(events)
    return PlainTextResponse("ok")


def whatsapp_routes() -> list[BaseRoute]:
    return [Route(PATH, verify, methods=["GET"]), Route(PATH, receive, methods=["POST"])]
