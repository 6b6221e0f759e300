"""Case events shared by every process through Redis pub/sub, for live console pages anywhere."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

import structlog
from redis.asyncio import Redis

from counselling.events import CaseEvent, MemoryCaseEvents

log = structlog.get_logger(__name__)

REDIS_CHANNEL = "assistant:case-events"


class RedisCaseEvents(MemoryCaseEvents):
    """Several processes: events go through Redis pub/sub, and one listener per process fans them out."""

    def __init__(self, redis: Redis) -> None:
        super().__init__()
        self._redis = redis
        self._listener: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def publish(self, event: CaseEvent) -> None:
        try:
            await self._redis.publish(REDIS_CHANNEL, event.to_json())
        except Exception:
            # Redis down: this process's consoles still hear it; the others catch up on their next event.
            log.warning("case_event_publish_failed", case=event.case_id, exc_info=True)
            self._fan_out(event)

    @asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[CaseEvent]]:
        if self._listener is None or self._listener.done():
            self._ready.clear()
            self._listener = asyncio.create_task(self._listen(), name="case-events")
            await asyncio.wait_for(self._ready.wait(), 5)
        async with super().subscribe() as queue:
            yield queue

    async def _listen(self) -> None:
        pubsub = self._redis.pubsub()
        try:
            await pubsub.subscribe(REDIS_CHANNEL)
            self._ready.set()
            async for message in pubsub.listen():
                if message.get("type") != "message":
                    continue
                try:
                    self._fan_out(CaseEvent.from_json(message["data"]))
                except (ValueError, KeyError, TypeError):
                    log.warning("case_event_malformed")
        finally:
            with suppress(Exception):
                await pubsub.aclose()  # type: ignore[no-untyped-call]

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with suppress(asyncio.CancelledError, Exception):
                await self._listener
            self._listener = None
        await super().close()
