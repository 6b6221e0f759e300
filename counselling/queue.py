"""Case operations inside the caller's transaction: open, relay, claim, reply, transfer, note, close, rate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.staff.models import Role, StaffUser
from counselling.models import (
    CASE_IS_OPEN,
    OPEN_STATUSES,
    Case,
    CaseEntry,
    CaseStatus,
    Delivery,
    EntryKind,
    Reason,
    Resolution,
)
from counselling.priority import priority_of

# Files a client sends during a case are kept in the database; larger ones are refused with a reason.
MAX_FILE_BYTES = 10 * 1024 * 1024
# A counsellor's reply or note; channels split long replies into several messages.
MAX_STAFF_TEXT = 8_000


class CaseRefusal(StrEnum):
    """Why an action on a case was refused: each has its own message in the console."""

    NOT_FOUND = "not_found"
    CLOSED = "closed"
    TAKEN = "taken"  # another counsellor has it
    NOT_YOURS = "not_yours"  # only the assigned counsellor (or an admin) may do this
    EMPTY = "empty"
    TOO_LONG = "too_long"
    BAD_TARGET = "bad_target"  # transfer to someone who cannot take cases
    BAD_RESOLUTION = "bad_resolution"


class CaseError(ValueError):
    def __init__(self, refusal: CaseRefusal, holder: str | None = None) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal
        self.holder = holder  # the counsellor who has the case, for "taken by ..."


class EventCode(StrEnum):
    """What the EVENT entries of a timeline record (text column); the console translates them."""

    OPENED = "opened"
    ESCALATED_AGAIN = "escalated_again"
    CLAIMED = "claimed"
    TRANSFERRED = "transferred"
    CLOSED = "closed"
    CLIENT_LEFT = "client_left"
    RATED = "rated"
    UNREADABLE = (
        "unreadable"  # the client sent something we cannot keep (sticker, voice...): detail says what
    )
    FILE_TOO_LARGE = "file_too_large"
    # The person linked two chat apps and had a case open in each (counselling/merge.py): detail `#<id>`.
    JOINED = "joined"  # the other case's timeline continues here
    JOINED_INTO = "joined_into"  # this case was closed as a duplicate of that one


@dataclass(frozen=True)
class Opened:
    case: Case
    created: bool  # False: the hand-off was added to the client's open case
    raised: bool  # the priority went up (a new urgent topic on an open case)


@dataclass(frozen=True)
class Actor:
    """The staff member acting; admins may act on any case."""

    staff_id: int
    role: Role
    name: str

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


# Built once, as building the statement cost more than running it. (Every inbound message learns of an
# open case with its client instead: bot/clients/repository.py.)
_OPEN_CASE_OF = select(Case).where(Case.client_id == bindparam("of_client"), CASE_IS_OPEN)


async def open_case_of(db: AsyncSession, client_id: int) -> Case | None:
    return (await db.execute(_OPEN_CASE_OF, {"of_client": client_id})).scalar_one_or_none()


async def get_case(db: AsyncSession, case_id: int, *, for_update: bool = False) -> Case:
    query = select(Case).where(Case.id == case_id)
    if for_update:
        query = query.with_for_update()
    case = (await db.execute(query)).scalar_one_or_none()
    if case is None:
        raise CaseError(CaseRefusal.NOT_FOUND)
    return case


async def open_case(
    db: AsyncSession,
    *,
    client_id: int,
    user_ref: str,
    channel: str,
    locale: str,
    topic: str | None,
    reason: Reason,
    context: dict[str, Any],
    now: datetime,
) -> Opened:
    """A new case, or the client's open one with this hand-off added (one open case per client)."""
    priority = priority_of(topic)
    existing = await open_case_of(db, client_id)
    if existing is None:
        case = Case(
            client_id=client_id,
            user_ref=user_ref,
            channel=channel,
            locale=locale,
            topic=topic,
            reason=reason.value,
            priority=int(priority),
            status=CaseStatus.WAITING.value,
            context=context,
            opened_at=now,
            last_client_at=now,
        )
        try:
            async with db.begin_nested():
                db.add(case)
                await db.flush()
        except IntegrityError:
            # Another process opened one a moment ago (the unique index said so): join that one.
            existing = await open_case_of(db, client_id)
            if existing is None:
                raise
        else:
            _add_entry(db, case, EntryKind.EVENT, EventCode.OPENED, detail=topic or reason.value, at=now)
            return Opened(case, created=True, raised=False)
    raised = int(priority) < existing.priority
    if raised:
        existing.priority = int(priority)
        existing.topic = topic
    elif existing.topic is None:
        existing.topic = topic
    existing.user_ref, existing.channel, existing.locale = user_ref, channel, locale
    existing.last_client_at = now
    _add_entry(db, existing, EntryKind.EVENT, EventCode.ESCALATED_AGAIN, detail=topic or reason.value, at=now)
    return Opened(existing, created=False, raised=raised)


