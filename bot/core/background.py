"""The BackgroundService port: loops started with the app and stopped before it closes."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Protocol

import structlog

log = structlog.get_logger(__name__)


class BackgroundService(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class PeriodicTask:
    """Runs `work` every `interval` seconds until stopped; a failing round is logged, not fatal."""

    def __init__(self, name: str, interval: float, work: Callable[[], Awaitable[object]]) -> None:
        self._name = name
        self._interval = interval
        self._work = work
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    async def start(self) -> None:
        self._stopping.clear()
        self._task = asyncio.create_task(self._loop(), name=self._name)

    async def stop(self) -> None:
        self._stopping.set()
        if self._task is not None:
            await self._task
            self._task = None

    async def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                await self._work()
            except Exception:
                log.exception("background_round_failed", task=self._name)
            try:
                await asyncio.wait_for(self._stopping.wait(), self._interval)
            except TimeoutError:
                continue
