"""Per-conversation locks in one process, so one client's messages are handled one at a time, in order."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol


class LockTimeout(Exception):
    """The conversation stayed locked for longer than we are willing to wait."""


class ConversationLocks(Protocol):
    def hold(self, user_ref: str) -> AbstractAsyncContextManager[None]: ...


class MemoryLocks:
    """asyncio locks per user_ref, dropped when nobody holds or waits for them."""

    def __init__(self, wait_seconds: float = 30.0) -> None:
        self._wait = wait_seconds
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, user_ref: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(user_ref, (asyncio.Lock(), 0))
        self._locks[user_ref] = (lock, users + 1)
        try:
            try:
                await asyncio.wait_for(lock.acquire(), self._wait)
            except TimeoutError as exc:
                raise LockTimeout(user_ref) from exc
            try:
                yield
            finally:
                lock.release()
        finally:
            lock, users = self._locks[user_ref]
            if users <= 1:
                del self._locks[user_ref]
            else:
                self._locks[user_ref] = (lock, users - 1)

    def held_count(self) -> int:
        return len(self._locks)
