"""GraphClient: the few Graph API calls the channel needs, with Meta's error codes mapped to what we do next.

Error codes: https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import aiohttp
import structlog

from bot import json_codec

log = structlog.get_logger(__name__)

# Throughput limits: wait (Retry-After when given) and try again.
RATE_LIMIT_CODES = frozenset({4, 80007, 130429, 131056})
# More than 24 hours since the client wrote: only an approved template may be sent.
REENGAGEMENT_CODES = frozenset({131047})
# The client cannot get messages: not on WhatsApp / undeliverable, unsupported, not an allowed test number.
UNREACHABLE_CODES = frozenset({131026, 131051, 131030, 131021})
# The access token expired or was revoked.
AUTH_CODES = frozenset({190})
MAX_ATTEMPTS = 3
MAX_WAIT_SECONDS = 30.0
# 20 s for a whole call, 5 s to connect (a Graph call is small; a stuck one must not hold a reply).
TIMEOUT = aiohttp.ClientTimeout(total=20, sock_connect=5)
# A 10 MB file may take longer than 20 s: the limit is 20 s without a byte, as for each read before.
DOWNLOAD_TIMEOUT = aiohttp.ClientTimeout(total=None, sock_connect=5, sock_read=20)
DOWNLOAD_CHUNK = 64 * 1024


class Failure(StrEnum):
    RATE_LIMITED = "rate_limited"
    REENGAGEMENT_REQUIRED = "reengagement_required"
    UNREACHABLE = "unreachable"
    AUTH = "auth"
    OTHER = "other"


def classify(status: int, code: int | None) -> Failure:
    if code in RATE_LIMIT_CODES or status == 429:
        return Failure.RATE_LIMITED
    if code in REENGAGEMENT_CODES:
        return Failure.REENGAGEMENT_REQUIRED
    if code in UNREACHABLE_CODES:
        return Failure.UNREACHABLE
    if code in AUTH_CODES or status == 401:
        return Failure.AUTH
    return Failure.OTHER


class GraphError(Exception):
    """A refused Graph API call; `failure` says what to do about it. The message holds no user data."""

    def __init__(self, status: int, code: int | None, title: str, retry_after: float | None = None) -> None:
        super().__init__(f"Graph API {status} code={code} {title}".strip())
        self.status = status
        self.code = code
        self.title = title
        self.retry_after = retry_after
        self.failure = classify(status, code)


@dataclass(frozen=True)
class MediaInfo:
    url: str
    mime_type: str
    file_size: int | None


def _retry_after(response: aiohttp.ClientResponse) -> float | None:
    raw = response.headers.get("retry-after", "")
    try:
        return max(0.0, float(raw))
    except ValueError:
        return None


async def _error(response: aiohttp.ClientResponse) -> GraphError:
    """The refusal in `response`; its body is read here, once, and may be anything (HTML from a proxy)."""
    code: int | None = None
    title = ""
    try:
        detail = json_codec.loads(await response.read()).get("error", {})
        code = int(detail["code"]) if "code" in detail else None
        # `message` and `error_data.details` may quote what we sent; only Meta's short title is kept.
        title = str(detail.get("error_user_title") or detail.get("type") or "")[:80]
    except (ValueError, TypeError, AttributeError, KeyError):
        pass
    return GraphError(response.status, code, title, _retry_after(response))


class GraphClient:
    """One phone number's client; retries rate-limited calls with back-off, honouring Retry-After.

    Except `send`: a message's rate limit is the sender's to handle (it pauses the shared bucket of the
    number, or of the pair, for every process; bot/channels/whatsapp/pacing.py).
    The HTTP session is aiohttp's (aiogram's own client, about a fifth of httpx's CPU per call:
    bench/graph_client.py); it is opened on first use, because a ClientSession belongs to its event loop.
    """

    def __init__(
        self,
        base_url: str,
        phone_number_id: str,
        token: str,
        *,
        http: aiohttp.ClientSession | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_attempts: int = MAX_ATTEMPTS,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._phone = phone_number_id
        self._http = http
        self._auth = {"Authorization": f"Bearer {token}"}
        self._json = {**self._auth, "Content-Type": "application/json"}
        self._sleep = sleep
        self._attempts = max_attempts

    def _session(self) -> aiohttp.ClientSession:
        if self._http is None:
            self._http = aiohttp.ClientSession(timeout=TIMEOUT)
        return self._http

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.close()

    async def send(self, body: dict[str, Any]) -> str:
        """POST /{phone}/messages; returns the new message's id (wamid). Rate limits are raised at once."""
        data = await self._call(
            "POST", f"{self._base}/{self._phone}/messages", payload=body, retry_rate_limited=False
        )
        messages = data.get("messages") or [{}]
        return str(messages[0].get("id", ""))

    async def mark_read(self, message_id: str) -> None:
        """Blue ticks for the client: we have the message and are working on it."""
        body = {"messaging_product": "whatsapp", "status": "read", "message_id": message_id}
        await self._call("POST", f"{self._base}/{self._phone}/messages", payload=body)

    async def upload(self, filename: str, media_type: str, content: bytes) -> str:
        """POST /{phone}/media (multipart); returns the media id to send."""

        def form() -> aiohttp.FormData:
            data = aiohttp.FormData()
            data.add_field("messaging_product", "whatsapp")
            data.add_field("type", media_type)
            data.add_field("file", content, filename=filename, content_type=media_type)
            return data

        data = await self._call("POST", f"{self._base}/{self._phone}/media", form=form)
        return str(data["id"])

    async def media_info(self, media_id: str) -> MediaInfo:
        """GET /{media-id}: a short-lived download URL with the type and size."""
        data = await self._call("GET", f"{self._base}/{media_id}")
        size = data.get("file_size")
        return MediaInfo(
            str(data["url"]), str(data.get("mime_type", "")), int(size) if size is not None else None
        )

    async def download(self, url: str, limit: int) -> bytes | None:
        """The file behind a media URL (the bearer token is required); None when it is over `limit` bytes."""
        session = self._session()
        async with session.get(url, headers=self._auth, timeout=DOWNLOAD_TIMEOUT) as response:
            if response.status >= 400:
                raise await _error(response)
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.content.iter_chunked(DOWNLOAD_CHUNK):
                size += len(chunk)
                if size > limit:
                    response.close()  # drop the connection instead of reading the rest of the file
                    return None
                chunks.append(chunk)
            return b"".join(chunks)

    async def _call(
        self,
        method: str,
        url: str,
        *,
        payload: dict[str, Any] | None = None,
        form: Callable[[], aiohttp.FormData] | None = None,
        retry_rate_limited: bool = True,
    ) -> dict[str, Any]:
        """One Graph call with its retries; `form` builds a multipart body afresh for each attempt."""
        attempt = 0
        while True:
            attempt += 1
            content: bytes | aiohttp.FormData | None
            if payload is not None:
                headers, content = self._json, json_codec.dumps_bytes(payload)
            else:
                headers, content = self._auth, form() if form is not None else None
            try:
                async with self._session().request(method, url, headers=headers, data=content) as response:
                    if response.status < 400:
                        data = await response.json(content_type=None)
                        return data if isinstance(data, dict) else {}
                    error = await _error(response)
            except aiohttp.ClientConnectorError:
                # Nothing reached Meta, so trying again cannot deliver twice.
                if attempt >= self._attempts:
                    raise
                await self._sleep(float(2 ** (attempt - 1)))
                continue
            if (
                error.failure is not Failure.RATE_LIMITED
                or attempt >= self._attempts
                or not retry_rate_limited
            ):
                raise error
            wait = min(error.retry_after if error.retry_after is not None else 2.0**attempt, MAX_WAIT_SECONDS)
            log.info("whatsapp_rate_limited", code=error.code, retry_in=wait, attempt=attempt)
            await self._sleep(wait)
