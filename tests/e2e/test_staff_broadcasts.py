"""A coordinator announces a course from the console to subscribers in five languages, end to end."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import select

from bot.app import Assistant
from bot.channels.base import Channel
from bot.clients.repository import ClientRepository
from bot.i18n.msg import Msg
from bot.staff.models import AuditEntry, Role
from bot.staff.service import StaffAccounts
from broadcasts.compose import MAX_TEXT_CHARS
from broadcasts.models import Subscription
from broadcasts.outbox import BroadcastSender
from tests.driver import ChatDriver
from tests.e2e.test_staff_console import COUNSELLOR, client_for, csrf_of, log_in
from tests.fakes import FakeChannelSender

COORDINATOR = ("eva@centrum.cz", "Eva Koordinátorka", "coordinator passphrase 3")
LOCATION = re.compile(r"/staff/broadcasts/(\d+)$")


@pytest.fixture
async def http(assistant: Assistant) -> AsyncIterator[httpx.AsyncClient]:
    accounts = StaffAccounts(assistant.sessions)
    await accounts.create_staff(COORDINATOR[0], COORDINATOR[1], Role.COORDINATOR, COORDINATOR[2])
    await accounts.create_staff(COUNSELLOR[0], COUNSELLOR[1], Role.COUNSELLOR, COUNSELLOR[2])
    async with client_for(assistant) as client:
        yield client


def page(assistant: Assistant, key: str, **args: object) -> str:
    return html.escape(assistant.translator.format("en", Msg(f"staff-{key}"), args))


async def subscribe(assistant: Assistant, user_ref: str, locale: str) -> ChatDriver:
    chat = ChatDriver(assistant, user_ref)
    await chat.onboard(locale)
    await chat.press("courses")
    await chat.press("sub:t:czech_courses")
    return chat


async def test_subscribe_list_and_stop_in_the_chat(assistant: Assistant) -> None:
    chat = await subscribe(assistant, "console:olena", "uk")
    t = assistant.translator
    assert "sub:t:exams" in chat.payloads
    await chat.press("sub:list")
    assert t.format("uk", Msg.SUBSCRIPTIONS_LIST_TITLE) in chat.text
    assert "Курси чеської мови" in chat.text
    await chat.send("СТОП!")  # a typed stop word in the client's language stops everything
    assert t.format("uk", Msg.SUBSCRIPTIONS_STOPPED) in chat.text
    async with assistant.sessions() as s:
        assert (await s.scalars(select(Subscription))).all() == []
    await chat.press("sub:t:news")
    await chat.send("/stop")
    assert t.format("uk", Msg.SUBSCRIPTIONS_STOPPED) in chat.text


async def test_a_coordinator_announces_a_course_to_five_languages(
    assistant: Assistant, http: httpx.AsyncClient
) -> None:
    phones = FakeChannelSender()
    assistant.notifier.register(Channel.TELEGRAM, phones)
    for n, locale in enumerate(("cs", "en", "uk", "ru", "vi")):
        await subscribe(assistant, f"tg:{7000 + n}", locale)
    web = await subscribe(assistant, "web:3f1c2a9e-0000-4000-8000-000000000001", "uk")
    await log_in(http, COORDINATOR[0], COORDINATOR[2])

    form = await http.get("/staff/broadcasts/new")
    assert form.status_code == 200
    base = {"csrf_token": csrf_of(form), "title": "A1 course", "topics": "czech_courses"}
    empty = await http.post("/staff/broadcasts/new", data={**base, "text_cs": "   "})
    assert empty.status_code == 400
    assert page(assistant, "broadcast-problem-text-empty") in empty.text
    long = await http.post("/staff/broadcasts/new", data={**base, "text_cs": "x" * (MAX_TEXT_CHARS + 1)})
    assert long.status_code == 400
    too_long = page(
        assistant,
        "broadcast-problem-text-too-long",
        language="cs",
        length=MAX_TEXT_CHARS + 1,
        limit=MAX_TEXT_CHARS,
    )
    assert too_long in long.text

    texts = {
        "text_cs": "Nový kurz A1 začíná { $date } <b>v pondělí</b>.",
        "text_en": "A new A1 course starts on Monday.",
        "text_uk": "Новий курс A1 починається в понеділок. " + "Деталі. " * 700,  # 5,600 characters
    }
    saved = await http.post("/staff/broadcasts/new", data={**base, **texts, "fallback_locale": "cs"})
    assert saved.status_code == 303
    found = LOCATION.search(saved.headers["location"])
    assert found is not None
    broadcast_id = int(found.group(1))
    detail = await http.get(f"/staff/broadcasts/{broadcast_id}")
    assert page(assistant, "broadcast-recipient-count", count=6) in detail.text
    assert page(assistant, "broadcast-warning-fallback", language="ru", count=1, fallback="cs") in detail.text
    assert "&lt;b&gt;v pondělí&lt;/b&gt;" in detail.text  # shown as typed, never as markup
    assert page(assistant, "broadcast-parts", count=2) in detail.text  # 5,600 characters: two messages
    csrf = csrf_of(detail)

    past = await http.post(
        f"/staff/broadcasts/{broadcast_id}/send",
        data={"csrf_token": csrf, "when": "later", "at": "2020-01-01T10:00"},
    )
    assert past.status_code == 400
    assert page(assistant, "broadcast-problem-time-past") in past.text
    unknown = await http.post(
        f"/staff/broadcasts/{broadcast_id}/test",
        data={"csrf_token": csrf, "client_ref": "tg:1", "locale": "en"},
    )
    assert page(assistant, "broadcast-problem-unknown-client") in unknown.text
    test = await http.post(
        f"/staff/broadcasts/{broadcast_id}/test",
        data={"csrf_token": csrf, "client_ref": "tg:7001", "locale": "en"},
    )
    assert page(assistant, "broadcast-test-done", client="tg:7001") in test.text
    assert len(phones.sent) == 1

    now = await http.post(f"/staff/broadcasts/{broadcast_id}/send", data={"csrf_token": csrf, "when": "now"})
    assert now.status_code == 303
    waiting = await http.get(f"/staff/broadcasts/{broadcast_id}")
    assert 'data-status="scheduled"' in waiting.text  # the page follows the sending by itself
    sender = BroadcastSender(assistant.sessions, assistant.notifier, assistant.limiter)
    stats = await sender.run_once()
    assert stats.sent == 6
    received = {o.user_ref: o for o in phones.sent[1:]}
    assert sorted(received) == [f"tg:{7000 + n}" for n in range(5)]
    assert received["tg:7003"].locale == "cs"  # Russian was left empty: the Czech fallback
    rendered = assistant.translator.render_outbound(received["tg:7000"])[0]
    assert rendered.text == texts["text_cs"]  # Fluent syntax in the text is the coordinator's words
    web_text = [r.text for r in await web.send("/menu")]  # the web client reads it in the transcript
    async with assistant.sessions() as s:
        thread = await ClientRepository(s).find(web.user_ref)
        assert thread is not None
        history = await ClientRepository(s).history(thread)
    assert any(m.text.startswith("Новий курс A1") for m in history), web_text

    progress = (await http.get(f"/staff/broadcasts/{broadcast_id}/progress.json")).json()
    assert (progress["status"], progress["sent"], progress["left"], progress["total"]) == ("done", 6, 0, 6)
    report = await http.get(f"/staff/broadcasts/{broadcast_id}")
    assert page(assistant, "broadcast-report") in report.text
    async with assistant.sessions() as s:
        actions = [row.action for row in (await s.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()]
    assert [a for a in actions if a.startswith("broadcast_")] == [
        "broadcast_created",
        "broadcast_test_sent",  # refused: unknown chat, still recorded
        "broadcast_test_sent",
        "broadcast_scheduled",
    ]


async def test_counsellors_cannot_open_broadcasts(assistant: Assistant, http: httpx.AsyncClient) -> None:
    await log_in(http, COUNSELLOR[0], COUNSELLOR[2])
    assert (await http.get("/staff/broadcasts")).status_code == 403


def test_every_refusal_has_its_words() -> None:
    from bot.web.staff.broadcasts import PROBLEMS
    from broadcasts.compose import Problem

    assert set(PROBLEMS) == set(Problem)
