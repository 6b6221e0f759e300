"""Broadcast benchmark: rate, sender overhead, SIGKILL resume and two senders, against a Telegram stand-in.

Run: `.venv/bin/python bench/broadcast.py` prints JSON on stdout (logs on stderr). Every scenario sends a
real broadcast through the real outbox (BroadcastSender -> Notifier -> TelegramSender -> aiogram's HTTP
session) to tests/standins/telegram_api.py, a separate process that enforces Telegram's limits (30
messages in any second per bot, 1 per second per chat, 429 with retry_after) and answers 403 for every
50th chat (blocked). Each sender is a separate process (`bench/broadcast.py worker ...`).

- rate: `--recipients` (10,000) subscribers; achieved rate (target >= 95% of 30/s), duplicates and lost
  (must be 0), 429s received and requests sent while a retry_after was running (must be 0). ~6 minutes.
- overhead: the limit lifted and HTTP replaced by an in-process session that answers at once, the worker
  pinned to one core: messages handed to the HTTP layer per second (target >= 2,000) - the outbox's own
  cost (claim, pace, mark, render, record) per message.
- sigkill: the sender is killed with SIGKILL at random points (`--kills`, 2) and started again; every
  recipient must get exactly one message. `in_flight_at_kill` counts rows left `sending` (the uncertain
  window described in broadcasts/outbox.py), `interrupted` how many of them were settled as uncertain.
- two_processes: two senders sharing PostgreSQL and Redis (BENCH_DATABASE_URL / BENCH_REDIS_URL, or the
  TEST_* ones); exactly one delivery each and never more than 30 in any one-second window.

SQLite (a temporary file) serves the first three unless BENCH_DATABASE_URL is set. The benchmark creates
and drops its own `bench_broadcast` database on a PostgreSQL server and flushes its Redis database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LIMIT_PER_S = 30
BLOCKED_EVERY = 50
TOKEN = "42:BENCH-token-for-the-telegram-stand-in"  # noqa: S105 - the stand-in takes any token
ROOT = Path(__file__).resolve().parent.parent


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- data


async def prepare(database_url: str, recipients: int) -> int:
    """A migrated database with `recipients` consenting Telegram subscribers and one broadcast due now."""
    from sqlalchemy import insert

    from bot.clients.models import Client, ClientIdentity
    from bot.db import migrate
    from bot.db.session import create_engine, create_session_factory
    from broadcasts.audience import Audience
    from broadcasts.models import Broadcast, Subscription, Topic

    await asyncio.to_thread(migrate.upgrade, database_url)
    engine = create_engine(database_url)
    now = datetime.now(UTC)
    locales = ("uk", "ru", "vi", "en", "cs")
    try:
        async with create_session_factory(engine)() as s, s.begin():
            ids = range(1, recipients + 1)
            for start in range(0, recipients, 2000):
                chunk = ids[start : start + 2000]
                await s.execute(
                    insert(Client),
                    [
                        {"id": i, "locale": locales[i % 5], "consent_at": now, "created_at": now}
                        for i in chunk
                    ],
                )
                await s.execute(
                    insert(ClientIdentity),
                    [{"id": i, "client_id": i, "channel": "tg", "external_id": str(i)} for i in chunk],
                )
                await s.execute(
                    insert(Subscription),
                    [
                        {"client_id": i, "topic": Topic.CZECH_COURSES.value, "consented_at": now}
                        for i in chunk
                    ],
                )
            texts = {code: f"Nový kurz češtiny A1 / new A1 course ({code})" for code in locales}
            broadcast = Broadcast(
                title="bench",
                texts=texts,
                audience=Audience((Topic.CZECH_COURSES.value,)).as_json(),
                status="scheduled",
                scheduled_at=now,
            )
            s.add(broadcast)
            await s.flush()
            return broadcast.id
    finally:
        await engine.dispose()


async def outbox_counts(database_url: str, broadcast_id: int) -> dict[str, Any]:
    from sqlalchemy import func, select

    from bot.db.session import create_engine, create_session_factory
    from broadcasts.models import Broadcast, Delivery

    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as s:
            rows = await s.execute(
                select(Delivery.status, Delivery.reason, func.count())
                .where(Delivery.broadcast_id == broadcast_id)
                .group_by(Delivery.status, Delivery.reason)
            )
            status = await s.scalar(select(Broadcast.status).where(Broadcast.id == broadcast_id))
            counts: dict[str, int] = {}
            for state, reason, n in rows.all():
                key = f"{state}:{reason}" if reason == "interrupted" else state
                counts[key] = counts.get(key, 0) + int(n)
            return {"status": status, "rows": counts}
    finally:
        await engine.dispose()


# ---------------------------------------------------------------- the sender process


class InstantSession:
    """An aiogram session that answers sendMessage at once: everything but the network is measured."""

    def __new__(cls) -> Any:
        from aiogram.client.session.base import BaseSession
        from aiogram.methods import SendMessage
        from aiogram.types import Chat, Message

        class _Session(BaseSession):
            count = 0

            first = last = 0.0

            async def make_request(self, bot: Any, method: Any, timeout: Any = None) -> Any:  # noqa: ASYNC109
                assert isinstance(method, SendMessage)
                self.last = time.perf_counter()
                self.first = self.first or self.last
                self.count += 1
                chat = Chat(id=int(method.chat_id), type="private")
                return Message(message_id=self.count, date=datetime.now(UTC), chat=chat, text=method.text)

            async def stream_content(self, *args: Any, **kwargs: Any) -> Any:
                raise NotImplementedError

            async def close(self) -> None:
                return None

        return _Session()


async def worker(args: argparse.Namespace) -> None:
    from aiogram import Bot
    from aiogram.client.default import DefaultBotProperties
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from redis.asyncio import Redis
    from sqlalchemy import select

    from bot.channels.base import Channel
    from bot.channels.telegram.sender import TelegramSender
    from bot.core.notifier import Notifier
    from bot.core.ratelimit import MemoryRateLimiter, RateLimiter, UnlimitedRateLimiter
    from bot.core.redis_ratelimit import RedisRateLimiter
    from bot.db.session import create_engine, create_session_factory
    from bot.i18n.translator import Translator
    from bot.paths import LOCALES_DIR
    from bot.settings import SUPPORTED_LOCALES
    from broadcasts.models import Broadcast
    from broadcasts.outbox import BroadcastSender

    if args.one_core and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    engine = create_engine(args.db)
    sessions = create_session_factory(engine)
    redis = Redis.from_url(args.redis) if args.redis else None
    limiter: RateLimiter
    if args.unlimited:
        limiter = UnlimitedRateLimiter()
    else:
        limiter = RedisRateLimiter(redis) if redis is not None else MemoryRateLimiter()
    session: Any = (
        InstantSession()
        if args.api == "instant"
        else AiohttpSession(api=TelegramAPIServer.from_base(args.api))
    )
    bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode=None))
    translator = Translator(LOCALES_DIR, SUPPORTED_LOCALES)
    notifier = Notifier(sessions, translator, "en")
    notifier.register(Channel.TELEGRAM, TelegramSender(bot, translator, limiter))
    sender = BroadcastSender(
        sessions, notifier, limiter, lease=timedelta(seconds=args.lease), batch=args.batch, wave=args.wave
    )
    # aiogram builds its pydantic models on first use (seconds): a running bot has long paid for that.
    from aiogram.methods import SendMessage
    from aiogram.types import Chat, Message

    SendMessage(chat_id=1, text="warm-up")
    Message(message_id=1, date=datetime.now(UTC), chat=Chat(id=1, type="private"), text="warm-up")
    if args.api != "instant":
        await bot.get_me()  # open the connection first, as a bot starting up does
    started = time.perf_counter()
    try:
        while True:
            await sender.run_once()
            async with sessions() as s:
                status = await s.scalar(select(Broadcast.status).where(Broadcast.id == args.broadcast))
            if status in ("done", "cancelled"):
                break
            await asyncio.sleep(0.2)
    finally:
        elapsed = time.perf_counter() - started
        handed = getattr(session, "count", None)
        sending = getattr(session, "last", 0.0) - getattr(session, "first", 0.0)
        print(json.dumps({"elapsed": elapsed, "handed": handed, "sending": sending}), flush=True)
        await bot.session.close()
        if redis is not None:
            await redis.aclose()
        await engine.dispose()


def worker_command(db: str, broadcast_id: int, api: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "worker",
        "--db",
        db,
        "--broadcast",
        str(broadcast_id),
        "--api",
        api,
        *extra,
    ]


# ---------------------------------------------------------------- scenarios


async def spawn(command: list[str], *, capture: bool = False) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        *command, cwd=ROOT, stdout=asyncio.subprocess.PIPE if capture else asyncio.subprocess.DEVNULL
    )


async def run_worker(command: list[str]) -> dict[str, Any]:
    """Run one sender to the end; its last stdout line is its own timing as JSON."""
    process = await spawn(command, capture=True)
    out, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"worker failed with status {process.returncode}")
    run: dict[str, Any] = json.loads(out.decode().splitlines()[-1])
    return run


class StandIn:
    """The Telegram stand-in as its own process, so it never shares a core's time with a sender."""

    def __init__(self, process: asyncio.subprocess.Process, url: str) -> None:
        self.process = process
        self.url = url

    @classmethod
    async def start(cls) -> StandIn:
        process = await asyncio.create_subprocess_exec(
            *[sys.executable, "-m", "tests.standins.telegram_api", "--port", "0"],
            *["--blocked-every", str(BLOCKED_EVERY)],
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
        )
        assert process.stdout is not None
        url = (await process.stdout.readline()).decode().strip()
        return cls(process, url)

    async def stats(self) -> dict[str, Any]:
        import aiohttp

        async with aiohttp.ClientSession() as http, http.get(f"{self.url}/stats") as response:
            data: dict[str, Any] = await response.json()
        return data

    async def close(self) -> None:
        self.process.terminate()
        await self.process.wait()


