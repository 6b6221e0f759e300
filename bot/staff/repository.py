"""Reads and writes staff accounts, sessions and audit entries; the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.staff.models import AuditEntry, StaffSession, StaffUser

# audit_log.target is VARCHAR(255): room for any e-mail (254); PostgreSQL refuses longer values.
TARGET_LIMIT = 255


def audit_target(value: str | None) -> str | None:
    return None if value is None else value[:TARGET_LIMIT]


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
