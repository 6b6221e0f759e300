"""Reads and writes staff accounts, sessions and audit entries; the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, delete, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.staff.models import AuditEntry, StaffSession, StaffUser

# audit_log.target is VARCHAR(255): room for any e-mail (254); PostgreSQL refuses longer values.
TARGET_LIMIT = 255


def audit_target(value: str | None) -> str | None:
    return None if value is None else value[:TARGET_LIMIT]


@dataclass(frozen=True)
class AuditFilter:
    """What the audit log page asks for; a target ending in ":" (`case:`) matches every target it begins."""

    staff_id: int | None = None
    no_staff: bool = False
    action: str | None = None
    target: str | None = None
    since: datetime | None = None
    until: datetime | None = None  # exclusive

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.no_staff:
            found.append(AuditEntry.staff_id.is_(None))
        elif self.staff_id is not None:
            found.append(AuditEntry.staff_id == self.staff_id)
        if self.action:
            found.append(AuditEntry.action == self.action)
        if self.target and self.target.endswith(":"):
            escaped = self.target.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            found.append(AuditEntry.target.like(f"{escaped}%", escape="\\"))
        elif self.target:
            found.append(AuditEntry.target == audit_target(self.target))
        if self.since is not None:
            found.append(AuditEntry.at >= self.since)
        if self.until is not None:
            found.append(AuditEntry.at < self.until)
        return found


@dataclass(frozen=True)
class AuditSlice:
    """One page of the audit log, newest first, with the author's name (None: system or deleted)."""

    rows: list[tuple[AuditEntry, str | None]]
    older: bool
    newer: bool


def _older_than(entry: AuditEntry) -> ColumnElement[bool]:
    # (at, id) is the order of the log; entries may share a timestamp, so the id breaks the tie.
    return or_(AuditEntry.at < entry.at, and_(AuditEntry.at == entry.at, AuditEntry.id < entry.id))


def _newer_than(entry: AuditEntry) -> ColumnElement[bool]:
    return or_(AuditEntry.at > entry.at, and_(AuditEntry.at == entry.at, AuditEntry.id > entry.id))


class StaffRepository:
    """Queries on one AsyncSession; it flushes when ids are needed and never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_staff(self, user: StaffUser) -> StaffUser:
        self.session.add(user)
        await self.session.flush()
        return user

    async def get_staff(self, staff_id: int) -> StaffUser | None:
        return await self.session.get(StaffUser, staff_id)

    async def find_staff_by_email(self, email: str) -> StaffUser | None:
        return await self.session.scalar(select(StaffUser).where(StaffUser.email == email))

    async def list_staff(self) -> Sequence[StaffUser]:
        result = await self.session.scalars(select(StaffUser).order_by(StaffUser.display_name, StaffUser.id))
        return result.all()

    async def count_staff(self) -> int:
        return int(await self.session.scalar(select(func.count(StaffUser.id))) or 0)

    async def add_session(self, staff_session: StaffSession) -> StaffSession:
        self.session.add(staff_session)
        await self.session.flush()
        return staff_session

    async def find_session(self, token_hash: str) -> tuple[StaffSession, StaffUser] | None:
        query = (
            select(StaffSession, StaffUser)
            .join(StaffUser, StaffUser.id == StaffSession.staff_id)
            .where(StaffSession.token_hash == token_hash)
        )
        row = (await self.session.execute(query)).first()
        return None if row is None else (row[0], row[1])

    async def delete_session(self, token_hash: str) -> None:
        await self.session.execute(delete(StaffSession).where(StaffSession.token_hash == token_hash))

    async def delete_expired_sessions(self, now: datetime) -> None:
        await self.session.execute(delete(StaffSession).where(StaffSession.expires_at <= now))

    async def delete_sessions_of(self, staff_id: int, *, keep_token_hash: str | None = None) -> None:
        query = delete(StaffSession).where(StaffSession.staff_id == staff_id)
        if keep_token_hash is not None:
            query = query.where(StaffSession.token_hash != keep_token_hash)
        await self.session.execute(query)

    async def add_audit(
        self,
        action: str,
        *,
        staff_id: int | None = None,
        target: str | None = None,
        detail: str | None = None,
        at: datetime | None = None,
    ) -> AuditEntry:
        entry = AuditEntry(staff_id=staff_id, action=action, target=audit_target(target), detail=detail)
        if at is not None:
            entry.at = at
        self.session.add(entry)
        await self.session.flush()
        return entry

    async def count_audit(self, action: str, target: str, since: datetime) -> int:
        query = select(func.count(AuditEntry.id)).where(
            AuditEntry.action == action, AuditEntry.target == audit_target(target), AuditEntry.at > since
        )
        return int(await self.session.scalar(query) or 0)

    async def last_audit_at(self, actions: Sequence[str], target: str) -> datetime | None:
        query = select(func.max(AuditEntry.at)).where(
            AuditEntry.action.in_(actions), AuditEntry.target == audit_target(target)
        )
        return await self.session.scalar(query)

    async def recent_audit(self, limit: int = 100) -> Sequence[AuditEntry]:
        query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        return (await self.session.scalars(query)).all()

    async def audit_page(
        self, filters: AuditFilter, *, before: int | None = None, after: int | None = None, limit: int = 50
    ) -> AuditSlice:
        """A page of entries older than `before` or newer than `after` (entry ids), else the newest.

        Paging by position rather than by offset: entries written meanwhile (viewing the log writes one)
        neither repeat nor skip a row on the next page.
        """
        conditions = filters.conditions()
        cursor = await self.session.get(AuditEntry, before or after) if (before or after) else None
        query = (
            select(AuditEntry, StaffUser.display_name)
            .outerjoin(StaffUser, StaffUser.id == AuditEntry.staff_id)
            .where(*conditions)
            .limit(limit)
        )
        newest_first = (AuditEntry.at.desc(), AuditEntry.id.desc())
        rows: list[tuple[AuditEntry, str | None]] = []
        if cursor is not None and before:
            rows = await self._named(query.where(_older_than(cursor)).order_by(*newest_first))
        elif cursor is not None:
            rows = (
                await self._named(query.where(_newer_than(cursor)).order_by(AuditEntry.at, AuditEntry.id))
            )[::-1]
        if not rows:
            rows = await self._named(query.order_by(*newest_first))
        if not rows:
            return AuditSlice([], older=False, newer=False)
        more_older = exists().where(*conditions, _older_than(rows[-1][0]))
        more_newer = exists().where(*conditions, _newer_than(rows[0][0]))
        found = (await self.session.execute(select(more_older, more_newer))).one()
        return AuditSlice(rows, older=bool(found[0]), newer=bool(found[1]))

    async def _named(self, query: Select[AuditEntry, str]) -> list[tuple[AuditEntry, str | None]]:
        return [(entry, name) for entry, name in (await self.session.execute(query)).all()]

    async def audit_actions(self) -> list[str]:
        """Every action name that occurs in the log, for the page's filter."""
        query = select(AuditEntry.action).distinct().order_by(AuditEntry.action)
        return list((await self.session.scalars(query)).all())
