"""Pure slot rules: availability windows of a day, candidate start times, and the cells a booking holds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from scheduler.models import CELL_MINUTES

SLOT_STEP_MINUTES = 15


@dataclass(frozen=True)
class WeeklyRule:
    counsellor_id: int
    location_id: int
    weekday: int
    starts: time
    ends: time
    service_id: int | None = None
    valid_from: date | None = None
    valid_until: date | None = None

    def applies(self, day: date) -> bool:
        return (
            day.weekday() == self.weekday
            and (self.valid_from is None or day >= self.valid_from)
            and (self.valid_until is None or day <= self.valid_until)
        )


@dataclass(frozen=True)
class DayException:
    counsellor_id: int
    day: date
    kind: str  # "off" or "extra"
    starts: time | None = None
    ends: time | None = None
    location_id: int | None = None
    service_id: int | None = None


@dataclass(frozen=True)
class Window:
    """Working time of one counsellor at one location, in UTC."""

    counsellor_id: int
    location_id: int
    starts: datetime
    ends: datetime
    service_id: int | None = None


def local_to_utc(day: date, at: time, tz: ZoneInfo) -> datetime:
    """Local wall time to UTC; a time skipped by the spring DST change moves to the first valid instant."""
    local = datetime.combine(day, at, tzinfo=tz)
    utc = local.astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        # 02:30 on the last Sunday of March does not exist: the window opens when the clocks say 03:00.
        # (fold=1 would give 01:30 CET, before the gap.) Walk back to the last wall minute before the
        # gap; the first valid instant is one minute after it.
        before = local - timedelta(minutes=1)
        while before.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != before.replace(tzinfo=None):
            before -= timedelta(minutes=1)
        utc = before.astimezone(UTC) + timedelta(minutes=1)
    return utc


def day_windows(
    day: date,
    rules: Iterable[WeeklyRule],
    exceptions: Iterable[DayException],
    tz: ZoneInfo,
    holidays: frozenset[date] | set[date],
) -> list[Window]:
    """Windows of one local day: weekly rules, minus time off, plus extra hours; nothing on a holiday."""
    if day in holidays:
        return []
    todays = [e for e in exceptions if e.day == day]
    windows = [
        Window(
            r.counsellor_id,
            r.location_id,
            local_to_utc(day, r.starts, tz),
            local_to_utc(day, r.ends, tz),
            r.service_id,
        )
        for r in rules
        if r.applies(day)
    ]
    for extra in (e for e in todays if e.kind == "extra"):
        assert extra.starts is not None
        assert extra.ends is not None
        assert extra.location_id is not None
        windows.append(
            Window(
                extra.counsellor_id,
                extra.location_id,
                local_to_utc(day, extra.starts, tz),
                local_to_utc(day, extra.ends, tz),
                extra.service_id,
            )
        )
    for off in (e for e in todays if e.kind == "off"):
        if off.starts is None or off.ends is None:
            windows = [w for w in windows if w.counsellor_id != off.counsellor_id]
            continue
        cut_from, cut_to = local_to_utc(day, off.starts, tz), local_to_utc(day, off.ends, tz)
        windows = [piece for w in windows for piece in _subtract(w, off.counsellor_id, cut_from, cut_to)]
    return sorted(windows, key=lambda w: (w.starts, w.counsellor_id))


def _subtract(window: Window, counsellor_id: int, cut_from: datetime, cut_to: datetime) -> list[Window]:
    if window.counsellor_id != counsellor_id or cut_to <= window.starts or cut_from >= window.ends:
        return [window]
    pieces = []
    if window.starts < cut_from:
        pieces.append(
            Window(window.counsellor_id, window.location_id, window.starts, cut_from, window.service_id)
        )
    if cut_to < window.ends:
        pieces.append(
            Window(window.counsellor_id, window.location_id, cut_to, window.ends, window.service_id)
        )
    return pieces


def candidate_starts(window: Window, duration: timedelta, group: bool) -> list[datetime]:
    """Start times in a window: a group session starts when its dedicated window opens; others every step."""
    if group:
        return [window.starts] if window.starts + duration <= window.ends else []
    step = timedelta(minutes=SLOT_STEP_MINUTES)
    starts, current = [], window.starts
    while current + duration <= window.ends:
        starts.append(current)
        current += step
    return starts


def cells(starts: datetime, ends: datetime) -> list[datetime]:
    """The CELL_MINUTES cells covering [starts, ends), aligned to the cell grid."""
    cell = timedelta(minutes=CELL_MINUTES)
    first = starts - timedelta(
        minutes=starts.minute % CELL_MINUTES, seconds=starts.second, microseconds=starts.microsecond
    )
    out, current = [], first
    while current < ends:
        out.append(current)
        current += cell
    return out


def overlaps_any(starts: datetime, ends: datetime, taken: Sequence[datetime] | set[datetime]) -> bool:
    return any(c in taken for c in cells(starts, ends))