async def add_client_message(
    db: AsyncSession,
    case: Case,
    text: str,
    *,
    now: datetime,
    user_ref: str | None = None,
    file: tuple[str, str, bytes] | None = None,
) -> CaseEntry:
    """What the client wrote (or sent) during the case; the case is theirs to answer again."""
    if user_ref is not None:
        case.user_ref = user_ref  # replies follow the client to the channel they wrote from last
    case.last_client_at = now
    case.unreachable_at = None
    if case.status == CaseStatus.WAITING_CLIENT.value:
        case.status = CaseStatus.ASSIGNED.value
    entry = _add_entry(db, case, EntryKind.CLIENT, text, at=now)
    if file is not None and len(file[2]) > MAX_FILE_BYTES:
        _add_entry(db, case, EntryKind.EVENT, EventCode.FILE_TOO_LARGE, detail=file[0][:255], at=now)
    elif file is not None:
        entry.file_name, entry.file_type, entry.file_content = file[0][:255], file[1][:127], file[2]
        entry.file_size = len(file[2])
    await db.flush()
    return entry


async def note_unreadable(db: AsyncSession, case: Case, what: str, now: datetime) -> None:
    """A sticker or voice note during a case: the counsellor sees that something came, and what."""
    case.last_client_at = now
    _add_entry(db, case, EntryKind.EVENT, EventCode.UNREADABLE, detail=what[:255], at=now)


