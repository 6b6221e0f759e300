"""Properties of the pure slot rules: windows, candidate starts and cells, across Prague's DST changes."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scheduler.models import CELL_MINUTES
from scheduler.rules import (
    SLOT_STEP_MINUTES,
    DayException,
    WeeklyRule,
    Window,
    candidate_starts,
    cells,
    day_windows,
    local_to_utc,
)

PRAGUE = ZoneInfo("Europe/Prague")
SPRING_FORWARD = date(2026, 3, 29)  # 02:00 CET -> 03:00 CEST: an hour that never happens
FALL_BACK = date(2026, 10, 25)  # 03:00 CEST -> 02:00 CET: an hour that happens twice
CELL = timedelta(minutes=CELL_MINUTES)
FAST = settings(max_examples=100, deadline=None)

days = st.one_of(
    st.sampled_from([SPRING_FORWARD, FALL_BACK]),
    st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
)
# Wall times on the 5-minute grid, all day long: the skipped and the repeated hour included.
wall_times = st.builds(time, st.integers(0, 23), st.sampled_from(range(0, 60, CELL_MINUTES)))
time_ranges = st.tuples(wall_times, wall_times).filter(lambda r: r[0] < r[1])
counsellors = st.integers(1, 3)
locations = st.integers(1, 2)


def reference_utc(day: date, at: time) -> datetime:
    """The first instant at which Prague's clocks show `at` or later, found by brute force."""
    wanted = datetime.combine(day, at)
    instant = datetime.combine(day - timedelta(days=1), time(20, 0), tzinfo=UTC)
    while instant.astimezone(PRAGUE).replace(tzinfo=None) < wanted:
        instant += CELL
    return instant


@st.composite
def weekly_rules(draw: st.DrawFn, day: date) -> WeeklyRule:
    starts, ends = draw(time_ranges)
    # Most rules land on the drawn day's weekday, so that the day has something to show.
    weekday = draw(st.one_of(st.just(day.weekday()), st.integers(0, 6)))
    valid_from = draw(
        st.one_of(st.none(), st.sampled_from([day - timedelta(days=7), day, day + timedelta(1)]))
    )
    valid_until = draw(
        st.one_of(st.none(), st.sampled_from([day - timedelta(days=1), day, day + timedelta(days=7)]))
    )
    return WeeklyRule(
        draw(counsellors),
        draw(locations),
        weekday,
        starts,
        ends,
        draw(st.sampled_from([None, 10, 11])),
        valid_from,
        valid_until,
    )


@st.composite
def exceptions(draw: st.DrawFn, day: date) -> DayException:
    kind = draw(st.sampled_from(["off", "off", "extra"]))
    on = draw(st.sampled_from([day, day, day + timedelta(days=1)]))
    if kind == "off" and draw(st.booleans()):
        return DayException(draw(counsellors), on, "off")
    starts, ends = draw(time_ranges)
    location = draw(locations) if kind == "extra" else None
    return DayException(
        draw(counsellors), on, kind, starts, ends, location, draw(st.sampled_from([None, 10]))
    )


@st.composite
def schedules(draw: st.DrawFn) -> tuple[date, list[WeeklyRule], list[DayException], frozenset[date]]:
    day = draw(days)
    rules = draw(st.lists(weekly_rules(day), max_size=6))
    found = draw(st.lists(exceptions(day), max_size=4))
    holidays = frozenset(draw(st.lists(st.sampled_from([day, day - timedelta(days=1)]), max_size=1)))
    return day, rules, found, holidays


def covering(day: date, rules: list[WeeklyRule], found: list[DayException]) -> list[Window]:
    """What should be open, in reference UTC: applicable rules and the day's extras, before time off."""
    opened = [
        Window(
            r.counsellor_id,
            r.location_id,
            reference_utc(day, r.starts),
            reference_utc(day, r.ends),
            r.service_id,
        )
        for r in rules
        if r.applies(day)
    ]
    for e in found:
        if e.day == day and e.kind == "extra" and e.starts and e.ends and e.location_id is not None:
            opened.append(
                Window(
                    e.counsellor_id,
                    e.location_id,
                    reference_utc(day, e.starts),
                    reference_utc(day, e.ends),
                    e.service_id,
                )
            )
    return opened


def off_periods(day: date, found: list[DayException], counsellor_id: int) -> list[tuple[datetime, datetime]]:
    whole_day = (reference_utc(day, time(0, 0)), reference_utc(day + timedelta(days=1), time(0, 0)))
    return [
        whole_day
        if e.starts is None or e.ends is None
        else (reference_utc(day, e.starts), reference_utc(day, e.ends))
        for e in found
        if e.day == day and e.kind == "off" and e.counsellor_id == counsellor_id
    ]


