"""Retention: transcripts older than MESSAGE_RETENTION_DAYS are deleted, as the privacy notice promises."""

from __future__ import annotations

from datetime import timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clients.linking import purge_stale
from bot.clients.repository import ClientRepository
from bot.db.base import utcnow
from bot.nlu.repository import NluMissRepository
from counselling.queue import purge_closed_before

log = structlog.get_logger(__name__)


async def purge_expired_messages(sessions: async_sessionmaker[AsyncSession], retention_days: int) -> int:
    now = utcnow()
    cutoff = now - timedelta(days=retention_days)
    async with sessions() as session, session.begin():
        deleted = await ClientRepository(session).purge_messages_before(cutoff)
        deleted += await NluMissRepository(session).purge_before(cutoff)
        deleted += await purge_closed_before(session, cutoff)
        await purge_stale(session, now)  # link codes and wrong attempts: not messages, not counted
    if deleted:
        log.info("retention_purged", messages=deleted, retention_days=retention_days)
    return deleted
