"""CaseMirrors: desk events reach each mirror (the Telegram staff group) in order, off the caller's path."""

from __future__ import annotations

import asyncio
from contextlib import suppress
from dataclasses import dataclass
from typing import Protocol

import structlog

from counselling.events import CaseEvent

log = structlog.get_logger(__name__)

# A mirror that falls this far behind (the group unreachable for hours during a raid) loses the newest
# events, each logged, rather than memory without bound; a case's next event still finds or makes its topic.
BACKLOG_LIMIT = 10_000


class CaseMirror(Protocol):
    """Another place showing cases (the Telegram staff group); told of every change made at the desk."""

    async def mirror(self, event: CaseEvent) -> None: ...


@dataclass
class _Lane:
    """One mirror's events, oldest first, and the task that hands them over one at a time."""

    mirror: CaseMirror
    queue: asyncio.Queue[CaseEvent]
    task: asyncio.Task[None] | None = None
    busy: bool = False


class CaseMirrors:
    """A BackgroundService: one queue and one consumer task per mirror, so a mirror paced by its
    platform (the staff group takes about 20 posts a minute) never holds up a client's answer or a
    counsellor's action, and still sees a case's events in the order they happened (its topic first).

    `publish` only enqueues. Events published before `start` wait for it; `stop` hands over what is
    queued within the grace, then logs how many events were dropped. `idle()` returns once every queued
    event was handled, so tests can assert on what the mirrors did.
    """

    def __init__(self, *, grace_seconds: float = 20.0, backlog_limit: int = BACKLOG_LIMIT) -> None:
        self._grace = grace_seconds
        self._limit = backlog_limit
        self._lanes: list[_Lane] = []
        self._running = False
        self._stopped = False

    def add(self, mirror: CaseMirror) -> None:
        lane = _Lane(mirror, asyncio.Queue(self._limit))
        self._lanes.append(lane)
        if self._running:
            self._spawn(lane)

    def publish(self, event: CaseEvent) -> None:
        """Queue the event for every mirror and return at once."""
        if self._stopped and self._lanes:
            # Shutting down: a handler that finished after the drain began; the group misses this one.
            log.warning("case_mirror_dropped", case=event.case_id, kind=event.kind, reason="stopped")
            return
        for lane in self._lanes:
            try:
                lane.queue.put_nowait(event)
            except asyncio.QueueFull:
                log.warning("case_mirror_dropped", case=event.case_id, kind=event.kind, reason="backlog")

    @property
    def backlog(self) -> int:
        """Events queued or being handled, over all mirrors."""
        return sum(lane.queue.qsize() + lane.busy for lane in self._lanes)

    async def start(self) -> None:
        self._running, self._stopped = True, False
        for lane in self._lanes:
            self._spawn(lane)

    async def idle(self) -> None:
        """Wait until every event published so far has been handed to its mirror."""
        if not self._running and self.backlog:
            raise RuntimeError("CaseMirrors holds events but was not started")
        await asyncio.gather(*(lane.queue.join() for lane in self._lanes))

    async def stop(self) -> None:
        """Refuse new events, hand over the queued ones within the grace, then give up on the rest."""
        self._stopped = True
        if self._running:
            with suppress(TimeoutError):  # what is left is counted below
                await asyncio.wait_for(self.idle(), self._grace)
        dropped = self.backlog
        for lane in self._lanes:
            task, lane.task = lane.task, None
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
            self._discard(lane)
        self._running = False
        if dropped:
            log.warning("case_mirror_events_dropped", dropped=dropped, grace=self._grace)

    def _spawn(self, lane: _Lane) -> None:
        if lane.task is None:
            lane.task = asyncio.create_task(self._consume(lane), name="case-mirror")

    async def _consume(self, lane: _Lane) -> None:
        while True:
            event = await lane.queue.get()
            lane.busy = True
            try:
                await lane.mirror.mirror(event)
            except Exception:
                log.exception("case_mirror_failed", case=event.case_id, kind=event.kind)
            finally:
                lane.busy = False
                lane.queue.task_done()

    @staticmethod
    def _discard(lane: _Lane) -> None:
        """Empty a stopped lane, so that a later start does not replay events it gave up on."""
        while not lane.queue.empty():
            lane.queue.get_nowait()
            lane.queue.task_done()
