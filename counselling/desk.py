"""CaseDesk: each staff action on a case in one transaction, then the client, the consoles and the group."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.notifier import Delivered
from bot.db.base import utcnow
from bot.i18n.msg import Msg
from bot.staff.models import StaffUser
from counselling import queue
from counselling.events import CaseEvent, CaseEvents
from counselling.mirrors import CaseMirrors
from counselling.models import OPEN_STATUSES, Case, CaseStatus, Delivery, Priority
from counselling.priority import SlaPolicy, SlaState
from counselling.queue import Actor

log = structlog.get_logger(__name__)

Deliver = Callable[[str, Sequence[Reply]], Awaitable[Delivered]]
LEAVE_PAYLOAD = "case:leave"
# A case past its target is alerted again at most this often, so a long night does not become a siren.
REALERT_EVERY = timedelta(minutes=30)


@dataclass(frozen=True)
class QueueRow:
    """One open case as the queue page and the CLI list it."""

    id: int
    priority: Priority
    topic: str | None
    reason: str
    locale: str
    channel: str
    status: CaseStatus
    opened_at: datetime
    waiting: timedelta
    counsellor_id: int | None
    counsellor: str | None
    sla: SlaState
    due_at: datetime
    unreachable: bool


def leave_choice() -> Choice:
    return choice(LEAVE_PAYLOAD, Msg.CASE_LEAVE_BUTTON)


def rating_choices(case_id: int) -> tuple[Choice, ...]:
    labels = (Msg.CASE_RATE_5, Msg.CASE_RATE_4, Msg.CASE_RATE_3, Msg.CASE_RATE_2, Msg.CASE_RATE_1)
    return tuple(choice(f"case:rate:{case_id}:{5 - n}", label) for n, label in enumerate(labels))


class CaseDesk:
    """Staff actions and the work that follows a client's hand-off; the web and Telegram layers call it."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        deliver: Deliver,
        events: CaseEvents,
        sla: SlaPolicy,
        *,
        mirrors: CaseMirrors | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._deliver = deliver
        self.events = events
        # Other places showing cases (the staff group), told of every event here off the caller's path.
        self.mirrors = mirrors or CaseMirrors()
        self.sla = sla
        self.clock = clock  # tests set it, as they set the scheduler's

    def now(self) -> datetime:
        return self.clock()

    # --- after the dialog engine committed a client's message -------------------------------------

    async def opened(self, case_id: int, priority: int, *, created: bool, raised: bool) -> None:
        """A hand-off was saved: consoles update, and urgent ones alert everyone on duty."""
        alert = (created or raised) and priority == Priority.URGENT
        await self._announce(CaseEvent("opened" if created else "escalated", case_id, priority, alert))

    async def client_wrote(self, case_id: int, priority: int, entry_id: int | None) -> None:
        await self._announce(CaseEvent("message", case_id, priority, entry_id=entry_id))

    async def client_left(self, case_id: int, priority: int) -> None:
        await self._announce(CaseEvent("left", case_id, priority))

    async def client_rated(self, case_id: int, priority: int) -> None:
        await self._announce(CaseEvent("rated", case_id, priority))

    async def cases_joined(
        self, closed_id: int, closed_priority: int, kept_id: int, kept_priority: int
    ) -> None:
        """The client linked two chat apps with a case open in each: one goes on, the other closed."""
        await self._announce(CaseEvent("joined_into", closed_id, closed_priority))
        await self._announce(CaseEvent("joined", kept_id, kept_priority))

    # --- staff actions -------------------------------------------------------------------------------

    async def claim(self, case_id: int, actor: Actor) -> Case:
        async with self._sessions() as db, db.begin():
            already_theirs = (await queue.get_case(db, case_id)).counsellor_id == actor.staff_id
            case = await queue.claim(db, case_id, actor, self.now())
            user_ref, priority = case.user_ref, case.priority
        if already_theirs:
            return case  # pressed twice: nobody needs to hear it again
        await self._announce(CaseEvent("claimed", case_id, priority))
        await self._tell_client(
            case_id, user_ref, [Reply.of(Msg.CASE_CLAIMED, (leave_choice(),), name=actor.name)]
        )
        return case

    async def reply(self, case_id: int, actor: Actor, text: str, *, origin: str | None = None) -> Delivery:
        """Record, then deliver on the client's channel; the outcome is kept on the entry and shown."""
        async with self._sessions() as db, db.begin():
            case, entry = await queue.reply(db, case_id, actor, text, self.now())
            user_ref, priority, entry_id, text = case.user_ref, case.priority, entry.id, entry.text
        # The counsellor's words verbatim: Fluent would cut a long placeable and read braces as syntax.
        lines = (
            Text(Msg.CASE_COUNSELLOR_SAYS, {"name": actor.name}),
            Text(Msg.CASE_COUNSELLOR_TEXT, {"text": text}, verbatim=True),
        )
        message = Reply(lines=lines, choices=(leave_choice(),))
        delivery = await self._tell_client(case_id, user_ref, [message], entry_id=entry_id)
        await self._announce(CaseEvent("reply", case_id, priority, entry_id=entry_id, origin=origin))
        return delivery

    async def note(self, case_id: int, actor: Actor, text: str, *, origin: str | None = None) -> None:
        async with self._sessions() as db, db.begin():
            entry = await queue.add_note(db, case_id, actor, text, self.now())
            case = await queue.get_case(db, case_id)
            priority, entry_id = case.priority, entry.id
        await self._announce(CaseEvent("note", case_id, priority, entry_id=entry_id, origin=origin))

    async def transfer(self, case_id: int, actor: Actor, to_staff_id: int) -> Case:
        async with self._sessions() as db, db.begin():
            case = await queue.transfer(db, case_id, actor, to_staff_id, self.now())
        await self._announce(CaseEvent("transferred", case_id, case.priority))
        return case

    async def close(self, case_id: int, actor: Actor, resolution: str) -> Case:
        """Close, then thank the client and ask the one satisfaction question."""
        async with self._sessions() as db, db.begin():
            case = await queue.close(db, case_id, actor, resolution, self.now())
            user_ref, priority = case.user_ref, case.priority
        await self._announce(CaseEvent("closed", case_id, priority))
        await self._tell_client(
            case_id,
            user_ref,
            [
                Reply.of(Msg.CASE_CLOSED_FOR_CLIENT),
                Reply.of(Msg.CASE_SATISFACTION_QUESTION, rating_choices(case_id)),
            ],
        )
        return case

    # --- reading -------------------------------------------------------------------------------------

    async def queue_rows(self, db: AsyncSession) -> list[QueueRow]:
        """The open queue in priority order, with SLA states, for the console."""
        return await queue_rows(db, self.sla, self.now())

    async def expected_wait(self, db: AsyncSession, case: Case) -> timedelta:
        """From the current queue: the cases ahead, each taking the recent median first response."""
        ahead = await queue.waiting_ahead(db, case)
        per_case = await recent_first_response(db, case.priority, self.now()) or self.sla.target(
            case.priority
        )
        return per_case * (ahead + 1)

    # --- SLA -----------------------------------------------------------------------------------------

    async def sla_round(self) -> int:
        """Alert again about cases near or past their first-response target; returns how many."""
        now = self.now()
        alerted: list[tuple[int, int]] = []
        async with self._sessions() as db, db.begin():
            query = select(Case).where(
                Case.status.in_([s.value for s in OPEN_STATUSES]), Case.first_response_at.is_(None)
            )
            for case in (await db.execute(query)).scalars():
                state = self.sla.state(case.priority, case.opened_at, None, now)
                if state not in (SlaState.NEAR, SlaState.BREACHED):
                    continue
                if case.sla_alerted_at is not None and (
                    now - case.sla_alerted_at < REALERT_EVERY
                    or (state is SlaState.NEAR and case.sla_alerted_at >= case.opened_at)
                ):
                    continue
                case.sla_alerted_at = now
                alerted.append((case.id, case.priority))
        for case_id, priority in alerted:
            await self._announce(CaseEvent("sla", case_id, priority, alert=True))
        if alerted:
            log.info("case_sla_alerts", cases=len(alerted))
        return len(alerted)

    # --- plumbing ------------------------------------------------------------------------------------

    async def _tell_client(
        self, case_id: int, user_ref: str, replies: Sequence[Reply], *, entry_id: int | None = None
    ) -> Delivery:
        delivered = await self._deliver(user_ref, replies)
        delivery = {
            Delivered.SENT: Delivery.SENT,
            Delivered.UNREACHABLE: Delivery.BLOCKED,
        }.get(delivered, Delivery.FAILED)
        if delivery is not Delivery.SENT:
            log.warning("case_delivery_failed", case=case_id, outcome=delivered.value)
        async with self._sessions() as db, db.begin():
            if entry_id is not None:
                await queue.record_delivery(db, entry_id, delivery, self.now())
            elif delivery is Delivery.BLOCKED:
                case = await db.get(Case, case_id)
                if case is not None:
                    case.unreachable_at = self.now()
        return delivery

    async def _announce(self, event: CaseEvent) -> None:
        await self.events.publish(event)
        # Queued, not awaited: the staff group is paced (about 20 posts a minute), and neither the
        # client's answer nor the counsellor's action may wait for its posts.
        self.mirrors.publish(event)


