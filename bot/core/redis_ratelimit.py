"""RedisRateLimiter: the RateLimiter's buckets in Redis, shared by every process of the deployment."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from redis.asyncio import Redis

from bot.core.ratelimit import Rate

# Buckets idle for longer than this are forgotten (their next event would be free anyway).
IDLE_EXPIRY_SECONDS = 3600

# KEYS: the buckets. ARGV[1]: max wait in microseconds (-1: any), ARGV[2..]: interval of each bucket in
# microseconds, ARGV[last]: key expiry in seconds. The server's clock (TIME) is the one clock of every
# process. Values are written with %.0f because Lua 5.1's tostring keeps only 14 digits. Returns the
# wait in microseconds, or -1 when the slot is further away than the max wait (nothing reserved then).
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local at = now
for i, key in ipairs(KEYS) do
  local tat = tonumber(redis.call('GET', key) or '0')
  if tat > at then at = tat end
end
local max_wait = tonumber(ARGV[1])
if max_wait >= 0 and at - now > max_wait then return -1 end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, string.format('%.0f', at + tonumber(ARGV[i + 1])), 'EX', ARGV[#ARGV])
end
return at - now
"""

_PAUSE = """
local t = redis.call('TIME')
local until_ = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > tat then redis.call('SET', KEYS[1], string.format('%.0f', until_), 'EX', ARGV[2]) end
return 1
"""


class RedisRateLimiter:
    """Every process shares the buckets: one Lua script reserves a slot atomically on the server."""

    def __init__(self, redis: Redis, prefix: str = "ibot:rate:") -> None:
        self._redis = redis
        self._prefix = prefix
        self._reserve_script = redis.register_script(_RESERVE)
        self._pause_script = redis.register_script(_PAUSE)

    async def _reserve(self, limits: Sequence[Rate], max_wait: float | None) -> float | None:
        keys = [self._prefix + rate.key for rate in limits]
        args = [
            -1 if max_wait is None else int(max_wait * 1_000_000),
            *(int(rate.interval * 1_000_000) for rate in limits),
            IDLE_EXPIRY_SECONDS,
        ]
        result = int(await self._reserve_script(keys=keys, args=args))
        return None if result < 0 else result / 1_000_000

    async def acquire(self, limits: Sequence[Rate]) -> float:
        wait = await self._reserve(limits, None) or 0.0
        if wait > 0:
            await asyncio.sleep(wait)
        return wait

    async def try_acquire(self, limits: Sequence[Rate]) -> bool:
        return await self._reserve(limits, 0.0) is not None

    async def pause(self, key: str, seconds: float) -> None:
        await self._pause_script(
            keys=[self._prefix + key], args=[int(seconds * 1_000_000), IDLE_EXPIRY_SECONDS]
        )
