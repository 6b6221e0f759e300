"""Who receives a broadcast: subscribers of its topics, filtered by language, channel and branch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clients.models import Client
from bot.clients.repository import ClientRepository
from broadcasts.models import TOPICS, EmptyLanguage, Subscription

# Keeps each IN (...) well under the bound-parameter limits of SQLite and asyncpg (32,766 / 32,767).
CHUNK = 5000
SKIP_NO_TEXT = "no_text_in_language"


@dataclass(frozen=True)
class Audience:
    """Empty locales, channels or locations mean "all of them"; topics must name at least one."""

    topics: tuple[str, ...]
    locales: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    location_ids: tuple[int, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "topics": list(self.topics),
            "locales": list(self.locales),
            "channels": list(self.channels),
            "location_ids": list(self.location_ids),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Audience:
        return cls(
            topics=tuple(str(t) for t in data.get("topics", ()) if str(t) in TOPICS),
            locales=tuple(str(x) for x in data.get("locales", ())),
            channels=tuple(str(x) for x in data.get("channels", ())),
            location_ids=tuple(int(x) for x in data.get("location_ids", ())),
        )


@dataclass(frozen=True)
class Recipient:
    client_id: int
    user_ref: str
    channel: str
    client_locale: str
    text_locale: str | None  # None: nothing to send them (their language is empty and no fallback)


@dataclass(frozen=True)
class Count:
    """The recipient count shown before sending, with its breakdown."""

    total: int = 0
    skipped: int = 0  # in the audience, but their language has no text and no fallback was chosen
    by_channel: Mapping[str, int] = field(default_factory=dict)
    by_locale: Mapping[str, int] = field(default_factory=dict)  # the language each will read

    @property
    def reached(self) -> int:
        return self.total - self.skipped


def text_locale(
    client_locale: str, texts: Mapping[str, str], empty: EmptyLanguage, fallback: str
) -> str | None:
    if texts.get(client_locale):
        return client_locale
    if empty is EmptyLanguage.FALLBACK and texts.get(fallback):
        return fallback
    return None


async def recipients(
    session: AsyncSession,
    audience: Audience,
    texts: Mapping[str, str],
    empty: EmptyLanguage,
    fallback: str,
    default_locale: str,
) -> list[Recipient]:
    """Everyone who opted in to one of the topics, gave privacy consent and is not marked unreachable.

    Each client once (subscribed to two matching topics or not), on the channel they last wrote from.
    """
    if not audience.topics:
        return []
    query = (
        select(Subscription.client_id, Client.locale)
        .join(Client, Client.id == Subscription.client_id)
        .where(
            Subscription.topic.in_(audience.topics),
            Subscription.unreachable_at.is_(None),
            Client.consent_at.is_not(None),
        )
        .distinct()
        .order_by(Subscription.client_id)
    )
    if audience.location_ids:
        query = query.where(
            or_(Subscription.location_id.is_(None), Subscription.location_id.in_(audience.location_ids))
        )
    rows = (await session.execute(query)).all()
    locales = {client_id: locale or default_locale for client_id, locale in rows}
    ids = list(locales)
    refs: dict[int, str] = {}
    clients = ClientRepository(session)
    for start in range(0, len(ids), CHUNK):
        refs.update(await clients.latest_user_refs(ids[start : start + CHUNK]))
    found: list[Recipient] = []
    for client_id in ids:
        user_ref = refs.get(client_id)
        if user_ref is None:
            continue
        channel = user_ref.partition(":")[0]
        locale = locales[client_id]
        if audience.channels and channel not in audience.channels:
            continue
        if audience.locales and locale not in audience.locales:
            continue
        found.append(
            Recipient(client_id, user_ref, channel, locale, text_locale(locale, texts, empty, fallback))
        )
    return found


def count(found: Sequence[Recipient]) -> Count:
    reached = [r for r in found if r.text_locale is not None]
    return Count(
        total=len(found),
        skipped=len(found) - len(reached),
        by_channel=dict(Counter(r.channel for r in reached)),
        by_locale=dict(Counter(r.text_locale for r in reached if r.text_locale)),
    )
