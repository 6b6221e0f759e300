"""SharedRoundTrips: calls that come while a round trip runs share the next one (group commit, pipelining)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _unclaimed(answer: asyncio.Future[Any]) -> None:
    """Marks the error of an answer nobody waits for as seen, so asyncio does not report it as lost."""
    if not answer.cancelled():
        answer.exception()


class SharedRoundTrips(Generic[T, R]):
    """Each call queues one item and gets its own result; one task sends whatever is queued, batch
    after batch. Under a burst one round trip serves many callers, and each waits for one more at most;
    alone, a call goes at once.

    `send` takes a batch and returns one result per item, in order; an item's result may be an
    exception, which is raised to that item's caller alone. When `send` raises, every caller of that
    batch gets the error. Either way the next batch is sent as usual.
    """

    def __init__(self, send: Callable[[list[T]], Awaitable[Sequence[R | BaseException]]], name: str) -> None:
        self._send = send
        self._name = name
        self._queued: list[tuple[T, asyncio.Future[R]]] = []
        self._sender: asyncio.Task[None] | None = None

    async def __call__(self, item: T) -> R:
        waiting: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._queued.append((item, waiting))
        if self._sender is None or self._sender.done():
            self._sender = asyncio.create_task(self._send_queued(), name=self._name)
        # A caller that gave up still has its item sent; only the answer is not waited for.
        try:
            return await asyncio.shield(waiting)
        except asyncio.CancelledError:
            waiting.add_done_callback(_unclaimed)
            raise

    async def _send_queued(self) -> None:
        while self._queued:
            batch, self._queued = self._queued, []
            try:
                results = await self._send([item for item, _ in batch])
            except Exception as error:
                for _, waiting in batch:
                    if not waiting.done():
                        waiting.set_exception(error)
                continue
            for (_, waiting), result in zip(batch, results, strict=True):
                if waiting.done():
                    continue
                if isinstance(result, BaseException):
                    waiting.set_exception(result)
                else:
                    waiting.set_result(result)
