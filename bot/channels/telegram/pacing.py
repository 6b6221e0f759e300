"""TelegramPacing: Telegram's limits as buckets of the shared limiter, for every message the bot sends.

Limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this): about 30
messages per second per bot, no more than one per second in one chat, and about 20 per minute in a group.
The per-bot figure is TELEGRAM_MESSAGES_PER_SECOND (up to 1000 with paid broadcasts); the others are fixed.
Each message reserves the bot's bucket and its chat's at one instant (GCRA, bot/core/ratelimit.py), 2%
under the limits (Telegram counts arrivals, and network jitter must not push a 31st into one second),
then passes the exact sliding-window guard right before the request. Chat actions ("typing…") and
answerCallbackQuery are not messages and are not paced.

Priority between conversation replies and broadcasts: there is one bot bucket and it is first come, first
served, but a broadcast sender reserves only its *next* slot (then `try_acquire`s further rows only when
their slot is free at once, broadcasts/outbox.py), never a queue of slots ahead. So a conversation reply
during a 10,000-recipient broadcast waits for at most one broadcast slot per sending process (1/29.4 s
each), never behind the broadcast, and the broadcast simply yields that slot. This keeps broadcasts at the
full limit when nobody is chatting, which a fixed sub-share for broadcasts (say 25 of the 30) would give
away for good. A 429 pauses the whole bot's bucket for `retry_after`, in every process.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from aiogram.exceptions import TelegramRetryAfter

from bot.core.pacing import MAX_ATTEMPTS, Pacer, Slots, Throttle
from bot.core.ratelimit import Rate, RateLimiter

T = TypeVar("T")

BOT_PER_SECOND = 30.0  # the default of TELEGRAM_MESSAGES_PER_SECOND
CHAT_PER_SECOND = 1.0
GROUP_PER_MINUTE = 20.0
# A group may take a few posts at once (a new case's topic, its context and the client's words) and then
# one every three seconds; the guard still holds 20 in any minute.
GROUP_BURST = 4
HEADROOM = 0.98
# The guard counts each send from the moment Telegram answered it, in a window this much longer than its
# period: a safety margin for clocks, as the answer already comes after the arrival.
GUARD_MARGIN = 0.005


def is_group(chat_id: int | str) -> bool:
    """Groups and channels have negative ids; private chats positive ones."""
    return str(chat_id).startswith("-")


class TelegramPacing:
    """The buckets of one bot; `send` paces one Bot API call that sends a message."""

    def __init__(
        self,
        limiter: RateLimiter | None,
        bot_id: int,
        *,
        bot_per_second: float = BOT_PER_SECOND,
        chat_per_second: float = CHAT_PER_SECOND,
        group_per_minute: float = GROUP_PER_MINUTE,
    ) -> None:
        self.bot_key = f"tg:bot:{bot_id}"
        self._bot_rate = Rate(self.bot_key, bot_per_second * HEADROOM)
        self._bot_guard = Rate(self.bot_key, bot_per_second, 1.0 + GUARD_MARGIN)
        self._chat_per_second = chat_per_second
        self._group_per_minute = group_per_minute
        self._pacer = Pacer(limiter)

    def limits(self, chat_id: int | str) -> tuple[Rate, ...]:
        """The bot's bucket and the chat's: one message takes a slot in both at the same instant."""
        key = f"tg:chat:{chat_id}"
        if is_group(chat_id):
            chat = Rate(key, self._group_per_minute * HEADROOM, 60.0, burst=GROUP_BURST)
        else:
            chat = Rate(key, self._chat_per_second * HEADROOM)
        return (self._bot_rate, chat)

    def guards(self, chat_id: int | str) -> tuple[Rate, ...]:
        key = f"tg:chat:{chat_id}"
        if is_group(chat_id):
            return (self._bot_guard, Rate(key, self._group_per_minute, 60.0 * (1.0 + GUARD_MARGIN)))
        return (self._bot_guard, Rate(key, self._chat_per_second, 1.0 + GUARD_MARGIN))

    async def send(
        self,
        chat_id: int,
        call: Callable[[], Awaitable[T]],
        *,
        reserved: bool = False,
        attempts: int = MAX_ATTEMPTS,
    ) -> T:
        """`call()` in its slot; a 429 pauses the bot for `retry_after` and tries again after it."""
        slots = Slots(self.limits(chat_id), self.guards(chat_id))
        return await self._pacer.send(slots, call, self._throttle, reserved=reserved, attempts=attempts)

    def _throttle(self, error: Exception, attempt: int) -> Throttle | None:
        if isinstance(error, TelegramRetryAfter):
            return Throttle(self.bot_key, float(error.retry_after))
        return None
