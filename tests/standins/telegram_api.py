"""A local stand-in for the Telegram Bot API that enforces its limits, for tests and bench/broadcast.py.

Real HTTP (aiohttp), the same URL shape as api.telegram.org (`/bot<token>/<method>`), so the bot talks to
it through aiogram's own session with TELEGRAM_API_BASE. It enforces what Telegram documents
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
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

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


class TelegramStandIn:
    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.record = Record()
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
        if self._runner is not None:
            await self._runner.cleanup()

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
        self.record = Record()
        self._recent.clear()
        self._chat_last.clear()
        self._paused_until.clear()
        return web.json_response({"ok": True})

    async def _method(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = dict(await request.post()) if request.method == "POST" else dict(request.query)
        if method == "getMe":
            return _ok(BOT_USER)
        if method in ("sendChatAction", "answerCallbackQuery", "editMessageReplyMarkup"):
            return _ok(True)
        if method != "sendMessage":
            return _error(404, "Not Found: method not found")
        return self._send_message(token, params)

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
        self._message_id += 1
        message = {
            "message_id": self._message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER,
            "text": str(params.get("text", "")),
        }
        return _ok(message)

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


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


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
