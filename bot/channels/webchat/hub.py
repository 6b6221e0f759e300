"""WebChatHub: the open WebSockets of each web client; the web chat's ChannelSender."""

from __future__ import annotations

import base64
from collections import defaultdict
from typing import Any, Protocol

import structlog

from bot.channels.base import Attachment, Outbound, RenderedReply
from bot.core.privacy import anon_ref
from bot.i18n.translator import Translator

log = structlog.get_logger(__name__)


class JsonSocket(Protocol):
    async def send_json(self, data: Any, mode: str = "text") -> None: ...


def data_url(attachment: Attachment) -> str:
    """The file inside the link itself (RFC 2397): nothing to store on the server, nothing to fetch."""
    return f"data:{attachment.media_type};base64,{base64.b64encode(attachment.content).decode('ascii')}"


def file_event(attachment: Attachment) -> dict[str, str]:
    return {"filename": attachment.filename, "media_type": attachment.media_type, "url": data_url(attachment)}


def reply_event(reply: RenderedReply) -> dict[str, Any]:
    return {
        "type": "reply",
        "text": reply.text,
        "choices": [{"payload": c.payload, "label": c.label} for c in reply.choices],
        "attachments": [file_event(f) for f in reply.attachments],
    }


class WebChatHub:
    """Every tab of a client gets every reply; a client with no tab open reads it on return."""

    def __init__(self, translator: Translator) -> None:
        self._translator = translator
        self._sockets: dict[str, set[JsonSocket]] = defaultdict(set)

    def attach(self, user_ref: str, socket: JsonSocket) -> None:
        self._sockets[user_ref].add(socket)

    def detach(self, user_ref: str, socket: JsonSocket) -> None:
        sockets = self._sockets.get(user_ref)
        if sockets is not None:
            sockets.discard(socket)
            if not sockets:
                del self._sockets[user_ref]

    def connected(self, user_ref: str) -> int:
        return len(self._sockets.get(user_ref, ()))

    async def send(self, outbound: Outbound) -> None:
        events = [reply_event(r) for r in self._translator.render_outbound(outbound)]
        for socket in list(self._sockets.get(outbound.user_ref, ())):
            try:
                for event in events:
                    await socket.send_json(event)
            except Exception:
                # A tab that closed mid-send; the transcript still holds the reply for its return.
                log.info("webchat_send_failed", user=anon_ref(outbound.user_ref))
                self.detach(outbound.user_ref, socket)
