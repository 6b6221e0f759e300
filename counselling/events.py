"""Case events for live console pages, published after each commit (shared via Redis: bot/core)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from dataclasses import asdict, dataclass
from typing import Protocol

import structlog

log = structlog.get_logger(__name__)

# A console tab that stops reading loses old events rather than holding memory without bound; the page
# reloads its table on every event, so a lost event only delays an update until the next one.
QUEUE_SIZE = 256


@dataclass(frozen=True)
class CaseEvent:
    """Something changed on a case; `alert` asks every open console to get a person's attention."""

    kind: (
        str  # opened, escalated, message, claimed, reply, note, transferred, closed, left, sla, joined(_into)
    )
    case_id: int
    priority: int
    alert: bool = False
    entry_id: int | None = None  # the timeline entry the event is about, if any
    origin: str | None = None  # where the action was taken ("telegram"), so that place need not echo it

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
            str(data["origin"]) if data.get("origin") is not None else None,
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
