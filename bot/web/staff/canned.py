"""Canned replies: content in locales/<lang>/canned.ftl, a title in the staff member's language each."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl

from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from bot.paths import LOCALES_DIR

PREFIX = "canned-"
TITLE_SUFFIX = "-title"


@dataclass(frozen=True)
class CannedReply:
    name: str
    title: str  # in the staff member's language
    text: str  # in the client's language: what is sent


@cache
def canned_names() -> tuple[str, ...]:
    """The names of the canned replies, in the order of the English file (the centre edits it as content)."""
    resource = FluentParser().parse((LOCALES_DIR / "en" / "canned.ftl").read_text(encoding="utf-8"))
    ids = [entry.id.name for entry in resource.body if isinstance(entry, ftl.Message)]
    return tuple(i.removeprefix(PREFIX) for i in ids if i.startswith(PREFIX) and not i.endswith(TITLE_SUFFIX))


def canned_replies(translator: Translator, staff_locale: str, client_locale: str) -> list[CannedReply]:
    return [
        CannedReply(
            name,
            translator.format(staff_locale, Msg(f"{PREFIX}{name}{TITLE_SUFFIX}")),
            translator.format(client_locale, Msg(f"{PREFIX}{name}")),
        )
        for name in canned_names()
    ]


def canned_text(translator: Translator, name: str, client_locale: str) -> str | None:
    """The text of a canned reply chosen in a form, or None for a name that is not one."""
    if name not in canned_names():
        return None
    return translator.format(client_locale, Msg(f"{PREFIX}{name}"))
