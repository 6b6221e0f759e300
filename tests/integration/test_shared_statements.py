"""Shared statements: several messages' client reads and turn records, one statement (PostgreSQL) or one
transaction (SQLite) each."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clients.models import Message
from bot.clients.repository import ClientRepository, inbound
from bot.core.message_transaction import MessageTransactions
from bot.core.shared_statements import SharedStatements
from bot.db.base import utcnow
from bot.db.session import create_engine, create_session_factory


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


def shared_on(engine: AsyncEngine) -> SharedStatements:
    """As the dialog engine makes them (bot.core.message_transaction)."""
    return MessageTransactions(create_session_factory(engine)).shared


async def conversations(engine: AsyncEngine, user_refs: list[str]) -> list[int]:
    async with create_session_factory(engine)() as session, session.begin():
        threads = [await ClientRepository(session).create(user_ref) for user_ref in user_refs]
        return [thread.conversation.id for thread in threads]


async def test_turns_ending_together_are_one_statement_and_a_refused_one_fails_alone(
    engine: AsyncEngine,
) -> None:
    first, second = await conversations(engine, ["tg:801", "tg:802"])
    shared = shared_on(engine)
    statements: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    now = utcnow()
    erased = 999_999  # a conversation erased while its message was answered
    results = await asyncio.gather(
        shared.record((first, [inbound("ahoj", None, "m1")], now)),
        shared.record((erased, [inbound("lost", None, "m2")], now)),
        shared.record((second, [inbound("hello", None, "m3"), inbound("again", None, "m4")], now)),
        return_exceptions=True,
    )
    assert results[0] is None
    assert isinstance(results[1], IntegrityError)
    assert results[2] is None
    # Tried together once, then each alone: the two others are kept.
    if engine.dialect.name == "postgresql":
        assert [s.split()[0] for s in statements] == ["WITH"] * 4
    else:  # each try: the lines, then (unless they were refused) the conversations' times
        together, first_alone, erased_alone, second_alone = (
            ["INSERT"],
            ["INSERT", "UPDATE"],
            ["INSERT"],
            ["INSERT", "UPDATE"],
        )
        assert [s.split()[0] for s in statements] == together + first_alone + erased_alone + second_alone
    async with create_session_factory(engine)() as session:
        kept = (
            await session.execute(select(Message.conversation_id, Message.text).order_by(Message.id))
        ).all()
    assert [tuple(row) for row in kept] == [(first, "ahoj"), (second, "hello"), (second, "again")]


async def test_clients_read_together_each_get_their_own_row(engine: AsyncEngine) -> None:
    ids = await conversations(engine, ["tg:901", "wa:420777", "tg:903"])
    shared = shared_on(engine)
    rows = await asyncio.gather(*(shared.find(ref) for ref in ["tg:903", "tg:404", "wa:420777", "tg:901"]))
    assert [None if row is None else row.conversation_id for row in rows] == [ids[2], None, ids[1], ids[0]]
