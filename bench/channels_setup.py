"""Processes and databases for bench/channels.py: start, pin, measure and stop children; migrate and seed."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
# Variables of the developer's shell that would change what the server under test does.
FOREIGN_PREFIXES = ("TELEGRAM_", "WHATSAPP_", "DATABASE_URL", "REDIS_URL", "WEB_", "LOG_", "NLU_MODEL_PATH")


class Child:
    """A child process with its stderr in a file; pinned to one core when asked."""

    def __init__(self, process: asyncio.subprocess.Process, log_path: Path, log_file: IO[bytes]) -> None:
        self.process = process
        self.log_path = log_path
        self._log_file = log_file
        self.url = ""

    @classmethod
    async def start(
        cls,
        command: Sequence[str],
        log_path: Path,
        *,
        env: dict[str, str] | None = None,
        cwd: Path = ROOT,
        core: int | None = None,
        reads_url: bool = False,
    ) -> Child:
        log_file = log_path.open("wb")
        process = await asyncio.create_subprocess_exec(
            *command,
            cwd=cwd,
            env=env,
            stdout=asyncio.subprocess.PIPE if reads_url else asyncio.subprocess.DEVNULL,
            stderr=log_file,
        )
        if core is not None:
            # Before the interpreter has started its threads (the NLU's, uvicorn's): they inherit it.
            os.sched_setaffinity(process.pid, {core})
        child = cls(process, log_path, log_file)
        if reads_url:
            assert process.stdout is not None
            line = await asyncio.wait_for(process.stdout.readline(), 120)
            if not line:
                await child.stop()
                raise RuntimeError(f"{command[1]} did not start: {child.tail()}")
            child.url = line.decode().strip()
        return child

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the process (and its threads) so far, from /proc; None elsewhere."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def tail(self, lines: int = 20) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    async def stop(self) -> int | None:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 30)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        self._log_file.close()
        return self.process.returncode


def pin_harness(enabled: bool) -> int | None:
    """Give the server under test a core of its own and move this process (the load generator, and the
    stand-ins it starts) onto the others; returns the server's core, None with one core or pinning off.

    The server is one Python process, so one core at a time anyway; the echo bot and the assistant get
    the same one. Split once, here: split again after this process has left the server's core, the
    split sees the harness's cores only and leaves the server unpinned, on the harness's core (as
    bench/channels.py did until stop 17, which flattered the slower server).
    """
    if not enabled or not hasattr(os, "sched_getaffinity"):
        return None
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        return None
    os.sched_setaffinity(0, set(cores[1:]))
    return cores[0]


def cores_of(pid: int) -> list[int] | None:
    """The cores a process may run on (recorded with each scenario), None where the OS does not tell."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    try:
        return sorted(os.sched_getaffinity(pid))
    except OSError:
        return None


def server_env(settings: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(FOREIGN_PREFIXES)}
    env.update(settings)
    return env


async def wait_healthy(url: str, child: Child, within: float = 240.0) -> None:
    """The first start trains the NLU model (tens of seconds on a busy machine)."""
    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            if child.process.returncode is not None:
                raise RuntimeError(f"the server exited: {child.tail()}")
            try:
                async with http.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError(f"the server did not answer /healthz in {within:.0f} s: {child.tail()}")


def log_levels(path: Path) -> dict[str, int]:
    """How many warnings and errors the server logged (JSON lines), a check that nothing failed quietly."""
    levels: Counter[str] = Counter()
    for line in path.read_text(errors="replace").splitlines():
        try:
            level = str(json.loads(line).get("level", ""))
        except (ValueError, AttributeError):
            continue
        if level in ("warning", "error", "critical"):
            levels[level] += 1
    return {"warnings": levels["warning"], "errors": levels["error"] + levels["critical"]}


async def migrate(database_url: str, folder: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *["-m", "bot", "db", "upgrade"],
        cwd=folder,
        env=server_env({"DATABASE_URL": database_url}),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, errors = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"db upgrade failed: {errors.decode(errors='replace')[-2000:]}")


async def flush_redis(url: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(url)
    try:
        await client.flushdb()
    finally:
        await client.aclose()


async def seed(database_url: str, channel: str, clients: Sequence[tuple[str, str]], kept: int = 0) -> None:
    """Clients past first contact: language chosen, consent given, a conversation open; and `kept`
    processed inbox rows of the past week, as a running centre's inbox holds.

    `clients` are (external id, locale) pairs on `channel` ("tg" chat ids or "wa" phone numbers).
    """
    from sqlalchemy import insert

    from bench.inbox_history import kept_inbox_rows
    from bot.channels.base import Channel, make_user_ref
    from bot.clients.models import Client, ClientIdentity, Conversation
    from bot.db.session import create_engine, create_session_factory
    from bot.inbox.models import InboxMessage

    engine = create_engine(database_url)
    now = datetime.now(UTC)
    try:
        async with create_session_factory(engine)() as s, s.begin():
            refs = [make_user_ref(Channel(channel), external_id) for external_id, _ in clients]
            history = kept_inbox_rows(channel, refs, kept, now)
            for start in range(0, len(history), 5000):
                await s.execute(insert(InboxMessage), history[start : start + 5000])
            for start in range(0, len(clients), 2000):
                chunk = list(enumerate(clients[start : start + 2000], start=start + 1))
                await s.execute(
                    insert(Client),
                    [{"id": i, "locale": loc, "consent_at": now, "created_at": now} for i, (_, loc) in chunk],
                )
                await s.execute(
                    insert(ClientIdentity),
                    [
                        {"id": i, "client_id": i, "channel": channel, "external_id": ext}
                        for i, (ext, _) in chunk
                    ],
                )
                await s.execute(insert(Conversation), [{"id": i, "identity_id": i} for i, _ in chunk])
            if engine.dialect.name == "postgresql":
                # Explicit ids leave the sequences at 1: the next client the app creates would collide.
                from sqlalchemy import text

                for table in ("clients", "client_identities", "conversations"):
                    await s.execute(
                        text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {len(clients)})")
                    )
    finally:
        await engine.dispose()
