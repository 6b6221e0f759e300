"""RedisRateLimiter: the RateLimiter's buckets in Redis, shared by every process of the deployment."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

from redis.asyncio import Redis

from bot.core.ratelimit import Admission, Rate

# Buckets idle for longer than this are forgotten (their next event would be free anyway).
IDLE_EXPIRY_SECONDS = 3600

# KEYS: the buckets. ARGV[1]: max wait in microseconds (-1: any), then per bucket its interval in
# microseconds and its burst (events), ARGV[last]: key expiry in seconds. The server's clock (TIME) is
# the one clock of every process. Values are written with %.0f because Lua 5.1's tostring keeps only 14
# digits. Returns the wait in microseconds, or -1 when the slot is further away than the max wait.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local at = now
local tats = {}
for i, key in ipairs(KEYS) do
  tats[i] = tonumber(redis.call('GET', key) or '0')
  local allowed = tats[i] - tonumber(ARGV[i * 2]) * tonumber(ARGV[i * 2 + 1])
  if allowed > at then at = allowed end
end
local max_wait = tonumber(ARGV[1])
if max_wait >= 0 and at - now > max_wait then return -1 end
for i, key in ipairs(KEYS) do
  local base = tats[i]
  if at > base then base = at end
  redis.call('SET', key, string.format('%.0f', base + tonumber(ARGV[i * 2])), 'EX', ARGV[#ARGV])
end
return at - now
"""

_PAUSE = """
local t = redis.call('TIME')
local until_ = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > tat then redis.call('SET', KEYS[1], string.format('%.0f', until_), 'EX', ARGV[2]) end
local ms = math.ceil(tonumber(ARGV[1]) / 1000)
if redis.call('PTTL', KEYS[2]) < ms then redis.call('SET', KEYS[2], '1', 'PX', ms) end
return 1
"""


# The sliding log of `admit`: one sorted set per bucket, scored by send time in microseconds. KEYS: the
# buckets; ARGV: a unique member, then window (µs) and count of each bucket. Returns 0 when admitted
# (recorded in every bucket), else the microseconds to wait.
_ADMIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local wait = 0
for i, key in ipairs(KEYS) do
  local paused = redis.call('PTTL', key .. ':paused')
  if paused > 0 and paused * 1000 > wait then wait = paused * 1000 end
  local window = tonumber(ARGV[2 * i])
  local count = tonumber(ARGV[2 * i + 1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.0f', now - window))
  if redis.call('ZCARD', key) >= count then
    local oldest = tonumber(redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2])
    if oldest + window - now > wait then wait = oldest + window - now end
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, string.format('%.0f', now), ARGV[1])
  redis.call('PEXPIRE', key, math.ceil(tonumber(ARGV[2 * i]) / 1000) + 1000)
end
return 0
"""


_SETTLE = """
local t = redis.call('TIME')
local now = string.format('%.0f', tonumber(t[1]) * 1000000 + tonumber(t[2]))
for i, key in ipairs(KEYS) do redis.call('ZADD', key, 'XX', now, ARGV[1]) end
return 1
"""


class RedisRateLimiter:
    """Every process shares the buckets: one Lua script reserves a slot atomically on the server."""

    def __init__(self, redis: Redis, prefix: str = "ibot:rate:") -> None:
        self._redis = redis
        self._prefix = prefix
        self._reserve_script = redis.register_script(_RESERVE)
        self._pause_script = redis.register_script(_PAUSE)
        self._admit_script = redis.register_script(_ADMIT)
        self._settle_script = redis.register_script(_SETTLE)

    async def _reserve(self, limits: Sequence[Rate], max_wait: float | None) -> float | None:
        keys = [self._prefix + rate.key for rate in limits]
        args = [
            -1 if max_wait is None else int(max_wait * 1_000_000),
            *(value for rate in limits for value in (int(rate.interval * 1_000_000), rate.burst)),
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
        # The pause also holds `admit` (its log key + ":paused"): a slot reserved early must not slip through.
        keys = [self._prefix + key, self._prefix + "log:" + key + ":paused"]
        await self._pause_script(keys=keys, args=[int(seconds * 1_000_000), IDLE_EXPIRY_SECONDS])

    async def admit(self, limits: Sequence[Rate]) -> Admission:
        keys = [self._prefix + "log:" + rate.key for rate in limits]
        member = uuid.uuid4().hex
        args: list[str | int] = [member]
        for rate in limits:
            args.extend((int(rate.per * 1_000_000), int(rate.count)))
        while True:
            wait = int(await self._admit_script(keys=keys, args=args)) / 1_000_000
            if wait <= 0:
                return Admission(tuple(keys), member)
            await asyncio.sleep(wait)

    async def settle(self, admission: Admission) -> None:
        await self._settle_script(keys=list(admission.keys), args=[str(admission.member)])
