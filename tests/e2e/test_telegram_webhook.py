"""Telegram webhook mode end to end: one app per backend (SQLite with in-process state, PostgreSQL with
Redis) as `run` builds it, updates posted the way Telegram posts them, answers through a Bot API stand-in.
Each test is a new person on Telegram, so the tests share the app but not a conversation."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

import icalendar
import pytest
import pytest_asyncio
import structlog
from sqlalchemy import func, select, text

from bot.app import Assistant
from bot.channels.telegram.webhook import derive_secret
from bot.i18n.msg import Msg
from bot.inbox.models import InboxMessage
from bot.nlu.service import Understanding
from bot.staff.models import Role
from bot.staff.service import StaffAccounts
from broadcasts.models import Topic
from counselling import queue
from counselling.models import EntryKind
from counselling.queue import Actor
from tests.conftest import open_example_schedule
from tests.e2e.telegram_webhook_app import (
    BACKENDS,
    MENU,
    TelegramClient,
    backend,
    buttons,
    payloads,
    running,
    telegram_standin,
    wait_until,
)
from tests.integration.test_broadcast_outbox import new_broadcast
from tests.standins.telegram_api import TelegramStandIn
from tests.standins.telegram_updates import group_chat, person, private_chat

# One event loop for the module: the app and the stand-in live as long as it.
pytestmark = pytest.mark.asyncio(loop_scope="module")

DETENTION = "Мого чоловіка затримала поліція в аеропорту, що нам робити?"
STAFF_CHAT = group_chat(-1001234567890, "Poradci", forum=True)
PEOPLE = count(5550001)


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=BACKENDS)
async def app(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    understanding: Understanding,
) -> AsyncIterator[tuple[Assistant, TelegramStandIn]]:
    """The app for the module, with the staff group configured (every other group must stay silent)."""
    async with (
        telegram_standin() as telegram,
        backend(request.param, tmp_path_factory.mktemp("tg")) as stack,
        running(stack, understanding, telegram, telegram_staff_chat_id=STAFF_CHAT["id"]) as assistant,
    ):
        yield assistant, telegram


@pytest_asyncio.fixture(loop_scope="module")
async def olena(app: tuple[Assistant, TelegramStandIn]) -> TelegramClient:
    assistant, telegram = app
    telegram.forget()
    return TelegramClient(assistant, telegram, person(next(PEOPLE), "Olena", "uk"))


async def inbox_size(assistant: Assistant) -> int:
    async with assistant.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(InboxMessage)) or 0)


# --- conversations --------------------------------------------------------------------------------------


async def test_first_contact_with_buttons_then_an_faq_answer_in_ukrainian(olena: TelegramClient) -> None:
    chat_id = str(olena.user["id"])
    await olena.say("Добрий день")
    assert olena.telegram.calls_of("sendChatAction") == []  # answered at once: no "typing…" needed
    [welcome] = olena.chat
    assert olena.uk(Msg.FIRST_CONTACT_WELCOME, centre=olena.assistant.centre.name) in welcome["text"]
    assert payloads(welcome) == ["start:agree", "start:decline", "start:languages"]

    pressed = await olena.press("start:agree")
    [answered] = olena.telegram.calls_of("answerCallbackQuery")
    assert answered["callback_query_id"].startswith(chat_id)
    [edit] = olena.telegram.calls_of("editMessageReplyMarkup")
    assert (edit["chat_id"], edit["message_id"]) == (olena.user["id"], pressed["message_id"])
    assert buttons(olena.chat[0]) == []  # the pressed keyboard is gone from her chat
    languages = olena.chat[-1]
    assert languages["text"] == olena.uk(Msg.FIRST_CONTACT_CHOOSE_LANGUAGE)
    assert "lang:uk" in payloads(languages)

    await olena.press("lang:uk")
    assert olena.uk(Msg.LANGUAGE_CHANGED) in "\n".join(m["text"] for m in olena.chat[-2:])
    assert payloads(olena.chat[-1]) == MENU

    olena.mark()
    await olena.say("Як продовжити дозвіл на проживання?")
    assert olena.uk(Msg.FAQ_RESIDENCE_EXTEND).split("\n")[0] in olena.texts


async def test_booking_with_buttons_confirms_and_sends_the_calendar_file(olena: TelegramClient) -> None:
    await open_example_schedule(olena.assistant)  # Wednesday, 08:00 in Prague
    await olena.onboard()
    await olena.say("/book")
    pressed = []
    for step in ("bk:svc:", "bk:days:", "bk:d:", "bk:t:", "bk:ok:"):
        offered = payloads(olena.chat[-1])
        pressed.append(await olena.press(next(p for p in offered if p.startswith(step))))
    shown = {m["message_id"]: m for m in olena.chat}
    assert all(buttons(shown[m["message_id"]]) == [] for m in pressed)  # each pressed keyboard is gone
    assert len(olena.telegram.calls_of("answerCallbackQuery")) == 2 + 5  # onboarding's two, then these
    confirmation = next(m for m in olena.replies if olena.uk(Msg.BOOKING_BOOKED) in m.get("text", ""))
    assert "10:00" in confirmation["text"]  # Prague time
    [(name, content)] = olena.telegram.uploads
    assert name.endswith(".ics")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2026, 9, 23, 8, 0, tzinfo=UTC)
    assert olena.chat[-1]["document"]["file_name"] == name  # the file follows the confirmation


async def test_a_counsellor_case_opens_relays_the_client_and_the_reply_reaches_telegram(
    olena: TelegramClient,
) -> None:
    await olena.onboard()
    await olena.say(DETENTION)
    async with olena.assistant.sessions() as s:
        [case] = [c for c in await queue.open_cases(s) if c.user_ref == olena.user_ref]
    assert case.topic == "legal_detention"
    olena.mark()
    await olena.say("Його звати Тарас, рейс з Варшави")
    assert olena.replies == []  # the bot stays quiet: the counsellor reads it
    async with olena.assistant.sessions() as s:
        words = [e.text for e in await queue.entries_of(s, case.id) if e.kind == EntryKind.CLIENT.value]
    assert words[-1] == "Його звати Тарас, рейс з Варшави"
    await olena.assistant.cases.mirrors.idle()  # the staff group's posts go out after her answer
    group = olena.telegram.messages_in(STAFF_CHAT["id"])  # the case's topic in the staff group
    assert any("Його звати Тарас" in m.get("text", "") and m.get("message_thread_id") for m in group)

    member = await StaffAccounts(olena.assistant.sessions).create_staff(
        "olga@centrum.cz", "Olga", Role.COUNSELLOR, "pass phrase 1"
    )
    actor = Actor(member.id, member.role, member.display_name)
    await olena.assistant.cases.claim(case.id, actor)
    await olena.assistant.cases.reply(case.id, actor, "Dobrý den, zavolejte nám prosím.")
    assert "Dobrý den, zavolejte nám prosím." in olena.chat[-1]["text"]


async def test_a_broadcast_reaches_a_telegram_subscriber(olena: TelegramClient) -> None:
    await olena.onboard()
    await olena.press("courses")
    await olena.press("sub:t:czech_courses")
    olena.mark()
    await new_broadcast(olena.assistant.sessions, {"uk": "Новий курс A1 у понеділок"}, (Topic.CZECH_COURSES,))
    await wait_until(lambda: bool(olena.replies))  # the app's own broadcast loop sends it
    assert olena.replies[0]["text"] == "Новий курс A1 у понеділок"


# --- exactly once, in order ----------------------------------------------------------------------------


async def test_the_same_update_twice_is_answered_once_and_updates_in_order(olena: TelegramClient) -> None:
    await olena.onboard()
    update = olena.update(text="/help")
    first, again = await asyncio.gather(
        olena.telegram.post_update(update), olena.telegram.post_update(update)
    )
    assert first == again == (200, "ok")
    await olena.assistant.inbox.run_until_idle()
    with structlog.testing.capture_logs() as logs:
        await olena.deliver(update)  # a retry long after: the inbox's unique key knows it
    assert [e["event"] for e in logs].count("telegram_duplicate_update") == 1
    assert len(olena.replies) == 1
    rows = [r for r in await olena.inbox_rows() if r.platform_message_id == str(update["update_id"])]
    assert [(r.outcome, r.body) for r in rows] == [("done", None)]  # the words go once handled

    olena.mark()
    for words in ("/help", "/language"):  # both stored before either is handled
        assert await olena.telegram.post_update(olena.update(text=words)) == (200, "ok")
    await olena.assistant.inbox.run_until_idle()
    texts = [m["text"] for m in olena.replies]
    help_text = olena.uk(Msg.HELP_TEXT, centre=olena.assistant.centre.name)
    help_at = next(i for i, t in enumerate(texts) if help_text in t)
    language_at = next(i for i, t in enumerate(texts) if olena.uk(Msg.LANGUAGE_CHOOSE) in t)
    assert help_at < language_at


async def test_an_update_answered_by_a_worker_that_died_before_finishing_is_not_answered_again(
    olena: TelegramClient,
) -> None:
    """The worker answered, then died before marking the row done: its lease runs out, the row is
    claimed again (attempt 2) by a restarted process, and the transcript says it was answered."""
    await olena.onboard()
    inbox = olena.assistant.inbox
    # The worker that will die takes the row: this process's own loop must not claim it first.
    await inbox.stop()
    update = olena.update(text="/help")
    assert await olena.telegram.post_update(update) == (200, "ok")
    handle = inbox.handler("tg")
    assert handle is not None
    [claimed] = await inbox.store.claim_heads(
        ["tg"], "dead-worker", datetime.now(UTC), timedelta(minutes=2), 1
    )
    assert claimed.attempts == 1
    await handle(claimed)  # answered; the worker dies before inbox.store.finish()
    assert len(olena.replies) == 1
    await olena.assistant.states.delete(olena.user_ref)  # the restart
    await inbox.start()
    inbox.clock = lambda: datetime.now(UTC) + timedelta(minutes=3)  # the dead worker's lease is over
    await inbox.run_until_idle()
    assert len(olena.replies) == 1
    [row] = [r for r in await olena.inbox_rows() if r.platform_message_id == str(update["update_id"])]
    assert (row.attempts, row.outcome) == (2, "done")


async def test_a_database_failure_answers_500_and_telegrams_retry_is_stored(olena: TelegramClient) -> None:
    await olena.onboard()
    update = olena.update(text="/help")
    async with olena.assistant.db_engine.begin() as conn:
        await conn.execute(text("ALTER TABLE inbox RENAME TO inbox_away"))
    try:
        with structlog.testing.capture_logs() as logs:
            status, _ = await olena.telegram.post_update(update)
    finally:
        async with olena.assistant.db_engine.begin() as conn:
            await conn.execute(text("ALTER TABLE inbox_away RENAME TO inbox"))
    assert status == 500  # Telegram sends it again
    [failed] = [e for e in logs if e["event"] == "telegram_webhook_store_failed"]
    assert failed["log_level"] == "error"
    assert "/help" not in repr(logs)
    await olena.deliver(update)  # the retry is not taken for a duplicate (nor by Redis)
    assert olena.uk(Msg.HELP_TEXT, centre=olena.assistant.centre.name) in olena.texts


# --- what is refused or ignored ------------------------------------------------------------------------


async def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_processed(olena: TelegramClient) -> None:
    for secret in (None, "", "guess", derive_secret("1:another-bot")):
        with structlog.testing.capture_logs() as logs:
            status, _ = await olena.telegram.post_update(olena.update(text="Ahoj, tajné"), secret=secret)
        assert status == 403, secret
        [refused] = [e for e in logs if e["event"] == "telegram_webhook_bad_secret"]
        assert refused["log_level"] == "warning"
        assert "tajné" not in repr(logs)
    await olena.assistant.inbox.run_until_idle()
    assert await olena.inbox_rows() == []
    assert olena.chat == []


async def test_a_malformed_body_is_acknowledged_logged_and_not_processed(olena: TelegramClient) -> None:
    before = await inbox_size(olena.assistant)
    bodies = [b'{"update_id": 1, "message": {', b"\xff\xfe", b"[1, 2]", b'{"update_id": "first"}', b""]
    for body in bodies:
        with structlog.testing.capture_logs() as logs:
            # Telegram would retry anything but a 2xx for a day, and this can never be read.
            assert await olena.telegram.post_update(body) == (200, "ok")
        [logged] = [e for e in logs if e["event"] == "telegram_webhook_malformed_body"]
        assert (logged["log_level"], logged["size"]) == ("warning", len(body))
    assert await inbox_size(olena.assistant) == before


async def test_update_types_the_bot_does_not_handle_are_acknowledged_and_ignored(
    olena: TelegramClient,
) -> None:
    chat = private_chat(olena.user)
    poll = {"id": "5", "question": "?", "options": [], "total_voter_count": 0, "is_closed": False}
    poll.update({"is_anonymous": True, "type": "regular", "allows_multiple_answers": False})
    poll.update({"allows_revoting": False, "members_only": False})
    reaction = {"chat": chat, "message_id": 3, "user": olena.user, "date": 1, "old_reaction": []}
    reaction["new_reaction"] = [{"type": "emoji", "emoji": "👍"}]
    updates: list[dict[str, Any]] = [
        {"update_id": olena.telegram.next_update_id(), "poll": poll},
        {"update_id": olena.telegram.next_update_id(), "message_reaction": reaction},
        {"update_id": olena.telegram.next_update_id(), "hologram": {"chat": chat}},  # newer than aiogram
        {"update_id": olena.telegram.next_update_id()},
    ]
    before = await inbox_size(olena.assistant)
    with structlog.testing.capture_logs() as logs:
        for update in updates:
            assert await olena.telegram.post_update(update) == (200, "ok")
    ignored = [e["update_type"] for e in logs if e["event"] == "telegram_update_ignored"]
    assert ignored == ["poll", "message_reaction", "hologram", "none"]
    assert await inbox_size(olena.assistant) == before
    assert olena.chat == []


async def test_groups_get_no_answer_except_the_configured_staff_group(olena: TelegramClient) -> None:
    expats = group_chat(-100777, "Expats")
    friends: dict[str, Any] = {"id": -42, "type": "group", "title": "Friends"}
    await olena.deliver(olena.update(expats, text="Ahoj všichni"))
    await olena.deliver(olena.update(friends, text="/help"))
    assert olena.telegram.messages_in(expats["id"]) == olena.telegram.messages_in(friends["id"]) == []
    await olena.deliver(olena.update(STAFF_CHAT, text="/link 12345678"))  # a code that is not valid
    [answer] = olena.telegram.messages_in(STAFF_CHAT["id"])
    locale = olena.assistant.settings.default_locale
    assert answer["text"] == olena.assistant.translator.format(locale, Msg.STAFFGROUP_LINK_INVALID)
