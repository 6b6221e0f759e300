"""The counsellor queue's rules in the database, on SQLite and PostgreSQL: what counsellors rely on."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clients.repository import ClientRepository
from bot.core.notifier import Delivered
from bot.db.session import create_engine, create_session_factory
from bot.staff.models import Role, StaffUser
from counselling import queue
from counselling.desk import CaseDesk, queue_rows
from counselling.events import CaseEvent, MemoryCaseEvents
from counselling.models import Case, CaseEntry, CaseStatus, Delivery, Priority, Reason
from counselling.priority import SlaPolicy, SlaState, parse_sla
from counselling.queue import Actor, CaseError, CaseRefusal

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
SLA = SlaPolicy(parse_sla("urgent=15,high=60,normal=240"))
CLAIMERS = 12


@dataclass
class Desk:
    sessions: async_sessionmaker[AsyncSession]
    desk: CaseDesk
    sent: list[tuple[str, int]]
    events: list[CaseEvent]
    staff: list[Actor]
    admin: Actor
    clients: list[int]
    outcome: Delivered = Delivered.SENT


@pytest.fixture
async def desk(database_url: str) -> AsyncIterator[Desk]:
    pool = {} if database_url.startswith("sqlite") else {"pool_size": CLAIMERS, "max_overflow": 2}
    engine = create_engine(database_url, pool_timeout=60, **pool)
    sessions = create_session_factory(engine)
    async with sessions() as s, s.begin():
        members = [
            StaffUser(
                email=f"c{n}@centre.test",
                display_name=f"Counsellor {n}",
                password_hash="x",
                role="counsellor",
            )
            for n in range(CLAIMERS)
        ]
        boss = StaffUser(email="admin@centre.test", display_name="Admin", password_hash="x", role="admin")
        s.add_all([*members, boss])
        await s.flush()
        clients = []
        for n in range(4):
            thread = await ClientRepository(s).get_or_create(f"web:client-{n}")
            clients.append(thread.client.id)
    events = MemoryCaseEvents()
    state = Desk(
        sessions,
        None,  # type: ignore[arg-type]
        [],
        [],
        [Actor(m.id, Role.COUNSELLOR, m.display_name) for m in members],
        Actor(boss.id, Role.ADMIN, "Admin"),
        clients,
    )

    async def deliver(user_ref: str, replies: object) -> Delivered:
        state.sent.append((user_ref, len(replies)))  # type: ignore[arg-type]
        return state.outcome

    state.desk = CaseDesk(sessions, deliver, events, SLA, clock=lambda: NOW)

    class Recorder:
        async def mirror(self, event: CaseEvent) -> None:
            state.events.append(event)

    state.desk.mirrors.add(Recorder())
    await state.desk.mirrors.start()
    yield state
    await state.desk.mirrors.stop()
    await engine.dispose()


async def open_for(d: Desk, client: int, topic: str | None, *, at: datetime = NOW) -> queue.Opened:
    async with d.sessions() as s, s.begin():
        return await queue.open_case(
            s,
            client_id=d.clients[client],
            user_ref=f"web:client-{client}",
            channel="web",
            locale="uk",
            topic=topic,
            reason=Reason.ESCALATION if topic and topic.startswith("legal_") else Reason.REQUEST,
            context={"before": [], "intents": [[topic, 0.9]]},
            now=at,
        )


async def test_one_open_case_per_client_and_a_second_escalation_joins_it(desk: Desk) -> None:
    first = await open_for(desk, 0, "talk_to_human")
    again = await open_for(desk, 0, "legal_detention")
    assert first.created
    assert not again.created
    assert again.case.id == first.case.id
    assert again.raised  # the new urgent topic lifts it
    assert again.case.priority == Priority.URGENT
    async with desk.sessions() as s:
        assert await s.scalar(select(func.count(Case.id))) == 1


async def test_the_database_refuses_a_second_open_case_for_the_same_client(desk: Desk) -> None:
    await open_for(desk, 0, None)
    with pytest.raises(IntegrityError):
        async with desk.sessions() as s, s.begin():
            s.add(
                Case(
                    client_id=desk.clients[0],
                    user_ref="web:client-0",
                    channel="web",
                    locale="uk",
                    reason="request",
                    context={},
                )
            )


async def test_urgent_cases_go_first_then_by_age(desk: Desk) -> None:
    await open_for(desk, 0, "talk_to_human", at=NOW - timedelta(hours=2))
    await open_for(desk, 1, "legal_asylum", at=NOW - timedelta(minutes=61))
    await open_for(desk, 2, "legal_detention", at=NOW - timedelta(minutes=1))
    async with desk.sessions() as s:
        rows = await queue_rows(s, SLA, NOW)
    assert [r.topic for r in rows] == ["legal_detention", "legal_asylum", "talk_to_human"]
    assert [r.priority for r in rows] == [Priority.URGENT, Priority.HIGH, Priority.NORMAL]
    assert rows[1].sla is SlaState.BREACHED  # a high case waiting an hour is past its 60 minutes
    assert rows[2].sla is SlaState.OK


async def test_of_many_counsellors_claiming_at_once_exactly_one_gets_the_case(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, "legal_detention")).case.id
    results = await asyncio.gather(
        *(desk.desk.claim(case_id, actor) for actor in desk.staff), return_exceptions=True
    )
    winners = [r for r in results if isinstance(r, Case)]
    losers = [r for r in results if isinstance(r, CaseError)]
    assert len(winners) == 1, results
    assert len(losers) == CLAIMERS - 1
    assert {e.refusal for e in losers} == {CaseRefusal.TAKEN}
    async with desk.sessions() as s:
        case = await queue.get_case(s, case_id)
        claims = await s.scalar(
            select(func.count(CaseEntry.id)).where(CaseEntry.case_id == case_id, CaseEntry.text == "claimed")
        )
    assert case.counsellor_id == winners[0].counsellor_id
    assert {e.holder for e in losers} == {
        next(a.name for a in desk.staff if a.staff_id == case.counsellor_id)
    }
    assert claims == 1
    assert [u for u, _ in desk.sent] == ["web:client-0"]  # the client hears once that someone took it


async def test_reply_claims_a_waiting_case_and_records_first_response(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, "legal_expulsion")).case.id
    delivery = await desk.desk.reply(case_id, desk.staff[0], "  Please send a photo of the decision.  ")
    assert delivery is Delivery.SENT
    async with desk.sessions() as s:
        case = await queue.get_case(s, case_id)
        entries = await queue.entries_of(s, case_id)
    assert case.counsellor_id == desk.staff[0].staff_id
    assert case.status == CaseStatus.WAITING_CLIENT.value
    assert case.first_response_at == NOW
    reply = entries[-1]
    assert (reply.kind, reply.text, reply.delivery) == (
        "counsellor",
        "Please send a photo of the decision.",
        "sent",
    )


async def test_only_the_holder_or_an_admin_replies_transfers_or_closes(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, None)).case.id
    holder, other = desk.staff[0], desk.staff[1]
    await desk.desk.claim(case_id, holder)
    for action in (
        desk.desk.reply(case_id, other, "hello"),
        desk.desk.transfer(case_id, other, other.staff_id),
        desk.desk.close(case_id, other, "answered"),
    ):
        with pytest.raises(CaseError) as refused:
            await action
        assert refused.value.refusal is CaseRefusal.NOT_YOURS
        assert refused.value.holder == holder.name
    await desk.desk.transfer(case_id, desk.admin, other.staff_id)
    await desk.desk.reply(case_id, other, "I have your case now.")
    await desk.desk.close(case_id, other, "referred")
    async with desk.sessions() as s:
        case = await queue.get_case(s, case_id)
    assert (case.status, case.resolution, case.counsellor_id) == ("closed", "referred", other.staff_id)


async def test_closed_cases_refuse_replies_claims_and_a_second_close(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, None)).case.id
    await desk.desk.close(case_id, desk.staff[0], "answered")
    for action in (
        desk.desk.reply(case_id, desk.staff[0], "late"),
        desk.desk.claim(case_id, desk.staff[1]),
        desk.desk.close(case_id, desk.staff[0], "answered"),
    ):
        with pytest.raises(CaseError) as refused:
            await action
        assert refused.value.refusal is CaseRefusal.CLOSED


async def test_bad_staff_input_is_refused_with_its_reason(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, None)).case.id
    cases = [
        (desk.desk.reply(case_id, desk.staff[0], "   "), CaseRefusal.EMPTY),
        (desk.desk.reply(case_id, desk.staff[0], "x" * (queue.MAX_STAFF_TEXT + 1)), CaseRefusal.TOO_LONG),
        (desk.desk.close(case_id, desk.staff[0], "client_left"), CaseRefusal.BAD_RESOLUTION),
        (desk.desk.close(case_id, desk.staff[0], "whatever"), CaseRefusal.BAD_RESOLUTION),
        (desk.desk.transfer(case_id, desk.staff[0], 999_999), CaseRefusal.BAD_TARGET),
        (desk.desk.claim(999_999, desk.staff[0]), CaseRefusal.NOT_FOUND),
    ]
    for action, refusal in cases:
        with pytest.raises(CaseError) as refused:
            await action
        assert refused.value.refusal is refusal


async def test_a_client_who_blocked_the_bot_shows_on_the_case(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, None)).case.id
    desk.outcome = Delivered.UNREACHABLE
    assert await desk.desk.reply(case_id, desk.staff[0], "Are you there?") is Delivery.BLOCKED
    async with desk.sessions() as s:
        case = await queue.get_case(s, case_id)
        entries = await queue.entries_of(s, case_id)
        rows = await queue_rows(s, SLA, NOW)
    assert case.unreachable_at == NOW
    assert entries[-1].delivery == "blocked"
    assert rows[0].unreachable
    # When the client writes again, they are reachable again.
    async with desk.sessions() as s, s.begin():
        case = await queue.get_case(s, case_id)
        await queue.add_client_message(s, case, "sorry, I was away", now=NOW)
    async with desk.sessions() as s:
        assert (await queue.get_case(s, case_id)).unreachable_at is None


async def test_closing_asks_the_client_once_and_only_they_can_rate_once(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, None)).case.id
    await desk.desk.close(case_id, desk.staff[0], "answered")
    assert desk.sent[-1] == ("web:client-0", 2)  # thanks, then the satisfaction question
    async with desk.sessions() as s, s.begin():
        assert await queue.rate(s, case_id, desk.clients[1], 5, NOW) is None  # someone else's case
        assert await queue.rate(s, case_id, desk.clients[0], 9, NOW) is None  # not a score
        assert await queue.rate(s, case_id, desk.clients[0], 4, NOW) is not None
        assert await queue.rate(s, case_id, desk.clients[0], 1, NOW) is None  # the first answer stands
    async with desk.sessions() as s:
        assert (await queue.get_case(s, case_id)).satisfaction == 4


async def test_files_are_kept_and_oversized_ones_are_recorded_not_lost(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, None)).case.id
    async with desk.sessions() as s, s.begin():
        case = await queue.get_case(s, case_id)
        kept = await queue.add_client_message(
            s, case, "my decision", now=NOW, file=("d.jpg", "image/jpeg", b"\xff" * 10)
        )
        big = b"0" * (queue.MAX_FILE_BYTES + 1)
        await queue.add_client_message(s, case, "", now=NOW, file=("huge.pdf", "application/pdf", big))
        kept_id = kept.id
    async with desk.sessions() as s:
        stored = await queue.file_of(s, case_id, kept_id)
        entries = await queue.entries_of(s, case_id)
    assert stored is not None
    assert (stored.file_content, stored.file_type) == (b"\xff" * 10, "image/jpeg")
    assert [(e.kind, e.text, e.detail) for e in entries][-1] == ("event", "file_too_large", "huge.pdf")


async def test_sla_alerts_near_and_past_the_target_without_repeating_every_minute(desk: Desk) -> None:
    urgent = (await open_for(desk, 0, "legal_detention", at=NOW - timedelta(minutes=12))).case.id
    await open_for(desk, 1, None, at=NOW - timedelta(minutes=10))  # normal: far from 4 hours
    assert await desk.desk.sla_round() == 1  # 12 of 15 minutes: near
    await desk.desk.mirrors.idle()
    assert [(e.kind, e.case_id, e.alert) for e in desk.events] == [("sla", urgent, True)]
    assert await desk.desk.sla_round() == 0  # already alerted
    later = NOW + timedelta(minutes=5)
    desk.desk.clock = lambda: later  # breached now, but the last alert was 5 minutes ago
    assert await desk.desk.sla_round() == 0
    desk.desk.clock = lambda: NOW + timedelta(minutes=31)
    assert await desk.desk.sla_round() == 1  # still unanswered 30 minutes after the alert


async def test_expected_wait_grows_with_the_queue_ahead(desk: Desk) -> None:
    await open_for(desk, 0, "talk_to_human", at=NOW - timedelta(minutes=30))
    later = await open_for(desk, 1, "talk_to_human")
    async with desk.sessions() as s:
        wait_second = await desk.desk.expected_wait(s, later.case)
    assert wait_second == 2 * SLA.target(Priority.NORMAL)  # no history yet: the target per case ahead


async def test_retention_removes_words_of_old_closed_cases_but_keeps_numbers(desk: Desk) -> None:
    case_id = (await open_for(desk, 0, None)).case.id
    await desk.desk.reply(case_id, desk.staff[0], "private words")
    await desk.desk.close(case_id, desk.staff[0], "answered")
    async with desk.sessions() as s, s.begin():
        assert await queue.purge_closed_before(s, NOW - timedelta(days=1)) == 0  # closed just now: kept
        assert await queue.purge_closed_before(s, NOW + timedelta(days=1)) > 0
    async with desk.sessions() as s:
        case = await queue.get_case(s, case_id)
        assert await queue.entries_of(s, case_id) == []
    assert case.context == {}
    assert (case.first_response_at, case.resolution) == (NOW, "answered")
