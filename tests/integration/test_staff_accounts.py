"""StaffAccounts on every database backend: accounts, passwords, lockout, sessions and the audit trail."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Literal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.base import utcnow
from bot.db.session import create_engine, create_session_factory
from bot.staff.models import AuditEntry, Role, StaffUser
from bot.staff.service import LoginOutcome, StaffAccounts, StaffError

PASSWORD = "correct horse battery"


class Clock:
    """A clock the test moves by hand, so expiry and lockout need no sleeping."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    yield create_session_factory(engine)
    await engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(sessions: async_sessionmaker[AsyncSession], clock: Clock) -> StaffAccounts:
    return StaffAccounts(sessions, now=clock)


async def audit_actions(
    sessions: async_sessionmaker[AsyncSession],
) -> list[tuple[str, int | None, str | None]]:
    async with sessions() as session:
        rows = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(row.action, row.staff_id, row.target) for row in rows]


async def test_created_staff_is_listed_with_a_normalised_email_and_a_hashed_password(
    accounts: StaffAccounts, sessions: async_sessionmaker[AsyncSession]
) -> None:
    member = await accounts.create_staff(
        "  Jana.Novakova@Centrum.CZ ", " Jana Nováková ", Role.COUNSELLOR, PASSWORD
    )

    assert (member.email, member.display_name, member.role) == (
        "jana.novakova@centrum.cz",
        "Jana Nováková",
        Role.COUNSELLOR,
    )
    assert [m.email for m in await accounts.list_staff()] == ["jana.novakova@centrum.cz"]
    async with sessions() as session:
        stored = await session.scalar(select(StaffUser))
    assert stored is not None
    assert PASSWORD not in stored.password_hash
    assert stored.password_hash.startswith("$argon2id$")
    assert ("staff_created", None, f"staff:{member.id}") in await audit_actions(sessions)


async def test_a_second_account_with_the_same_email_is_refused(accounts: StaffAccounts) -> None:
    await accounts.create_staff("jana@centrum.cz", "Jana", Role.COUNSELLOR, PASSWORD)

    with pytest.raises(StaffError) as refused:
        await accounts.create_staff("JANA@centrum.cz", "Another Jana", Role.ADMIN, PASSWORD)

    assert refused.value.code == "email-taken"
    assert len(await accounts.list_staff()) == 1


@pytest.mark.parametrize(
    ("email", "name", "role", "password", "code"),
    [
        ("not-an-email", "Jana", "counsellor", PASSWORD, "email-invalid"),
        ("jana@centrum.cz", "   ", "counsellor", PASSWORD, "name-invalid"),
        ("jana@centrum.cz", "Jana", "superuser", PASSWORD, "role-invalid"),
        ("jana@centrum.cz", "Jana", "counsellor", "short pass1", "password-too-short"),
    ],
)
async def test_invalid_accounts_are_refused_with_the_reason(
    accounts: StaffAccounts, email: str, name: str, role: str, password: str, code: str
) -> None:
    with pytest.raises(StaffError) as refused:
        await accounts.create_staff(email, name, role, password)

    assert refused.value.code == code
    assert await accounts.list_staff() == []


async def test_authenticate_accepts_only_the_right_password(
    accounts: StaffAccounts, sessions: async_sessionmaker[AsyncSession]
) -> None:
    member = await accounts.create_staff("jana@centrum.cz", "Jana", Role.COORDINATOR, PASSWORD)

    assert await accounts.authenticate("Jana@Centrum.cz", PASSWORD) == (LoginOutcome.OK, member)
    assert await accounts.authenticate("jana@centrum.cz", PASSWORD + "x") == (LoginOutcome.INVALID, None)
    assert await accounts.authenticate("nobody@centrum.cz", PASSWORD) == (LoginOutcome.INVALID, None)
    rows = await audit_actions(sessions)
    assert rows[:2] == [
        ("staff_created", None, f"staff:{member.id}"),
        ("login_failed", member.id, "jana@centrum.cz"),
    ]
    action, staff_id, target = rows[2]
    assert (action, staff_id) == ("login_failed", None)
    # What was typed may have been a password in the wrong field, so it is kept only as a digest.
    assert target is not None
    assert target.startswith("unknown:")
    assert "nobody" not in target


