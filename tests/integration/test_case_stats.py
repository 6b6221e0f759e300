"""Case statistics on SQLite and PostgreSQL: the numbers the statistics page shows a centre's manager."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clients.repository import ClientRepository
from bot.db.session import create_engine, create_session_factory
from bot.staff.models import Role, StaffUser
from counselling import queue
from counselling.models import Reason
from counselling.priority import SlaPolicy, parse_sla
from counselling.queue import Actor
from counselling.stats import Spread, case_stats, recently_closed

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
SLA = SlaPolicy(parse_sla("urgent=15,high=60,normal=240"))
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    yield create_session_factory(engine)
    await engine.dispose()


async def handle(
    sessions: async_sessionmaker[AsyncSession],
    n: int,
    topic: str | None,
    locale: str,
    *,
    opened: datetime,
    reply_after: timedelta | None = None,
    close_after: timedelta | None = None,
    rating: int | None = None,
) -> None:
    """One client's case, from opening to (maybe) a reply, closing and a rating."""
    async with sessions() as s, s.begin():
        member = StaffUser(
            email=f"s{n}@centre.test", display_name=f"S{n}", password_hash="x", role="counsellor"
        )
        s.add(member)
        thread = await ClientRepository(s).get_or_create(f"web:stats-{n}")
        await s.flush()
        actor = Actor(member.id, Role.COUNSELLOR, member.display_name)
        reason = Reason.ESCALATION if topic else Reason.FALLBACK
        case = (
            await queue.open_case(
                s,
                client_id=thread.client.id,
                user_ref=f"web:stats-{n}",
                channel="web",
                locale=locale,
                topic=topic,
                reason=reason,
                context={},
                now=opened,
            )
        ).case
        if reply_after is not None:
            await queue.reply(s, case.id, actor, "Hello", opened + reply_after)
        if close_after is not None:
            await queue.close(s, case.id, actor, "answered", opened + close_after)
            if rating is not None:
                assert await queue.rate(s, case.id, thread.client.id, rating, opened + close_after)


async def test_times_sla_and_satisfaction_per_topic_and_language(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    day = NOW - timedelta(days=1)
    # Three detention cases (urgent, 15 minutes): answered in 5 and 20 minutes, one still waiting past due.
    topic = "legal_detention"
    await handle(sessions, 1, topic, "uk", opened=day, reply_after=5 * MINUTE, close_after=HOUR, rating=5)
    await handle(
        sessions, 2, topic, "ru", opened=day, reply_after=20 * MINUTE, close_after=3 * HOUR, rating=2
    )
    await handle(sessions, 3, "legal_detention", "uk", opened=NOW - 30 * MINUTE)
    # Not understood, answered within its 4 hours; and one from before the period that must not count.
    await handle(sessions, 4, None, "vi", opened=day, reply_after=100 * MINUTE)
    await handle(sessions, 5, None, "vi", opened=NOW - timedelta(days=40), reply_after=MINUTE)

    async with sessions() as s:
        stats = await case_stats(s, NOW - timedelta(days=30), NOW + MINUTE, SLA, NOW)
        closed = await recently_closed(s)

    assert stats.total.cases == 4
    detention = next(g for g in stats.by_topic if g.key == "legal_detention")
    assert detention.cases == 3
    assert detention.first_response == Spread(12.5 * MINUTE, 20 * MINUTE, 2)
    assert detention.waiting == Spread(12.5 * MINUTE, 20 * MINUTE, 2)  # claimed by replying
    assert detention.resolution == Spread(120 * MINUTE, 180 * MINUTE, 2)
    assert detention.sla_met == pytest.approx(1 / 3)  # 5 min met; 20 min missed; 30 min unanswered missed
    assert detention.satisfaction == pytest.approx(3.5)
    assert detention.rated == 2
    not_understood = next(g for g in stats.by_topic if g.key is None)
    assert (not_understood.cases, not_understood.sla_met, not_understood.satisfaction) == (1, 1.0, None)
    languages = {g.key: g.cases for g in stats.by_language}
    assert languages == {"uk": 2, "ru": 1, "vi": 1}
    assert [c.satisfaction for c in closed] == [2, 5]  # newest closed first


def test_percentiles_are_times_a_case_really_took() -> None:
    spread = Spread.of(n * MINUTE for n in range(1, 11))
    assert spread == Spread(5.5 * MINUTE, 9 * MINUTE, 10)
    assert Spread.of([]) == Spread(None, None, 0)