async def claim(db: AsyncSession, case_id: int, actor: Actor, now: datetime) -> Case:
    """Take a waiting case; of two counsellors claiming at once, the database lets exactly one win."""
    result = await db.execute(
        update(Case)
        .where(Case.id == case_id, Case.status == CaseStatus.WAITING.value, Case.counsellor_id.is_(None))
        .values(counsellor_id=actor.staff_id, status=CaseStatus.ASSIGNED.value, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    case = await get_case(db, case_id)
    await db.refresh(case)
    if result.rowcount != 1:  # type: ignore[attr-defined]
        if case.status == CaseStatus.CLOSED.value:
            raise CaseError(CaseRefusal.CLOSED)
        if case.counsellor_id == actor.staff_id:
            return case  # pressed twice: it is already theirs
        raise CaseError(CaseRefusal.TAKEN, await staff_name(db, case.counsellor_id))
    _add_entry(db, case, EntryKind.EVENT, EventCode.CLAIMED, staff_id=actor.staff_id, at=now)
    return case


async def reply(
    db: AsyncSession, case_id: int, actor: Actor, text: str, now: datetime
) -> tuple[Case, CaseEntry]:
    """Record a counsellor's reply for delivery; a waiting case is claimed by replying to it."""
    text = _staff_text(text)
    case = await get_case(db, case_id)
    if case.status == CaseStatus.CLOSED.value:
        raise CaseError(CaseRefusal.CLOSED)
    if case.counsellor_id is None:
        case = await claim(db, case_id, actor, now)
    elif case.counsellor_id != actor.staff_id and not actor.is_admin:
        raise CaseError(CaseRefusal.NOT_YOURS, await staff_name(db, case.counsellor_id))
    if case.first_response_at is None:
        case.first_response_at = now
    case.status = CaseStatus.WAITING_CLIENT.value
    entry = _add_entry(db, case, EntryKind.COUNSELLOR, text, staff_id=actor.staff_id, at=now)
    await db.flush()
    return case, entry


async def record_delivery(db: AsyncSession, entry_id: int, delivery: Delivery, now: datetime) -> None:
    """After sending: whether the reply reached the client; a blocked bot shows on the case."""
    entry = await db.get(CaseEntry, entry_id)
    if entry is None:
        return
    entry.delivery = delivery.value
    case = await db.get(Case, entry.case_id)
    if case is not None and delivery is Delivery.BLOCKED:
        case.unreachable_at = now


async def add_note(db: AsyncSession, case_id: int, actor: Actor, text: str, now: datetime) -> CaseEntry:
    """An internal note; the client never sees it. Allowed on closed cases too, for the record."""
    text = _staff_text(text)
    case = await get_case(db, case_id)
    entry = _add_entry(db, case, EntryKind.NOTE, text, staff_id=actor.staff_id, at=now)
    await db.flush()
    return entry


async def transfer(db: AsyncSession, case_id: int, actor: Actor, to_staff_id: int, now: datetime) -> Case:
    """Hand an open case to another counsellor (the holder or an admin may; a waiting case, anyone)."""
    case = await get_case(db, case_id, for_update=True)
    if case.status == CaseStatus.CLOSED.value:
        raise CaseError(CaseRefusal.CLOSED)
    if case.counsellor_id not in (None, actor.staff_id) and not actor.is_admin:
        raise CaseError(CaseRefusal.NOT_YOURS, await staff_name(db, case.counsellor_id))
    target = await db.get(StaffUser, to_staff_id)
    if target is None or not target.active or target.role not in (Role.COUNSELLOR.value, Role.ADMIN.value):
        raise CaseError(CaseRefusal.BAD_TARGET)
    if target.id == case.counsellor_id:
        return case
    case.counsellor_id = target.id
    case.claimed_at = case.claimed_at or now
    if case.status == CaseStatus.WAITING.value:
        case.status = CaseStatus.ASSIGNED.value
    _add_entry(
        db,
        case,
        EntryKind.EVENT,
        EventCode.TRANSFERRED,
        staff_id=actor.staff_id,
        detail=target.display_name,
        at=now,
    )
    return case


async def close(db: AsyncSession, case_id: int, actor: Actor, resolution: str, now: datetime) -> Case:
    """Close with a resolution category; the holder or an admin may (a waiting case: anyone)."""
    if resolution not in {r.value for r in Resolution} or resolution == Resolution.CLIENT_LEFT.value:
        raise CaseError(CaseRefusal.BAD_RESOLUTION)
    case = await get_case(db, case_id, for_update=True)
    if case.status == CaseStatus.CLOSED.value:
        raise CaseError(CaseRefusal.CLOSED)
    if case.counsellor_id not in (None, actor.staff_id) and not actor.is_admin:
        raise CaseError(CaseRefusal.NOT_YOURS, await staff_name(db, case.counsellor_id))
    _close(case, resolution, now)
    _add_entry(
        db, case, EntryKind.EVENT, EventCode.CLOSED, staff_id=actor.staff_id, detail=resolution, at=now
    )
    return case


async def leave(db: AsyncSession, case: Case, now: datetime) -> None:
    """The client went back to the assistant: the case closes, and the counsellor sees why."""
    _close(case, Resolution.CLIENT_LEFT.value, now)
    _add_entry(db, case, EntryKind.EVENT, EventCode.CLIENT_LEFT, at=now)


async def rate(db: AsyncSession, case_id: int, client_id: int, score: int, now: datetime) -> Case | None:
    """The client's answer to the satisfaction question: only their own closed case, only once."""
    case = await db.get(Case, case_id)
    if case is None or case.client_id != client_id or case.status != CaseStatus.CLOSED.value:
        return None
    if case.satisfaction is not None or not 1 <= score <= 5:
        return None
    case.satisfaction = score
    _add_entry(db, case, EntryKind.EVENT, EventCode.RATED, detail=str(score), at=now)
    return case


async def entries_of(db: AsyncSession, case_id: int) -> Sequence[CaseEntry]:
    return (
        (await db.execute(select(CaseEntry).where(CaseEntry.case_id == case_id).order_by(CaseEntry.id)))
        .scalars()
        .all()
    )


async def file_of(db: AsyncSession, case_id: int, entry_id: int) -> CaseEntry | None:
    """A client's file with its content, for the console's download link."""
    entry = await db.get(CaseEntry, entry_id, options=[])
    if entry is None or entry.case_id != case_id or entry.file_name is None:
        return None
    await db.refresh(entry, ["file_content"])
    return entry


async def staff_name(db: AsyncSession, staff_id: int | None) -> str | None:
    if staff_id is None:
        return None
    user = await db.get(StaffUser, staff_id)
    return user.display_name if user is not None else None


async def waiting_ahead(db: AsyncSession, case: Case) -> int:
    """Open cases without a counsellor that go before this one (higher priority, or same and older)."""
    query = select(func.count(Case.id)).where(
        Case.status == CaseStatus.WAITING.value,
        Case.id != case.id,
        (Case.priority < case.priority)
        | ((Case.priority == case.priority) & (Case.opened_at <= case.opened_at)),
    )
    return int((await db.execute(query)).scalar_one())


async def open_cases(db: AsyncSession) -> Sequence[Case]:
    """The open queue in the order counsellors should take it: priority, then age."""
    query = (
        select(Case)
        .where(Case.status.in_([s.value for s in OPEN_STATUSES]))
        .order_by(Case.priority, Case.opened_at, Case.id)
    )
    return (await db.execute(query)).scalars().all()


async def purge_closed_before(db: AsyncSession, cutoff: datetime) -> int:
    """Retention: the words and files of cases closed before `cutoff` go; the numbers for statistics stay."""
    closed = select(Case.id).where(Case.status == CaseStatus.CLOSED.value, Case.closed_at < cutoff)
    result = await db.execute(delete(CaseEntry).where(CaseEntry.case_id.in_(closed)))
    await db.execute(
        update(Case)
        .where(Case.status == CaseStatus.CLOSED.value, Case.closed_at < cutoff)
        .values(context={})
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def forget_client(db: AsyncSession, client_id: int, now: datetime) -> int:
    """Consent withdrawn: their cases close and lose every word and file; returns the entries deleted."""
    case = await open_case_of(db, client_id)
    if case is not None:
        await leave(db, case, now)
    theirs = select(Case.id).where(Case.client_id == client_id)
    result = await db.execute(delete(CaseEntry).where(CaseEntry.case_id.in_(theirs)))
    await db.execute(
        update(Case)
        .where(Case.client_id == client_id)
        .values(context={})
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _close(case: Case, resolution: str, now: datetime) -> None:
    case.status = CaseStatus.CLOSED.value
    case.resolution = resolution
    case.closed_at = now


def _staff_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise CaseError(CaseRefusal.EMPTY)
    if len(text) > MAX_STAFF_TEXT:
        raise CaseError(CaseRefusal.TOO_LONG)
    return text


def _add_entry(
    db: AsyncSession,
    case: Case,
    kind: EntryKind,
    text: str,
    *,
    staff_id: int | None = None,
    detail: str | None = None,
    at: datetime,
) -> CaseEntry:
    entry = CaseEntry(
        case_id=case.id, kind=kind.value, text=text, staff_id=staff_id, detail=detail, created_at=at
    )
    db.add(entry)
    return entry
