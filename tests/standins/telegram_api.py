"""A local stand-in for the Telegram Bot API that enforces its limits, for tests and bench/broadcast.py.

Real HTTP (aiohttp), the same URL shape as api.telegram.org (`/bot<token>/<method>`), so the bot talks to
it through aiogram's own session with TELEGRAM_API_BASE. Requests and answers follow
https://core.telegram.org/bots/api: every call is recorded in `calls`; sent messages are kept per chat
(and edited in place) as the client's app would show them; setWebhook is remembered, and `post_update`
sends an update to that webhook with its secret token, as Telegram does. It enforces what Telegram documents
(https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this): at most 30 messages in
any second per bot and one per second per chat, answering 429 with `retry_after` otherwise. Chats whose
id is a multiple of `blocked_every` answer 403 (blocked by the user), those with `chat % gone_every == 1`
answer 400 (chat not found); `refuse_next()` answers the next messages 429 whatever the pace, as Telegram
may at any time. `GET /stats` returns what arrived: accepted messages per chat with their times, 429s,
and requests that came while a `retry_after` was still running.

    python -m tests.standins.telegram_api --port 8099 --blocked-every 50
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections import Counter, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from itertools import count
from typing import Any

import aiohttp
from aiohttp import web

BOT_USER = {"id": 42, "is_bot": True, "first_name": "Assistant", "username": "integration_test_bot"}


@dataclass
class Limits:
    bot_per_second: int = 30
    chat_interval: float = 1.0
    blocked_every: int = 0
    gone_every: int = 0
    retry_after: int = 1


@dataclass
class Record:
    accepted: Counter[int] = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)  # accepted messages
    arrivals: list[tuple[int, float]] = field(default_factory=list)  # accepted messages: chat, time
    refused_at: list[float] = field(default_factory=list)  # when each 429 was answered
    answered: list[float] = field(default_factory=list)  # every sendMessage within the limits (200/403/400)
    too_many: int = 0
    ignored_retry_after: int = 0
    blocked: int = 0
    gone: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # why each 429 was answered


def max_in_any_window(times: list[float], window: float = 1.0) -> int:
    """The most events in any half-open window [t, t + window), by two pointers over sorted times."""
    ordered = sorted(times)
    best = start = 0
    for end, at in enumerate(ordered):
        while at - ordered[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


@dataclass(frozen=True)
class Call:
    """One Bot API request: the method and its parameters, JSON-serialised ones decoded, and how they
    came (application/json, a form or a multipart form with files)."""

    method: str
    params: dict[str, Any]
    content_type: str = ""


@dataclass(frozen=True)
class Webhook:
    url: str
    secret_token: str | None
    allowed_updates: list[str] | None
    drop_pending_updates: bool


# Methods that change nothing the tests look at: accepted and recorded, answered True.
ACCEPTED = frozenset(
    {
        "sendChatAction",
        "answerCallbackQuery",
        "setMyCommands",
        "setMyDescription",
        "setMyShortDescription",
        "editForumTopic",
        "closeForumTopic",
    }
)
ANY_SECRET = object()
# Parameters the Bot API takes as JSON-serialised objects or arrays in a form.
JSON_PARAMS = frozenset(
    {"reply_markup", "allowed_updates", "entities", "caption_entities", "commands", "reply_parameters"}
    | {"link_preview_options", "scope"}
)


class TelegramStandIn:
    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.record = Record()
        self.calls: list[Call] = []
        self.chats: dict[int, dict[int, dict[str, Any]]] = {}  # chat -> message id -> message
        self.files: dict[str, bytes] = {}  # what getFile and the download serve, by file_id
        self.uploads: list[tuple[str, bytes]] = []  # documents sent: file name, content
        self.webhook: Webhook | None = None
        self._update_ids = count(100_000)
        self._client: aiohttp.ClientSession | None = None
        self._recent: dict[str, deque[float]] = {}
        self._chat_last: dict[int, float] = {}
        self._paused_until: dict[str, float] = {}
        self._message_id = 0
        self._refuse = 0
        self._runner: web.AppRunner | None = None
        self.url = ""

    def refuse_next(self, times: int = 1) -> None:
        """Answer the next `times` messages 429 with `retry_after`, as a busy Telegram may."""
        self._refuse += times

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        app.router.add_get("/stats", self._stats)
        app.router.add_post("/reset", self._reset)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        self._runner = web.AppRunner(self.app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        assert server is not None
        sockets = getattr(server, "sockets", None) or []
        self.url = f"http://{host}:{sockets[0].getsockname()[1]}"
        return self.url

    async def stop(self) -> None:
        if self._client is not None:
            await self._client.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what the tests read -----------------------------------------------------------------------

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        return [call.params for call in self.calls if call.method == method]

    def messages_in(self, chat_id: int) -> list[dict[str, Any]]:
        """The chat as the client sees it: every message the bot sent, edits applied, oldest first."""
        return list(self.chats.get(chat_id, {}).values())

    # --- Telegram's side of the webhook ------------------------------------------------------------

    def next_update_id(self) -> int:
        return next(self._update_ids)

    async def post_update(
        self, update: dict[str, Any] | bytes, *, secret: object = ANY_SECRET
    ) -> tuple[int, str]:
        """POST to the URL of the last setWebhook, with its secret token unless `secret` says otherwise
        (None: no header); returns the status and body of the bot's answer."""
        hook = self.webhook
        assert hook is not None, "the bot has not called setWebhook"
        token = hook.secret_token if secret is ANY_SECRET else secret
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = str(token)
        body = update if isinstance(update, bytes) else json.dumps(update).encode()
        if self._client is None:
            self._client = aiohttp.ClientSession()
        async with self._client.post(hook.url, data=body, headers=headers) as response:
            return response.status, await response.text()

    def stats(self) -> dict[str, Any]:
        r = self.record
        return {
            "accepted": {str(chat): n for chat, n in r.accepted.items()},
            "times": r.times,
            "too_many": r.too_many,
            "too_many_reasons": dict(r.reasons),
            "ignored_retry_after": r.ignored_retry_after,
            "blocked": r.blocked,
            "gone": r.gone,
            "answered": r.answered,
            "max_per_s_in_any_second": max_in_any_window(r.answered),
        }

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.stats())

    async def _reset(self, request: web.Request) -> web.Response:
        self.forget()
        return web.json_response({"ok": True})

    def forget(self) -> None:
        """A clean slate for the next scenario; the webhook stays set, as it does at Telegram."""
        self.record = Record()
        self.calls.clear()
        self.chats.clear()
        self.uploads.clear()
        self.files.clear()
        self._recent.clear()
        self._chat_last.clear()
        self._paused_until.clear()

    async def _method(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params, uploads = await _params(request)
        self.calls.append(Call(method, params, request.content_type))
        if method == "getMe":
            return _ok(BOT_USER)
        if method in ACCEPTED:
            return _ok(True)
        if method == "setWebhook":
            drop = params.get("drop_pending_updates") in (True, "true")
            self.webhook = Webhook(
                str(params["url"]), params.get("secret_token"), params.get("allowed_updates"), drop
            )
            return _ok(True, "Webhook was set")
        if method == "deleteWebhook":
            self.webhook = None
            return _ok(True, "Webhook was deleted")
        if method in ("editMessageReplyMarkup", "editMessageText"):
            return self._edit(method, params)
        if method == "sendDocument":
            return self._send_document(params, uploads)
        if method == "createForumTopic":
            self._message_id += 1  # a topic's thread id is the id of its first (service) message
            topic = {"message_thread_id": self._message_id, "name": params.get("name", "")}
            return _ok({**topic, "icon_color": int(params.get("icon_color", 7322096))})
        if method == "getFile":
            return self._get_file(str(params.get("file_id", "")))
        if method != "sendMessage":
            return _error(404, "Not Found: method not found")
        return self._send_message(token, params)

    def _new_message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        self._message_id += 1
        message = {
            "message_id": self._message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": BOT_USER,
            **{key: value for key, value in content.items() if value is not None},
        }
        self.chats.setdefault(chat_id, {})[self._message_id] = message
        return message

    def _edit(self, method: str, params: dict[str, Any]) -> web.Response:
        """https://core.telegram.org/bots/api#editmessagereplymarkup: the edited Message, or 400."""
        if "inline_message_id" in params:
            return _ok(True)
        chat = self.chats.get(int(str(params.get("chat_id", "0"))), {})
        message = chat.get(int(str(params.get("message_id", "0"))))
        if message is None:
            return _error(400, "Bad Request: message to edit not found")
        edited = dict(message)
        if method == "editMessageText":
            edited["text"] = str(params.get("text", ""))
        edited.pop("reply_markup", None)
        if params.get("reply_markup"):
            edited["reply_markup"] = params["reply_markup"]
        if edited == message:
            return _error(400, "Bad Request: message is not modified")
        edited["edit_date"] = int(time.time())
        chat[message["message_id"]] = edited
        return _ok(edited)

    def _send_document(self, params: dict[str, Any], uploads: dict[str, tuple[str, bytes]]) -> web.Response:
        reference = str(params.get("document", ""))
        upload = uploads.get(reference.removeprefix("attach://")) or uploads.get("document")
        if upload is None:
            return _error(400, "Bad Request: there is no document in the request")
        name, content = upload
        self.uploads.append(upload)
        file_id = f"BQAC{self._message_id + 1}"
        document: dict[str, Any] = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name}
        document["file_size"] = len(content)
        message = self._new_message(int(str(params["chat_id"])), document=document)
        return _ok(message)

    def _get_file(self, file_id: str) -> web.Response:
        content = self.files.get(file_id)
        if content is None:
            return _error(400, "Bad Request: invalid file_id")
        path = f"documents/{file_id}"
        return _ok(
            {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_size": len(content),
                "file_path": path,
            }
        )

    async def _download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        content = self.files.get(file_id)
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content, content_type="application/octet-stream")

    def _send_message(self, token: str, params: dict[str, Any]) -> web.Response:
        now = time.monotonic()
        chat_id = int(str(params.get("chat_id", "0")))
        limits, r = self.limits, self.record
        if now < self._paused_until.get(token, 0.0):
            r.reasons["paused"] += 1
            r.ignored_retry_after += 1
            return self._too_many(token, now)
        if self._refuse:
            self._refuse -= 1
            r.reasons["refused"] += 1
            return self._too_many(token, now)
        recent = self._recent.setdefault(token, deque())
        while recent and now - recent[0] >= 1.0:
            recent.popleft()
        if len(recent) >= limits.bot_per_second:
            r.reasons["bot"] += 1
            return self._too_many(token, now)
        if now - self._chat_last.get(chat_id, -1e9) < limits.chat_interval:
            r.reasons["chat"] += 1
            return self._too_many(token, now)
        # A refused message still counts against the bot's limit, as any request does.
        recent.append(now)
        r.answered.append(now)
        self._chat_last[chat_id] = now
        if limits.blocked_every and chat_id % limits.blocked_every == 0:
            r.blocked += 1
            return _error(403, "Forbidden: bot was blocked by the user")
        if limits.gone_every and chat_id % limits.gone_every == 1:
            r.gone += 1
            return _error(400, "Bad Request: chat not found")
        r.accepted[chat_id] += 1
        r.times.append(now)
        r.arrivals.append((chat_id, now))
        text = str(params.get("text", ""))
        markup = params.get("reply_markup") or None
        thread = int(params["message_thread_id"]) if "message_thread_id" in params else None
        return _ok(self._new_message(chat_id, text=text, reply_markup=markup, message_thread_id=thread))

    def _too_many(self, token: str, now: float) -> web.Response:
        self.record.too_many += 1
        self.record.refused_at.append(now)
        retry = self.limits.retry_after
        self._paused_until[token] = max(self._paused_until.get(token, 0.0), now + retry)
        return web.json_response(
            {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {retry}",
                "parameters": {"retry_after": retry},
            },
            status=429,
        )


