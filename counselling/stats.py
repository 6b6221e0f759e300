"""Case statistics for the console: waiting, first-response and resolution times per topic and language."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from counselling.models import Case, CaseStatus
from counselling.priority import SlaPolicy

RECENTLY_CLOSED = 50


@dataclass(frozen=True)
class Spread:
    """Median and 90th percentile of a duration; None when no case had it yet."""

    median: timedelta | None
    p90: timedelta | None
    count: int

    @classmethod
    def of(cls, values: Iterable[timedelta]) -> Spread:
        seconds = sorted(v.total_seconds() for v in values)
        if not seconds:
            return cls(None, None, 0)
        # Nearest rank: the 90th percentile is a time some case really took, not an interpolation.
        rank = max(1, math.ceil(0.9 * len(seconds)))
        return cls(
            timedelta(seconds=statistics.median(seconds)), timedelta(seconds=seconds[rank - 1]), len(seconds)
        )


@dataclass(frozen=True)
class GroupStats:
    """One row of the statistics page: a topic, a language, or all cases of the period."""

    key: str | None  # the topic (None: the assistant did not understand) or the language code
    cases: int
    waiting: Spread  # opened -> claimed
    first_response: Spread  # opened -> the first counsellor reply
    resolution: Spread  # opened -> closed
    sla_met: float | None  # share of the cases whose first-response target is decided that met it
    satisfaction: float | None  # the average rating, 1..5
    rated: int


@dataclass(frozen=True)
class CaseStats:
    start: datetime
    end: datetime
    total: GroupStats
    by_topic: list[GroupStats]
    by_language: list[GroupStats]


@dataclass(frozen=True)
class _Row:
    topic: str | None
    locale: str
    priority: int
    opened_at: datetime
    claimed_at: datetime | None
    first_response_at: datetime | None
    closed_at: datetime | None
    satisfaction: int | None


async def case_stats(
    db: AsyncSession, start: datetime, end: datetime, sla: SlaPolicy, now: datetime
) -> CaseStats:
    """The cases opened in [start, end), counted in Python: a centre has hundreds, not millions."""
    query = select(
        Case.topic,
        Case.locale,
        Case.priority,
        Case.opened_at,
        Case.claimed_at,
        Case.first_response_at,
        Case.closed_at,
        Case.satisfaction,
    ).where(Case.opened_at >= start, Case.opened_at < end)
    rows = [_Row(*row) for row in (await db.execute(query)).all()]

    def group(key: Callable[[_Row], str | None]) -> list[GroupStats]:
        groups: dict[str | None, list[_Row]] = defaultdict(list)
        for row in rows:
            groups[key(row)].append(row)
        stats = [_group(name, members, sla, now) for name, members in groups.items()]
        return sorted(stats, key=lambda g: (-g.cases, g.key or ""))

    return CaseStats(
        start=start,
        end=end,
        total=_group(None, rows, sla, now),
        by_topic=group(lambda r: r.topic),
        by_language=group(lambda r: r.locale),
    )


def _group(key: str | None, rows: Sequence[_Row], sla: SlaPolicy, now: datetime) -> GroupStats:
    met = decided = 0
    for row in rows:
        outcome = _sla_met(row, sla, now)
        if outcome is not None:
            decided += 1
            met += outcome
    ratings = [r.satisfaction for r in rows if r.satisfaction is not None]
    return GroupStats(
        key=key,
        cases=len(rows),
        waiting=Spread.of(r.claimed_at - r.opened_at for r in rows if r.claimed_at is not None),
        first_response=Spread.of(
            r.first_response_at - r.opened_at for r in rows if r.first_response_at is not None
        ),
        resolution=Spread.of(r.closed_at - r.opened_at for r in rows if r.closed_at is not None),
        sla_met=met / decided if decided else None,
        satisfaction=statistics.fmean(ratings) if ratings else None,
        rated=len(ratings),
    )


def _sla_met(row: _Row, sla: SlaPolicy, now: datetime) -> bool | None:
    """Met or missed; None while the target is still running, or when the client left before it."""
    due = sla.due_at(row.priority, row.opened_at)
    if row.first_response_at is not None:
        return row.first_response_at <= due
    if row.closed_at is not None and row.closed_at <= due:
        return None  # closed unanswered within the target (the client left): nobody missed anything
    return None if now <= due else False


async def recently_closed(db: AsyncSession, limit: int = RECENTLY_CLOSED) -> Sequence[Case]:
    """The last closed cases, newest first, for the queue page's "closed recently" list."""
    query = (
        select(Case)
        .where(Case.status == CaseStatus.CLOSED.value)
        .order_by(Case.closed_at.desc(), Case.id.desc())
        .limit(limit)
    )
    return (await db.execute(query)).scalars().all()
