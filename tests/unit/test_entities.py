"""Dates, times and names the booking dialogs will read from free text, in five languages."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.nlu.entities import Gazetteer, WhenMention, extract_when
from bot.paths import NLU_DATA_DIR

SATURDAY = datetime(2026, 11, 21, 10, 0)  # local time at the centre


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("můžu přijít zítra odpoledne?", WhenMention(date(2026, 11, 22), None, "afternoon")),
        ("muzu prijit zitra odpoledne", WhenMention(date(2026, 11, 22), None, "afternoon")),
        ("next Tuesday at 10", WhenMention(date(2026, 11, 24), time(10), None)),
        ("можна у п'ятницю?", WhenMention(date(2026, 11, 27), None, None)),
        ("thứ hai tuần sau được không", WhenMention(date(2026, 11, 23), None, None)),
        ("в понедельник утром", WhenMention(date(2026, 11, 23), None, "morning")),
        ("mozhno zavtra v 10?", WhenMention(date(2026, 11, 22), time(10), None)),
        ("ngày mai lúc 9h", WhenMention(date(2026, 11, 22), time(9), None)),
        ("15. 12. v 9:15", WhenMention(date(2026, 12, 15), time(9, 15), None)),
        ("3 December", WhenMention(date(2026, 12, 3), None, None)),
        ("5 января", WhenMention(date(2027, 1, 5), None, None)),
        ("ngày 5 tháng 1", WhenMention(date(2027, 1, 5), None, None)),
        ("příští týden ve středu", WhenMention(date(2026, 11, 25), None, None)),
    ],
)
def test_when_in_five_languages(text: str, expected: WhenMention) -> None:
    assert extract_when(text, SATURDAY) == expected


def test_no_date_in_a_plain_question() -> None:
    assert extract_when("kdy máte otevřeno a kde vás najdu", SATURDAY) is None
    assert extract_when("mám 2 děti", SATURDAY) is None


def test_part_of_day_gives_an_earliest_time() -> None:
    mention = extract_when("zítra odpoledne", SATURDAY)
    assert mention is not None
    assert mention.earliest == time(12)


def test_services_and_branches_by_name() -> None:
    gazetteer = Gazetteer.load(NLU_DATA_DIR / "gazetteer.yml")
    assert gazetteer.service("potrebuji pravni poradnu v Chomutove") == "legal_counselling"
    assert gazetteer.location("potrebuji pravni poradnu v Chomutove") == "chomutov"
    assert gazetteer.service("Хочу на юридичну консультацію в Усті") == "legal_counselling"
    assert gazetteer.location("Хочу на юридичну консультацію в Усті") == "usti"
    assert gazetteer.service("toi muon thi thu A2") == "mock_exam"
    assert gazetteer.service("hello") is None