def figures(recipients: int, stats: dict[str, Any]) -> dict[str, Any]:
    accepted = {int(chat): n for chat, n in stats["accepted"].items()}
    expected = {i for i in range(1, recipients + 1) if i % BLOCKED_EVERY != 0}
    # Telegram's limit counts requests, so the rate is every sendMessage answered (200, and 403 for the
    # blocked), from the first to the last; delivered_per_s counts only the messages that arrived.
    times = sorted(stats["answered"])
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    return {
        "recipients": recipients,
        "delivered": len(accepted),
        "duplicates": sum(n - 1 for n in accepted.values() if n > 1),
        "lost": len(expected - set(accepted)),
        "blocked_answered": stats["blocked"],
        "rate_per_s": round((len(times) - 1) / span, 2) if span else 0.0,
        "delivered_per_s": round(len(accepted) / span, 2) if span else 0.0,
        "limit_per_s": LIMIT_PER_S,
        "max_per_s_in_any_second": stats["max_per_s_in_any_second"],
        "http_429": stats["too_many"],
        "sent_during_retry_after": stats["ignored_retry_after"],
        "http_429_reasons": stats["too_many_reasons"],
    }


async def scenario_rate(db: str, recipients: int) -> dict[str, Any]:
    broadcast_id = await prepare(db, recipients)
    standin = await StandIn.start()
    try:
        run = await run_worker(worker_command(db, broadcast_id, standin.url))
        result = figures(recipients, await standin.stats())
    finally:
        await standin.close()
    result["sender_seconds"] = round(run["elapsed"], 1)
    result["outbox"] = await outbox_counts(db, broadcast_id)
    return result


