"""SharedWrites: calls that come while a write is running share the next one (group commit)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class SharedWrites(Generic[T, R]):
    """Each call queues one item and gets its own result; one task writes whatever is queued, batch
    after batch. Under a burst one write serves many callers, and each waits for one write at most.

    `write` takes a batch and returns one result per item, in order; when it raises, every caller of
    that batch gets the error and the next batch is written as usual.
    """

    def __init__(self, write: Callable[[list[T]], Awaitable[list[R]]], name: str) -> None:
        self._write = write
        self._name = name
        self._queued: list[tuple[T, asyncio.Future[R]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def __call__(self, item: T) -> R:
        waiting: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._queued.append((item, waiting))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_queued(), name=self._name)
        # A caller that gave up still has its item written; only the answer is not waited for.
        return await asyncio.shield(waiting)

    async def _write_queued(self) -> None:
        while self._queued:
            batch, self._queued = self._queued, []
            try:
                results = await self._write([item for item, _ in batch])
            except Exception as error:
                for _, waiting in batch:
                    if not waiting.done():
                        waiting.set_exception(error)
                continue
            for (_, waiting), result in zip(batch, results, strict=True):
                if not waiting.done():
                    waiting.set_result(result)
