"""Parses the browser's WebSocket events into InboundMessages; anything malformed becomes None."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

from bot.channels.base import MAX_PAYLOAD_BYTES, Channel, InboundMessage, make_user_ref

_MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# A deep link's payload from the page's `?start=` (the same shape as Telegram's, dialogs/deep_links.py).
_START = _MESSAGE_ID


@dataclass(frozen=True)
class Hello:
    user_ref: str
    locale_hint: str | None
    start: str = ""  # the deep link the page was opened with, "" for none


def parse_event(raw: str) -> dict[str, Any] | None:
    try:
        event = json.loads(raw)
    except ValueError:
        return None
    return event if isinstance(event, dict) and isinstance(event.get("type"), str) else None


def parse_hello(event: dict[str, Any]) -> Hello | None:
    """The first event of a socket names the browser's conversation by a random UUID it keeps."""
    if event.get("type") != "hello":
        return None
    try:
        client_id = uuid.UUID(str(event.get("client_id", "")))
    except ValueError:
        return None
    locale = event.get("locale")
    start = event.get("start")
    return Hello(
        make_user_ref(Channel.WEB, str(client_id)),
        locale if isinstance(locale, str) else None,
        start if isinstance(start, str) and _START.match(start) else "",
    )


def to_inbound(user_ref: str, event: dict[str, Any], locale_hint: str | None) -> InboundMessage | None:
    """`text`, `choice` and `language` events; None for anything else."""
    raw_id = event.get("id")
    message_id = f"web-{raw_id}" if isinstance(raw_id, str) and _MESSAGE_ID.match(raw_id) else None
    extra: dict[str, Any] = {"platform_message_id": message_id, "locale_hint": locale_hint}
    kind = event["type"]
    if kind == "text" and isinstance(event.get("text"), str):
        return InboundMessage.text_message(user_ref, event["text"], **extra)
    if kind == "choice" and isinstance(event.get("payload"), str):
        payload = event["payload"]
        if not payload or len(payload.encode()) > MAX_PAYLOAD_BYTES:
            payload = "invalid"
        label = event.get("label")
        return InboundMessage.button(
            user_ref, payload, text=label[:200] if isinstance(label, str) else "", **extra
        )
    if kind == "language" and isinstance(event.get("locale"), str):
        return InboundMessage.button(user_ref, f"lang:{event['locale'][:8]}", **extra)
    return None
