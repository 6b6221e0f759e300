"""StaffAccounts: creating staff, logging in and out, sessions, lockout and the audit trail."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import structlog
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.base import utcnow
from bot.staff import passwords
from bot.staff.models import Role, StaffSession, StaffUser
from bot.staff.repository import StaffRepository

log = structlog.get_logger(__name__)

SESSION_LIFETIME = timedelta(hours=12)
MAX_FAILED_LOGINS = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
MAX_NAME_LENGTH = 120
MAX_EMAIL_LENGTH = 254
# Deliberately loose: one @, no spaces, a dot in the domain. Real validation is the colleague reading it.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Audit(StrEnum):
    """Audit log actions written by this module."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_LOCKED = "login_locked"
    LOGOUT = "logout"
    STAFF_CREATED = "staff_created"
    PASSWORD_CHANGED = "password_changed"  # noqa: S105 (an audit action name)


class StaffError(ValueError):
    """A request the accounts refuse; `code` names the reason for the page or CLI to explain."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class LoginOutcome(StrEnum):
    OK = "ok"
    INVALID = "invalid"
    LOCKED = "locked"


@dataclass(frozen=True)
class StaffMember:
    id: int
    email: str
    display_name: str
    role: Role
    active: bool
    created_at: datetime
    last_login_at: datetime | None

    @classmethod
    def of(cls, user: StaffUser) -> StaffMember:
        return cls(
            user.id,
            user.email,
            user.display_name,
            Role(user.role),
            user.active,
            user.created_at,
            user.last_login_at,
        )


@dataclass(frozen=True)
class ActiveSession:
    """A logged-in staff member as a request sees them; the raw token is never kept server-side."""

    staff: StaffMember
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True)
class LoginResult:
    outcome: LoginOutcome
    token: str | None = None
    session: ActiveSession | None = None


def normalise_email(email: str) -> str:
    return email.strip().lower()


def token_hash(token: str) -> str:
    # Tokens carry 256 random bits, so a fast hash is enough; argon2 here would only slow every request.
    return hashlib.sha256(token.encode()).hexdigest()


def attempt_key(email: str, known: bool) -> str:
    """What failed logins are counted and audited under: the e-mail of an account, else only a digest."""
    # An "e-mail" matching no account may be a password typed into the wrong field; never store it as typed.
    return email if known else "unknown:" + hashlib.sha256(email.encode()).hexdigest()[:32]


class StaffAccounts:
    """Staff accounts on the database; one transaction per call, lockout state shared by all processes."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], now: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._now = now

    async def create_staff(
        self, email: str, display_name: str, role: Role | str, password: str, *, created_by: int | None = None
    ) -> StaffMember:
        email, display_name = normalise_email(email), display_name.strip()
        if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.match(email):
            raise StaffError("email-invalid")
        if not display_name or len(display_name) > MAX_NAME_LENGTH:
            raise StaffError("name-invalid")
        if role not in set(Role):
            raise StaffError("role-invalid")
        if problem := passwords.password_problem(password):
            raise StaffError(problem)
        password_hash = passwords.hash_password(password)
        try:
            async with self._sessions.begin() as session:
                repo = StaffRepository(session)
                if await repo.find_staff_by_email(email) is not None:
                    raise StaffError("email-taken")
                user = await repo.add_staff(
                    StaffUser(
                        email=email, display_name=display_name, password_hash=password_hash, role=Role(role)
                    )
                )
                await repo.add_audit(
                    Audit.STAFF_CREATED,
                    staff_id=created_by,
                    target=f"staff:{user.id}",
                    detail=Role(role).value,
                    at=self._now(),
                )
                member = StaffMember.of(user)
        except IntegrityError as exc:
            # Two admins adding the same e-mail at once: the unique constraint decides.
            raise StaffError("email-taken") from exc
        log.info("staff_created", staff_id=member.id, role=member.role, created_by=created_by)
        return member

    async def list_staff(self) -> list[StaffMember]:
        async with self._sessions() as session:
            return [StaffMember.of(user) for user in await StaffRepository(session).list_staff()]

    async def authenticate(self, email: str, password: str) -> tuple[LoginOutcome, StaffMember | None]:
        """Check a password; failures are audited and count towards the lockout of that e-mail."""
        async with self._sessions.begin() as session:
            outcome, user = await self._authenticate(
                StaffRepository(session), normalise_email(email), password
            )
            return outcome, None if user is None else StaffMember.of(user)

    async def login(self, email: str, password: str) -> LoginResult:
        """Authenticate and open a session; the raw token goes to the cookie, only its hash is stored."""
        email = normalise_email(email)
        async with self._sessions.begin() as session:
            repo = StaffRepository(session)
            outcome, user = await self._authenticate(repo, email, password)
            if user is None:
                return LoginResult(outcome)
            now = self._now()
            token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            await repo.delete_expired_sessions(now)
            stored = await repo.add_session(
                StaffSession(
                    token_hash=token_hash(token),
                    staff_id=user.id,
                    csrf_token=csrf,
                    expires_at=now + SESSION_LIFETIME,
                )
            )
            user.last_login_at = now
            await repo.add_audit(Audit.LOGIN, staff_id=user.id, target=email, at=now)
            active = ActiveSession(StaffMember.of(user), csrf, stored.expires_at)
        log.info("staff_login", staff_id=user.id)
        return LoginResult(LoginOutcome.OK, token, active)

    async def session(self, token: str | None) -> ActiveSession | None:
        """The session behind a cookie token; None when unknown, expired or the account is disabled."""
        if not token:
            return None
        async with self._sessions() as session:
            found = await StaffRepository(session).find_session(token_hash(token))
            if found is None:
                return None
            stored, user = found
            if stored.expires_at <= self._now() or not user.active:
                return None
            return ActiveSession(StaffMember.of(user), stored.csrf_token, stored.expires_at)

    async def logout(self, token: str) -> bool:
        """End one session; True when there was a live one to end."""
        async with self._sessions.begin() as session:
            repo = StaffRepository(session)
            found = await repo.find_session(token_hash(token))
            if found is None:
                return False
            stored, user = found
            await repo.delete_session(stored.token_hash)
            await repo.add_audit(Audit.LOGOUT, staff_id=user.id, target=user.email, at=self._now())
        log.info("staff_logout", staff_id=user.id)
        return True

    async def change_password(
        self, staff_id: int, current: str, new: str, *, keep_token: str | None = None
    ) -> None:
        """Replace one's own password; every other session of the account ends, as after a leak."""
        if problem := passwords.password_problem(new):
            raise StaffError(problem)
        async with self._sessions.begin() as session:
            repo = StaffRepository(session)
            user = await repo.get_staff(staff_id)
            if user is None or not passwords.verify_password(user.password_hash, current):
                raise StaffError("password-wrong")
            user.password_hash = passwords.hash_password(new)
            keep = None if keep_token is None else token_hash(keep_token)
            await repo.delete_sessions_of(staff_id, keep_token_hash=keep)
            await repo.add_audit(
                Audit.PASSWORD_CHANGED, staff_id=staff_id, target=f"staff:{staff_id}", at=self._now()
            )
        log.info("staff_password_changed", staff_id=staff_id)

    async def record(
        self, action: str, staff_id: int | None, target: str | None = None, detail: str | None = None
    ) -> None:
        """Audit an action of a later console page that has no transaction of its own."""
        async with self._sessions.begin() as session:
            await StaffRepository(session).add_audit(
                action, staff_id=staff_id, target=target, detail=detail, at=self._now()
            )

    async def _authenticate(
        self, repo: StaffRepository, email: str, password: str
    ) -> tuple[LoginOutcome, StaffUser | None]:
        now = self._now()
        user = await repo.find_staff_by_email(email) if len(email) <= MAX_EMAIL_LENGTH else None
        key = attempt_key(email, user is not None)
        if await self._locked(repo, key, now):
            # No hash is checked while locked, so guessing gains nothing; unknown e-mails lock the same way.
            log.warning("staff_login_locked_out")
            return LoginOutcome.LOCKED, None
        if user is None or not user.active:
            passwords.verify_dummy(password)
            ok = False
        else:
            ok = passwords.verify_password(user.password_hash, password)
        if not ok or user is None:
            await self._record_failure(repo, key, None if user is None else user.id, now)
            return LoginOutcome.INVALID, None
        if passwords.needs_rehash(user.password_hash):
            user.password_hash = passwords.hash_password(password)
        return LoginOutcome.OK, user

    async def _locked(self, repo: StaffRepository, key: str, now: datetime) -> bool:
        locked_at = await repo.last_audit_at([Audit.LOGIN_LOCKED], key)
        return locked_at is not None and locked_at > now - LOCKOUT

    async def _record_failure(
        self, repo: StaffRepository, key: str, staff_id: int | None, now: datetime
    ) -> None:
        await repo.add_audit(Audit.LOGIN_FAILED, staff_id=staff_id, target=key, at=now)
        # Failures count from the last success or lockout, so an old streak does not re-lock at once.
        since = now - FAILURE_WINDOW
        last_reset = await repo.last_audit_at([Audit.LOGIN, Audit.LOGIN_LOCKED], key)
        if last_reset is not None and last_reset > since:
            since = last_reset
        failures = await repo.count_audit(Audit.LOGIN_FAILED, key, since)
        log.info("staff_login_failed", staff_id=staff_id, failures=failures)
        if failures >= MAX_FAILED_LOGINS:
            await repo.add_audit(Audit.LOGIN_LOCKED, staff_id=staff_id, target=key, at=now)
            log.warning("staff_login_locked", staff_id=staff_id)
