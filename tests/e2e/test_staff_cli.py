"""`python -m bot staff create-admin`: a real subprocess on a migrated SQLite file, plus the prompt path."""

from __future__ import annotations

import asyncio
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli.main import build_parser
from bot.db.session import create_engine, create_session_factory
from bot.staff.models import Role
from bot.staff.service import LoginOutcome, StaffAccounts
from tests.conftest import make_settings

PASSWORD_LINE = "password (shown only now, write it down): "


async def create_admin(database_url: str, cwd: Path, *extra: str) -> tuple[int, str, str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "staff",
        "create-admin",
        *extra,
        cwd=cwd,  # away from the repository, so no developer's .env is read
        env=env,
        stdin=asyncio.subprocess.DEVNULL,  # not a terminal: the password must be generated
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def authenticate(database_url: str, email: str, password: str) -> tuple[LoginOutcome, Role | None]:
    engine = create_engine(database_url)
    try:
        outcome, member = await StaffAccounts(create_session_factory(engine)).authenticate(email, password)
    finally:
        await engine.dispose()
    return outcome, None if member is None else member.role


async def test_create_admin_prints_a_generated_password_once_and_refuses_a_duplicate(
    sqlite_url: str, tmp_path: Path
) -> None:
    code, out, err = await create_admin(sqlite_url, tmp_path, "Boss@Centrum.cz", "--name", "Bára Boss")

    assert code == 0, err
    assert out.count(PASSWORD_LINE) == 1
    password = out.split(PASSWORD_LINE, 1)[1].splitlines()[0]
    assert len(password) >= 12
    assert out.count(password) == 1
    assert password not in err, "logs must never contain the password"
    assert await authenticate(sqlite_url, "boss@centrum.cz", password) == (LoginOutcome.OK, Role.ADMIN)

    code, out, err = await create_admin(sqlite_url, tmp_path, "boss@centrum.cz")

    assert code == 1
    assert out == ""
    assert err.strip().splitlines() == ["a staff account with the e-mail boss@centrum.cz already exists"]


async def test_create_admin_on_an_unmigrated_database_says_what_to_run(tmp_path: Path) -> None:
    empty = f"sqlite:///{tmp_path / 'empty.sqlite3'}"

    code, out, err = await create_admin(empty, tmp_path, "boss@centrum.cz")

    assert code == 1
    assert PASSWORD_LINE not in out
    assert "python -m bot db upgrade" in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What the operator types at the getpass prompts, in order."""
    answers: list[str] = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt="": answers.pop(0))
    yield answers
    assert answers == [], "every prompt answer was used"


async def test_at_a_terminal_the_password_is_asked_twice_and_never_printed(
    sqlite_url: str, typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = "a long admin passphrase"
    typed.extend(["too short", chosen, chosen + " typo", chosen, chosen])
    args = build_parser().parse_args(["staff", "create-admin", "boss@centrum.cz"])

    code = await asyncio.to_thread(args.handler, args, make_settings(sqlite_url))

    out, err = capsys.readouterr()
    assert code == 0
    assert "at least 12 characters" in err
    assert "the two passwords differ" in err
    assert chosen not in out + err
    assert await authenticate(sqlite_url, "boss@centrum.cz", chosen) == (LoginOutcome.OK, Role.ADMIN)
