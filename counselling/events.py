"""Case events for live console pages: published after each commit, shared by processes through Redis."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from dataclasses import asdict, dataclass
from typing import Protocol

import structlog
from redis.asyncio import Redis

log = structlog.get_logger(__name__)

REDIS_CHANNEL = "assistant:case-events"
# A console tab that stops reading loses old events rather than holding memory without bound; the page
# reloads its table on every event, so a lost event only delays an update until the next one.
QUEUE_SIZE = 256


@dataclass(frozen=True)
class CaseEvent:
    """Something changed on a case; `alert` asks every open console to get a person's attention."""

    kind: str  # opened, escalated, message, claimed, reply, note, transferred, closed, left, sla
    case_id: int
    priority: int
    alert: bool = False
    entry_id: int | None = None  # the timeline entry the event is about, if any

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str | bytes) -> CaseEvent:
        data = json.loads(raw)
        entry = data.get("entry_id")
        return cls(
            str(data["kind"]),
            int(data["case_id"]),
            int(data["priority"]),
            bool(data.get("alert")),
            int(entry) if entry is not None else None,
        )


class CaseEvents(Protocol):
    async def publish(self, event: CaseEvent) -> None: ...

    def subscribe(self) -> AbstractAsyncContextManager[asyncio.Queue[CaseEvent]]:
        """A queue of events for as long as the subscriber stays inside the context."""
        ...

    async def close(self) -> None: ...


class MemoryCaseEvents:
    """One process: every subscriber gets its own queue."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[CaseEvent]] = set()

    async def publish(self, event: CaseEvent) -> None:
        self._fan_out(event)

    def _fan_out(self, event: CaseEvent) -> None:
        for queue in list(self._queues):
            with suppress(asyncio.QueueFull):
                queue.put_nowait(event)

    @asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[CaseEvent]]:
        queue: asyncio.Queue[CaseEvent] = asyncio.Queue(QUEUE_SIZE)
        self._queues.add(queue)
        try:
            yield queue
        finally:
            self._queues.discard(queue)

    @property
    def subscribers(self) -> int:
        return len(self._queues)

    async def close(self) -> None:
        self._queues.clear()


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