@FAST
@given(schedules())
def test_windows_respect_holidays_time_off_and_availability(
    schedule: tuple[date, list[WeeklyRule], list[DayException], frozenset[date]],
) -> None:
    day, rules, found, holidays = schedule
    windows = day_windows(day, rules, found, PRAGUE, holidays)
    if day in holidays:
        assert windows == []
        return
    opened = covering(day, rules, found)
    for window in windows:
        # Inside what a rule or an extra opened, for the same counsellor, place and service.
        assert any(
            o.counsellor_id == window.counsellor_id
            and o.location_id == window.location_id
            and o.service_id == window.service_id
            and o.starts <= window.starts
            and window.ends <= o.ends
            for o in opened
        ), window
        # Never over time off (a whole day without times, or the hours given).
        for cut_from, cut_to in off_periods(day, found, window.counsellor_id):
            assert window.ends <= cut_from or window.starts >= cut_to, (window, cut_from, cut_to)
    # And nothing more is taken away than the time off: every open cell is still offered.
    for o in opened:
        cell = o.starts
        while cell < o.ends:
            if not any(a <= cell < b for a, b in off_periods(day, found, o.counsellor_id)):
                assert any(
                    w.counsellor_id == o.counsellor_id
                    and w.location_id == o.location_id
                    and w.service_id == o.service_id
                    and w.starts <= cell < w.ends
                    for w in windows
                ), (o, cell)
            cell += CELL


@FAST
@given(schedules(), st.sampled_from([15, 30, 45, 60, 90, 180]), st.booleans())
def test_candidates_fit_their_window_and_its_local_hours(
    schedule: tuple[date, list[WeeklyRule], list[DayException], frozenset[date]],
    duration_min: int,
    group: bool,
) -> None:
    day, rules, found, holidays = schedule
    duration = timedelta(minutes=duration_min)
    step = timedelta(minutes=SLOT_STEP_MINUTES)
    sources = [
        (r.counsellor_id, r.location_id, r.service_id, r.starts, r.ends) for r in rules if r.applies(day)
    ]
    sources += [
        (e.counsellor_id, e.location_id, e.service_id, e.starts, e.ends)
        for e in found
        if e.day == day and e.kind == "extra" and e.starts and e.ends and e.location_id is not None
    ]
    for window in day_windows(day, rules, found, PRAGUE, holidays):
        starts = candidate_starts(window, duration, group)
        for start in starts:
            assert window.starts <= start
            assert start + duration <= window.ends
            local_start, local_end = start.astimezone(PRAGUE), (start + duration).astimezone(PRAGUE)
            assert local_start.date() == local_end.date() == day
            # On the clock the client reads, the time lies within the hours of a rule (no 01:30 for 02:30);
            # only the autumn's second pass of 02:00-02:59 (fold=1) may read earlier than a 02:xx opening.
            assert any(
                (c, loc, svc) == (window.counsellor_id, window.location_id, window.service_id)
                and (opens <= local_start.time() or local_start.fold == 1)
                and start + duration <= reference_utc(day, closes)
                for c, loc, svc, opens, closes in sources
            ), (window, local_start)
        if group:
            assert starts == ([window.starts] if window.starts + duration <= window.ends else [])
        else:
            # Every step from the opening, as many as fit, and not one more.
            assert starts == [window.starts + k * step for k in range(len(starts))]
            after = window.starts + len(starts) * step
            assert after + duration > window.ends


grid_instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
).map(lambda d: d.replace(microsecond=0))


@FAST
@given(grid_instants, st.integers(1, 600))
def test_cells_cover_exactly_the_interval_on_the_grid(starts: datetime, length_min: int) -> None:
    ends = starts + timedelta(minutes=length_min, seconds=starts.second % 7)
    got = cells(starts, ends)
    assert got, "a non-empty interval holds at least one cell"
    for cell in got:
        assert cell.minute % CELL_MINUTES == 0
        assert cell.second == cell.microsecond == 0
        assert cell.tzinfo is not None
        assert cell.utcoffset() == timedelta(0)
    # Consecutive, the first holding `starts` and the last reaching `ends`: exactly the cells touched.
    assert all(b - a == CELL for a, b in itertools.pairwise(got))
    assert got[0] <= starts < got[0] + CELL
    assert got[-1] < ends <= got[-1] + CELL


