"""`python -m bot cases list [--json]`: the open counsellor queue in priority order, for admins, scripts."""

from __future__ import annotations

import argparse
import asyncio
import json
from datetime import timedelta
from typing import Any

from bot.db.base import utcnow
from bot.db.session import create_engine, create_session_factory
from bot.settings import Settings
from counselling.desk import QueueRow, queue_rows
from counselling.priority import SlaPolicy

COLUMNS = ("id", "priority", "topic", "language", "channel", "status", "waiting", "counsellor", "sla")


def register(commands: Any) -> None:
    parser = commands.add_parser("cases", help="the counsellor queue")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="open cases in priority order")
    listing.add_argument("--json", action="store_true", help="one JSON document, for scripts")
    listing.set_defaults(handler=_list)


def as_dict(row: QueueRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "priority": row.priority.name.lower(),
        "topic": row.topic,
        "reason": row.reason,
        "language": row.locale,
        "channel": row.channel,
        "status": row.status.value,
        "opened_at": row.opened_at.isoformat(),
        "waiting_seconds": int(row.waiting.total_seconds()),
        "counsellor": row.counsellor,
        "sla": row.sla.value,
        "sla_due_at": row.due_at.isoformat(),
        "client_unreachable": row.unreachable,
    }


def human_duration(span: timedelta) -> str:
    """`3 h 05 min`, `12 min`: waiting times as an admin reads them at a glance."""
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60:02d} min"
    return f"{minutes // 1440} d {minutes % 1440 // 60} h"


def table(rows: list[QueueRow]) -> str:
    cells = [
        (
            str(r.id),
            r.priority.name.lower(),
            r.topic or f"({r.reason})",
            r.locale,
            r.channel,
            r.status.value + (" !unreachable" if r.unreachable else ""),
            human_duration(r.waiting),
            r.counsellor or "-",
            r.sla.value,
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(COLUMNS)]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(COLUMNS, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)) for c in cells]
    return "\n".join(line.rstrip() for line in lines)


async def list_cases(settings: Settings, as_json: bool) -> int:
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            rows = await queue_rows(session, SlaPolicy(settings.case_sla_minutes), utcnow())
    finally:
        await engine.dispose()
    if as_json:
        print(json.dumps({"open_cases": [as_dict(r) for r in rows]}, ensure_ascii=False, indent=2))
    elif rows:
        print(table(rows))
    else:
        print("No open cases.")
    return 0


def _list(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(list_cases(settings, args.json))
