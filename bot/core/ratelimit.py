"""The outbound RateLimiter port: GCRA reservations shared by every sender, in memory or in Redis.

Channel-free on purpose: a sender names its own buckets (`tg:bot:<id>`, `tg:chat:<id>`, `wa:num:<id>`)
and rates, and the limiter only spaces events. The algorithm is GCRA (the "generic cell rate algorithm",
https://en.wikipedia.org/wiki/Generic_cell_rate_algorithm) without burst: each bucket keeps a theoretical
arrival time (TAT) and every granted event pushes it by `per / rate`, so no two events of a bucket are
closer than that interval and no window of `per` seconds ever holds more than `rate` of them.

`acquire` *reserves* a slot and sleeps until it (no polling, fair in arrival order); `try_acquire`
reserves only when the slot is free now. Several buckets are reserved together at one common instant
(the per-chat and the per-bot limit of one message), which a pair of separate reservations could not
guarantee. `pause` pushes a bucket's TAT forward, as a 429 `retry_after` asks. RedisRateLimiter
(bot/core/redis_ratelimit.py) shares the buckets between processes; there `acquire_and_admit`, a message's
whole wait before sending, is one round trip when nothing has to wait.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Rate:
    """At most `count` events per `per` seconds in bucket `key`.

    `burst` events may go early to make up for a stall (GCRA's tolerance, in events): a sender that lost
    a few slots to a slow commit catches up instead of losing that time for good. Only for buckets whose
    exact window is guarded by `admit` right before sending.
    """

    key: str
    count: float
    per: float = 1.0
    burst: int = 0

    @property
    def interval(self) -> float:
        return self.per / self.count


@dataclass(frozen=True)
class Admission:
    """One send let through by `admit`; `settle` it once the platform answered."""

    keys: tuple[str, ...]
    member: object


class RateLimiter(Protocol):
    async def acquire(self, limits: Sequence[Rate]) -> float:
        """Wait for a common slot in every bucket; returns the seconds waited."""
        ...

    async def try_acquire(self, limits: Sequence[Rate]) -> bool:
        """Reserve the slot only if it is free now; never waits."""
        ...

    async def pause(self, key: str, seconds: float) -> None:
        """No event in `key` for `seconds` from now (429 retry_after)."""
        ...

    async def admit(self, limits: Sequence[Rate]) -> Admission:
        """At the moment of sending: wait until no window of `per` seconds would hold more than `count`.

        A sliding log of actual sends, the exact form of "30 in any second". `acquire` paces smoothly
        (and before anything is committed); this guard, right before the request, absorbs the jitter
        between a reserved slot and the real send (a database commit sits in between).
        """
        ...

    async def acquire_and_admit(self, limits: Sequence[Rate], guards: Sequence[Rate]) -> Admission:
        """`acquire(limits)` then `admit(guards)`: one message's whole wait before it is sent.

        Redis does both in one round trip when the slot is free now and the guard lets it through, the
        common case; otherwise the reserved slot (never reserved twice) is waited for, then admitted.
        """
        ...

    async def settle(self, admission: Admission) -> None:
        """The platform answered: the send is logged at this later instant, the latest it can have
        arrived, so that the window holds however long the request took (the first one on a new
        connection can take a second)."""
        ...


class MemoryRateLimiter:
    """One process: the buckets live in a dict; the event loop makes each reservation atomic.

    `clock` and `sleep` go together: tests give a virtual clock whose sleep jumps ahead instead of waiting.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._tat: dict[str, float] = {}
        self._log: dict[str, deque[list[float]]] = {}
        self._paused: dict[str, float] = {}

    def _reserve(self, limits: Sequence[Rate], max_wait: float | None) -> float | None:
        now = self._clock()
        at = max([now, *(self._tat.get(rate.key, now) - rate.burst * rate.interval for rate in limits)])
        if max_wait is not None and at - now > max_wait:
            return None
        for rate in limits:
            self._tat[rate.key] = max(self._tat.get(rate.key, at), at) + rate.interval
        return at - now

    async def acquire(self, limits: Sequence[Rate]) -> float:
        wait = self._reserve(limits, None) or 0.0
        if wait > 0:
            await self._sleep(wait)
        return wait

    async def try_acquire(self, limits: Sequence[Rate]) -> bool:
        return self._reserve(limits, 0.0) is not None

    async def pause(self, key: str, seconds: float) -> None:
        until = self._clock() + seconds
        self._tat[key] = max(self._tat.get(key, until), until)
        self._paused[key] = max(self._paused.get(key, until), until)

    async def admit(self, limits: Sequence[Rate]) -> Admission:
        while True:
            now = self._clock()
            wait = 0.0
            for rate in limits:
                wait = max(wait, self._paused.get(rate.key, now) - now)
                log = self._log.setdefault(rate.key, deque())
                # Entries are [time] cells, settled (moved later) in place: the oldest admitted may not be
                # the oldest settled, which only makes the guard stricter.
                while log and now - log[0][0] >= rate.per:
                    log.popleft()
                if len(log) >= int(rate.count):
                    wait = max(wait, log[0][0] + rate.per - now)
            if wait <= 0:
                cell = [now]
                for rate in limits:
                    self._log[rate.key].append(cell)
                return Admission(tuple(rate.key for rate in limits), cell)
            await self._sleep(wait)

    async def acquire_and_admit(self, limits: Sequence[Rate], guards: Sequence[Rate]) -> Admission:
        await self.acquire(limits)
        return await self.admit(guards)

    async def settle(self, admission: Admission) -> None:
        cell = admission.member
        if isinstance(cell, list):
            cell[0] = self._clock()


class UnlimitedRateLimiter:
    """No limit at all: for measuring a sender's own overhead (the benchmark), never for production."""

    async def acquire(self, limits: Sequence[Rate]) -> float:
        return 0.0

    async def try_acquire(self, limits: Sequence[Rate]) -> bool:
        return True

    async def pause(self, key: str, seconds: float) -> None:
        return None

    async def admit(self, limits: Sequence[Rate]) -> Admission:
        return Admission((), None)

    async def acquire_and_admit(self, limits: Sequence[Rate], guards: Sequence[Rate]) -> Admission:
        return Admission((), None)

    async def settle(self, admission: Admission) -> None:
        return None
