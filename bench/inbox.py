"""Inbox claim benchmark: what one InboxStore.claim_heads costs as the kept (processed) history grows."""

# Run: `.venv/bin/python bench/inbox.py` prints JSON on stdout (progress on stderr). SQLite always runs
# (a temporary file); BENCH_DATABASE_URL=postgresql+asyncpg://... adds PostgreSQL, on a `bench_inbox`
# database of that server that the benchmark drops, creates and drops again at the end.

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.databases import drop_postgres, migrated_postgres
from bench.inbox_history import kept_inbox_rows
from bench.stats import percentile
from bot.channels.base import Channel, make_user_ref
from bot.db import migrate
from bot.db.session import create_engine, create_session_factory
from bot.inbox import statements
from bot.inbox.processor import LEASE
from bot.inbox.store import InboxStore

BENCH_DB = "bench_inbox"
CHANNEL = Channel.TELEGRAM.value  # "tg", as the Telegram webhook stores it
OWNER = "bench-inbox-worker"
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
FIRST_UPDATE_ID = 712_000_000  # Telegram's update ids: one counter per bot, rising
CHUNK = 5_000  # rows per executemany
MAX_WAITING_CLIENTS = 300
RATIO_TARGET = 2.0

ScenarioResult = dict[str, Any]


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Options:
    kept: list[int]
    waiting: list[int]
    clients: int
    limit: int
    repeat: int
    warmup: int
    seed: int
    analyzed_pass: bool


# ---------------------------------------------------------------- data


def client_refs(rng: random.Random, count: int) -> list[str]:
    """Distinct Telegram chats (`tg:<chat id>`), in random order."""
    return [make_user_ref(Channel.TELEGRAM, str(chat)) for chat in rng.sample(range(10**8, 7 * 10**9), count)]


def telegram_update(update_id: int, user_ref: str, at: datetime) -> dict[str, Any]:
    """A webhook's body as the inbox stores it: a private chat's text message."""
    chat = int(user_ref.split(":", 1)[1])
    person = {"id": chat, "is_bot": False, "first_name": "Olena", "language_code": "uk"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id % 100_000,
            "from": person,
            "chat": {"id": chat, "first_name": "Olena", "type": "private"},
            "date": int(at.timestamp()),
            "text": "Dobrý den, jak si prodloužím povolení k pobytu?",
        },
    }


def waiting_rows(
    rng: random.Random, clients: list[str], count: int, first_update: int
) -> Iterator[dict[str, Any]]:
    """Unprocessed rows that arrived in the last minute, after the history, from min(count, 300) clients."""
    waiting_clients = clients[: min(count, MAX_WAITING_CLIENTS)]
    # Every waiting client has at least one row; the arrivals of different clients interleave.
    owners = [waiting_clients[n % len(waiting_clients)] for n in range(count)]
    rng.shuffle(owners)
    for number, owner in enumerate(owners):
        at = NOW - timedelta(minutes=1) + timedelta(seconds=60 * number / count)
        update_id = first_update + number
        yield {
            "channel": CHANNEL,
            "platform_message_id": str(update_id),
            "user_ref": owner,
            "body": telegram_update(update_id, owner, at),
            "sent_at": at - timedelta(seconds=rng.uniform(0.1, 3.0)),
            "received_at": at,
            "attempts": 0,
            "lease_owner": None,
            "lease_until": None,
            "processed_at": None,
            "outcome": None,
        }


def chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


async def empty_inbox(engine: AsyncEngine) -> None:
    """An empty table for each scenario, so that no scenario inherits another's dead rows or ids."""
    async with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execute(text("TRUNCATE inbox RESTART IDENTITY"))
        else:
            await conn.execute(text("DELETE FROM inbox"))


async def fill_inbox(engine: AsyncEngine, kept: int, waiting: int, options: Options) -> None:
    """Bulk inserts of plain dicts (executemany): the history first, then the waiting backlog."""
    rng = random.Random(options.seed)
    clients = client_refs(rng, options.clients)
    rows = [
        iter(kept_inbox_rows(CHANNEL, clients, kept, NOW)),
        waiting_rows(rng, clients, waiting, FIRST_UPDATE_ID),
    ]
    async with engine.begin() as conn:
        for part in rows:
            for chunk in chunks(part):
                await conn.execute(insert(statements.INBOX), chunk)


