"""`python -m bot cases list [--json]`: the open queue in priority order, as an admin's script reads it."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import timedelta
from pathlib import Path

from bot.clients.repository import ClientRepository
from bot.db.base import utcnow
from bot.db.session import create_engine, create_session_factory
from bot.staff.models import Role, StaffUser
from counselling import queue
from counselling.models import Reason
from counselling.queue import Actor


async def run_cli(database_url: str, cwd: Path, *args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "cases",
        "list",
        *args,
        cwd=cwd,  # away from the repository, so no developer's .env is read
        env={**os.environ, "DATABASE_URL": database_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode is not None
    assert process.returncode == 0, err.decode()
    return process.returncode, out.decode()


async def seed(database_url: str) -> None:
    engine = create_engine(database_url)
    now = utcnow()
    try:
        async with create_session_factory(engine)() as s, s.begin():
            olga = StaffUser(email="o@centre.test", display_name="Olga", password_hash="x", role="counsellor")
            s.add(olga)
            await s.flush()
            opened = []
            for n, (topic, ago, channel) in enumerate(
                [("talk_to_human", 200, "tg"), ("legal_detention", 3, "web"), ("legal_asylum", 30, "wa")]
            ):
                thread = await ClientRepository(s).get_or_create(f"{channel}:{n}")
                opened.append(
                    await queue.open_case(
                        s,
                        client_id=thread.client.id,
                        user_ref=f"{channel}:{n}",
                        channel=channel,
                        locale=("uk", "vi", "ru")[n],
                        topic=topic,
                        reason=Reason.ESCALATION,
                        context={},
                        now=now - timedelta(minutes=ago),
                    )
                )
            await s.flush()
            await queue.claim(s, opened[2].case.id, Actor(olga.id, Role.COUNSELLOR, "Olga"), now)
            thread = await ClientRepository(s).get_or_create("web:closed")
            closed = await queue.open_case(
                s,
                client_id=thread.client.id,
                user_ref="web:closed",
                channel="web",
                locale="en",
                topic=None,
                reason=Reason.REQUEST,
                context={},
                now=now,
            )
            await queue.leave(s, closed.case, now)
    finally:
        await engine.dispose()


async def test_cases_list_prints_the_open_queue_in_priority_order(sqlite_url: str, tmp_path: Path) -> None:
    await seed(sqlite_url)
    _, text = await run_cli(sqlite_url, tmp_path)
    lines = text.splitlines()
    assert lines[0].split() == [
        "ID",
        "PRIORITY",
        "TOPIC",
        "LANGUAGE",
        "CHANNEL",
        "STATUS",
        "WAITING",
        "COUNSELLOR",
        "SLA",
    ]
    assert [line.split()[2] for line in lines[1:]] == ["legal_detention", "legal_asylum", "talk_to_human"]
    assert "3 h 20 min" in lines[3]  # the oldest case, 200 minutes
    assert "Olga" in lines[2]
    assert len(lines) == 4  # the closed case is not listed

    _, raw = await run_cli(sqlite_url, tmp_path, "--json")
    cases = json.loads(raw)["open_cases"]
    assert [(c["priority"], c["language"], c["channel"], c["status"]) for c in cases] == [
        ("urgent", "vi", "web", "waiting"),
        ("high", "ru", "wa", "assigned"),
        ("normal", "uk", "tg", "waiting"),
    ]
    assert cases[2]["waiting_seconds"] >= 200 * 60
    assert cases[2]["sla"] == "near"  # normal: 200 of 240 minutes, past three quarters
    assert cases[0]["sla"] == "ok"  # urgent: 3 of 15 minutes


async def test_an_empty_queue_says_so(sqlite_url: str, tmp_path: Path) -> None:
    _, text = await run_cli(sqlite_url, tmp_path)
    assert text.strip() == "No open cases."
