"""What the staff group shows of a case, read in short transactions of its own (never the desk's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from counselling import queue
from counselling.models import Case, CaseEntry, CaseStatus, EntryKind, Priority


@dataclass(frozen=True)
class CaseView:
    """What the group shows of a case, read in one short transaction."""

    id: int
    priority: Priority
    topic: str | None
    reason: str
    locale: str
    channel: str
    status: CaseStatus
    thread_id: int | None
    context: dict[str, Any]
    opened_at: datetime

    @classmethod
    def of(cls, case: Case) -> CaseView:
        return cls(
            case.id,
            Priority(case.priority),
            case.topic,
            case.reason,
            case.locale,
            case.channel,
            CaseStatus(case.status),
            case.staff_topic_id,
            dict(case.context or {}),
            case.opened_at,
        )


@dataclass(frozen=True)
class ClientEntry:
    """What the client wrote (or sent) during the case, with the file's content when there is one."""

    text: str
    file_name: str | None
    content: bytes | None


class CaseReads:
    """Queries of the staff group; each opens and closes its own session."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def view(self, case_id: int) -> CaseView | None:
        async with self._sessions() as db:
            case = await db.get(Case, case_id)
            return CaseView.of(case) if case is not None else None

    async def set_topic(self, case_id: int, thread_id: int) -> None:
        async with self._sessions.begin() as db:
            case = await db.get(Case, case_id)
            if case is not None:
                case.staff_topic_id = thread_id

    async def entry(self, entry_id: int | None) -> CaseEntry | None:
        if entry_id is None:
            return None
        async with self._sessions() as db:
            return await db.get(CaseEntry, entry_id)

    async def client_entry(self, case_id: int, entry_id: int) -> ClientEntry | None:
        async with self._sessions() as db:
            entry = await db.get(CaseEntry, entry_id)
            if entry is None or entry.case_id != case_id:
                return None
            text, file_name, content = entry.text, entry.file_name, None
            if file_name is not None:
                with_file = await queue.file_of(db, case_id, entry_id)
                content = with_file.file_content if with_file is not None else None
            return ClientEntry(text, file_name, content)

    async def client_entries(self, case_id: int, older_than: int | None) -> list[tuple[int, str, str | None]]:
        """(id, text, file name) of the client's entries so far, oldest first, only those older than
        entry `older_than` when it is given."""
        query = (
            select(CaseEntry.id, CaseEntry.text, CaseEntry.file_name)
            .where(CaseEntry.case_id == case_id, CaseEntry.kind == EntryKind.CLIENT.value)
            .order_by(CaseEntry.id)
        )
        if older_than is not None:
            query = query.where(CaseEntry.id < older_than)
        async with self._sessions() as db:
            return [(entry_id, text, name) for entry_id, text, name in (await db.execute(query)).all()]

    async def last_entry(self, case_id: int, kind: EntryKind | None = None) -> CaseEntry | None:
        query = select(CaseEntry).where(CaseEntry.case_id == case_id)
        if kind is not None:
            query = query.where(CaseEntry.kind == kind.value)
        async with self._sessions() as db:
            return await db.scalar(query.order_by(CaseEntry.id.desc()).limit(1))

    async def staff_name(self, staff_id: int | None) -> str | None:
        async with self._sessions() as db:
            return await queue.staff_name(db, staff_id)

    async def resolution(self, case_id: int) -> str | None:
        async with self._sessions() as db:
            case = await db.get(Case, case_id)
            return case.resolution if case is not None else None
