"""Processed inbox rows as a running centre's inbox keeps them, for the benchmarks to start from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.inbox.processor import KEEP_IDS


def kept_inbox_rows(
    channel: str, user_refs: Sequence[str], count: int, now: datetime
) -> list[dict[str, Any]]:
    """`count` rows as FINISH leaves them (ids kept, body and lease cleared), spread evenly over the
    KEEP_IDS before `now`, so the purge keeps them all; the oldest first, as ids rise with time."""
    rows: list[dict[str, Any]] = []
    for i in range(count):
        received = now - KEEP_IDS * (1 - i / count) + timedelta(minutes=1)
        rows.append(
            {
                "channel": channel,
                "platform_message_id": f"kept-{i}",  # never one of a benchmark's update ids or wamids
                "user_ref": user_refs[i % len(user_refs)],
                "body": None,
                "sent_at": received,
                "received_at": received,
                "attempts": 1,
                "lease_owner": None,
                "lease_until": None,
                "processed_at": received + timedelta(seconds=1),
                "outcome": "done",
            }
        )
    return rows
