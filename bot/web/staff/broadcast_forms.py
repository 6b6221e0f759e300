"""The compose form of a broadcast: reading it into a Draft, and previews per channel and language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData

from bot.channels.base import RenderedReply
from bot.channels.telegram.sender import split_text
from bot.i18n.translator import Translator
from broadcasts.audience import Audience, Recipient
from broadcasts.compose import MAX_TITLE_CHARS, Draft, clean_text, message_reply
from broadcasts.models import TOPICS, Broadcast, EmptyLanguage

CHANNELS = ("tg", "web", "wa")
# WhatsApp: https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages
WHATSAPP_MAX_BUTTONS = 3
WHATSAPP_BUTTON_CHARS = 20
WHATSAPP_MAX_CHARS = 4096


def _ints(values: Sequence[Any]) -> tuple[int, ...]:
    return tuple(int(v) for v in (str(x) for x in values) if v.isdigit() and len(v) < 10)


def draft_from_form(form: FormData, locales: Sequence[str]) -> Draft:
    """The form as typed; what is wrong with it is listed in `problems`, nothing is silently dropped."""
    texts = {locale: clean_text(str(form.get(f"text_{locale}") or "")) for locale in locales}
    texts = {locale: text for locale, text in texts.items() if text}
    empty = EmptyLanguage.SKIP if form.get("empty_language") == "skip" else EmptyLanguage.FALLBACK
    fallback = str(form.get("fallback_locale") or "")
    audience = Audience(
        topics=tuple(t for t in (str(x) for x in form.getlist("topics")) if t in TOPICS),
        locales=tuple(x for x in (str(v) for v in form.getlist("locales")) if x in locales),
        channels=tuple(x for x in (str(v) for v in form.getlist("channels")) if x in CHANNELS),
        location_ids=_ints(form.getlist("locations")),
    )
    signup = str(form.get("signup") or "").strip() or None
    url = str(form.get("info_url") or "").strip() or None
    return Draft(
        title=clean_text(str(form.get("title") or ""))[: MAX_TITLE_CHARS + 1],
        texts=texts,
        audience=audience,
        empty_language=empty,
        fallback_locale=fallback if fallback in locales else (locales[0] if locales else "cs"),
        signup_payload=signup,
        info_url=url,
    )


def draft_of(broadcast: Broadcast) -> Draft:
    return Draft(
        title=broadcast.title,
        texts=broadcast.texts,
        audience=Audience.from_json(broadcast.audience),
        empty_language=EmptyLanguage(broadcast.empty_language),
        fallback_locale=broadcast.fallback_locale,
        signup_payload=broadcast.signup_payload,
        info_url=broadcast.info_url,
    )


def apply(broadcast: Broadcast, draft: Draft) -> None:
    broadcast.title = draft.title
    broadcast.texts = dict(draft.texts)
    broadcast.audience = draft.audience.as_json()
    broadcast.empty_language = draft.empty_language.value
    broadcast.fallback_locale = draft.fallback_locale
    broadcast.signup_payload = draft.signup_payload
    broadcast.info_url = draft.info_url


@dataclass(frozen=True)
class Preview:
    """One language as each channel would show it."""

    locale: str
    reply: RenderedReply
    telegram_parts: list[str]
    whatsapp_parts: list[str]
    whatsapp_buttons: list[str]
    whatsapp_as_list: bool


def previews(broadcast: Broadcast, translator: Translator) -> list[Preview]:
    found = []
    for locale, text in broadcast.texts.items():
        if not text:
            continue
        reply = translator.render(locale, message_reply(broadcast, locale))
        labels = [c.label for c in reply.choices]
        found.append(
            Preview(
                locale=locale,
                reply=reply,
                telegram_parts=split_text(reply.text),
                whatsapp_parts=split_text(reply.text, WHATSAPP_MAX_CHARS),
                whatsapp_buttons=[label[:WHATSAPP_BUTTON_CHARS] for label in labels],
                whatsapp_as_list=len(labels) > WHATSAPP_MAX_BUTTONS,
            )
        )
    return found


@dataclass(frozen=True)
class EmptyLanguageWarning:
    locale: str
    clients: int
    fallback: str | None  # the language they get instead, or None: they get nothing


def empty_language_warnings(broadcast: Broadcast, found: Sequence[Recipient]) -> list[EmptyLanguageWarning]:
    """Languages of the audience left without a text, and what those clients get."""
    missing = Counter(r.client_locale for r in found if not broadcast.texts.get(r.client_locale))
    instead = {r.client_locale: r.text_locale for r in found if not broadcast.texts.get(r.client_locale)}
    return [EmptyLanguageWarning(locale, n, instead.get(locale)) for locale, n in sorted(missing.items())]


def local_input(value: datetime | None, tz: ZoneInfo) -> str:
    """A UTC instant as the value of an <input type="datetime-local"> in the centre's time zone."""
    return "" if value is None else value.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def parse_local(raw: str, tz: ZoneInfo) -> datetime | None:
    try:
        return datetime.strptime(raw.strip(), "%Y-%m-%dT%H:%M").replace(tzinfo=tz)
    except ValueError:
        return None
