"""A broadcast's content: the coordinator's draft, its checks, and the message each recipient gets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from bot.channels.base import Choice, Reply, Text, choice
from bot.i18n.msg import Msg
from broadcasts.audience import Audience
from broadcasts.models import Broadcast, EmptyLanguage

# Telegram and WhatsApp take 4,096 characters per message; a longer text goes out in parts (at most
# two), and anything longer than this is refused: an announcement of three screens is not read.
MAX_TEXT_CHARS = 8000
MAX_TITLE_CHARS = 200
MAX_URL_CHARS = 500
SIGNUP_PAYLOAD = re.compile(r"^bk:(svc|w):[1-9][0-9]{0,9}$")
URL = re.compile(r"^https?://[^\s<>\"']+$")
MANAGE_PAYLOAD = "sub"


class Problem(StrEnum):
    """Why a draft cannot be saved or sent; the console shows each in the coordinator's language."""

    TITLE_MISSING = "title_missing"
    TEXT_EMPTY = "text_empty"
    TEXT_TOO_LONG = "text_too_long"
    FALLBACK_EMPTY = "fallback_empty"
    NO_TOPICS = "no_topics"
    BAD_URL = "bad_url"
    BAD_SIGNUP = "bad_signup"
    EMPTY_AUDIENCE = "empty_audience"
    TIME_PAST = "time_past"
    NOT_EDITABLE = "not_editable"
    BAD_STATE = "bad_state"
    NOT_FOUND = "not_found"
    UNKNOWN_CLIENT = "unknown_client"
    NOT_DELIVERED = "not_delivered"


class BroadcastError(Exception):
    def __init__(self, problem: Problem, **args: object) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.args_ = args


@dataclass(frozen=True)
class Draft:
    """What the compose form holds, already cleaned; texts of empty languages are left out."""

    title: str
    texts: Mapping[str, str]
    audience: Audience
    empty_language: EmptyLanguage = EmptyLanguage.FALLBACK
    fallback_locale: str = "cs"
    signup_payload: str | None = None
    info_url: str | None = None
    problems: tuple[tuple[Problem, Mapping[str, object]], ...] = field(default=())


def clean_text(raw: str) -> str:
    """The coordinator's words as typed, minus control characters that no chat shows (NUL, escapes)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text.strip()


def check(draft: Draft) -> list[tuple[Problem, Mapping[str, object]]]:
    """Every problem of the draft at once, so the coordinator fixes them in one go."""
    problems: list[tuple[Problem, Mapping[str, object]]] = []
    if not draft.title.strip():
        problems.append((Problem.TITLE_MISSING, {}))
    if not any(draft.texts.values()):
        problems.append((Problem.TEXT_EMPTY, {}))
    for locale, text in draft.texts.items():
        if len(text) > MAX_TEXT_CHARS:
            problems.append(
                (Problem.TEXT_TOO_LONG, {"language": locale, "length": len(text), "limit": MAX_TEXT_CHARS})
            )
    if (
        draft.empty_language is EmptyLanguage.FALLBACK
        and any(draft.texts.values())
        and not draft.texts.get(draft.fallback_locale)
    ):
        problems.append((Problem.FALLBACK_EMPTY, {"language": draft.fallback_locale}))
    if not draft.audience.topics:
        problems.append((Problem.NO_TOPICS, {}))
    if draft.info_url is not None and (len(draft.info_url) > MAX_URL_CHARS or not URL.match(draft.info_url)):
        problems.append((Problem.BAD_URL, {}))
    if draft.signup_payload is not None and not SIGNUP_PAYLOAD.match(draft.signup_payload):
        problems.append((Problem.BAD_SIGNUP, {}))
    return problems


def message_reply(broadcast: Broadcast, locale: str) -> Reply:
    """The announcement in one language: the coordinator's text verbatim, never formatted by Fluent.

    Braces, `{ $x }` or `<b>` in the coordinator's text are shown as typed; channels send plain text.
    """
    lines: list[Text] = [
        Text(Msg.BROADCAST_MESSAGE, {"text": broadcast.texts.get(locale, "")}, verbatim=True)
    ]
    if broadcast.info_url:
        lines.append(Text(Msg.BROADCAST_MORE_INFO, {"url": broadcast.info_url}))
    buttons: list[Choice] = []
    if broadcast.signup_payload:
        buttons.append(choice(broadcast.signup_payload, Msg.BROADCAST_SIGN_UP))
    buttons.append(choice(MANAGE_PAYLOAD, Msg.BROADCAST_MANAGE))
    return Reply(lines=tuple(lines), choices=tuple(buttons))
