"""RedisStateStore: conversation state shared by every process, expiring after a TTL."""

from __future__ import annotations

from redis.asyncio import Redis

from bot.core.keys import state_key
from bot.core.state import ConversationState


def stored_form(state: ConversationState, ttl: int, ttl_seconds: float | None) -> tuple[str, int]:
    """A state as it is saved: JSON (its version moved on), and the store's TTL or `ttl_seconds`."""
    state.version += 1
    return state.to_json(), ttl if ttl_seconds is None else max(1, int(ttl_seconds))


class RedisStateStore:
    """JSON under `ibot:conv:{user_ref}:state`; the engine's lock makes read-modify-write safe."""

    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def load(self, user_ref: str) -> ConversationState:
        raw = await self._redis.get(state_key(user_ref))
        return ConversationState(user_ref=user_ref) if raw is None else ConversationState.from_json(raw)

    async def save(self, state: ConversationState, ttl_seconds: float | None = None) -> None:
        value, ttl = stored_form(state, self._ttl, ttl_seconds)
        await self._redis.set(state_key(state.user_ref), value, ex=ttl)

    async def delete(self, user_ref: str) -> None:
        await self._redis.delete(state_key(user_ref))

    async def close(self) -> None:
        """The Redis client is owned and closed by the composition root."""
