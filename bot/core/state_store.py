"""The StateStore port and its in-process implementation."""

from __future__ import annotations

import time
from typing import Protocol

from bot.core.state import ConversationState


class StateStore(Protocol):
    """Loads and saves ConversationState; a missing state is a fresh one, never an error."""

    async def load(self, user_ref: str) -> ConversationState: ...

    async def save(self, state: ConversationState, ttl_seconds: float | None = None) -> None:
        """Keep the state for the store's TTL, or for `ttl_seconds` when given."""
        ...

    async def delete(self, user_ref: str) -> None: ...

    async def close(self) -> None: ...


class MemoryStateStore:
    """One process, no Redis: states as JSON in a dict, expired after the TTL like Redis keys."""

    def __init__(self, ttl_seconds: float) -> None:
        self._ttl = ttl_seconds
        self._items: dict[str, tuple[float, str]] = {}

    async def load(self, user_ref: str) -> ConversationState:
        item = self._items.get(user_ref)
        if item is None or item[0] < time.monotonic():
            self._items.pop(user_ref, None)
            return ConversationState(user_ref=user_ref)
        return ConversationState.from_json(item[1])

    async def save(self, state: ConversationState, ttl_seconds: float | None = None) -> None:
        state.version += 1
        ttl = self._ttl if ttl_seconds is None else ttl_seconds
        self._items[state.user_ref] = (time.monotonic() + ttl, state.to_json())

    async def delete(self, user_ref: str) -> None:
        self._items.pop(user_ref, None)

    async def close(self) -> None:
        self._items.clear()