async def analyze(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(text("ANALYZE inbox"))


async def has_statistics(engine: AsyncEngine) -> bool:
    """Whether the planner has statistics on the inbox table (pg_stats, or SQLite's sqlite_stat1)."""
    async with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            query = (
                "SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'inbox'"
            )
            return bool(await conn.scalar(text(query)))
        if not await conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")):
            return False
        return bool(await conn.scalar(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'inbox'")))


# ---------------------------------------------------------------- measurement


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


@dataclass(frozen=True)
class Timings:
    wall: list[float]  # seconds per claim, time.perf_counter
    cpu: list[float]  # this process's CPU seconds per claim: SQLite's whole claim, PostgreSQL's client side
    ids: list[int]  # the rows every repetition claimed

    def figures(self, prefix: str = "") -> dict[str, float]:
        return {
            f"{prefix}median_ms": ms(statistics.median(self.wall)),
            f"{prefix}p90_ms": ms(percentile(self.wall, 0.9)),
            f"{prefix}cpu_median_ms": ms(statistics.median(self.cpu)),
        }


async def timed(claim: Callable[[int], Awaitable[list[int]]], options: Options) -> Timings:
    """Times of the claims after the warm-up; every repetition must claim the same rows."""
    gc.collect()  # a collection left over from loading the rows would land in a measured claim
    wall: list[float] = []
    cpu: list[float] = []
    first: list[int] | None = None
    for repetition in range(options.warmup + options.repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        ids = await claim(repetition)
        elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        first = ids if first is None else first
        if ids != first:
            raise RuntimeError(f"repetition {repetition} claimed other rows than the first")
        if repetition >= options.warmup:
            wall.append(elapsed)
            cpu.append(elapsed_cpu)
    return Timings(wall, cpu, first or [])


def claim_parameters(now: datetime, limit: int) -> dict[str, Any]:
    """What InboxStore.claim_heads binds to CLAIM_HEADS."""
    return {"channels": [CHANNEL], "limit": limit, "owner": OWNER, "now": now, "leased_until": now + LEASE}


async def measure_statement(engine: AsyncEngine, options: Options) -> Timings:
    """CLAIM_HEADS alone, in a transaction rolled back after each repetition (BEGIN and the statement are
    timed, the rollback is not): the SQL's cost without the commit."""
    parameters = claim_parameters(NOW, options.limit)
    async with engine.connect() as conn:

        async def claim(_repetition: int) -> list[int]:
            transaction = await conn.begin()
            try:
                rows = (await conn.execute(statements.CLAIM_HEADS[engine.dialect.name], parameters)).all()
            finally:
                await transaction.rollback()
            return sorted(row.id for row in rows)

        return await timed(claim, options)


async def measure_store(store: InboxStore, options: Options) -> Timings:
    """The real path, InboxStore.claim_heads (connection, transaction, statement, commit, items).

    Its claim commits, so nothing can be rolled back: each repetition's clock is instead past the
    previous repetition's lease, which frees the same rows again, as a crashed worker's rows are freed.
    Runs after measure_statement, whose repetitions claim at NOW and are rolled back.
    """
    step = LEASE + timedelta(seconds=1)

    async def claim(repetition: int) -> list[int]:
        now = NOW + step * (repetition + 1)
        items = await store.claim_heads([CHANNEL], OWNER, now, LEASE, options.limit)
        return [item.id for item in items]

    return await timed(claim, options)


async def scenario(
    engine: AsyncEngine, store: InboxStore, kept: int, waiting: int, analyzed: bool, options: Options
) -> ScenarioResult:
    started = time.perf_counter()
    await empty_inbox(engine)
    await fill_inbox(engine, kept, waiting, options)
    if analyzed:
        await analyze(engine)
    loaded = time.perf_counter() - started
    statement = await measure_statement(engine, options)
    store_path = await measure_store(store, options)
    if statement.ids != store_path.ids:
        raise RuntimeError("the statement and the store claimed different rows")
    result = {
        "database": engine.dialect.name,
        "kept": kept,
        "waiting": waiting,
        "analyzed": await has_statistics(engine),
        "claimed": len(store_path.ids),
        **store_path.figures(),
        **statement.figures("statement_"),
        "load_seconds": round(loaded, 2),
    }
    log(json.dumps(result))
    return result


async def run_on(url: str, passes: list[bool], options: Options) -> list[ScenarioResult]:
    engine = create_engine(url)
    store = InboxStore(create_session_factory(engine))
    try:
        if engine.dialect.name == "postgresql":
            # Without this, autovacuum may ANALYZE the table mid-run (after ~10% of it changed), and the
            # "no statistics" scenarios would silently get some.
            async with engine.begin() as conn:
                await conn.execute(text("ALTER TABLE inbox SET (autovacuum_enabled = false)"))
        results = []
        # Every scenario without statistics comes before any ANALYZE: TRUNCATE keeps pg_statistic's rows.
        for analyzed in passes:
            for kept in options.kept:
                for waiting in options.waiting:
                    results.append(await scenario(engine, store, kept, waiting, analyzed, options))
        return results
    finally:
        await engine.dispose()


# ---------------------------------------------------------------- databases


async def postgres_url() -> str | None:
    """bench_inbox on the server of BENCH_DATABASE_URL, created afresh and migrated; None without it."""
    given = os.environ.get("BENCH_DATABASE_URL")
    return await migrated_postgres(given, BENCH_DB) if given else None


async def postgres_settings(url: str) -> dict[str, str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return {
                name: str(await conn.scalar(text(f"SHOW {name}")))
                for name in ("server_version", "synchronous_commit", "shared_buffers")
            }
    finally:
        await engine.dispose()


async def sqlite_results(options: Options) -> list[ScenarioResult]:
    # Production never runs ANALYZE on SQLite, so its planner always works without sqlite_stat1.
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'inbox.sqlite3'}"
        await asyncio.to_thread(migrate.upgrade, url)
        return await run_on(url, [False], options)


async def postgres_results(options: Options) -> tuple[list[ScenarioResult], dict[str, str] | None]:
    url = await postgres_url()
    if url is None:
        return [], None
    try:
        passes = [False, True] if options.analyzed_pass else [False]
        return await run_on(url, passes, options), await postgres_settings(url)
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            await drop_postgres(url)


# ---------------------------------------------------------------- report


def label(result: ScenarioResult) -> str:
    analyzed = result["database"] == "postgresql" and result["analyzed"]
    return f"{result['database']}_analyzed" if analyzed else str(result["database"])


def ratios(results: list[ScenarioResult], field: str) -> dict[int, float]:
    """Per waiting size: the median with the largest history over the median with the smallest."""
    out: dict[int, float] = {}
    for waiting in sorted({r["waiting"] for r in results}):
        by_kept = {r["kept"]: r[field] for r in results if r["waiting"] == waiting}
        out[waiting] = round(by_kept[max(by_kept)] / by_kept[min(by_kept)], 2)
    return out


def summary(results: list[ScenarioResult]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for group in sorted({label(r) for r in results}, key=lambda name: (name != "sqlite", name)):
        mine = [r for r in results if label(r) == group]
        claim = ratios(mine, "median_ms")
        statement = ratios(mine, "statement_median_ms")
        out[group] = {
            **{f"history_ratio_{waiting}": ratio for waiting, ratio in claim.items()},
            "flat_in_history": all(ratio < RATIO_TARGET for ratio in claim.values()),
            **{f"statement_history_ratio_{waiting}": ratio for waiting, ratio in statement.items()},
            "statement_flat_in_history": all(ratio < RATIO_TARGET for ratio in statement.values()),
        }
    kept = sorted({r["kept"] for r in results})
    out["targets"] = {
        "flat_in_history": f"history_ratio_<waiting> < {RATIO_TARGET:g} for every waiting size: the median "
        f"claim with {kept[-1]:,} kept rows costs less than twice the one with {kept[0]:,}",
        "statement_flat_in_history": "the same for CLAIM_HEADS alone, in a rolled-back transaction",
    }
    return out


def host(started_load: float) -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "load_average_at_start": round(started_load, 2),
        "load_average_at_end": round(os.getloadavg()[0], 2),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
    }


async def main(options: Options) -> None:
    started, load_at_start = time.perf_counter(), os.getloadavg()[0]
    results = await sqlite_results(options)
    pg_results, pg_settings = await postgres_results(options)
    report = {
        "host": host(load_at_start) | ({"postgresql": pg_settings} if pg_settings else {}),
        "setup": {
            "channel": CHANNEL,
            "clients": options.clients,
            "max_waiting_clients": MAX_WAITING_CLIENTS,
            "limit": options.limit,
            "repetitions": options.repeat,
            "warm_up": options.warmup,
            "postgresql": (
                "measured; autovacuum off on the inbox table, so that statistics come from ANALYZE only"
                if pg_settings
                else "skipped: set BENCH_DATABASE_URL"
            ),
            "seconds": round(time.perf_counter() - started, 1),
        },
        "scenarios": results + pg_results,
        "summary": summary(results + pg_results),
    }
    print(json.dumps(report, indent=2))


def sizes(value: str) -> list[int]:
    return [int(part) for part in value.split(",")]


def parse() -> Options:
    parser = argparse.ArgumentParser(description="inbox claim benchmark (JSON on stdout)")
    parser.add_argument("--kept", type=sizes, default=[0, 20_000, 100_000], help="kept processed rows")
    parser.add_argument("--waiting", type=sizes, default=[16, 1_000], help="waiting (unprocessed) rows")
    parser.add_argument("--clients", type=int, default=2_000, help="clients the history is spread over")
    parser.add_argument("--limit", type=int, default=64, help="the claim's limit")
    parser.add_argument("--repeat", type=int, default=50, help="measured claims per scenario")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured claims before them")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-analyzed-pass", action="store_true", help="PostgreSQL: skip the second pass after ANALYZE"
    )
    args = parser.parse_args()
    return Options(
        kept=args.kept,
        waiting=args.waiting,
        clients=args.clients,
        limit=args.limit,
        repeat=args.repeat,
        warmup=args.warmup,
        seed=args.seed,
        analyzed_pass=not args.no_analyzed_pass,
    )


if __name__ == "__main__":
    asyncio.run(main(parse()))
