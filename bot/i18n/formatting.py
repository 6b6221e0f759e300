"""Locale-aware formatting that Fluent leaves to the application (weekday ranges, hours)."""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from babel import Locale
from babel.dates import format_time

from bot.settings import OpeningPeriod


# Every answer that names the centre's hours asks again, for the same hours in one of a few languages.
@lru_cache(maxsize=64)
def format_opening_hours(periods: tuple[OpeningPeriod, ...], locale: str) -> str:
    """`Mon, Tue, Thu 10:00–16:00` in the client's language, days with equal hours grouped."""
    babel_locale = Locale.parse(locale)
    day_names = babel_locale.days["format"]["abbreviated"]
    by_hours = sorted(periods, key=lambda p: (p.opens, p.closes, p.weekday))
    parts = []
    for (opens, closes), group in groupby(by_hours, key=lambda p: (p.opens, p.closes)):
        days = ", ".join(day_names[p.weekday] for p in sorted(group, key=lambda p: p.weekday))
        start, end = (format_time(t, "short", locale=babel_locale) for t in (opens, closes))
        hours = f"{start}–{end}"
        parts.append(f"{days} {hours}")
    return "; ".join(parts)
