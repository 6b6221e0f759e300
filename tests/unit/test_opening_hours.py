"""The centre's opening hours as clients read them, in their language, days with equal hours grouped."""

from __future__ import annotations

from bot.i18n.formatting import format_opening_hours
from bot.settings import parse_opening_hours


def test_days_with_equal_hours_are_grouped_in_the_clients_language() -> None:
    hours = parse_opening_hours("mon 10:00-16:00; tue 10:00-16:00; thu 10:00-16:00; fri 08:00-12:00")
    # Earliest opening first; English times as CLDR writes them, with a narrow no-break space before AM.
    assert format_opening_hours(hours, "cs") == "pá 8:00–12:00; po, út, čt 10:00–16:00"
    assert format_opening_hours(hours, "en") == (
        "Fri 8:00\u202fAM–12:00\u202fPM; Mon, Tue, Thu 10:00\u202fAM–4:00\u202fPM"
    )
    assert format_opening_hours(hours, "uk") == "пт 08:00–12:00; пн, вт, чт 10:00–16:00"


def test_changed_hours_are_shown_as_changed_not_as_remembered() -> None:
    before = parse_opening_hours("mon 10:00-16:00")
    after = parse_opening_hours("mon 09:00-15:00; wed 09:00-15:00")
    assert format_opening_hours(before, "cs") == "po 10:00–16:00"
    assert format_opening_hours(after, "cs") == "po, st 9:00–15:00"
    assert format_opening_hours(before, "vi") != format_opening_hours(before, "cs")
