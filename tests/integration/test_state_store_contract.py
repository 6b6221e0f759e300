"""One contract for every StateStore: in-process, fakeredis and a real Redis (TEST_REDIS_URL)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from bot.core.keys import state_key
from bot.core.redis_state import RedisStateStore
from bot.core.state import RECENT_IDS_KEPT, ConversationState
from bot.core.state_store import MemoryStateStore, StateStore

TTL = 3600


@pytest.fixture
async def store(redis_or_memory: Redis | None) -> AsyncIterator[StateStore]:
    built: StateStore = (
        MemoryStateStore(TTL) if redis_or_memory is None else RedisStateStore(redis_or_memory, TTL)
    )
    yield built
    await built.close()


async def test_unknown_conversation_starts_fresh(store: StateStore) -> None:
    state = await store.load("tg:1")
    assert state == ConversationState(user_ref="tg:1")


async def test_saved_state_comes_back_equal(store: StateStore) -> None:
    state = ConversationState(user_ref="web:abc")
    state.enter("book_appointment", "pick_day", service="legal", days=[1, 2])
    state.misses = 1
    state.remember_message_id("web-1")
    await store.save(state)
    loaded = await store.load("web:abc")
    assert (loaded.dialog, loaded.step, loaded.data, loaded.misses) == (
        "book_appointment",
        "pick_day",
        {"service": "legal", "days": [1, 2]},
        1,
    )
    assert loaded.recent_message_ids == ["web-1"]
    assert loaded.version == 1


async def test_conversations_are_independent_and_deletable(store: StateStore) -> None:
    one, two = ConversationState("tg:1", dialog="a"), ConversationState("tg:2", dialog="b")
    await store.save(one)
    await store.save(two)
    await store.delete("tg:1")
    assert (await store.load("tg:1")).dialog is None
    assert (await store.load("tg:2")).dialog == "b"


async def test_unicode_survives(store: StateStore) -> None:
    state = ConversationState("tg:3", data={"note": "Příliš žluťoučký кінь 🐎 tiếng Việt"})
    await store.save(state)
    assert (await store.load("tg:3")).data["note"] == "Příliš žluťoučký кінь 🐎 tiếng Việt"


async def test_recent_ids_are_bounded(store: StateStore) -> None:
    state = ConversationState("tg:4")
    for i in range(RECENT_IDS_KEPT + 10):
        state.remember_message_id(f"m{i}")
    await store.save(state)
    loaded = await store.load("tg:4")
    assert len(loaded.recent_message_ids) == RECENT_IDS_KEPT
    assert loaded.recent_message_ids[-1] == f"m{RECENT_IDS_KEPT + 9}"


async def test_state_expires_after_ttl(redis_or_memory: Redis | None) -> None:
    if redis_or_memory is None:
        store: StateStore = MemoryStateStore(ttl_seconds=0.05)
        await store.save(ConversationState("tg:5", dialog="x"))
        await asyncio.sleep(0.1)
        assert (await store.load("tg:5")).dialog is None
    else:
        store = RedisStateStore(redis_or_memory, ttl_seconds=120)
        await store.save(ConversationState("tg:5", dialog="x"))
        assert 0 < await redis_or_memory.ttl(state_key("tg:5")) <= 120
