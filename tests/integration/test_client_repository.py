"""ClientRepository on SQLite and PostgreSQL: identities, transcript, forgetting and retention."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import RenderedChoice, RenderedReply
from bot.clients.models import ClientIdentity, Message
from bot.clients.repository import ClientRepository
from bot.core.retention import purge_expired_messages
from bot.db.base import utcnow
from bot.db.session import create_engine, create_session_factory


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    yield create_session_factory(engine)
    await engine.dispose()


async def test_same_ref_is_the_same_client(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        first = await ClientRepository(s).get_or_create("tg:42")
    async with sessions() as s, s.begin():
        again = await ClientRepository(s).get_or_create("tg:42")
        other = await ClientRepository(s).get_or_create("wa:42")
    assert again.client.id == first.client.id
    assert other.client.id != first.client.id


async def test_last_seen_moves_with_a_new_visit_not_with_every_message(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as s, s.begin():
        client = (await ClientRepository(s).get_or_create("tg:43")).client
        client.last_seen_at = utcnow() - timedelta(minutes=2)
    async with sessions() as s, s.begin():
        recent = (await ClientRepository(s).get_or_create("tg:43")).client.last_seen_at
    assert utcnow() - recent >= timedelta(minutes=2)  # within the step: not rewritten

    async with sessions() as s, s.begin():
        client = (await ClientRepository(s).get_or_create("tg:43")).client
        client.last_seen_at = utcnow() - timedelta(hours=3)
    async with sessions() as s, s.begin():
        seen = (await ClientRepository(s).get_or_create("tg:43")).client.last_seen_at
    assert utcnow() - seen < timedelta(minutes=1)  # a new visit after hours: moved to now


async def test_identity_is_unique_in_the_database(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        thread = await ClientRepository(s).get_or_create("tg:7")
    with pytest.raises(IntegrityError):
        async with sessions() as s, s.begin():
            s.add(ClientIdentity(client_id=thread.client.id, channel="tg", external_id="7"))


async def test_transcript_keeps_order_choices_and_unicode(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        repo = ClientRepository(s)
        thread = await repo.get_or_create("web:1")
        await repo.record_inbound(thread, "Добрий день 🇺🇦", None, "web-a")
        reply = RenderedReply("Vítejte", (RenderedChoice("menu", "Menu"),))
        await repo.record_outbound(thread, [reply])
    async with sessions() as s:
        repo = ClientRepository(s)
        thread = await repo.get_or_create("web:1")
        history = await repo.history(thread)
        assert [(m.direction, m.text) for m in history] == [("in", "Добрий день 🇺🇦"), ("out", "Vítejte")]
        assert history[1].choices == [{"payload": "menu", "label": "Menu"}]
        assert await repo.seen_platform_message(thread, "web-a")
        assert not await repo.seen_platform_message(thread, "web-b")


async def test_forget_deletes_every_message_and_consent(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        repo = ClientRepository(s)
        thread = await repo.get_or_create("tg:9")
        thread.client.consent_at = utcnow()
        for i in range(3):
            await repo.record_inbound(thread, f"m{i}", None, None)
        neighbour = await repo.get_or_create("tg:10")
        await repo.record_inbound(neighbour, "keep me", None, None)
    async with sessions() as s, s.begin():
        repo = ClientRepository(s)
        thread = await repo.get_or_create("tg:9")
        assert await repo.forget(thread.client) == 3
    async with sessions() as s:
        texts = (await s.scalars(select(Message.text))).all()
        thread = await ClientRepository(s).get_or_create("tg:9")
    assert texts == ["keep me"]
    assert thread.client.consent_at is None


async def test_retention_purges_only_old_messages(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        repo = ClientRepository(s)
        thread = await repo.get_or_create("tg:11")
        await repo.record_inbound(thread, "old", None, None)
        await repo.record_inbound(thread, "new", None, None)
        await s.flush()
        await s.execute(
            update(Message).where(Message.text == "old").values(created_at=utcnow() - timedelta(days=200))
        )
    assert await purge_expired_messages(sessions, retention_days=180) == 1
    async with sessions() as s:
        assert (await s.scalars(select(Message.text))).all() == ["new"]
        assert await s.scalar(select(func.count()).select_from(Message)) == 1
