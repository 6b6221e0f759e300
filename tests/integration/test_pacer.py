"""Pacer over every limiter backend: what one message costs in Redis, and the limits it keeps meanwhile."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from itertools import pairwise

import pytest
from redis.asyncio import Redis

from bot.core.pacing import Pacer, Slots, Throttle
from bot.core.ratelimit import MemoryRateLimiter, Rate
from bot.core.redis_ratelimit import RedisRateLimiter
from tests.backends import count_commands

BOT_PER_SECOND = 20
CHAT_WINDOW = 0.1  # one message per chat in any 0.1 s: Telegram's "one a second" ten times faster


class TooManyRequests(Exception):
    """A platform's 429, with its retry_after."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after}")
        self.retry_after = retry_after


def slots(chat: int) -> Slots:
    """Telegram's and WhatsApp's shape: GCRA for the bot and the chat, both allowed to catch up a few
    slots at once, so that only the exact guards hold the limits."""
    return Slots(
        rates=(
            Rate("bot", BOT_PER_SECOND * 0.98, burst=5),
            Rate(f"chat:{chat}", 1 / CHAT_WINDOW, burst=4),
        ),
        guards=(Rate("bot", BOT_PER_SECOND), Rate(f"chat:{chat}", 1, CHAT_WINDOW)),
    )


def throttle(error: Exception, attempt: int) -> Throttle | None:
    return Throttle("bot", error.retry_after) if isinstance(error, TooManyRequests) else None


@pytest.fixture
def pacer(redis_or_memory: Redis | None) -> Pacer:
    limiter = MemoryRateLimiter() if redis_or_memory is None else RedisRateLimiter(redis_or_memory)
    return Pacer(limiter)


class Platform:
    """Notes when each chat's messages arrived; refuses the first `refuse` of them with a 429."""

    def __init__(self, refuse: int = 0, retry_after: float = 0.0) -> None:
        self.arrivals: list[tuple[int, float]] = []
        self.refused: list[float] = []
        self._refuse = refuse
        self._retry_after = retry_after

    def message_to(self, chat: int) -> Callable[[], Awaitable[int]]:
        async def send() -> int:
            if len(self.refused) < self._refuse:
                self.refused.append(time.monotonic())
                raise TooManyRequests(self._retry_after)
            self.arrivals.append((chat, time.monotonic()))
            return len(self.arrivals)

        return send

    def times(self, chat: int | None = None) -> list[float]:
        return [at for to, at in self.arrivals if chat is None or to == chat]


def busiest(times: Sequence[float], window: float) -> int:
    """The most arrivals in any `window` seconds: what the platform counts."""
    return max(sum(1 for u in times if t <= u < t + window) for t in times)


async def test_redis_a_paced_message_costs_two_round_trips(shared_redis: Redis) -> None:
    pacer, platform = Pacer(RedisRateLimiter(shared_redis)), Platform()
    await pacer.send(slots(1), platform.message_to(1), throttle)  # the first send also loads the scripts
    await asyncio.sleep(2 / BOT_PER_SECOND)  # the bot's next slot has come
    sent = count_commands(shared_redis)
    await pacer.send(slots(2), platform.message_to(2), throttle)
    assert sent == ["EVALSHA", "EVALSHA"]  # slots with the guard, then the settle after the answer


async def test_messages_at_once_keep_the_bot_and_the_chat_limits(pacer: Pacer) -> None:
    platform = Platform()
    chats = [1] * 5 + list(range(2, 22))  # five to one chat and one each to twenty others, all at once
    await asyncio.gather(*(pacer.send(slots(chat), platform.message_to(chat), throttle) for chat in chats))
    assert len(platform.arrivals) == len(chats)
    assert busiest(platform.times(), 1.0) <= BOT_PER_SECOND
    assert all(b - a >= CHAT_WINDOW for a, b in pairwise(platform.times(1)))


async def test_a_429_holds_the_next_message_for_retry_after(pacer: Pacer) -> None:
    platform = Platform(refuse=1, retry_after=0.3)
    refused = asyncio.create_task(pacer.send(slots(1), platform.message_to(1), throttle))
    # The first message was refused and paused the bot; its retry holds the bot's next slot. By now the
    # bot's burst makes the following slot free at once: only the pause itself holds this message.
    await asyncio.sleep(0.2)
    await pacer.send(slots(2), platform.message_to(2), throttle)
    await refused  # retried after the pause, not lost
    assert sorted(chat for chat, _ in platform.arrivals) == [1, 2]
    [refused_at] = platform.refused
    assert all(at - refused_at >= 0.3 for at in platform.times())  # the bot's burst did not slip through
