"""A Graph API stand-in for the WhatsApp Cloud API, and a sender of signed webhooks like Meta's.

It serves what the channel calls (POST /{phone}/messages, POST /{phone}/media, GET /{media-id}, the media
download) over real HTTP on 127.0.0.1, records every request, and answers with queued errors when told to.
With `per_second` set it enforces the number's throughput as Meta does
(https://developers.facebook.com/docs/whatsapp/cloud-api/overview#throughput): a message beyond that many
in the last second is refused with error 130429, and `max_in_any_second()` reports the busiest second.
Shapes: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages and .../reference/media
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from itertools import count
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.e2e.browser import free_port, serve_app
from tests.standins.telegram_api import max_in_any_window

PHONE_NUMBER_ID = "106540352242922"
TOKEN = "EAAG-test-token"
APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
WABA_ID = "102290129340398"
# https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
THROUGHPUT_LIMIT_HIT = 130429


@dataclass
class Failure:
    status: int
    code: int
    retry_after: str | None = None
    title: str = "Test failure"


@dataclass
class Upload:
    filename: str
    media_type: str  # the form's `type` field
    content: bytes
    content_type: str = ""  # the file part's own Content-Type


@dataclass
class GraphApiStandIn:
    """The recorded traffic: `messages` (what a client would see, in order), `reads`, `uploads`."""

    base_url: str = ""
    messages: list[dict[str, Any]] = field(default_factory=list)
    reads: list[str] = field(default_factory=list)
    uploads: list[Upload] = field(default_factory=list)
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    upload_failures: list[Failure] = field(default_factory=list)
    unauthorised: int = 0
    per_second: int | None = None  # the number's throughput, enforced when set
    times: list[float] = field(default_factory=list)  # when each accepted message arrived (monotonic)
    throughput_refused: int = 0  # 130429 answers

    def __post_init__(self) -> None:
        self._ids = count(1)
        self._recent: deque[float] = deque()

    def max_in_any_second(self) -> int:
        return max_in_any_window(self.times)

    def _over_throughput(self, now: float) -> bool:
        if self.per_second is None:
            return False
        while self._recent and now - self._recent[0] >= 1.0:
            self._recent.popleft()
        if len(self._recent) >= self.per_second:
            self.throughput_refused += 1
            return True
        self._recent.append(now)
        return False

    def fail_next(
        self, status: int, code: int, *, retry_after: str | None = None, times: int = 1, on: str = "messages"
    ) -> None:
        """The next `times` messages (not read receipts), or uploads with `on="media"`, answer this error."""
        queue = self.upload_failures if on == "media" else self.failures
        queue.extend(Failure(status, code, retry_after) for _ in range(times))

    def add_media(self, media_id: str, mime_type: str, content: bytes) -> None:
        self.media[media_id] = (mime_type, content)

    def to(self, recipient: str) -> list[dict[str, Any]]:
        return [m for m in self.messages if recipient in (m.get("to"), m.get("recipient"))]

    def _authorised(self, request: Request) -> bool:
        if request.headers.get("authorization") == f"Bearer {TOKEN}":
            return True
        self.unauthorised += 1
        return False

    @staticmethod
    def _error(failure: Failure) -> Response:
        body = {
            "error": {
                "message": f"({failure.code}) {failure.title}",
                "type": "OAuthException",
                "code": failure.code,
                "error_data": {"messaging_product": "whatsapp", "details": failure.title},
                "fbtrace_id": "Atest",
            }
        }
        headers = {"Retry-After": failure.retry_after} if failure.retry_after is not None else None
        return JSONResponse(body, status_code=failure.status, headers=headers)

    async def _messages(self, request: Request) -> Response:
        if not self._authorised(request):
            return self._error(Failure(401, 190, title="Invalid OAuth access token"))
        body = await request.json()
        if body.get("status") == "read":
            self.reads.append(body["message_id"])
            return JSONResponse({"success": True})
        if self.failures:
            return self._error(self.failures.pop(0))
        now = time.monotonic()
        if self._over_throughput(now):
            return self._error(Failure(400, THROUGHPUT_LIMIT_HIT, title="Rate limit hit"))
        self.times.append(now)
        self.messages.append(body)
        wamid = f"wamid.OUT{next(self._ids)}"
        who = body.get("to") or body.get("recipient")
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": who, "wa_id": who}],
                "messages": [{"id": wamid}],
            }
        )

    async def _upload(self, request: Request) -> Response:
        if not self._authorised(request):
            return self._error(Failure(401, 190))
        if self.upload_failures:
            return self._error(self.upload_failures.pop(0))
        async with request.form() as form:  # closes the spooled file
            upload = form["file"]
            assert not isinstance(upload, str)
            assert form["messaging_product"] == "whatsapp"
            content = await upload.read()
            filename, part_type = upload.filename or "", upload.content_type or ""
            self.uploads.append(Upload(filename, str(form["type"]), content, part_type))
        return JSONResponse({"id": f"MEDIA{next(self._ids)}"})

    async def _media_info(self, request: Request) -> Response:
        if not self._authorised(request):
            return self._error(Failure(401, 190))
        media_id = request.path_params["media_id"]
        if media_id not in self.media:
            return self._error(Failure(404, 100, title="Unsupported get request"))
        mime_type, content = self.media[media_id]
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "url": f"{self.base_url}/download/{media_id}",
                "mime_type": mime_type,
                "sha256": hashlib.sha256(content).hexdigest(),
                "file_size": len(content),
                "id": media_id,
            }
        )

    async def _download(self, request: Request) -> Response:
        if not self._authorised(request):
            return Response(status_code=401)
        mime_type, content = self.media[request.path_params["media_id"]]
        return Response(content, media_type=mime_type)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route(f"/{PHONE_NUMBER_ID}/messages", self._messages, methods=["POST"]),
                Route(f"/{PHONE_NUMBER_ID}/media", self._upload, methods=["POST"]),
                Route("/download/{media_id}", self._download, methods=["GET"]),
                Route("/{media_id}", self._media_info, methods=["GET"]),
            ]
        )


@asynccontextmanager
async def graph_api() -> AsyncIterator[GraphApiStandIn]:
    """The stand-in served by uvicorn in this event loop on a free port."""
    standin = GraphApiStandIn()
    port = free_port()
    standin.base_url = f"http://127.0.0.1:{port}"
    async with serve_app(standin.app(), port):
        yield standin


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass
class Person:
    """A WhatsApp user as Meta describes them: a phone number, a BSUID, and whether the phone is shared."""

    phone: str
    bsuid: str
    name: str = "Olena"
    username: str | None = None


def envelope(value: dict[str, Any]) -> dict[str, Any]:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "420555000111", "phone_number_id": PHONE_NUMBER_ID},
        **value,
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": WABA_ID, "changes": [{"field": "messages", "value": value}]}],
    }


def message_value(person: Person, message: dict[str, Any], shape: str) -> dict[str, Any]:
    """`older`: wa_id and from; `current`: BSUID fields beside them; `username`: BSUID without the phone."""
    profile: dict[str, Any] = {"name": person.name}
    if shape == "older":
        contact: dict[str, Any] = {"profile": profile, "wa_id": person.phone}
        sender = {"from": person.phone}
    elif shape == "current":
        contact = {"profile": profile, "wa_id": person.phone, "user_id": person.bsuid}
        sender = {"from": person.phone, "from_user_id": person.bsuid}
    elif shape == "username":
        profile["username"] = person.username or "@olena"
        contact = {"profile": profile, "user_id": person.bsuid}
        sender = {"from_user_id": person.bsuid}
    else:
        raise ValueError(shape)
    return {"contacts": [contact], "messages": [{**sender, **message}]}


def status_value(person: Person, wamid: str, status: str, errors: list[int] | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": wamid,
        "status": status,
        "timestamp": "1764238453",
        "recipient_id": person.phone,
        "recipient_user_id": person.bsuid,
    }
    if errors:
        item["errors"] = [{"code": code, "title": "Test error"} for code in errors]
        del item["recipient_user_id"]
    return {"statuses": [item]}


@dataclass
class Meta:
    """Sends webhooks to the app the way Meta does: JSON, signed with the app secret."""

    http: httpx.AsyncClient
    path: str = "/whatsapp/webhook"

    async def post(
        self, payload: dict[str, Any] | bytes, *, signature: str | None = "valid"
    ) -> httpx.Response:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {"content-type": "application/json"}
        if signature == "valid":
            headers["x-hub-signature-256"] = sign(body)
        elif signature is not None:
            headers["x-hub-signature-256"] = signature
        return await self.http.post(self.path, content=body, headers=headers)
