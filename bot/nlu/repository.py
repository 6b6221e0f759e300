"""Stores and reads NLU misses inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.nlu.models import NluMiss

if TYPE_CHECKING:
    from bot.nlu.parser import Parse

TOP_KEPT = 3


class NluMissRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, client_id: int, parse: Parse, language: str | None) -> None:
        top = [{"intent": intent.value, "p": round(p, 3)} for intent, p in parse.ranking[:TOP_KEPT]]
        self._session.add(NluMiss(client_id=client_id, text=parse.text, language=language, top_intents=top))

    async def unreviewed(self, limit: int = 100) -> list[NluMiss]:
        rows = await self._session.scalars(
            select(NluMiss)
            .where(NluMiss.reviewed.is_(False))
            .order_by(NluMiss.created_at.desc())
            .limit(limit)
        )
        return list(rows.all())

    async def forget_client(self, client_id: int) -> int:
        result = await self._session.execute(delete(NluMiss).where(NluMiss.client_id == client_id))
        return int(getattr(result, "rowcount", 0) or 0)

    async def move_client(self, from_id: int, to_id: int) -> None:
        """Two clients became one person (linked chat apps): their misses go with them."""
        await self._session.execute(
            update(NluMiss).where(NluMiss.client_id == from_id).values(client_id=to_id)
        )

    async def purge_before(self, cutoff: datetime) -> int:
        result = await self._session.execute(delete(NluMiss).where(NluMiss.created_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)
