"""WhatsAppPacing: the Cloud API's throughput as buckets of the shared limiter, for every message we send.

Throughput (https://developers.facebook.com/docs/whatsapp/cloud-api/overview#throughput): 80 messages
per second per business phone number by default (WHATSAPP_MESSAGES_PER_SECOND, up to 1000 on an upgraded
number), inbound included; beyond it Graph answers 130429.
Every message (a conversation reply, a Notifier message, a broadcast, a document) reserves the
number's bucket `wa:num:<phone_number_id>` 2% under the limit, as Telegram's do, then passes the exact
sliding-window guard right before the request. Priority between replies and broadcasts works as for
Telegram (bot/channels/telegram/pacing.py): a broadcast sender only ever holds its next slot, so a
reply waits at most one slot per sending process.

Rate-limit answers pause a bucket for every process, for Retry-After when Graph sends it, else 2, 4…
seconds: 130429 (throughput), 80007 (the account's limit) and 4 (the app's) pause the number; 131056
(pair rate limit: too many messages to one person, about one every 6 seconds with bursts allowed) pauses
only that pair's bucket `wa:pair:<phone_number_id>:<user>`, which is otherwise never the tighter one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.channels.whatsapp.client import Failure, GraphError
from bot.core.pacing import MAX_ATTEMPTS, Classify, Pacer, Slots, Throttle
from bot.core.ratelimit import Rate, RateLimiter

T = TypeVar("T")

NUMBER_PER_SECOND = 80.0  # the default of WHATSAPP_MESSAGES_PER_SECOND
HEADROOM = 0.98
GUARD_MARGIN = 0.005  # as for Telegram: the guard counts from the answer, in a window this much longer
# At 80 a second one slow database commit costs several slots: up to this many may go early to catch up
# (GCRA's tolerance), so the outbox's waves grow instead of the broadcast falling behind for good. The
# sliding-window guard still holds 80 in any second.
NUMBER_BURST = 8
PAIR_RATE_LIMIT = 131056
MAX_WAIT_SECONDS = 30.0


def throttle_seconds(error: GraphError, attempt: int) -> float:
    """Retry-After when Graph gives it, else exponential back-off; never more than half a minute."""
    wait = error.retry_after if error.retry_after is not None else 2.0**attempt
    return min(wait, MAX_WAIT_SECONDS)


class WhatsAppPacing:
    """The buckets of one phone number; `send` paces one POST /messages."""

    def __init__(
        self, limiter: RateLimiter | None, phone_number_id: str, *, per_second: float = NUMBER_PER_SECOND
    ) -> None:
        self.number_key = f"wa:num:{phone_number_id}"
        self._phone = phone_number_id
        self._per_second = per_second
        self._number_rate = Rate(self.number_key, per_second * HEADROOM, burst=NUMBER_BURST)
        self._guard = Rate(self.number_key, per_second, 1.0 + GUARD_MARGIN)
        self._pacer = Pacer(limiter)

    def pair_key(self, wa_user: str) -> str:
        return f"wa:pair:{self._phone}:{wa_user}"

    def limits(self, wa_user: str) -> tuple[Rate, ...]:
        """The number's bucket, and the pair's: only a 131056 pause ever makes the pair's the tighter."""
        return (self._number_rate, Rate(self.pair_key(wa_user), self._per_second * HEADROOM))

    async def send(
        self,
        wa_user: str,
        call: Callable[[], Awaitable[T]],
        *,
        reserved: bool = False,
        attempts: int = MAX_ATTEMPTS,
    ) -> T:
        slots = Slots(self.limits(wa_user), (self._guard,))
        return await self._pacer.send(
            slots, call, self._classify(wa_user), reserved=reserved, attempts=attempts
        )

    def _classify(self, wa_user: str) -> Classify:
        def throttle(error: Exception, attempt: int) -> Throttle | None:
            if not isinstance(error, GraphError) or error.failure is not Failure.RATE_LIMITED:
                return None
            key = self.pair_key(wa_user) if error.code == PAIR_RATE_LIMIT else self.number_key
            return Throttle(key, throttle_seconds(error, attempt))

        return throttle
