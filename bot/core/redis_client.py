"""The process's Redis client: a pool that makes a burst wait for a connection instead of failing."""

from __future__ import annotations

from redis.asyncio import BlockingConnectionPool, Redis

# Connections one process keeps to Redis. Each inbound message holds one for a moment at a time
# (webhook de-duplication, the conversation's lock and state, the outbound limiter).
MAX_CONNECTIONS = 100
# How long a command waits for a free connection when all are in use. redis-py's default pool raises
# MaxConnectionsError at once instead: under a burst (bench/channels.py, Telegram on PostgreSQL + Redis
# at 100 updates/s on a busy machine) that failed messages that only had to wait.
POOL_WAIT_SECONDS = 20.0


def connect_redis(
    url: str, max_connections: int = MAX_CONNECTIONS, wait_seconds: float = POOL_WAIT_SECONDS
) -> Redis:
    """A client on a blocking pool; connections open lazily, and aclose() closes the pool too."""
    pool = BlockingConnectionPool.from_url(url, max_connections=max_connections, timeout=wait_seconds)
    return Redis.from_pool(pool)
