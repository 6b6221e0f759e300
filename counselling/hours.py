"""The centre's opening hours: is someone there now, and when do they come back."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.settings import OpeningPeriod


def is_open(periods: tuple[OpeningPeriod, ...], tz: ZoneInfo, now: datetime) -> bool:
    local = now.astimezone(tz)
    return any(p.weekday == local.weekday() and p.opens <= local.time() < p.closes for p in periods)


def next_opening(periods: tuple[OpeningPeriod, ...], tz: ZoneInfo, now: datetime) -> datetime | None:
    """The next moment the centre opens (aware, in `tz`); None when no hours are configured."""
    local = now.astimezone(tz)
    for days_ahead in range(8):
        day = local.date() + timedelta(days=days_ahead)
        for period in periods:
            if period.weekday != day.weekday():
                continue
            opens = datetime.combine(day, period.opens, tzinfo=tz)
            if opens > local:
                return opens
    return None