async def scenario_overhead(db: str, recipients: int) -> dict[str, Any]:
    broadcast_id = await prepare(db, recipients)
    run = await run_worker(worker_command(db, broadcast_id, "instant", "--unlimited", "--one-core"))
    outbox = await outbox_counts(db, broadcast_id)
    sent = outbox["rows"].get("sent", 0)
    # From the first message handed over to the last: filling the outbox (one INSERT of every recipient
    # when the broadcast starts) is not per-message work and is reported apart.
    per_s = round((run["handed"] - 1) / run["sending"], 1)
    return {
        "recipients": recipients,
        "delivered": sent,
        "duplicates": max(0, run["handed"] - sent),
        "lost": recipients - sent,
        "rate_per_s": per_s,
        "limit_per_s": None,
        "max_per_s_in_any_second": None,
        "handed_to_http_per_s": per_s,
        "sender_seconds_including_outbox_fill": round(run["elapsed"], 1),
        "outbox": outbox,
    }


async def in_flight(db: str, broadcast_id: int) -> int:
    counts = await outbox_counts(db, broadcast_id)
    return int(counts["rows"].get("sending", 0))


async def scenario_sigkill(db: str, recipients: int, kills: int, seed: int) -> dict[str, Any]:
    broadcast_id = await prepare(db, recipients)
    standin = await StandIn.start()
    rng = random.Random(seed)
    expected_seconds = recipients / LIMIT_PER_S
    left_in_flight: list[int] = []
    # A short lease, so the restarted sender takes over the dead one's claimed rows after 5 s, not 60 s.
    command = worker_command(db, broadcast_id, standin.url, "--lease", "5")
    try:
        for _ in range(kills):
            process = await spawn(command)
            await asyncio.sleep(rng.uniform(2.0, max(3.0, expected_seconds / (kills + 1))))
            process.send_signal(signal.SIGKILL)
            await process.wait()
            left_in_flight.append(await in_flight(db, broadcast_id))
            log(f"sigkill: killed, rows left in flight: {left_in_flight[-1]}")
        await run_worker(command)
        result = figures(recipients, await standin.stats())
    finally:
        await standin.close()
    outbox = await outbox_counts(db, broadcast_id)
    result.update(
        {
            "kills": kills,
            "in_flight_at_kill": left_in_flight,
            "interrupted": outbox["rows"].get("failed:interrupted", 0),
            "outbox": outbox,
        }
    )
    return result


