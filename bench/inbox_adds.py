"""Inbox store benchmark: the server's CPU per webhook stored (InboxStore.add), alone and in bursts."""

# Run: `.venv/bin/python bench/inbox_adds.py` prints JSON on stdout (progress on stderr). SQLite always
# runs (a temporary file); BENCH_DATABASE_URL=postgresql+asyncpg://... adds PostgreSQL, on a
# `bench_inbox_adds` database of that server that the benchmark drops, creates and drops again at the end.
# Each round stores `concurrency` webhooks at once, one row each, as concurrent webhooks do; CPU is this
# process's (time.process_time), so the database server's own work is not in it.

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.databases import drop_postgres, migrated_postgres
from bot.db import migrate
from bot.db.session import create_engine, create_session_factory
from bot.inbox.store import InboxStore, NewInbound

# A Telegram text update as the webhook stores it.
BODY: dict[str, Any] = {
    "update_id": 1,
    "message": {
        "message_id": 7,
        "date": 1_795_000_000,
        "chat": {"id": 1001, "type": "private", "first_name": "Olena"},
        "from": {"id": 1001, "is_bot": False, "first_name": "Olena", "language_code": "uk"},
        "text": "Добрий день, як продовжити тимчасовий захист?",
    },
}


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


async def measure(url: str, concurrency: int, updates: int, warmup: int, runs: int) -> dict[str, Any]:
    """CPU and wall time per stored webhook, `concurrency` at once; the median of `runs` runs."""
    engine = create_engine(url)
    store = InboxStore(create_session_factory(engine))
    counter = 0

    async def burst() -> None:
        nonlocal counter
        rows = []
        for _ in range(concurrency):
            counter += 1
            update_id = f"{concurrency}.{counter}"  # each scenario stores new updates in the same inbox
            rows.append(NewInbound("tg", update_id, f"tg:{counter % 500}", BODY, datetime.now(UTC)))
        added = await asyncio.gather(*(store.add([row]) for row in rows))
        assert sum(added) == concurrency, "a new webhook was not stored"

    cpu: list[float] = []
    wall: list[float] = []
    try:
        for _ in range(max(1, warmup // concurrency)):
            await burst()
        for _ in range(runs):
            started_cpu, started = time.process_time(), time.perf_counter()
            for _ in range(max(1, updates // concurrency)):
                await burst()
            stored = max(1, updates // concurrency) * concurrency
            cpu.append((time.process_time() - started_cpu) / stored * 1e6)
            wall.append((time.perf_counter() - started) / stored * 1e6)
    finally:
        await engine.dispose()
    return {
        "concurrency": concurrency,
        "cpu_us_per_webhook": round(statistics.median(cpu), 1),
        "cpu_us_per_webhook_runs": [round(value, 1) for value in cpu],
        "wall_us_per_webhook": round(statistics.median(wall), 1),
    }


async def main(args: argparse.Namespace) -> None:
    scenarios: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'inbox.sqlite3'}"
        await asyncio.to_thread(migrate.upgrade, url)
        for concurrency in args.concurrency:
            log(f"sqlite: {concurrency} at once")
            scenarios.append({"backend": "sqlite", **await measure(url, concurrency, **vars_of(args))})
    server = os.environ.get("BENCH_DATABASE_URL")
    if server:
        url = await migrated_postgres(server, "bench_inbox_adds")
        try:
            for concurrency in args.concurrency:
                log(f"postgresql: {concurrency} at once")
                result = await measure(url, concurrency, **vars_of(args))
                scenarios.append({"backend": "postgresql", **result})
        finally:
            await drop_postgres(url)
    report = {
        "setup": {
            "updates_per_run": args.updates,
            "runs": args.runs,
            "postgresql": "measured" if server else "skipped: set BENCH_DATABASE_URL",
            "load_average": round(os.getloadavg()[0], 2),
            "event_loop": "uvloop",
        },
        "scenarios": scenarios,
    }
    print(json.dumps(report, indent=2))


def vars_of(args: argparse.Namespace) -> dict[str, int]:
    return {"updates": args.updates, "warmup": args.warmup, "runs": args.runs}


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="inbox store benchmark (JSON on stdout)")
    parser.add_argument(
        "--concurrency", type=lambda v: [int(p) for p in v.split(",")], default=[1, 4, 16, 64]
    )
    parser.add_argument("--updates", type=int, default=2048, help="webhooks stored per run")
    parser.add_argument("--warmup", type=int, default=256)
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args()


if __name__ == "__main__":
    uvloop.run(main(parse()))
