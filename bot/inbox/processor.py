"""InboxProcessor: stored messages to their channel, one client at a time in order, clients in parallel."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from contextlib import suppress
from datetime import datetime, timedelta
from functools import partial

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.privacy import anon_ref
from bot.db.base import utcnow
from bot.inbox.store import InboxItem, InboxStore

log = structlog.get_logger(__name__)

InboxHandler = Callable[[InboxItem], Awaitable[None]]

# WhatsApp retries a webhook for up to 7 days, so a processed row's id is kept that long for de-duplication.
KEEP_IDS = timedelta(days=7)
# A claimed row is another worker's to retry once its lease runs out (the worker crashed or hangs).
LEASE = timedelta(minutes=2)
# After this many failed attempts a row is given up (logged) so that it does not block the client for ever.
MAX_ATTEMPTS = 5
PURGE_EVERY = timedelta(hours=1)
# Messages handled at once by one process (INBOX_CONCURRENCY). On PostgreSQL the messages under way share
# their statements and Redis round trips (bot.core.shared_statements, bot.core.redis_client), and most
# hold no connection of their own (bot.db.session, POOL_SIZE): more of them in flight means fewer round
# trips per message, and a process that is less often idle waiting for one. Telegram on PostgreSQL +
# Redis in bench/channels.py, three alternating pairs of runs: with 16, 2.1-3.1 ms of CPU per update
# and 89-96 % of a core; with 64, 1.7-2.1 ms and 94-97 %, 38-76 % more updates per second. On SQLite,
# whose statements run in the process and never leave it idle, the difference was within the noise
# between runs.
CONCURRENCY = 64


def retry_delay(attempts: int) -> timedelta:
    """2, 4, 8... seconds, at most five minutes."""
    return timedelta(seconds=min(2**attempts, 300))


class InboxProcessor:
    """A BackgroundService; channels register a handler and call kick() after storing a message.

    Order: a row is only claimed while it is its client's oldest unprocessed row, so even several
    processes handle one client's messages one after another. Crash recovery: a claimed row whose
    lease ran out is claimed again, at start-up and on every round.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        poll_seconds: float = 1.0,
        concurrency: int = CONCURRENCY,
        grace_seconds: float = 20.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = InboxStore(sessions)
        self._poll = poll_seconds
        self._grace = grace_seconds
        self._slots = asyncio.Semaphore(concurrency)
        self._concurrency = concurrency
        self.clock = clock
        self.owner = uuid.uuid4().hex
        self._handlers: dict[str, InboxHandler] = {}
        self._active: dict[str, asyncio.Task[None]] = {}
        self._wake = asyncio.Event()
        self._more_waiting = False
        self._kicks = 0
        self._round_lock = asyncio.Lock()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_purge: datetime | None = None

    def register(self, channel: str, handler: InboxHandler) -> None:
        self._handlers[channel] = handler

    def handler(self, channel: str) -> InboxHandler | None:
        return self._handlers.get(channel)

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(self._handlers)

    def kick(self) -> None:
        """A webhook stored something: look now instead of at the next poll."""
        self._kicks += 1
        self._wake.set()

    async def start(self) -> None:
        self._stopping.clear()
        self._task = asyncio.create_task(self._loop(), name="inbox")

    async def stop(self) -> None:
        """Stop claiming; let the rows in hand finish (they are claimed again elsewhere if not)."""
        self._stopping.set()
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None
        tasks = list(self._active.values())
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=self._grace)
            for task in late:
                task.cancel()
            if late:
                log.warning("inbox_stop_timeout", unfinished=len(late))

    async def run_until_idle(self) -> None:
        """Process everything that can be processed now (tests, and a one-shot drain)."""
        while True:
            started = await self._round()
            if not started and not self._active:
                return
            if self._active:
                await asyncio.wait(list(self._active.values()))

    async def _loop(self) -> None:
        while not self._stopping.is_set():
            # Cleared before the round, so a kick that comes during it starts the next one at once.
            self._wake.clear()
            try:
                await self._round()
                await self._maybe_purge()
            except Exception:
                log.exception("inbox_round_failed")
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll)

    async def _round(self) -> int:
        """Claim each free slot's worth of clients with a waiting message and start them; returns how many."""
        # One round at a time: run_until_idle() must not see the background loop's claimed rows as
        # "nothing to do" before their tasks are in _active.
        async with self._round_lock:
            free = self._concurrency - len(self._active)
            if not self._handlers or self._stopping.is_set():
                return 0
            if free <= 0:
                self._more_waiting = True  # a kick found every slot taken: the next free slot looks
                return 0
            items = await self.store.claim_heads(self.channels, self.owner, self.clock(), LEASE, limit=free)
            # A full round may have left clients waiting; a short one saw all there was.
            self._more_waiting = len(items) >= free
            for item in items:
                # A client's drain that is just ending may still be listed: the row's lease, not this
                # dict, keeps one client's messages in order, so the new task simply takes its place.
                task = asyncio.create_task(self._drain_client(item), name="inbox-client")
                self._active[item.user_ref] = task
                task.add_done_callback(partial(self._forget, item.user_ref))
            return len(items)

    def _forget(self, user_ref: str, task: asyncio.Task[None]) -> None:
        if self._active.get(user_ref) is task:
            del self._active[user_ref]
        # A slot is free: rows that found every slot taken are claimed now, not at the next poll. When
        # the last round saw every waiting client, there is nobody to look for (new ones kick).
        if self._more_waiting:
            self._wake.set()

    async def _drain_client(self, item: InboxItem | None) -> None:
        """This client's messages, oldest first, until none is left or one must wait for a retry."""
        async with self._slots:
            while item is not None:
                outcome = await self._process(item)
                if outcome is None:
                    return
                if self._stopping.is_set():
                    await self.store.finish(item.id, outcome, self.clock())
                    return
                kicks = self._kicks
                item = await self.store.finish_and_claim_next(item, outcome, self.owner, self.clock(), LEASE)
                if item is None and self._kicks != kicks:
                    # A message came in while this one was being finished. Its kick's round may have
                    # run before the finish was committed and found this client busy, and the claim
                    # above may have run before the message was committed: look again when done.
                    self._more_waiting = True

    async def _process(self, item: InboxItem) -> str | None:
        """The outcome once finished ("done", or "failed" when given up); None while it waits for a retry."""
        handler = self._handlers.get(item.channel)
        if handler is None:
            return None
        try:
            await handler(item)
        except Exception:
            user = anon_ref(item.user_ref)
            if item.attempts >= MAX_ATTEMPTS:
                log.exception(
                    "inbox_message_given_up", user=user, channel=item.channel, attempts=item.attempts
                )
                return "failed"
            log.exception("inbox_message_failed", user=user, channel=item.channel, attempts=item.attempts)
            await self.store.retry_at(item.id, self.clock() + retry_delay(item.attempts))
            return None
        return "done"

    async def _maybe_purge(self) -> None:
        now = self.clock()
        if self._last_purge is not None and now - self._last_purge < PURGE_EVERY:
            return
        self._last_purge = now
        purged = await self.store.purge_processed_before(now - KEEP_IDS)
        if purged:
            log.info("inbox_purged", rows=purged)
