"""Redis fast path in front of the inbox's unique key: a platform's retry skips the database."""

from __future__ import annotations

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.core.keys import inbound_seen_key

log = structlog.get_logger(__name__)

PENDING = b"pending"
STORED = b"stored"
# A process that dies between claiming the key and storing the row must not hide the retry for long.
PENDING_SECONDS = 60


class SeenInbound:
    """Which inbound messages are already in the inbox, shared by every process through Redis.

    Only a key that says "stored" skips the database. A key another process is still storing under
    ("pending") falls through to the insert, whose unique (channel, platform id) key stays the source
    of truth; so a crash, a failed insert or Redis being down never loses a message.
    """

    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def known(self, channel: str, platform_message_id: str) -> bool:
        """True when this message is certainly stored already; otherwise claims it as pending."""
        key = inbound_seen_key(channel, platform_message_id)
        try:
            if await self._redis.set(key, PENDING, nx=True, ex=PENDING_SECONDS):
                return False
            return bool(await self._redis.get(key) == STORED)
        except RedisError as error:
            log.warning("inbound_seen_unavailable", error=type(error).__name__)
            return False

    async def stored(self, channel: str, platform_message_id: str) -> None:
        await self._set(channel, platform_message_id, STORED)

    async def failed(self, channel: str, platform_message_id: str) -> None:
        """The insert failed: forget the claim so the platform's retry is stored."""
        try:
            await self._redis.delete(inbound_seen_key(channel, platform_message_id))
        except RedisError as error:
            log.warning("inbound_seen_unavailable", error=type(error).__name__)

    async def _set(self, channel: str, platform_message_id: str, value: bytes) -> None:
        try:
            await self._redis.set(inbound_seen_key(channel, platform_message_id), value, ex=self._ttl)
        except RedisError as error:
            log.warning("inbound_seen_unavailable", error=type(error).__name__)