@FAST
@given(grid_instants)
def test_an_empty_interval_on_the_grid_holds_no_cell(at: datetime) -> None:
    on_grid = at.replace(minute=at.minute - at.minute % CELL_MINUTES, second=0)
    assert cells(on_grid, on_grid) == []


@FAST
@given(days, wall_times)
@example(SPRING_FORWARD, time(2, 0))
@example(SPRING_FORWARD, time(2, 30))
@example(FALL_BACK, time(2, 30))
def test_local_to_utc_is_the_first_instant_showing_that_time(day: date, at: time) -> None:
    got = local_to_utc(day, at, PRAGUE)
    assert got == reference_utc(day, at)
    shown = got.astimezone(PRAGUE)
    if shown.time() != at:
        # Only a time the spring change skips is moved, and to the moment the clocks jump to 03:00.
        assert day == SPRING_FORWARD
        assert time(2, 0) <= at < time(3, 0)
        assert shown.replace(tzinfo=None) == datetime.combine(day, time(3, 0))


@pytest.mark.parametrize(
    ("day", "opens_utc"),
    [
        (SPRING_FORWARD, datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
        (FALL_BACK, datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),
        (date(2026, 3, 28), datetime(2026, 3, 28, 8, 0, tzinfo=UTC)),
        (date(2026, 10, 24), datetime(2026, 10, 24, 7, 0, tzinfo=UTC)),
    ],
)
def test_nine_to_noon_is_three_real_hours_on_both_sides_of_a_change(day: date, opens_utc: datetime) -> None:
    rule = WeeklyRule(1, 1, day.weekday(), time(9, 0), time(12, 0))
    (window,) = day_windows(day, [rule], [], PRAGUE, frozenset())
    assert window.starts == opens_utc
    assert window.ends - window.starts == timedelta(hours=3)
    assert window.starts.astimezone(PRAGUE).time() == time(9, 0)
    starts = candidate_starts(window, timedelta(minutes=60), group=False)
    assert [s.astimezone(PRAGUE).strftime("%H:%M") for s in starts] == [
        f"{h:02d}:{m:02d}" for h in (9, 10) for m in (0, 15, 30, 45)
    ] + ["11:00"]


@FAST
@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)))
def test_morning_hours_keep_their_length_and_local_clock_every_day(day: date) -> None:
    rule = WeeklyRule(1, 1, day.weekday(), time(9, 0), time(12, 0))
    (window,) = day_windows(day, [rule], [], PRAGUE, frozenset())
    summer = date(2026, 3, 29) <= day < date(2026, 10, 25) or date(2027, 3, 28) <= day < date(2027, 10, 31)
    assert window.starts.hour == (7 if summer else 8)
    assert window.ends - window.starts == timedelta(hours=3)


def test_an_hour_skipped_in_spring_offers_nothing_and_hours_around_it_are_real() -> None:
    rules = [
        WeeklyRule(1, 1, SPRING_FORWARD.weekday(), time(1, 0), time(4, 0)),
        WeeklyRule(2, 1, SPRING_FORWARD.weekday(), time(2, 15), time(2, 45)),
    ]
    windows = day_windows(SPRING_FORWARD, rules, [], PRAGUE, frozenset())
    by_counsellor = {w.counsellor_id: w for w in windows}
    # 01:00 CET to 04:00 CEST is two real hours; a rule wholly inside the gap opens for no time at all.
    assert by_counsellor[1].ends - by_counsellor[1].starts == timedelta(hours=2)
    assert 2 not in by_counsellor or by_counsellor[2].starts == by_counsellor[2].ends
    shown = [
        s.astimezone(PRAGUE).strftime("%H:%M")
        for w in windows
        for s in candidate_starts(w, timedelta(minutes=30), group=False)
    ]
    assert shown == ["01:00", "01:15", "01:30", "01:45", "03:00", "03:15", "03:30"]
    assert not [s for s in shown if s.startswith("02:")]


def test_the_repeated_autumn_hour_is_offered_twice_in_real_time() -> None:
    rule = WeeklyRule(1, 1, FALL_BACK.weekday(), time(1, 0), time(4, 0))
    (window,) = day_windows(FALL_BACK, [rule], [], PRAGUE, frozenset())
    assert window.ends - window.starts == timedelta(hours=4)
    starts = candidate_starts(window, timedelta(minutes=60), group=False)
    assert len(starts) == 13  # 01:00 .. 04:00 minus an hour, every 15 minutes, over four real hours
    assert len({s.astimezone(PRAGUE).strftime("%H:%M") for s in starts}) == 9  # 02:00-02:45 shown twice
