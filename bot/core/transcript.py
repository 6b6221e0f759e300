"""Read side of a conversation: what a returning client (or later a counsellor) sees again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clients.repository import ClientRepository


@dataclass(frozen=True)
class TranscriptEntry:
    direction: str  # "in" or "out"
    text: str
    choices: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class TranscriptView:
    locale: str | None
    consented: bool
    entries: tuple[TranscriptEntry, ...]


class Transcripts:
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    async def recent(self, user_ref: str, limit: int = 200) -> TranscriptView:
        """The newest messages, oldest first; empty for a client we do not know."""
        async with self._sessions() as session:
            clients = ClientRepository(session)
            thread = await clients.find(user_ref)
            if thread is None:
                return TranscriptView(None, False, ())
            rows = await clients.history(thread, limit)
            entries = tuple(TranscriptEntry(m.direction, m.text, tuple(m.choices or ())) for m in rows)
            return TranscriptView(thread.client.locale, thread.client.consent_at is not None, entries)
