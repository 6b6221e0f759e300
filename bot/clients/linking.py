"""Link codes: one person joins their chat apps (Telegram, WhatsApp, web chat) into one client.

A code is 6 characters of an alphabet without look-alikes (no 0/O, no 1/I), holds at least one digit and
one letter, lives 15 minutes, works once, and only its SHA-256 is stored (in the database, so every
process sees it). Staff link codes (`/link 12345678`, bot/channels/telegram/staff_link.py) are 8 digits
and never contain a letter, so neither kind can be taken for the other.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clients.models import ClientIdentity, LinkCode, LinkFailure
from bot.db.base import utcnow

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
DIGITS = frozenset("23456789")
CODE_LENGTH = 6
CODE_LIFETIME = timedelta(minutes=15)
# 32^6 codes, a handful live at once: five guesses an hour per identity make guessing hopeless.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(hours=1)
# An expired code is kept this long, so that sending it late gets "expired" rather than "not valid".
EXPIRED_KEPT = timedelta(days=1)
# A bare code typed as `K7M4QX` or `k7m 4qx`; other spacings count only when they match a live code,
# so that an ordinary short message ("25 June") is never answered as a wrong code.
_STRICT = re.compile(rf"^[{ALPHABET}]{{3}}[ -]?[{ALPHABET}]{{3}}$")
_SEPARATORS = re.compile(r"[\s\-]+")
_LOOSE_MAX_CHARS = 16
# Transcripts (which counsellors read) keep this instead of a code, shown once and never stored.
MASK = "••••••"


class Redeem(StrEnum):
    """What became of a code sent from another app."""

    OK = "ok"
    INVALID = "invalid"  # no such code (mistyped, used or replaced)
    EXPIRED = "expired"
    OWN = "own"  # sent back from the very identity that asked for it
    ALREADY = "already"  # this identity already belongs to the code's client
    THROTTLED = "throttled"  # too many wrong codes from this identity in the last hour


@dataclass(frozen=True)
class Attempt:
    outcome: Redeem
    code: LinkCode | None = None
    retry_at: datetime | None = None  # THROTTLED: when this identity may try again


def normalise(text: str) -> str:
    """What a person typed, as the code it means: upper case, without spaces or dashes."""
    return _SEPARATORS.sub("", text).upper()


def is_code(text: str) -> bool:
    """The shape of every code we issue: alphabet, length, at least one digit and one letter."""
    return (
        len(text) == CODE_LENGTH
        and all(ch in ALPHABET for ch in text)
        and any(ch in DIGITS for ch in text)
        and any(ch not in DIGITS for ch in text)
    )


def looks_like_code(text: str) -> bool:
    """A bare message that can only be a code: `K7M4QX`, `k7m 4qx`, `K7M-4QX`."""
    stripped = text.strip().upper()
    return bool(_STRICT.match(stripped)) and is_code(normalise(stripped))


def candidate(text: str) -> str | None:
    """The code a short message could be, spaced any way; None for anything else."""
    if len(text) > _LOOSE_MAX_CHARS:
        return None
    code = normalise(text)
    return code if is_code(code) else None


def new_code() -> str:
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if is_code(code):
            return code


def code_hash(code: str) -> str:
    # Prefixed so that the hash of a client code is never the hash a staff code table could hold.
    return hashlib.sha256(f"client-link:{normalise(code)}".encode()).hexdigest()


class LinkCodes:
    """Issues and checks codes inside the caller's transaction; never commits."""

    def __init__(self, session: AsyncSession, clock: Callable[[], datetime] = utcnow) -> None:
        self._session = session
        self._clock = clock

    async def issue(self, client_id: int, identity_id: int) -> tuple[str, datetime]:
        """A fresh code for the client, replacing any earlier one; returned once, stored only hashed."""
        now = self._clock()
        await self._session.execute(delete(LinkCode).where(LinkCode.client_id == client_id))
        taken = True
        while taken:  # a collision with another live code is a one-in-a-billion event: draw again
            code = new_code()
            taken = await self._by_hash(code) is not None
        expires = now + CODE_LIFETIME
        self._session.add(
            LinkCode(
                client_id=client_id,
                identity_id=identity_id,
                code_hash=code_hash(code),
                created_at=now,
                expires_at=expires,
            )
        )
        await self._session.flush()
        return code, expires

    async def live(self, text: str) -> LinkCode | None:
        """The unexpired code a message spells, if any (no side effects: routing asks this)."""
        code = candidate(text)
        if code is None:
            return None
        found = await self._by_hash(code)
        return found if found is not None and found.expires_at > self._clock() else None

    async def check(self, identity: ClientIdentity, text: str) -> Attempt:
        """A code sent from `identity`: wrong ones are counted, and five in an hour stop it a while."""
        now = self._clock()
        retry_at = await self._blocked_until(identity.id, now)
        if retry_at is not None:
            return Attempt(Redeem.THROTTLED, retry_at=retry_at)
        code = candidate(text)
        found = await self._by_hash(code) if code is not None else None
        if found is None:
            self._session.add(LinkFailure(identity_id=identity.id, at=now))
            await self._session.flush()
            retry_at = await self._blocked_until(identity.id, now)
            if retry_at is not None:
                return Attempt(Redeem.THROTTLED, retry_at=retry_at)
            return Attempt(Redeem.INVALID)
        if found.identity_id == identity.id:
            return Attempt(Redeem.OWN, found)
        if found.client_id == identity.client_id:
            return Attempt(Redeem.ALREADY, found)
        if found.expires_at <= now:
            return Attempt(Redeem.EXPIRED, found)
        return Attempt(Redeem.OK, found)

    async def take(self, code_id: int, identity: ClientIdentity) -> Attempt:
        """At the client's "yes": the code again (it may have expired or been replaced), then used up."""
        found = await self._session.get(LinkCode, code_id)
        if found is None:
            return Attempt(Redeem.INVALID)
        if found.client_id == identity.client_id:
            return Attempt(Redeem.ALREADY, found)
        if found.expires_at <= self._clock():
            return Attempt(Redeem.EXPIRED, found)
        await self._session.delete(found)
        await self._session.flush()
        return Attempt(Redeem.OK, found)

    async def revoke(self, client_id: int) -> None:
        await self._session.execute(delete(LinkCode).where(LinkCode.client_id == client_id))

    async def _by_hash(self, code: str) -> LinkCode | None:
        found: LinkCode | None = await self._session.scalar(
            select(LinkCode).where(LinkCode.code_hash == code_hash(code))
        )
        return found

    async def _blocked_until(self, identity_id: int, now: datetime) -> datetime | None:
        """While MAX_FAILURES wrong codes fall in the last hour: when the oldest of them leaves it."""
        await self._session.execute(
            delete(LinkFailure).where(
                LinkFailure.identity_id == identity_id, LinkFailure.at <= now - FAILURE_WINDOW
            )
        )
        failed = (
            await self._session.scalars(
                select(LinkFailure.at).where(LinkFailure.identity_id == identity_id).order_by(LinkFailure.at)
            )
        ).all()
        if len(failed) < MAX_FAILURES:
            return None
        return failed[len(failed) - MAX_FAILURES] + FAILURE_WINDOW


async def purge_stale(session: AsyncSession, now: datetime) -> int:
    """Retention: codes long expired and wrong attempts out of the window are of no use; returns how many."""
    codes = await session.execute(delete(LinkCode).where(LinkCode.expires_at < now - EXPIRED_KEPT))
    failures = await session.execute(delete(LinkFailure).where(LinkFailure.at <= now - FAILURE_WINDOW))
    return sum(int(getattr(result, "rowcount", 0) or 0) for result in (codes, failures))
