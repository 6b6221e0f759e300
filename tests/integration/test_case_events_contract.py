"""Case events reach every open console page: in one process, and across processes through Redis."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from bot.core.redis_case_events import RedisCaseEvents
from counselling.events import CaseEvent, CaseEvents, MemoryCaseEvents


def bus_on(redis: Redis | None) -> CaseEvents:
    return MemoryCaseEvents() if redis is None else RedisCaseEvents(redis)


async def test_every_subscriber_gets_each_event_once(redis_or_memory: Redis | None) -> None:
    bus = bus_on(redis_or_memory)
    event = CaseEvent("opened", 7, 0, alert=True, entry_id=3, origin="telegram")
    try:
        async with bus.subscribe() as first, bus.subscribe() as second:
            await bus.publish(event)
            got = [await asyncio.wait_for(q.get(), 5) for q in (first, second)]
            assert got == [event, event]
            await asyncio.sleep(0.05)
            assert first.empty()  # once, not twice
            assert second.empty()
    finally:
        await bus.close()


async def test_a_subscriber_that_left_gets_nothing_and_costs_nothing(redis_or_memory: Redis | None) -> None:
    bus = bus_on(redis_or_memory)
    try:
        async with bus.subscribe() as gone:
            pass
        await bus.publish(CaseEvent("message", 1, 2))
        await asyncio.sleep(0.05)
        assert gone.empty()
    finally:
        await bus.close()


async def test_an_event_published_by_another_process_arrives(shared_redis: Redis) -> None:
    here, there = RedisCaseEvents(shared_redis), RedisCaseEvents(shared_redis)
    try:
        async with here.subscribe() as events:
            await there.publish(CaseEvent("claimed", 11, 1))
            assert await asyncio.wait_for(events.get(), 5) == CaseEvent("claimed", 11, 1)
    finally:
        await here.close()
        await there.close()