@asynccontextmanager
async def serving(limits: Limits | None = None) -> AsyncIterator[TelegramStandIn]:
    """A stand-in listening on a free port for the time of the block."""
    standin = TelegramStandIn(limits)
    await standin.start()
    try:
        yield standin
    finally:
        await standin.stop()


async def _params(request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
    """Parameters in any of the four ways the Bot API takes them, JSON-serialised values decoded;
    and the uploaded files by field name (a parameter refers to one as attach://<name>)."""
    uploads: dict[str, tuple[str, bytes]] = {}
    if request.content_type == "application/json":
        return dict(await request.json()), uploads
    raw = dict(await request.post()) if request.method == "POST" else dict(request.query)
    params: dict[str, Any] = dict(request.query)
    for key, value in raw.items():
        if isinstance(value, web.FileField):
            uploads[key] = (value.filename, value.file.read())
        elif key in JSON_PARAMS:
            params[key] = json.loads(value)
        else:
            params[key] = value
    return params, uploads


def _ok(result: Any, description: str | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": True, "result": result}
    if description is not None:
        body["description"] = description
    return web.json_response(body)


def _error(code: int, description: str) -> web.Response:
    return web.json_response({"ok": False, "error_code": code, "description": description}, status=code)


async def _serve(args: argparse.Namespace) -> None:
    limits = Limits(args.bot_limit, args.chat_interval, args.blocked_every, args.gone_every)
    standin = TelegramStandIn(limits)
    url = await standin.start(port=args.port)
    print(url, flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await standin.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--bot-limit", type=int, default=30)
    parser.add_argument("--chat-interval", type=float, default=1.0)
    parser.add_argument("--blocked-every", type=int, default=0)
    parser.add_argument("--gone-every", type=int, default=0)
    asyncio.run(_serve(parser.parse_args()))


if __name__ == "__main__":
    main()
