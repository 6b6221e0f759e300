"""Reads the `.source` and `.checked` attributes of FAQ answers: where each fact comes from, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl


@dataclass(frozen=True)
class AnswerSource:
    url: str
    checked: date

    @property
    def checked_at(self) -> datetime:
        """Fluent's DATETIME wants a datetime; noon UTC keeps the same calendar day in Prague."""
        return datetime(self.checked.year, self.checked.month, self.checked.day, 12, tzinfo=UTC)


def _attribute_text(attribute: ftl.Attribute) -> str:
    return "".join(e.value for e in attribute.value.elements if isinstance(e, ftl.TextElement)).strip()


def read_sources(path: Path) -> dict[str, AnswerSource]:
    """Message id -> source, for every message of the file that has both attributes."""
    sources: dict[str, AnswerSource] = {}
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    for entry in resource.body:
        if not isinstance(entry, ftl.Message):
            continue
        attributes = {a.id.name: _attribute_text(a) for a in entry.attributes}
        if "source" in attributes and "checked" in attributes:
            sources[entry.id.name] = AnswerSource(
                attributes["source"], date.fromisoformat(attributes["checked"])
            )
    return sources