async def test_an_unknown_email_costs_one_full_password_check_like_a_known_one(
    accounts: StaffAccounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    await accounts.create_staff("jana@centrum.cz", "Jana", Role.COUNSELLOR, PASSWORD)
    checks: list[str] = []
    real_verify = PasswordHasher.verify

    def counting_verify(self: PasswordHasher, hash: str | bytes, password: str | bytes) -> Literal[True]:
        checks.append(str(hash)[:9])
        return real_verify(self, hash, password)

    # Counting argon2 runs instead of timing them: wall-clock tests flake on a busy CI machine.
    monkeypatch.setattr(PasswordHasher, "verify", counting_verify)
    await accounts.authenticate("jana@centrum.cz", "wrong password!")
    await accounts.authenticate("nobody@centrum.cz", "wrong password!")

    # Without the dummy check an unknown e-mail would answer ~100x faster and betray who has an account.
    assert checks == ["$argon2id", "$argon2id"]


async def test_five_failures_lock_the_email_for_fifteen_minutes(
    accounts: StaffAccounts, clock: Clock, database_url: str
) -> None:
    await accounts.create_staff("jana@centrum.cz", "Jana", Role.COUNSELLOR, PASSWORD)
    for _ in range(5):
        assert (await accounts.login("jana@centrum.cz", "guess guess guess")).outcome is LoginOutcome.INVALID
        clock.advance(timedelta(seconds=30))

    assert (await accounts.login("jana@centrum.cz", PASSWORD)).outcome is LoginOutcome.LOCKED

    # Another process (its own engine) sees the same lockout, because it lives in the database.
    other_engine = create_engine(database_url)
    try:
        other = StaffAccounts(create_session_factory(other_engine), now=clock)
        assert (await other.login("jana@centrum.cz", PASSWORD)).outcome is LoginOutcome.LOCKED
    finally:
        await other_engine.dispose()

    clock.advance(timedelta(minutes=14))
    assert (await accounts.login("jana@centrum.cz", PASSWORD)).outcome is LoginOutcome.LOCKED
    clock.advance(timedelta(minutes=1, seconds=1))
    assert (await accounts.login("jana@centrum.cz", PASSWORD)).outcome is LoginOutcome.OK


async def test_unknown_emails_lock_the_same_way(accounts: StaffAccounts) -> None:
    for _ in range(5):
        assert (
            await accounts.login("nobody@centrum.cz", "guess guess guess")
        ).outcome is LoginOutcome.INVALID

    assert (await accounts.login("nobody@centrum.cz", "guess guess guess")).outcome is LoginOutcome.LOCKED


async def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(
    accounts: StaffAccounts, clock: Clock
) -> None:
    await accounts.create_staff("jana@centrum.cz", "Jana", Role.COUNSELLOR, PASSWORD)
    for _ in range(8):
        await accounts.login("jana@centrum.cz", "guess guess guess")
        clock.advance(timedelta(minutes=4))

    assert (await accounts.login("jana@centrum.cz", PASSWORD)).outcome is LoginOutcome.OK


async def test_a_successful_login_resets_the_failure_count(accounts: StaffAccounts) -> None:
    await accounts.create_staff("jana@centrum.cz", "Jana", Role.COUNSELLOR, PASSWORD)
    for _ in range(4):
        await accounts.login("jana@centrum.cz", "typo typo typo")
    assert (await accounts.login("jana@centrum.cz", PASSWORD)).outcome is LoginOutcome.OK

    assert (await accounts.login("jana@centrum.cz", "typo typo typo")).outcome is LoginOutcome.INVALID
    assert (await accounts.login("jana@centrum.cz", PASSWORD)).outcome is LoginOutcome.OK


async def test_a_session_lasts_twelve_hours(accounts: StaffAccounts, clock: Clock) -> None:
    member = await accounts.create_staff("jana@centrum.cz", "Jana", Role.ADMIN, PASSWORD)
    result = await accounts.login("jana@centrum.cz", PASSWORD)
    assert result.token is not None
    assert result.session is not None

    found = await accounts.session(result.token)
    assert found is not None
    assert found.staff.id == member.id
    assert found.csrf_token == result.session.csrf_token
    assert await accounts.session("not-a-token") is None

    clock.advance(timedelta(hours=11, minutes=59))
    assert await accounts.session(result.token) is not None
    clock.advance(timedelta(minutes=1))
    assert await accounts.session(result.token) is None


async def test_logout_ends_the_session_and_is_audited(
    accounts: StaffAccounts, sessions: async_sessionmaker[AsyncSession]
) -> None:
    member = await accounts.create_staff("jana@centrum.cz", "Jana", Role.COUNSELLOR, PASSWORD)
    first = await accounts.login("jana@centrum.cz", PASSWORD)
    second = await accounts.login("jana@centrum.cz", PASSWORD)
    assert first.token is not None
    assert second.token is not None

    assert await accounts.logout(first.token) is True

    assert await accounts.session(first.token) is None
    assert await accounts.session(second.token) is not None, "logging out on one device keeps the others"
    assert await accounts.logout(first.token) is False
    actions = [action for action, staff_id, _ in await audit_actions(sessions) if staff_id == member.id]
    assert actions == ["login", "login", "logout"]


async def test_changing_the_password_replaces_it_and_ends_other_sessions(accounts: StaffAccounts) -> None:
    member = await accounts.create_staff("jana@centrum.cz", "Jana", Role.COUNSELLOR, PASSWORD)
    here = (await accounts.login("jana@centrum.cz", PASSWORD)).token
    elsewhere = (await accounts.login("jana@centrum.cz", PASSWORD)).token
    assert here is not None
    assert elsewhere is not None

    with pytest.raises(StaffError) as wrong:
        await accounts.change_password(
            member.id, "not my password", "a brand new passphrase", keep_token=here
        )
    assert wrong.value.code == "password-wrong"

    await accounts.change_password(member.id, PASSWORD, "a brand new passphrase", keep_token=here)

    assert (await accounts.authenticate("jana@centrum.cz", PASSWORD))[0] is LoginOutcome.INVALID
    assert (await accounts.authenticate("jana@centrum.cz", "a brand new passphrase"))[0] is LoginOutcome.OK
    assert await accounts.session(here) is not None
    assert await accounts.session(elsewhere) is None
