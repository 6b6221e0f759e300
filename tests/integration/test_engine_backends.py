"""The whole engine on every backend pair: SQLite or PostgreSQL, memory or (fake/real) Redis."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import asyncpg
import pytest
from redis.asyncio import Redis
from sqlalchemy import event, func, select

from bot.app import Assistant, build_assistant
from bot.channels.base import Channel, InboundMessage, Outbound, Reply
from bot.clients.models import Client, Message
from bot.core.conversations import Conversations, LockedStates
from bot.core.engine import DialogEngine
from bot.core.keys import state_key
from bot.core.locks import MemoryLocks
from bot.core.message_transaction import MessageTransaction
from bot.core.redis_conversations import RedisConversations
from bot.core.redis_state import RedisStateStore
from bot.db.base import utcnow
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


async def test_a_question_costs_the_database_two_or_three_statements(
    assistant_on: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What every message of a known client pays: the client with their open case in one SELECT, then
    the transcript; on PostgreSQL the transcript and the conversation's time in one statement, and no
    transaction around them (no BEGIN and COMMIT: two round trips in all)."""
    chat = ChatDriver(assistant_on, "tg:6006", locale_hint="en")
    await chat.onboard("en")
    statements: list[str] = []
    begun = count_transactions(monkeypatch)

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement.split()[0].upper())

    engine = assistant_on.db_engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        await chat.send("How do I extend my residence permit?")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert "residence" in chat.text.lower() or "pobyt" in chat.text.lower()
    if assistant_on.db_engine.dialect.name == "postgresql":
        assert statements == ["SELECT", "WITH"]
        assert begun == []
    else:
        assert statements == ["SELECT", "INSERT", "UPDATE"]


async def test_clients_asking_at_once_are_read_together_and_each_answered_as_themselves(
    assistant_on: Assistant,
) -> None:
    """The clients of messages that start together are read in one shared SELECT, and their turns
    recorded together (one statement on PostgreSQL, one transaction on SQLite); each message still gets
    its own client: the answer in that client's language, in that client's transcript."""
    languages = ["cs", "en", "uk", "ru", "vi"]
    chats = [ChatDriver(assistant_on, f"tg:70{n}", locale_hint=lang) for n, lang in enumerate(languages)]
    for chat, lang in zip(chats, languages, strict=True):
        await chat.onboard(lang)
    question = "How do I extend my residence permit?"
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement.split()[0].upper())

    engine = assistant_on.db_engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        together = await asyncio.gather(*(chat.send(question) for chat in chats))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    alone = [await chat.send(question) for chat in chats]
    assert [[r.text for r in replies] for replies in together] == [
        [r.text for r in replies] for replies in alone
    ]
    assert len({replies[0].text for replies in together}) == len(languages)  # five languages, five answers
    assert statements.count("SELECT") < len(chats)
    record = "WITH" if assistant_on.db_engine.dialect.name == "postgresql" else "INSERT"
    assert statements.count(record) < len(chats)
    async with assistant_on.sessions() as session:
        asked = await session.execute(
            select(Message.conversation_id, func.count())
            .where(Message.direction == "in", Message.text == question)
            .group_by(Message.conversation_id)
        )
        assert sorted(count for _, count in asked) == [2] * len(chats)  # each in its own transcript, twice


