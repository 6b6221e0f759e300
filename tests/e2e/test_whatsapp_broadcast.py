"""A broadcast to 400 WhatsApp subscribers through the real outbox, over HTTP to a Graph stand-in at 80/s."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.app import Assistant, build_assistant
from bot.core.ratelimit import RateLimiter
from bot.inbox.store import NewInbound
from bot.nlu.service import Understanding
from broadcasts.models import Delivery
from broadcasts.outbox import BroadcastSender
from tests import seeding
from tests.conftest import make_settings
from tests.deployments import Deployment
from tests.fakes import VirtualTime
from tests.standins.graph_api import (
    APP_SECRET,
    PHONE_NUMBER_ID,
    TOKEN,
    VERIFY_TOKEN,
    GraphApiStandIn,
    graph_api,
)

RECIPIENTS = 400
PHONES = [f"4207{n:08d}" for n in range(RECIPIENTS)]
AWAY = PHONES[7]  # last wrote two days ago: outside the 24-hour window


@pytest.fixture
async def graph() -> AsyncIterator[GraphApiStandIn]:
    async with graph_api() as standin:
        standin.per_second = 80  # Meta's default throughput per number; more is answered 130429
        yield standin


def build(
    deployment: Deployment,
    understanding: Understanding,
    graph: GraphApiStandIn,
    limiter: RateLimiter | None = None,
) -> Assistant:
    settings = make_settings(
        deployment.database_url,
        whatsapp_access_token=TOKEN,
        whatsapp_phone_number_id=PHONE_NUMBER_ID,
        whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN,
        whatsapp_api_base=graph.base_url,
        whatsapp_templates="notice:en=centre_notice",
    )
    return build_assistant(settings, understanding, redis=deployment.redis(), limiter=limiter)


@pytest.fixture
async def assistant(
    deployment: Deployment, understanding: Understanding, graph: GraphApiStandIn
) -> AsyncIterator[Assistant]:
    built = build(deployment, understanding, graph)
    yield built
    await built.aclose()


async def test_a_broadcast_goes_to_each_whatsapp_subscriber_once_at_most_80_a_second(
    assistant: Assistant, graph: GraphApiStandIn
) -> None:
    now = datetime.now(UTC)
    await seeding.subscribers(assistant.sessions, [f"wa:{phone}" for phone in PHONES], now)
    await assistant.inbox.store.add(
        [
            NewInbound(
                "whatsapp",
                f"wamid.IN{n}",
                f"wa:{phone}",
                {},
                now - (timedelta(days=2) if phone == AWAY else timedelta(hours=1)),
            )
            for n, phone in enumerate(PHONES)
        ]
    )
    await seeding.broadcast_due(assistant.sessions, now)

    started = time.monotonic()
    stats = await BroadcastSender(assistant.sessions, assistant.notifier, assistant.limiter).run_once()
    took = time.monotonic() - started

    assert stats.sent == RECIPIENTS
    assert Counter(m.get("to") for m in graph.messages) == Counter(PHONES)  # everyone, exactly once
    assert graph.throughput_refused == 0  # never a 130429
    assert graph.max_in_any_second() <= 80
    assert took >= (RECIPIENTS - 80) / 80  # paced, not all at once
    [away] = graph.to(AWAY)
    assert away["type"] == "template"
    assert away["template"]["name"] == "centre_notice"
    [present] = graph.to(PHONES[0])
    assert present["type"] == "interactive"
    assert present["interactive"]["body"]["text"].startswith("Nový kurz češtiny A1 (uk)")


async def test_a_throughput_refusal_waits_its_pause_and_an_unreachable_number_is_blocked(
    deployment: Deployment, understanding: Understanding, graph: GraphApiStandIn
) -> None:
    # Pacing in virtual time: the number's 5 s pause is not waited for.
    assistant = build(deployment, understanding, graph, VirtualTime().limiter())
    try:
        now = datetime.now(UTC)
        phones = PHONES[:3]
        await seeding.subscribers(assistant.sessions, [f"wa:{phone}" for phone in phones], now)
        broadcast_id = await seeding.broadcast_due(assistant.sessions, now)
        graph.fail_next(400, 130429, retry_after="5")  # the number's throughput, for one of them
        graph.fail_next(400, 131026)  # another cannot receive WhatsApp messages
        stats = await BroadcastSender(assistant.sessions, assistant.notifier, assistant.limiter).run_once()
        async with assistant.sessions() as s:
            rows = (await s.scalars(select(Delivery).where(Delivery.broadcast_id == broadcast_id))).all()
    finally:
        await assistant.aclose()

    assert (stats.sent, stats.blocked, stats.retried) == (1, 1, 1)
    by_status = {row.status: row for row in rows}
    assert set(by_status) == {"sent", "blocked", "queued"}
    retry_at = by_status["queued"].next_attempt_at.replace(tzinfo=UTC)
    assert retry_at >= now + timedelta(seconds=5)  # tried again once Graph's Retry-After has passed
    assert by_status["queued"].attempts == 0  # not the client's fault: no attempt counted
    [sent] = graph.messages
    assert sent["template"]["name"] == "centre_notice"  # none of them wrote in the last 24 hours