async def scenario_two(db: str, redis_url: str, recipients: int) -> dict[str, Any]:
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url)
    await client.flushdb()
    await client.aclose()
    broadcast_id = await prepare(db, recipients)
    standin = await StandIn.start()
    try:
        command = worker_command(db, broadcast_id, standin.url, "--redis", redis_url)
        await asyncio.gather(run_worker(command), run_worker(command))
        result = figures(recipients, await standin.stats())
    finally:
        await standin.close()
    result["outbox"] = await outbox_counts(db, broadcast_id)
    return result


async def postgres_database(server_url: str) -> str:
    """(Re)create bench_broadcast on the server of `server_url`; returns its URL."""
    from sqlalchemy.engine import make_url

    from bench.databases import recreate_postgres

    url = make_url(server_url).set(database="bench_broadcast").render_as_string(hide_password=False)
    await recreate_postgres(url)
    return url


async def main(args: argparse.Namespace) -> None:
    pg = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    redis_url = os.environ.get("BENCH_REDIS_URL") or os.environ.get("TEST_REDIS_URL")
    scenarios: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:

        async def fresh(name: str) -> str:
            if pg and args.postgres_everywhere:
                return await postgres_database(pg)
            return f"sqlite:///{Path(folder) / name}.sqlite3"

        wanted = args.only.split(",") if args.only else ["rate", "overhead", "sigkill", "two_processes"]
        if "rate" in wanted:
            seconds = args.recipients // LIMIT_PER_S
            log(f"rate: {args.recipients} recipients at {LIMIT_PER_S}/s, about {seconds} s")
            scenarios["rate"] = await scenario_rate(await fresh("rate"), args.recipients)
        if "overhead" in wanted:
            log("overhead: limit lifted, HTTP answered in-process")
            scenarios["overhead"] = await scenario_overhead(await fresh("overhead"), args.overhead_recipients)
        if "sigkill" in wanted:
            log(f"sigkill: {args.kill_recipients} recipients, {args.kills} kills")
            scenarios["sigkill"] = await scenario_sigkill(
                await fresh("sigkill"), args.kill_recipients, args.kills, args.seed
            )
        if "two_processes" in wanted:
            if pg and redis_url:
                log(f"two_processes: {args.two_recipients} recipients on PostgreSQL + Redis")
                scenarios["two_processes"] = await scenario_two(
                    await postgres_database(pg), redis_url, args.two_recipients
                )
            else:
                scenarios["two_processes"] = {"skipped": "set BENCH_DATABASE_URL and BENCH_REDIS_URL"}
    met = {}
    if "rate" in scenarios:
        r = scenarios["rate"]
        met["rate_at_least_95_percent"] = r["rate_per_s"] >= 0.95 * LIMIT_PER_S
        met["rate_exactly_once"] = r["duplicates"] == 0 and r["lost"] == 0
        met["rate_every_429_honoured"] = r["sent_during_retry_after"] == 0
    if "overhead" in scenarios:
        met["overhead_at_least_2000_per_s"] = scenarios["overhead"]["handed_to_http_per_s"] >= 2000
    if "sigkill" in scenarios:
        k = scenarios["sigkill"]
        met["sigkill_exactly_once"] = k["duplicates"] == 0 and k["lost"] == 0
    if "recipients" in scenarios.get("two_processes", {}):
        t = scenarios["two_processes"]
        met["two_processes_exactly_once"] = t["duplicates"] == 0 and t["lost"] == 0
        met["two_processes_within_limit"] = t["max_per_s_in_any_second"] <= LIMIT_PER_S
    print(json.dumps({"scenarios": scenarios, "met": met, "all_met": all(met.values())}, indent=2))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="broadcast benchmark (JSON on stdout)")
    sub = parser.add_subparsers(dest="command")
    w = sub.add_parser("worker", help="one sender process (used by the benchmark itself)")
    w.add_argument("--db", required=True)
    w.add_argument("--broadcast", type=int, required=True)
    w.add_argument("--api", required=True, help="stand-in URL, or `instant`")
    w.add_argument("--redis", default=None)
    w.add_argument("--unlimited", action="store_true")
    w.add_argument("--one-core", action="store_true")
    w.add_argument("--lease", type=float, default=60.0)
    w.add_argument("--batch", type=int, default=200)
    w.add_argument("--wave", type=int, default=50)
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--overhead-recipients", type=int, default=20_000)
    parser.add_argument("--kill-recipients", type=int, default=900)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--two-recipients", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", default="", help="comma-separated: rate,overhead,sigkill,two_processes")
    parser.add_argument("--postgres-everywhere", action="store_true", help="PostgreSQL for every scenario")
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse()
    if arguments.command == "worker":
        asyncio.run(worker(arguments))
    else:
        asyncio.run(main(arguments))
