"""One person, two clients: joining their cases when they link two chat apps (one open case per client)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from counselling.models import CASE_IS_OPEN, Case, CaseEntry, CaseStatus, EntryKind, Resolution
from counselling.queue import EventCode, open_case_of


@dataclass(frozen=True)
class CaseRef:
    id: int
    priority: int


@dataclass(frozen=True)
class MergedCases:
    moved: int  # cases that now belong to the kept client (the closed duplicate included)
    closed: CaseRef | None = None  # both were open: this one was closed as a duplicate...
    joined: CaseRef | None = None  # ...and its timeline joined this one


async def merge_cases(db: AsyncSession, keep_id: int, drop_id: int, now: datetime) -> MergedCases:
    """Give `keep_id` every case of `drop_id`; two open ones become one, the other closed as a duplicate."""
    kept = await open_case_of(db, keep_id)
    dropped = await open_case_of(db, drop_id)
    closed = joined = None
    if kept is not None and dropped is not None:
        await db.execute(update(CaseEntry).where(CaseEntry.case_id == dropped.id).values(case_id=kept.id))
        _join(db, kept, dropped, now)
        await db.flush()  # closed before it moves: the database allows one open case per client
        closed, joined = CaseRef(dropped.id, dropped.priority), CaseRef(kept.id, kept.priority)
    result = await db.execute(update(Case).where(Case.client_id == drop_id).values(client_id=keep_id))
    return MergedCases(int(getattr(result, "rowcount", 0) or 0), closed, joined)


def _join(db: AsyncSession, kept: Case, dropped: Case, now: datetime) -> None:
    """The dropped case's words and files continue in the kept one, with what it knew of the client."""
    if dropped.priority < kept.priority:
        kept.priority, kept.topic = dropped.priority, dropped.topic
    elif kept.topic is None:
        kept.topic = dropped.topic
    if kept.counsellor_id is None and dropped.counsellor_id is not None:
        # A counsellor already talking with the person keeps them.
        kept.counsellor_id, kept.claimed_at, kept.status = (
            dropped.counsellor_id,
            dropped.claimed_at,
            dropped.status,
        )
    kept.first_response_at = kept.first_response_at or dropped.first_response_at
    if dropped.last_client_at is not None and (
        kept.last_client_at is None or dropped.last_client_at > kept.last_client_at
    ):
        kept.last_client_at = dropped.last_client_at
        kept.user_ref, kept.channel = dropped.user_ref, dropped.channel  # replies go where they wrote last
    dropped.status, dropped.resolution, dropped.closed_at = (
        CaseStatus.CLOSED.value,
        Resolution.DUPLICATE.value,
        now,
    )
    for case, code, other in ((kept, EventCode.JOINED, dropped), (dropped, EventCode.JOINED_INTO, kept)):
        db.add(
            CaseEntry(
                case_id=case.id, kind=EntryKind.EVENT.value, text=code, detail=f"#{other.id}", created_at=now
            )
        )


async def follow_identity(db: AsyncSession, client_id: int, old_ref: str, new_ref: str) -> None:
    """An app was disconnected from the client: replies to their open case go to one they kept."""
    await db.execute(
        update(Case)
        .where(Case.client_id == client_id, CASE_IS_OPEN, Case.user_ref == old_ref)
        .values(user_ref=new_ref, channel=new_ref.partition(":")[0])
    )
