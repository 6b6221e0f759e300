"""Linking a staff account to a Telegram account with a one-time code; free of aiogram for the console."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.base import utcnow
from bot.staff.models import Role, StaffUser
from bot.staff.repository import StaffRepository

log = structlog.get_logger(__name__)

CODE_DIGITS = 8
CODE_LIFETIME = timedelta(minutes=15)
# 10^8 codes against a few guesses per quarter hour per Telegram account: guessing is hopeless.
MAX_FAILED_ATTEMPTS = 5
ATTEMPT_WINDOW = timedelta(minutes=15)


class LinkAudit(StrEnum):
    """Audit log actions written here."""

    CODE_CREATED = "telegram_link_code"
    LINKED = "telegram_linked"
    LINK_FAILED = "telegram_link_failed"
    UNLINKED = "telegram_unlinked"


class LinkOutcome(StrEnum):
    LINKED = "linked"
    INVALID = "invalid"  # unknown, used or expired code
    THROTTLED = "throttled"  # too many wrong codes from this Telegram account lately


@dataclass(frozen=True)
class LinkedStaff:
    """A staff member as the Telegram staff group needs them."""

    id: int
    display_name: str
    role: Role

    @classmethod
    def of(cls, user: StaffUser) -> LinkedStaff:
        return cls(user.id, user.display_name, Role(user.role))


@dataclass(frozen=True)
class LinkState:
    """What the account page shows."""

    linked: bool
    code_expires_at: datetime | None


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def normalise_code(code: str) -> str:
    """People type codes with spaces or dashes ("1234 5678"); only the digits count."""
    return "".join(ch for ch in code if ch.isdigit())


class TelegramLinks:
    """One transaction per call; only the SHA-256 of a code is stored, and it works once."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], now: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._now = now

    async def state(self, staff_id: int) -> LinkState:
        async with self._sessions() as db:
            user = await db.get(StaffUser, staff_id)
            if user is None:
                return LinkState(False, None)
            expires = user.telegram_link_expires_at
            pending = user.telegram_link_hash is not None and expires is not None and expires > self._now()
            return LinkState(user.telegram_user_id is not None, expires if pending else None)

    async def new_code(self, staff_id: int) -> str:
        """A fresh code for this member, replacing any earlier one; shown once, never stored."""
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        now = self._now()
        async with self._sessions.begin() as db:
            user = await db.get(StaffUser, staff_id)
            if user is None:
                raise LookupError(staff_id)
            user.telegram_link_hash = code_hash(code)
            user.telegram_link_expires_at = now + CODE_LIFETIME
            await StaffRepository(db).add_audit(
                LinkAudit.CODE_CREATED, staff_id=staff_id, target=f"staff:{staff_id}", at=now
            )
        return code

    async def link(self, code: str, telegram_user_id: int) -> tuple[LinkOutcome, LinkedStaff | None]:
        """`/link <code>` from `telegram_user_id`: the code's owner gets this Telegram account."""
        now = self._now()
        source = f"tg:{telegram_user_id}"
        async with self._sessions.begin() as db:
            repo = StaffRepository(db)
            if (
                await repo.count_audit(LinkAudit.LINK_FAILED, source, now - ATTEMPT_WINDOW)
                >= MAX_FAILED_ATTEMPTS
            ):
                return LinkOutcome.THROTTLED, None
            digits = normalise_code(code)
            user = None
            if len(digits) == CODE_DIGITS:
                user = await db.scalar(
                    select(StaffUser).where(StaffUser.telegram_link_hash == code_hash(digits))
                )
            expires = user.telegram_link_expires_at if user is not None else None
            if user is None or not user.active or expires is None or expires <= now:
                await repo.add_audit(LinkAudit.LINK_FAILED, target=source, at=now)
                log.info("telegram_link_failed")
                return LinkOutcome.INVALID, None
            previous = await db.scalar(
                select(StaffUser).where(
                    StaffUser.telegram_user_id == telegram_user_id, StaffUser.id != user.id
                )
            )
            if previous is not None:
                # One Telegram account speaks for one staff member: moving it unlinks the old account.
                previous.telegram_user_id = None
                await repo.add_audit(
                    LinkAudit.UNLINKED, staff_id=user.id, target=f"staff:{previous.id}", at=now
                )
                await db.flush()
            user.telegram_user_id = telegram_user_id
            user.telegram_link_hash = None
            user.telegram_link_expires_at = None
            await repo.add_audit(LinkAudit.LINKED, staff_id=user.id, target=f"staff:{user.id}", at=now)
            linked = LinkedStaff.of(user)
        log.info("telegram_linked", staff_id=linked.id)
        return LinkOutcome.LINKED, linked

    async def unlink(self, staff_id: int) -> None:
        async with self._sessions.begin() as db:
            user = await db.get(StaffUser, staff_id)
            if user is None:
                return
            user.telegram_user_id = None
            user.telegram_link_hash = None
            user.telegram_link_expires_at = None
            await StaffRepository(db).add_audit(
                LinkAudit.UNLINKED, staff_id=staff_id, target=f"staff:{staff_id}", at=self._now()
            )
        log.info("telegram_unlinked", staff_id=staff_id)

    async def staff_of(self, telegram_user_id: int) -> LinkedStaff | None:
        """The active staff member this Telegram account is linked to."""
        async with self._sessions() as db:
            user = await db.scalar(select(StaffUser).where(StaffUser.telegram_user_id == telegram_user_id))
            if user is None or not user.active:
                return None
            return LinkedStaff.of(user)
