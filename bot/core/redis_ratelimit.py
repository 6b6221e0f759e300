"""RedisRateLimiter: the RateLimiter's buckets in Redis, shared by every process of the deployment."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

from redis.asyncio import Redis

from bot.core.ratelimit import Admission, Rate

# Buckets idle for longer than this are forgotten (their next event would be free anyway).
IDLE_EXPIRY_SECONDS = 3600

# The scripts are put together from these Lua pieces, so that the combined reserve-and-admit runs the
# very same steps as the separate ones. The server's clock (TIME) is the one clock of every process.
# Values are written with %.0f because Lua 5.1's tostring keeps only 14 digits.
_COMMON = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])

local function slice(list, first, last)
  local part = {}
  for i = first, last do part[#part + 1] = list[i] end
  return part
end

-- GCRA: keys are the buckets, args per bucket its interval in microseconds and its burst (events).
-- Returns the wait in microseconds, or -1 (nothing reserved) when the slot is further than max_wait
-- (-1: any).
local function reserve(keys, args, max_wait, expiry)
  local at = now
  local tats = {}
  for i, key in ipairs(keys) do
    tats[i] = tonumber(redis.call('GET', key) or '0')
    local allowed = tats[i] - tonumber(args[i * 2 - 1]) * tonumber(args[i * 2])
    if allowed > at then at = allowed end
  end
  if max_wait >= 0 and at - now > max_wait then return -1 end
  for i, key in ipairs(keys) do
    local base = tats[i]
    if at > base then base = at end
    redis.call('SET', key, string.format('%.0f', base + tonumber(args[i * 2 - 1])), 'EX', expiry)
  end
  return at - now
end

-- The sliding log of `admit`: one sorted set per bucket, scored by send time in microseconds; args per
-- bucket its window (µs) and count. Returns 0 when admitted (`member` recorded in every bucket), else
-- the microseconds to wait.
local function admit(keys, member, args)
  local wait = 0
  for i, key in ipairs(keys) do
    local paused = redis.call('PTTL', key .. ':paused')
    if paused > 0 and paused * 1000 > wait then wait = paused * 1000 end
    local window = tonumber(args[2 * i - 1])
    local count = tonumber(args[2 * i])
    redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.0f', now - window))
    if redis.call('ZCARD', key) >= count then
      local oldest = tonumber(redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2])
      if oldest + window - now > wait then wait = oldest + window - now end
    end
  end
  if wait > 0 then return wait end
  for i, key in ipairs(keys) do
    redis.call('ZADD', key, string.format('%.0f', now), member)
    redis.call('PEXPIRE', key, math.ceil(tonumber(args[2 * i - 1]) / 1000) + 1000)
  end
  return 0
end
"""

# KEYS: the buckets. ARGV[1]: max wait in microseconds (-1: any), then per bucket its interval and burst,
# ARGV[last]: key expiry in seconds.
_RESERVE = _COMMON + "return reserve(KEYS, slice(ARGV, 2, #ARGV - 1), tonumber(ARGV[1]), ARGV[#ARGV])"

# KEYS: the buckets' logs; ARGV: a unique member, then window and count of each bucket.
_ADMIT = _COMMON + "return admit(KEYS, ARGV[1], slice(ARGV, 2, #ARGV))"

# `reserve` then, when the slot is now, `admit`, in one round trip. KEYS: ARGV[1] buckets, then the logs
# of the guards. ARGV[2]: the admission's member, ARGV[3]: key expiry, then interval and burst of each
# bucket, then window and count of each guard. Returns 0 when reserved and admitted, else the
# microseconds to wait: the slot is reserved either way (never twice), only the admission is left to do.
_RESERVE_ADMIT = (
    _COMMON
    + """
local n = tonumber(ARGV[1])
local wait = reserve(slice(KEYS, 1, n), slice(ARGV, 4, 3 + 2 * n), -1, ARGV[3])
if wait > 0 then return wait end
return admit(slice(KEYS, n + 1, #KEYS), ARGV[2], slice(ARGV, 4 + 2 * n, #ARGV))
"""
)

_PAUSE = """
local t = redis.call('TIME')
local until_ = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > tat then redis.call('SET', KEYS[1], string.format('%.0f', until_), 'EX', ARGV[2]) end
local ms = math.ceil(tonumber(ARGV[1]) / 1000)
if redis.call('PTTL', KEYS[2]) < ms then redis.call('SET', KEYS[2], '1', 'PX', ms) end
return 1
"""

_SETTLE = """
local t = redis.call('TIME')
local now = string.format('%.0f', tonumber(t[1]) * 1000000 + tonumber(t[2]))
for i, key in ipairs(KEYS) do redis.call('ZADD', key, 'XX', now, ARGV[1]) end
return 1
"""


def _rate_args(limits: Sequence[Rate]) -> list[int]:
    return [value for rate in limits for value in (int(rate.interval * 1_000_000), rate.burst)]


def _guard_args(limits: Sequence[Rate]) -> list[int]:
    return [value for rate in limits for value in (int(rate.per * 1_000_000), int(rate.count))]


class RedisRateLimiter:
    """Every process shares the buckets: one Lua script reserves a slot atomically on the server."""

    def __init__(self, redis: Redis, prefix: str = "ibot:rate:") -> None:
        self._redis = redis
        self._prefix = prefix
        self._reserve_script = redis.register_script(_RESERVE)
        self._pause_script = redis.register_script(_PAUSE)
        self._admit_script = redis.register_script(_ADMIT)
        self._reserve_admit_script = redis.register_script(_RESERVE_ADMIT)
        self._settle_script = redis.register_script(_SETTLE)

    def _keys(self, limits: Sequence[Rate]) -> list[str]:
        return [self._prefix + rate.key for rate in limits]

    def _log_keys(self, limits: Sequence[Rate]) -> list[str]:
        return [self._prefix + "log:" + rate.key for rate in limits]

    async def _reserve(self, limits: Sequence[Rate], max_wait: float | None) -> float | None:
        args = [
            -1 if max_wait is None else int(max_wait * 1_000_000),
            *_rate_args(limits),
            IDLE_EXPIRY_SECONDS,
        ]
        result = int(await self._reserve_script(keys=self._keys(limits), args=args))
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
        keys = self._log_keys(limits)
        member = uuid.uuid4().hex
        args: list[str | int] = [member, *_guard_args(limits)]
        while True:
            wait = int(await self._admit_script(keys=keys, args=args)) / 1_000_000
            if wait <= 0:
                return Admission(tuple(keys), member)
            await asyncio.sleep(wait)

    async def acquire_and_admit(self, limits: Sequence[Rate], guards: Sequence[Rate]) -> Admission:
        keys = self._log_keys(guards)
        member = uuid.uuid4().hex
        args: list[str | int] = [len(limits), member, IDLE_EXPIRY_SECONDS]
        args += [*_rate_args(limits), *_guard_args(guards)]
        wait = int(await self._reserve_admit_script(keys=self._keys(limits) + keys, args=args))
        if wait <= 0:
            return Admission(tuple(keys), member)
        # The slot is reserved (later than now, or the guard is full): wait, then only the admission.
        await asyncio.sleep(wait / 1_000_000)
        return await self.admit(guards)

    async def settle(self, admission: Admission) -> None:
        await self._settle_script(keys=list(admission.keys), args=[str(admission.member)])
