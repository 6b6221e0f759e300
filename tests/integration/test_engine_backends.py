"""The whole engine on every backend pair: SQLite or PostgreSQL, memory or (fake/real) Redis."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from sqlalchemy import select

from bot.app import Assistant, build_assistant
from bot.channels.base import Channel, Outbound, Reply
from bot.clients.models import Client, Message
from bot.core.keys import state_key
from bot.core.redis_state import RedisStateStore
from bot.i18n.msg import Msg
from bot.nlu.service import Understanding
from dialogs.common import contact_args
from tests import backends
from tests.conftest import make_settings
from tests.driver import ChatDriver


class RecordingSender:
    def __init__(self) -> None:
        self.sent: list[Outbound] = []

    async def send(self, outbound: Outbound) -> None:
        self.sent.append(outbound)


@pytest.fixture
async def assistant_on(
    database_url: str, redis_or_memory: Redis | None, understanding: Understanding
) -> AsyncIterator[Assistant]:
    built = build_assistant(make_settings(database_url), understanding, redis=redis_or_memory)
    yield built
    await built.engine.drain(5)
    await built.db_engine.dispose()  # the Redis client belongs to the fixture


async def test_conversation_survives_on_every_backend(assistant_on: Assistant) -> None:
    chat = ChatDriver(assistant_on, "tg:1001", locale_hint="uk")
    await chat.onboard("uk")
    await chat.press("help")
    assert "Velká Hradební 33" in chat.text
    async with assistant_on.sessions() as session:
        client = (await session.scalars(select(Client))).one()
        texts = (await session.scalars(select(Message.direction))).all()
    assert client.locale == "uk"
    assert client.consent_at is not None
    assert "in" in texts
    assert "out" in texts
    if isinstance(assistant_on.states, RedisStateStore):
        assert (await assistant_on.states.load("tg:1001")).version >= 4


async def test_notifier_uses_the_clients_language_and_channel(assistant_on: Assistant) -> None:
    sender = RecordingSender()
    assistant_on.notifier.register(Channel.TELEGRAM, sender)
    await ChatDriver(assistant_on, "tg:2002").onboard("vi")
    assert await assistant_on.notifier.notify("tg:2002", [Reply.of(Msg.MENU_TITLE)])
    assert [o.locale for o in sender.sent] == ["vi"]
    assert not await assistant_on.notifier.notify("tg:404", [Reply.of(Msg.MENU_TITLE)])  # never a stranger
    async with assistant_on.sessions() as session:
        last = (await session.scalars(select(Message).order_by(Message.id.desc()))).first()
    assert last is not None
    assert last.text == assistant_on.translator.format("vi", Msg.MENU_TITLE)


async def test_a_deep_link_survives_the_first_contact_on_every_backend(assistant_on: Assistant) -> None:
    """A newcomer from `t.me/<bot>?start=course_a1`: notice, consent, language, then the A1 course."""
    chat = ChatDriver(assistant_on, "tg:4004", locale_hint="uk")
    await chat.open("course_a1")
    assert "start:agree" in chat.payloads
    await chat.press("start:agree")
    await chat.press("lang:uk")
    changed, course = chat.rendered()
    args = {"level": "a1", "subscribed": "no", **contact_args(assistant_on.centre, "uk")}
    assert changed.text == assistant_on.translator.format("uk", Msg.LANGUAGE_CHANGED)
    assert course.text == assistant_on.translator.format("uk", Msg.COURSES_CZECH, args)
    assert [c.payload for c in course.choices] == ["sub:t:czech_courses", "menu"]  # no schedule imported


@pytest.fixture(params=["fakeredis", "redis"])
async def redis_only(request: pytest.FixtureRequest) -> AsyncIterator[Redis | None]:
    async for client in backends.redis_client(request.param):
        yield client


async def test_state_before_consent_expires_soon(
    sqlite_url: str, redis_only: Redis, understanding: Understanding
) -> None:
    assistant = build_assistant(make_settings(sqlite_url), understanding, redis=redis_only)
    try:
        chat = ChatDriver(assistant, "tg:3003")
        await chat.send("potrebuju prodlouzit pobyt")
        assert 0 < await redis_only.ttl(state_key("tg:3003")) <= 1800
        await chat.press("start:agree")
        assert await redis_only.ttl(state_key("tg:3003")) > 1800
    finally:
        await assistant.db_engine.dispose()