async def queue_rows(db: AsyncSession, sla: SlaPolicy, now: datetime) -> list[QueueRow]:
    """The open queue in priority order, with SLA states, for the console and the CLI."""
    cases = await queue.open_cases(db)
    names = await _names(db, {c.counsellor_id for c in cases if c.counsellor_id is not None})
    return [
        QueueRow(
            id=c.id,
            priority=Priority(c.priority),
            topic=c.topic,
            reason=c.reason,
            locale=c.locale,
            channel=c.channel,
            status=CaseStatus(c.status),
            opened_at=c.opened_at,
            waiting=now - c.opened_at,
            counsellor_id=c.counsellor_id,
            counsellor=names.get(c.counsellor_id) if c.counsellor_id is not None else None,
            sla=sla.state(c.priority, c.opened_at, c.first_response_at, now),
            due_at=sla.due_at(c.priority, c.opened_at),
            unreachable=c.unreachable_at is not None,
        )
        for c in cases
    ]


async def recent_first_response(db: AsyncSession, priority: int, now: datetime) -> timedelta | None:
    """The median first-response time of this priority's cases opened in the last 14 days."""
    rows = (
        await db.execute(
            select(Case.opened_at, Case.first_response_at).where(
                Case.priority == priority,
                Case.first_response_at.is_not(None),
                Case.opened_at >= now - timedelta(days=14),
            )
        )
    ).all()
    waits = sorted(first - opened for opened, first in rows if first is not None)
    return waits[len(waits) // 2] if waits else None


async def _names(db: AsyncSession, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = await db.execute(select(StaffUser.id, StaffUser.display_name).where(StaffUser.id.in_(ids)))
    return {staff_id: name for staff_id, name in rows.all()}
