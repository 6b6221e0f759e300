"""RedisConversations: a conversation's lock and state taken in one round trip and given back in one."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from redis.asyncio import Redis

from bot.core.conversations import HeldConversation
from bot.core.keys import lock_key, state_key
from bot.core.locks import LockTimeout
from bot.core.privacy import anon_ref
from bot.core.redis_state import stored_form
from bot.core.state import ConversationState

log = structlog.get_logger(__name__)

# How often a busy conversation is tried again, as redis-py's Lock does.
POLL_SECONDS = 0.1

# KEYS: the lock, the state. ARGV: our token, the lock's expiry in milliseconds. Returns {1, state or
# nil} when the lock is ours now, {0} while another holder has it.
_TAKE = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[2])}
end
return {0}
"""

# KEYS: the lock, the state. ARGV: our token, then, when the state is kept, its JSON and TTL in seconds.
# Returns 1 when given back, 0 when the lock was no longer ours: it expired while we worked and another
# holder may have loaded the state since, so ours must not overwrite theirs, nor may we unlock theirs.
_GIVE_BACK = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if #ARGV == 3 then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) end
redis.call('DEL', KEYS[1])
return 1
"""


class RedisConversations:
    """Under the keys and in the JSON of RedisStateStore, so both see the same conversations."""

    def __init__(
        self, redis: Redis, ttl_seconds: int, wait_seconds: float = 30.0, expire_seconds: float = 120.0
    ) -> None:
        self._ttl = ttl_seconds
        self._wait = wait_seconds
        # The expiry frees a lock whose process died; it must outlast the slowest message.
        self._expire_ms = int(expire_seconds * 1000)
        self._take_script = redis.register_script(_TAKE)
        self._give_back_script = redis.register_script(_GIVE_BACK)

    @asynccontextmanager
    async def hold(self, user_ref: str) -> AsyncIterator[HeldConversation]:
        keys = [lock_key(user_ref), state_key(user_ref)]
        token = secrets.token_hex(16)
        raw = await self._take(user_ref, keys, token)
        given: list[str | int] = [token]
        try:
            # Parsed inside the try: a state that cannot be read must not leave the lock taken.
            state = ConversationState(user_ref=user_ref) if raw is None else ConversationState.from_json(raw)
            held = HeldConversation(state)
            yield held
            if held.kept:
                given.extend(stored_form(held.state, self._ttl, held.ttl_seconds))
        finally:
            if not await self._give_back_script(keys=keys, args=given):
                log.warning("conversation_lock_lost", user=anon_ref(user_ref), state_dropped=len(given) > 1)

    async def _take(self, user_ref: str, keys: list[str], token: str) -> bytes | None:
        """The state once the lock is ours; polls while another holds it, up to the wait."""
        loop = asyncio.get_running_loop()
        give_up_at = loop.time() + self._wait
        while True:
            taken, *state = await self._take_script(keys=keys, args=[token, self._expire_ms])
            if taken:
                raw: bytes | None = state[0]
                return raw
            if loop.time() + POLL_SECONDS > give_up_at:
                raise LockTimeout(user_ref)
            await asyncio.sleep(POLL_SECONDS)
