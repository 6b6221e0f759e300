"""The Conversations port: hold one client's conversation (its lock and its state) for one message."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from bot.core.locks import ConversationLocks
from bot.core.state import ConversationState
from bot.core.state_store import StateStore


class HeldConversation:
    """The state of a conversation while its holder has it; `keep` asks for it to be saved on release."""

    def __init__(self, state: ConversationState) -> None:
        self.state = state
        self.kept = False
        self.ttl_seconds: float | None = None

    def keep(self, ttl_seconds: float | None = None) -> None:
        """Save the state when the hold ends normally, for the store's TTL or `ttl_seconds` when given."""
        self.kept = True
        self.ttl_seconds = ttl_seconds


class Conversations(Protocol):
    """One holder per conversation at a time; a kept state is saved only when the block ends normally.

    `hold` raises LockTimeout (bot.core.locks) when the conversation stays held by another for too long.
    """

    def hold(self, user_ref: str) -> AbstractAsyncContextManager[HeldConversation]: ...


class LockedStates:
    """Any ConversationLocks with any StateStore: lock, load, yield, save if kept, unlock."""

    def __init__(self, locks: ConversationLocks, states: StateStore) -> None:
        self._locks = locks
        self._states = states

    @asynccontextmanager
    async def hold(self, user_ref: str) -> AsyncIterator[HeldConversation]:
        async with self._locks.hold(user_ref):
            held = HeldConversation(await self._states.load(user_ref))
            # A block that raises skips the save: its half-done changes to the state are dropped.
            yield held
            if held.kept:
                await self._states.save(held.state, held.ttl_seconds)
