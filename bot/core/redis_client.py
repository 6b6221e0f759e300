"""The process's Redis client: commands under way together share a round trip, and a burst waits for a
connection instead of failing."""

from __future__ import annotations

import asyncio
from typing import Any

from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.connection import AbstractConnection
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.core.shared_round_trips import SharedRoundTrips

# Connections one process keeps to Redis. Commands share round trips (PipeliningRedis), so one connection
# is busy at a time, plus one per blocking command and per subscription.
MAX_CONNECTIONS = 100
# How long a command waits for a free connection when all are in use. redis-py's default pool raises
# MaxConnectionsError at once instead: under a burst (bench/channels.py, Telegram on PostgreSQL + Redis
# at 100 updates/s on a busy machine) that failed messages that only had to wait.
POOL_WAIT_SECONDS = 20.0


class WaitingConnectionPool(ConnectionPool):
    """redis-py's ConnectionPool, except that a command waits for a free connection when all are in use.

    redis-py's BlockingConnectionPool waits too, but takes an asyncio.Condition and a timeout for every
    command, waiting or not: a GET cost 108-119 µs of CPU on it against 84-91 µs on this pool (least of
    12 interleaved rounds of 1,000), and a message runs about six commands. Here a semaphore of
    `max_connections` slots guards the plain pool: taking a free slot costs next to nothing, and only a
    command that finds none waits (`wait_seconds` at most, then redis-py's ConnectionError, as
    BlockingConnectionPool raises).
    """

    def __init__(self, *, wait_seconds: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._wait_seconds = wait_seconds
        self._slots = asyncio.Semaphore(self.max_connections)
        # The connections this pool handed out: only their release gives a slot back (the plain pool
        # also releases a connection that failed its check before it was handed out).
        self._handed: set[AbstractConnection] = set()

    async def get_connection(self, *args: Any, **kwargs: Any) -> AbstractConnection:
        if self._slots.locked():
            try:
                async with asyncio.timeout(self._wait_seconds):
                    await self._slots.acquire()
            except TimeoutError as error:
                raise RedisConnectionError("No connection available.") from error
        else:
            await self._slots.acquire()  # a free slot: taken without waiting
        try:
            connection: AbstractConnection = await super().get_connection(*args, **kwargs)  # type: ignore[no-untyped-call]
        except BaseException:
            self._slots.release()
            raise
        self._handed.add(connection)
        return connection

    async def release(self, connection: AbstractConnection) -> None:
        try:
            await super().release(connection)
        finally:
            if connection in self._handed:
                self._handed.discard(connection)
                self._slots.release()


# Commands that wait on the server for something to happen: shared, they would hold up every command
# queued behind them, so each goes on a connection of its own as redis-py sends it.
BLOCKING_COMMANDS = frozenset(
    {"BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP", "XREAD"}
    | {"XREADGROUP", "WAIT", "WAITAOF"}
)


class PipeliningRedis(Redis):
    """redis-py's client, except that commands sent while a round trip is under way go together in the
    next one (a pipeline, not a transaction: each command's reply or error goes to its own caller).

    A message runs four to six small commands (the conversation's lock and state, the outbound limiter,
    WhatsApp's notes), each about 50 µs of CPU in redis-py's command path alone; under load one pipeline
    carries several clients' commands for little more than one command's cost. A command with nothing
    under way goes at once, as before. Scripts need nothing more: an EVALSHA that finds its script
    missing fails alone, and redis-py's Script loads it and sends it again.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._trips = SharedRoundTrips[tuple[tuple[Any, ...], dict[str, Any]], Any](
            self._round_trip, "redis-round-trip"
        )

    async def execute_command(self, *args: Any, **options: Any) -> Any:
        if str(args[0]).upper() in BLOCKING_COMMANDS:
            return await super().execute_command(*args, **options)  # type: ignore[no-untyped-call]
        return await self._trips((args, options))

    async def _round_trip(self, commands: list[tuple[tuple[Any, ...], dict[str, Any]]]) -> list[Any]:
        if len(commands) == 1:
            args, options = commands[0]
            return [await super().execute_command(*args, **options)]  # type: ignore[no-untyped-call]
        async with self.pipeline(transaction=False) as pipeline:
            for args, options in commands:
                pipeline.execute_command(*args, **options)
            # A command's error (a ResponseError) comes back in its place, and goes to its caller alone.
            replies: list[Any] = await pipeline.execute(raise_on_error=False)
        return replies


def connect_redis(
    url: str, max_connections: int = MAX_CONNECTIONS, wait_seconds: float = POOL_WAIT_SECONDS
) -> Redis:
    """A pipelining client on a waiting pool; connections open lazily, and aclose() closes the pool too."""
    pool = WaitingConnectionPool.from_url(url, max_connections=max_connections, wait_seconds=wait_seconds)
    return PipeliningRedis.from_pool(pool)
