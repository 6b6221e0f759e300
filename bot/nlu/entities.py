"""Entities for booking: days, times and parts of the day in five languages, services and branches by name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import yaml

from bot.nlu.normalise import canonical

# Rules run on the canonical text (lower case, no accents, Cyrillic transliterated), so "zítra",
# "zitra" and "завтра"/"zavtra" meet the same patterns. Stems match the start of a word.
RELATIVE_DAYS = {
    0: ("dnes", "today", "tonight", "sogodni", "segodnya", "hom nay"),
    1: ("zitra", "tomorrow", "zavtra", "ngay mai"),
    2: ("pozitri", "day after tomorrow", "pislyazavtra", "poslezavtra", "ngay kia"),
}
WEEKDAYS = {
    0: ("pondel", "monday", "ponedil", "ponedelnik", "thu hai", "thu 2"),
    1: ("uter", "tuesday", "vivtor", "vtornik", "thu ba", "thu 3"),
    2: ("stred", "wednesday", "sered", "sred", "thu tu", "thu 4"),
    3: ("ctvrt", "thursday", "chetver", "thu nam", "thu 5"),
    4: ("patek", "patku", "friday", "pyatnits", "pyatnyts", "thu sau", "thu 6"),
    5: ("sobot", "saturday", "subot", "subbot", "thu bay", "thu 7"),
    6: ("nedel", "sunday", "nedil", "voskresen", "chu nhat"),
}
NEXT_WEEK = (
    "pristi tyden",
    "next week",
    "nastupnogo tizhnya",
    "nastupnomu tizhni",
    "na nastupnomu",
    "sleduyushchey nedele",
    "na sleduyushchey",
    "tuan sau",
    "tuan toi",
)
PARTS_OF_DAY = {
    "morning": (
        "rano",
        "rano",
        "dopoledne",
        "morning",
        "vrantsi",
        "zranku",
        "utrom",
        "utra",
        "buoi sang",
        "sang mai",
    ),
    "afternoon": (
        "odpoledne",
        "afternoon",
        "pislya obidu",
        "po obidi",
        "vden",
        "dnem",
        "posle obeda",
        "buoi chieu",
        "chieu",
    ),
    "evening": ("vecer", "evening", "vvecheri", "vecherom", "buoi toi"),
}
MONTHS = {
    1: ("ledn", "january", "jan", "sichn", "yanvar"),
    2: ("unor", "february", "feb", "lyut", "fevral"),
    3: ("brez", "march", "berez", "mart"),
    4: ("dub", "april", "kvit", "aprel"),
    5: ("kvet", "may", "trav", "ma"),
    6: ("cerven", "june", "cherv", "iyun"),
    7: ("cervenc", "july", "lyp", "lip", "iyul"),
    8: ("srp", "august", "serp", "avgust"),
    9: ("zari", "september", "sept", "veres", "sentyabr"),
    10: ("rij", "october", "oct", "zhovt", "oktyabr"),
    11: ("listopad", "november", "nov", "noyabr"),
    12: ("prosin", "december", "dec", "hrud", "grud", "dekabr"),
}
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})\.?\s*(?:of\s+)?([a-z]+)")
_VI_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})")
PART_START = {"morning": time(8), "afternoon": time(12), "evening": time(17)}
_CLOCK_HM = re.compile(r"(?<![\d.])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.])")
_CLOCK_HOUR = re.compile(
    r"(?:\b(?:v|ve|at|o|luc|v)\s+)([01]?\d|2[0-3])(?:\s*(?:h|gio|hod|hodin|chasov|chas|godyn))?\b"
    r"|\b([01]?\d|2[0-3])\s*(?:h|gio)\b"
)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[./]\s*(\d{1,2})(?:\s*[./]\s*(\d{4}|\d{2}))?(?![\d:])\.?")


def _has(text: str, stems: tuple[str, ...]) -> str | None:
    for stem in stems:
        if re.search(rf"(?<![a-z]){re.escape(stem)}", text):
            return stem
    return None


@dataclass(frozen=True)
class WhenMention:
    """What a client said about when: any of day, time or part of day may be missing."""

    day: date | None
    at: time | None
    part_of_day: str | None

    @property
    def earliest(self) -> time | None:
        return self.at or (PART_START[self.part_of_day] if self.part_of_day else None)


def _next_weekday(today: date, weekday: int, next_week: bool) -> date:
    if next_week:
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return monday + timedelta(days=weekday)
    ahead = (weekday - today.weekday()) % 7
    return today + timedelta(days=ahead or 7)


def _month(word: str) -> int | None:
    # The longest matching stem wins: "cervenc" (July) over "cerven" (June), "listopad" over "lyp".
    best = max(
        ((len(stem), month) for month, stems in MONTHS.items() for stem in stems if word.startswith(stem)),
        default=None,
    )
    return best[1] if best and (best[0] >= 3 or word == "ma") else None


def _numeric_date(text: str, today: date) -> date | None:
    match = _NUMERIC_DATE.search(text)
    if match is not None:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    elif (vi := _VI_DATE.search(text)) is not None:
        day, month, year = int(vi.group(1)), int(vi.group(2)), None
    else:
        named = [(int(m.group(1)), _month(m.group(2))) for m in _DAY_MONTH.finditer(text)]
        found = next(((d, m) for d, m in named if m is not None), None)
        if found is None:
            return None
        (day, month), year = found, None
    try:
        if year:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        candidate = date(today.year, month, day)
    except ValueError:
        return None
    return candidate if candidate >= today else candidate.replace(year=today.year + 1)


def _clock(text: str) -> time | None:
    exact = _CLOCK_HM.search(text)
    if exact is not None:
        return time(int(exact.group(1)), int(exact.group(2)))
    hour = _CLOCK_HOUR.search(text)
    if hour is None:
        return None
    return time(int(hour.group(1) or hour.group(2)))


def extract_when(text: str, now: datetime) -> WhenMention | None:
    """Days, clock times and parts of the day; `now` is local time at the centre."""
    folded = canonical(text)
    today = now.date()
    day: date | None = None
    for offset, stems in RELATIVE_DAYS.items():
        if _has(folded, stems):
            day = today + timedelta(days=offset)
    if day is None:
        for weekday, stems in WEEKDAYS.items():
            if _has(folded, stems):
                day = _next_weekday(today, weekday, _has(folded, NEXT_WEEK) is not None)
                break
    text_without_times = _CLOCK_HM.sub(" ", folded) if ":" in folded else folded
    day = day or _numeric_date(text_without_times, today)
    part = next((name for name, stems in PARTS_OF_DAY.items() if _has(folded, stems)), None)
    at = _clock(folded)
    if day is None and at is None and part is None:
        return None
    return WhenMention(day=day, at=at, part_of_day=part)


@dataclass(frozen=True)
class Gazetteer:
    """Names of the centre's services and branches in every language (nlu_data/gazetteer.yml)."""

    services: dict[str, tuple[str, ...]]
    locations: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))

        def prepare(section: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
            return {key: tuple(canonical(name) for name in names) for key, names in section.items()}

        return cls(prepare(raw["services"]), prepare(raw["locations"]))

    def service(self, text: str) -> str | None:
        return self._find(self.services, canonical(text))

    def location(self, text: str) -> str | None:
        return self._find(self.locations, canonical(text))

    @staticmethod
    def _find(table: dict[str, tuple[str, ...]], folded: str) -> str | None:
        for key, names in table.items():
            if _has(folded, names):
                return key
        return None
