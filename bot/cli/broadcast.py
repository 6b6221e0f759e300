"""`python -m bot broadcast status ID` and `broadcast list`: a broadcast's progress in the terminal."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from bot.db.base import utcnow
from bot.db.session import create_engine, create_session_factory
from bot.settings import Settings
from broadcasts import lifecycle
from broadcasts.models import Broadcast
from broadcasts.progress import Progress, progress, reasons, report

BAR_WIDTH = 30
TERMINAL = ("done", "cancelled")


def register(commands: Any) -> None:
    parser = commands.add_parser("broadcast", help="course announcements: progress and reports")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = actions.add_parser("status", help="progress bar, counts, rate and time to finish")
    status.add_argument("id", type=int)
    status.add_argument("--follow", action="store_true", help="refresh every 2 s until it ends")
    status.set_defaults(handler=_status)
    actions.add_parser("list", help="the latest broadcasts and their state").set_defaults(handler=_list)


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    filled = round(max(0.0, min(fraction, 1.0)) * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def eta_text(seconds: float | None) -> str:
    if seconds is None:
        return "unknown"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"


def progress_line(shown: Progress) -> str:
    return (
        f"{bar(shown.done_fraction)} {100 * shown.done_fraction:5.1f}% {shown.status}  "
        f"sent {shown.sent}  failed {shown.failed}  blocked {shown.blocked}  skipped {shown.skipped}  "
        f"left {shown.left} of {shown.total}  rate {shown.rate_per_s:.1f}/s  "
        f"eta {eta_text(shown.eta_seconds)}"
    )


async def show_status(settings: Settings, broadcast_id: int, follow: bool) -> int:
    engine = create_engine(settings.database_url)
    sessions = create_session_factory(engine)
    try:
        while True:
            async with sessions() as session:
                broadcast = await session.get(Broadcast, broadcast_id)
                if broadcast is None:
                    print(f"no broadcast {broadcast_id}", file=sys.stderr)
                    return 1
                shown = await progress(session, broadcast, utcnow())
                lines = await report(session, broadcast_id)
                why = await reasons(session, broadcast_id)
            if not follow or shown.status in TERMINAL:
                break
            print(progress_line(shown), flush=True)
            await asyncio.sleep(2)
    finally:
        await engine.dispose()
    print(f"#{broadcast.id} {broadcast.title}")
    print(progress_line(shown))
    if shown.interrupted:
        print(f"{shown.interrupted} interrupted while sending: may or may not have arrived, not sent again")
    for line in lines:
        counts = "  ".join(f"{status} {n}" for status, n in sorted(line.counts.items()))
        print(f"  {line.locale:<3} {line.channel:<4} {counts}")
    for status, reason, n in why:
        print(f"  {status}: {reason or '-'} ({n})")
    return 0


async def show_list(settings: Settings) -> int:
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            found = await lifecycle.recent(session)
    finally:
        await engine.dispose()
    for b in found:
        when = b.scheduled_at.isoformat(timespec="minutes") if b.scheduled_at else "-"
        print(f"{b.id:>5}  {b.status:<9}  {when:<25}  {b.title}")
    return 0


def _status(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(show_status(settings, args.id, args.follow))


def _list(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(show_list(settings))
