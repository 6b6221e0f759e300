"""Formats Fluent messages for a locale, falling back to English, then Czech."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fluent.runtime import FluentLocalization, FluentResourceLoader
from fluent.syntax import FluentParser, ast

from bot.channels.base import Outbound, RenderedChoice, RenderedReply, Reply, Text
from bot.i18n.msg import Msg

FALLBACK_CHAIN = ("en", "cs")


def fallback_chain(locale: str) -> list[str]:
    """The client's language, then English, then Czech, without repeats."""
    return list(dict.fromkeys((locale, *FALLBACK_CHAIN)))


def resource_ids(locales_dir: Path, reference: str = "en") -> list[str]:
    """Every .ftl file of the reference locale; other locales must have the same files."""
    return sorted(path.name for path in (locales_dir / reference).glob("*.ftl"))


# Formatted messages with arguments kept per Translator, the most recently used; only those whose
# arguments are all of these exact types (immutable, and formatted by their value alone).
FORMATTED_KEPT = 4096
PLAIN_VALUES = frozenset({str, int, float, bool, Decimal, date, datetime, type(None)})


@lru_cache(maxsize=256)
def _parsed(path: str, mtime_ns: int) -> ast.Resource:
    with open(path, encoding="utf-8") as file:
        return FluentParser().parse(file.read())


class ParsedOnceLoader(FluentResourceLoader):
    """FluentResourceLoader that parses each unchanged .ftl file once per process.

    Every locale's fallback chain holds en and cs again, and each Translator (one per test that builds an
    assistant) parsed all of them anew: about 1.5 s each time.
    """

    def resources(self, locale: str, resource_ids: list[str]) -> Generator[list[Any], None, None]:
        for root in self.roots:
            paths = [self.localize_path(os.path.join(root, rid), locale) for rid in resource_ids]
            found = [_parsed(path, os.stat(path).st_mtime_ns) for path in paths if os.path.isfile(path)]
            if found:
                yield found


class Translator:
    """Turns message ids and arguments into text for each enabled locale."""

    def __init__(self, locales_dir: Path, locales: Iterable[str], timezone: str = "Europe/Prague") -> None:
        self._tz = ZoneInfo(timezone)
        self.locales = tuple(locales)
        loader = ParsedOnceLoader(str(locales_dir / "{locale}"))
        ids = resource_ids(locales_dir)
        # Messages without arguments never change: a broadcast renders the same button 10,000 times.
        self._plain: dict[tuple[str, Msg], str] = {}
        # Messages with arguments repeat too (an FAQ answer with the centre's contacts, the same slot
        # offered to many): Fluent's formatting was 4 % of the server's CPU per message under load.
        self._with_args = lru_cache(maxsize=FORMATTED_KEPT)(self._format_items)
        self._l10n = {
            locale: FluentLocalization(fallback_chain(locale), ids, loader, use_isolating=False)
            for locale in dict.fromkeys((*self.locales, *FALLBACK_CHAIN))
        }

    def format(self, locale: str, msg: Msg, args: Mapping[str, Any] | None = None) -> str:
        """Text of one message; an unknown locale is served by the fallback chain."""
        if not args:
            cached = self._plain.get((locale, msg))
            if cached is None:
                cached = self._plain[(locale, msg)] = self._format(locale, msg, {})
            return cached
        if not all(type(value) in PLAIN_VALUES for value in args.values()):
            return self._format(locale, msg, args)  # an argument that may change, or carry options
        # The value's type is part of the key: 1, 1.0 and True are equal, but not formatted alike.
        items = frozenset((key, type(value), value) for key, value in args.items())
        return self._with_args(locale, msg, items)

    def _format_items(self, locale: str, msg: Msg, items: frozenset[tuple[str, type, Any]]) -> str:
        return self._format(locale, msg, {key: value for key, _, value in items})

    def _format(self, locale: str, msg: Msg, args: Mapping[str, Any]) -> str:
        l10n = self._l10n.get(locale) or self._l10n[FALLBACK_CHAIN[0]]
        return l10n.format_value(msg.value, self._prepare(args))

    def text(self, locale: str, text: Text) -> str:
        if text.verbatim:
            return str(text.args.get("text", ""))
        return self.format(locale, text.msg, text.args)

    def render(self, locale: str, reply: Reply) -> RenderedReply:
        """A reply as a channel shows it: paragraphs joined by blank lines, translated buttons."""
        body = "\n\n".join(self.text(locale, line) for line in reply.lines)
        choices = tuple(RenderedChoice(c.payload, self.text(locale, c.label)) for c in reply.choices)
        return RenderedReply(text=body, choices=choices, attachments=reply.attachments)

    def render_outbound(self, outbound: Outbound) -> list[RenderedReply]:
        if outbound.rendered is not None:
            return list(outbound.rendered)
        return [self.render(outbound.locale, reply) for reply in outbound.replies]

    def _prepare(self, args: Mapping[str, Any]) -> dict[str, Any]:
        # Dates are stored in UTC; clients read them in the centre's local time.
        return {
            key: value.astimezone(self._tz) if isinstance(value, datetime) else value
            for key, value in args.items()
        }
