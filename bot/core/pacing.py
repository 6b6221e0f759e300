"""Pacer: one outbound message through the RateLimiter: its slots, the exact-window guard, and 429 retries.

Channel-free: a sender says which buckets a message takes (`Slots`) and which of its errors mean "too
many requests" (a `Classify` returning a `Throttle`). Every send, whatever started it (a conversation
reply, a Notifier message, a broadcast part, a staff group post), goes through `Pacer.send`, so one
limiter (shared by every process through Redis) sees all of a bot's or a number's traffic.

On a rate-limit answer the throttled bucket is paused for the time the platform asked, for every process
at once, and the message is tried again after the pause, at most `attempts` times in all: a reply is not
lost to a 429. Broadcasts pass `attempts=1` and let the outbox reschedule the row instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import structlog

from bot.core.ratelimit import Admission, Rate, RateLimiter

log = structlog.get_logger(__name__)
T = TypeVar("T")

MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class Slots:
    """What one message takes: GCRA buckets reserved at one instant, and the windows guarded exactly."""

    rates: tuple[Rate, ...]
    guards: tuple[Rate, ...]


@dataclass(frozen=True)
class Throttle:
    """A platform's "too many requests": no message in bucket `key` for `seconds`."""

    key: str
    seconds: float


# Which bucket an error throttles and for how long (None: not a rate limit); `attempt` counts from 1.
Classify = Callable[[Exception, int], Throttle | None]


class Pacer:
    """Sends through the limiter; without one (tests of other things) it only waits out rate limits."""

    def __init__(
        self, limiter: RateLimiter | None, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    ) -> None:
        self.limiter = limiter
        self._sleep = sleep

    async def send(
        self,
        slots: Slots,
        call: Callable[[], Awaitable[T]],
        classify: Classify,
        *,
        reserved: bool = False,
        attempts: int = MAX_ATTEMPTS,
    ) -> T:
        """`call()` once its slots are granted; `reserved`: the caller already holds the first try's slots."""
        attempt = 0
        while True:
            attempt += 1
            admission = await self._take(slots, reserved=reserved and attempt == 1)
            try:
                try:
                    return await call()
                finally:
                    if admission is not None and self.limiter is not None:
                        await self.limiter.settle(admission)
            except Exception as error:
                throttle = classify(error, attempt)
                if throttle is None:
                    raise
                await self._hold(throttle, retrying=attempt < attempts)
                if attempt >= attempts:
                    raise
                log.info("outbound_throttled", retry_in=throttle.seconds, attempt=attempt)

    async def _take(self, slots: Slots, *, reserved: bool) -> Admission | None:
        if self.limiter is None:
            return None
        if reserved:
            return await self.limiter.admit(slots.guards)
        return await self.limiter.acquire_and_admit(slots.rates, slots.guards)

    async def _hold(self, throttle: Throttle, *, retrying: bool) -> None:
        """Pause the bucket for everyone; the next `acquire` then waits the pause out."""
        if self.limiter is not None:
            await self.limiter.pause(throttle.key, throttle.seconds)
        elif retrying:
            await self._sleep(throttle.seconds)