def count_transactions(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The transactions asyncpg begins from now on (each a BEGIN sent to PostgreSQL)."""
    begun: list[object] = []
    start = asyncpg.transaction.Transaction.start

    async def counted(self: asyncpg.transaction.Transaction) -> None:
        begun.append(self)
        await start(self)

    monkeypatch.setattr(asyncpg.transaction.Transaction, "start", counted)
    return begun


async def test_a_step_with_a_session_is_one_transaction_on_every_backend(
    assistant_on: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that writes through the ORM (here: consent and a new client's rows) is all or nothing:
    when it fails after the writes, nothing of it stays and the client is asked again."""
    chat = ChatDriver(assistant_on, "tg:6116", locale_hint="en")
    await chat.send("hello")
    assert "start:agree" in chat.payloads
    async with assistant_on.sessions() as session:
        before = (await session.scalars(select(Client).order_by(Client.id))).all()
    [client] = [c for c in before if c.consent_at is None][-1:]

    begun = count_transactions(monkeypatch)
    begun_by_the_step: list[int] = []

    async def failing_commit(self: MessageTransaction, *args: Any) -> None:
        await self.session.flush()  # the consent reached the server inside the transaction...
        begun_by_the_step.append(len(begun))
        raise RuntimeError("the turn's commit failed")

    with monkeypatch.context() as patched:
        patched.setattr(MessageTransaction, "commit", failing_commit)
        await chat.press("start:agree")
    assert chat.assistant.translator.format("en", Msg.ERROR_TRY_AGAIN) in chat.text
    async with assistant_on.sessions() as session:
        again = await session.get(Client, client.id)
        assert again is not None
        assert again.consent_at is None  # ...and was rolled back with it
    if assistant_on.db_engine.dialect.name == "postgresql":
        assert begun_by_the_step == [1]  # its own transaction, begun when it opened a session
    await chat.press("start:agree")
    async with assistant_on.sessions() as session:
        saved = await session.get(Client, client.id)
        assert saved is not None
        assert saved.consent_at is not None


async def test_what_a_step_changes_on_the_client_is_saved_without_a_session_of_its_own(
    assistant_on: Assistant,
) -> None:
    """The engine reads the client through Core and opens an ORM session only when a step asks for one:
    a change to the client alone (a new language, a visit after hours away) must still reach the row."""
    chat = ChatDriver(assistant_on, "tg:7007", locale_hint="en")
    await chat.onboard("en")
    async with assistant_on.sessions() as session, session.begin():
        client = await session.scalar(select(Client).order_by(Client.id.desc()))
        assert client is not None
        client.last_seen_at = utcnow() - timedelta(hours=3)
    await chat.send("How do I extend my residence permit?")
    await chat.send("/language")
    await chat.press("lang:vi")
    async with assistant_on.sessions() as session:
        saved = await session.get(Client, client.id)
    assert saved is not None
    assert saved.locale == "vi"
    assert utcnow() - saved.last_seen_at < timedelta(minutes=1)
    assert chat.rendered()[0].text == assistant_on.translator.format("vi", Msg.LANGUAGE_CHANGED)


async def test_a_message_waiting_too_long_for_its_conversation_is_told_it_is_busy(
    assistant_on: Assistant,
) -> None:
    conversations: Conversations = (
        LockedStates(MemoryLocks(wait_seconds=0.2), assistant_on.states)
        if assistant_on.redis is None
        else RedisConversations(assistant_on.redis, 3600, wait_seconds=0.2)
    )
    engine = DialogEngine(
        router=assistant_on.router,
        conversations=conversations,
        session_factory=assistant_on.sessions,
        translator=assistant_on.translator,
        enabled_locales=assistant_on.settings.enabled_locales,
        default_locale=assistant_on.settings.default_locale,
        nlu=assistant_on.understanding.parser,
    )
    await ChatDriver(assistant_on, "tg:5005", locale_hint="uk").onboard("uk")
    help_pressed = InboundMessage.button("tg:5005", "help", locale_hint="uk")
    async with conversations.hold("tg:5005"):  # the client's previous message, still being handled
        busy = await engine.handle(help_pressed)
    assert busy.locale == "uk"
    assert [r.text for r in assistant_on.translator.render_outbound(busy)] == [
        assistant_on.translator.format("uk", Msg.ERROR_BUSY)
    ]
    answered = assistant_on.translator.render_outbound(await engine.handle(help_pressed))
    assert "Velká Hradební 33" in answered[0].text


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


async def test_a_message_takes_and_gives_back_its_conversation_in_two_redis_round_trips(
    sqlite_url: str, redis_only: Redis, understanding: Understanding
) -> None:
    assistant = build_assistant(make_settings(sqlite_url), understanding, redis=redis_only)
    try:
        chat = ChatDriver(assistant, "tg:6006", locale_hint="en")
        await chat.onboard("en")
        sent = backends.count_commands(redis_only)
        await chat.press("help")
        assert "Velká Hradební 33" in chat.text
        assert sent == ["EVALSHA", "EVALSHA"]  # the lock with the state, then the state with the unlock
        await chat.press("menu")
        assert (await assistant.states.load("tg:6006")).version == 5  # both messages' states were kept
    finally:
        await assistant.db_engine.dispose()
