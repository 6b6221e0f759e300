"""One contract for every Conversations: in process, fakeredis and a real Redis (TEST_REDIS_URL)."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
from redis.asyncio import Redis

from bot.core.conversations import Conversations, LockedStates
from bot.core.keys import lock_key, state_key
from bot.core.locks import LockTimeout, MemoryLocks
from bot.core.redis_conversations import RedisConversations
from bot.core.redis_state import RedisStateStore
from bot.core.state import ConversationState
from bot.core.state_store import MemoryStateStore
from tests.backends import count_commands

TTL = 3600


def make(redis: Redis | None, wait: float = 5.0, ttl: float = TTL) -> Conversations:
    if redis is None:
        return LockedStates(MemoryLocks(wait_seconds=wait), MemoryStateStore(ttl))
    return RedisConversations(redis, int(ttl), wait_seconds=wait)


async def test_one_holder_at_a_time_and_no_update_is_lost(redis_or_memory: Redis | None) -> None:
    conversations = make(redis_or_memory)
    events: list[str] = []

    async def worker(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        async with conversations.hold("tg:1") as held:
            events.append(f"{name}+")
            seen = held.state.data.get("count", 0)
            await asyncio.sleep(0.05)
            held.state.data["count"] = seen + 1
            held.keep()
            events.append(f"{name}-")

    await asyncio.gather(worker("a", 0), worker("b", 0.01), worker("c", 0.02))
    pairs = list(zip(events[::2], events[1::2], strict=True))
    assert all(enter[0] == leave[0] and enter[1:] == "+" and leave[1:] == "-" for enter, leave in pairs)
    async with conversations.hold("tg:1") as held:
        assert held.state.data["count"] == 3  # each holder saw the one before it
        assert held.state.version == 3


async def test_other_conversations_are_not_blocked(redis_or_memory: Redis | None) -> None:
    conversations = make(redis_or_memory, wait=0.2)
    async with conversations.hold("tg:1") as one, conversations.hold("tg:2") as two:
        one.state.dialog, two.state.dialog = "help", "menu"
        one.keep()
        two.keep()
    async with conversations.hold("tg:1") as one, conversations.hold("tg:2") as two:
        assert (one.state.dialog, two.state.dialog) == ("help", "menu")


async def test_waiting_too_long_raises_after_a_bounded_wait(redis_or_memory: Redis | None) -> None:
    conversations = make(redis_or_memory, wait=0.3)
    async with conversations.hold("tg:1"):
        started = time.monotonic()
        with pytest.raises(LockTimeout):
            async with conversations.hold("tg:1"):
                pass
        assert 0.15 <= time.monotonic() - started < 1.5
    async with conversations.hold("tg:1"):  # released after the timeout, usable again
        pass


async def test_a_waiter_gets_the_conversation_once_it_is_given_back(redis_or_memory: Redis | None) -> None:
    conversations = make(redis_or_memory, wait=5)

    async def first() -> None:
        async with conversations.hold("tg:1") as held:
            await asyncio.sleep(0.15)
            held.state.step = "first"
            held.keep()

    holder = asyncio.create_task(first())
    await asyncio.sleep(0.02)
    async with conversations.hold("tg:1") as held:
        assert held.state.step == "first"
    await holder


async def test_a_fresh_conversation_and_a_kept_one(redis_or_memory: Redis | None) -> None:
    conversations = make(redis_or_memory)
    async with conversations.hold("web:abc") as held:
        assert held.state == ConversationState(user_ref="web:abc")
        held.state.enter("book_appointment", "pick_day", service="legal", days=[1, 2])
        held.state.remember_message_id("web-1")
        held.state.data["note"] = "Příliš žluťoučký кінь 🐎 tiếng Việt"
        held.keep()
    async with conversations.hold("web:abc") as held:
        assert (held.state.dialog, held.state.step, held.state.data) == (
            "book_appointment",
            "pick_day",
            {"service": "legal", "days": [1, 2], "note": "Příliš žluťoučký кінь 🐎 tiếng Việt"},
        )
        assert held.state.recent_message_ids == ["web-1"]
        assert held.state.version == 1


async def test_a_state_not_kept_is_not_saved(redis_or_memory: Redis | None) -> None:
    conversations = make(redis_or_memory)
    async with conversations.hold("tg:1") as held:
        held.state.dialog = "kept"
        held.keep()
    async with conversations.hold("tg:1") as held:
        held.state.dialog = "changed but not kept"
    async with conversations.hold("tg:1") as held:
        assert held.state.dialog == "kept"


async def test_a_block_that_raises_keeps_nothing_and_gives_the_conversation_back(
    redis_or_memory: Redis | None,
) -> None:
    conversations = make(redis_or_memory, wait=0.2)

    async def fail_half_way() -> None:
        async with conversations.hold("tg:1") as held:
            held.state.dialog = "half done"
            held.keep()
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        await fail_half_way()
    async with conversations.hold("tg:1") as held:  # at once: the lock did not wait for its expiry
        assert held.state == ConversationState(user_ref="tg:1")


async def test_the_kept_ttl_is_honoured(redis_or_memory: Redis | None) -> None:
    if redis_or_memory is None:
        conversations = make(None, ttl=0.1)
        async with conversations.hold("tg:1") as held:
            held.state.dialog = "short"
            held.keep(0.05)  # shorter than the store's TTL
        async with conversations.hold("tg:2") as held:
            held.state.dialog = "default"
            held.keep()
        await asyncio.sleep(0.07)
        async with conversations.hold("tg:1") as one, conversations.hold("tg:2") as two:
            assert (one.state.dialog, two.state.dialog) == (None, "default")
        await asyncio.sleep(0.05)
        async with conversations.hold("tg:2") as two:
            assert two.state.dialog is None
        return
    conversations = make(redis_or_memory)
    for ref, ttl in (("tg:1", 1800.0), ("tg:2", None), ("tg:3", 0.2)):
        async with conversations.hold(ref) as held:
            held.keep(ttl)
    assert 1790 < await redis_or_memory.ttl(state_key("tg:1")) <= 1800
    assert TTL - 10 < await redis_or_memory.ttl(state_key("tg:2")) <= TTL
    assert 0 < await redis_or_memory.ttl(state_key("tg:3")) <= 1  # at least a second, as RedisStateStore


async def test_redis_shares_keys_and_json_with_the_state_store(shared_redis: Redis) -> None:
    """The assistant reads and deletes states through RedisStateStore (a restart in tests, for one)."""
    conversations, states = RedisConversations(shared_redis, TTL), RedisStateStore(shared_redis, TTL)
    await states.save(ConversationState("tg:1", dialog="from the store"))
    async with conversations.hold("tg:1") as held:
        assert (held.state.dialog, held.state.version) == ("from the store", 1)
        held.state.dialog = "from a hold"
        held.keep()
    assert (await states.load("tg:1")).dialog == "from a hold"
    await states.delete("tg:1")
    async with conversations.hold("tg:1") as held:
        assert held.state.dialog is None


async def test_redis_holder_whose_lock_expired_does_not_overwrite_the_next_holder(
    shared_redis: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    slow = RedisConversations(shared_redis, TTL, wait_seconds=0.2, expire_seconds=0.2)
    other = RedisConversations(shared_redis, TTL, wait_seconds=0.2)
    async with other.hold("tg:123456") as held:
        held.state.dialog = "before"
        held.keep()
    caplog.set_level(logging.WARNING)
    late_hold = slow.hold("tg:123456")
    late = await late_hold.__aenter__()
    await asyncio.sleep(0.3)  # longer than its lock lives: the next message gets the conversation
    next_hold = other.hold("tg:123456")
    current = await next_hold.__aenter__()
    assert current.state.dialog == "before"
    late.state.dialog = "stale"
    late.keep()
    await late_hold.__aexit__(None, None, None)
    assert "conversation_lock_lost" in caplog.text
    assert "123456" not in caplog.text  # the log names the conversation by its hash only
    with pytest.raises(LockTimeout):  # the next holder still has the conversation
        async with other.hold("tg:123456"):
            pass
    current.state.step = "fresh"
    current.keep()
    await next_hold.__aexit__(None, None, None)
    async with other.hold("tg:123456") as held:
        assert (held.state.dialog, held.state.step) == ("before", "fresh")


async def test_redis_unreadable_state_does_not_leave_the_conversation_locked(shared_redis: Redis) -> None:
    conversations = RedisConversations(shared_redis, TTL, wait_seconds=0.2)
    await shared_redis.set(state_key("tg:1"), "not json")
    with pytest.raises(ValueError, match="line 1 column 1"):
        async with conversations.hold("tg:1"):
            pass
    assert not await shared_redis.exists(lock_key("tg:1"))


async def test_redis_one_round_trip_to_take_and_one_to_give_back(shared_redis: Redis) -> None:
    conversations = RedisConversations(shared_redis, TTL)
    async with conversations.hold("tg:1") as held:  # the first call also loads the scripts
        held.keep()
    sent = count_commands(shared_redis)
    async with conversations.hold("tg:1") as held:
        held.state.dialog = "help"
        held.keep()
    async with conversations.hold("tg:1") as held:
        assert held.state.dialog == "help"
    assert sent == ["EVALSHA"] * 4
