"""Telegram webhook mode end to end: the app as `run` builds it, served by uvicorn; updates posted the way
Telegram posts them; the bot answering a Bot API stand-in over HTTP through aiogram's own session.
SQLite with in-process state, and PostgreSQL with Redis."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

import icalendar
import pytest
import structlog
from redis.asyncio import Redis
from sqlalchemy import select, text

from bot.app import Assistant, build_assistant
from bot.channels.telegram.keyboards import unpack_payload
from bot.channels.telegram.webhook import derive_secret
from bot.cli.run import build_app
from bot.i18n.msg import Msg
from bot.inbox.models import InboxMessage
from bot.nlu.service import Understanding
from bot.paths import REPO_ROOT
from bot.staff.models import Role
from bot.staff.service import StaffAccounts
from broadcasts.models import Topic
from counselling import queue
from counselling.models import EntryKind
from counselling.queue import Actor
from scheduler.importer import import_schedule, read_file
from tests import backends
from tests.conftest import CENTRE_OPEN, make_settings
from tests.e2e.browser import free_port, serve_app
from tests.fakes import FAKE_TELEGRAM_TOKEN
from tests.integration.test_broadcast_outbox import new_broadcast
from tests.standins.telegram_api import Limits, TelegramStandIn
from tests.standins.telegram_updates import (
    callback_update,
    group_chat,
    message_update,
    person,
    private_chat,
)

OLENA = person(5550001, "Olena", "uk")
MENU = ["faq", "book", "human", "courses", "lang", "help"]
PATH = "/hooks/tg-7f3a"  # not the default: the route follows the URL's path
DETENTION = "Мого чоловіка затримала поліція в аеропорту, що нам робити?"
STAFF_CHAT = group_chat(-1001234567890, "Poradci", forum=True)


@dataclass
class Olena:
    """Olena's Telegram app: updates to the bot's webhook, her chat as the stand-in holds it."""

    assistant: Assistant
    telegram: TelegramStandIn
    user: dict[str, Any] = field(default_factory=lambda: OLENA)
    seen: int = 0  # messages before this id are history

    def __post_init__(self) -> None:
        self._message_ids = count(1)

    def update(self, chat: dict[str, Any] | None = None, **content: Any) -> dict[str, Any]:
        chat = chat or private_chat(self.user)
        return message_update(
            self.telegram.next_update_id(), next(self._message_ids), self.user, chat, **content
        )

    async def deliver(self, update: dict[str, Any]) -> None:
        """Telegram posts the update; the webhook must take it; then the inbox handles it."""
        status, body = await self.telegram.post_update(update)
        assert (status, body) == (200, "ok")
        await self.assistant.inbox.run_until_idle()

    async def say(self, words: str) -> None:
        await self.deliver(self.update(text=words))

    async def press(self, payload: str) -> dict[str, Any]:
        """Press the button for `payload` on the newest message showing it; returns that message."""
        for message in reversed(self.chat):
            for button in buttons(message):
                if unpack_payload(button["callback_data"]) == payload:
                    update_id = self.telegram.next_update_id()
                    await self.deliver(
                        callback_update(update_id, self.user, message, button["callback_data"])
                    )
                    return dict(message)
        raise AssertionError(f"no button for {payload!r} in {[m.get('text') for m in self.chat]}")

    async def onboard(self) -> None:
        await self.say("Добрий день")
        await self.press("start:agree")
        await self.press("lang:uk")
        self.seen = max(m["message_id"] for m in self.chat)

    @property
    def chat(self) -> list[dict[str, Any]]:
        return self.telegram.messages_in(self.user["id"])

    @property
    def replies(self) -> list[dict[str, Any]]:
        """What arrived since onboarding (or since the last mark)."""
        return [m for m in self.chat if m["message_id"] > self.seen]

    @property
    def texts(self) -> str:
        return "\n".join(m.get("text", "") for m in self.replies)

    def uk(self, msg: Msg, **args: object) -> str:
        return self.assistant.translator.format("uk", msg, args)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def payloads(message: dict[str, Any]) -> list[str]:
    return [unpack_payload(b["callback_data"]) or "?" for b in buttons(message)]


async def wait_until(condition: Callable[[], bool], seconds: float = 5) -> None:
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 - the stand-in's records are plain lists
            await asyncio.sleep(0.01)


async def inbox_rows(assistant: Assistant) -> list[InboxMessage]:
    async with assistant.sessions() as s:
        return list((await s.scalars(select(InboxMessage).order_by(InboxMessage.id))).all())


@pytest.fixture(params=["sqlite+memory", "postgres+redis"])
async def stack(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[tuple[str, Redis | None]]:
    if request.param == "sqlite+memory":
        yield await backends.sqlite_database(tmp_path), None
        return
    database_url = await backends.postgres_database()
    async for redis in backends.redis_client("redis"):
        yield database_url, redis


@pytest.fixture
async def telegram() -> AsyncIterator[TelegramStandIn]:
    # A private chat takes bursts (a reply of three messages); the per-chat pacing is the outbox's concern.
    standin = TelegramStandIn(Limits(bot_per_second=1000, chat_interval=0.0))
    await standin.start()
    yield standin
    await standin.stop()


@asynccontextmanager
async def running(
    stack: tuple[str, Redis | None], understanding: Understanding, telegram: TelegramStandIn, **extra: Any
) -> AsyncIterator[Assistant]:
    """`run` in webhook mode on a free port, until the block ends (then the app's own graceful stop)."""
    database_url, redis = stack
    port = free_port()
    settings = make_settings(
        database_url,
        telegram_bot_token=FAKE_TELEGRAM_TOKEN,
        telegram_api_base=telegram.url,
        telegram_webhook_url=f"http://127.0.0.1:{port}{PATH}",
        broadcast_interval_seconds=0.1,
        **extra,
    )
    assistant = build_assistant(settings, understanding, redis=redis)
    assistant.cases.clock = lambda: CENTRE_OPEN
    async with serve_app(build_app(assistant), port):
        await wait_until(lambda: telegram.webhook is not None)
        yield assistant


@pytest.fixture
async def olena(
    stack: tuple[str, Redis | None], understanding: Understanding, telegram: TelegramStandIn
) -> AsyncIterator[Olena]:
    async with running(stack, understanding, telegram) as assistant:
        yield Olena(assistant, telegram)


# --- start and stop -----------------------------------------------------------------------------------


async def test_start_sets_the_webhook_and_stop_leaves_it(
    stack: tuple[str, Redis | None], understanding: Understanding, telegram: TelegramStandIn
) -> None:
    async with running(stack, understanding, telegram) as assistant:
        [hook] = telegram.calls_of("setWebhook")
        assert hook["url"].endswith(PATH)
        assert hook["secret_token"] == derive_secret(FAKE_TELEGRAM_TOKEN)
        assert hook["allowed_updates"] == ["callback_query", "message"]  # what the Dispatcher handles
        assert hook["drop_pending_updates"] == "false"
        olena = Olena(assistant, telegram)
        # Stopping while an update is being handled: the answer still goes out before the session closes.
        status, _ = await telegram.post_update(olena.update(text="Добрий день"))
        assert status == 200
        await wait_until(lambda: bool(telegram.calls_of("sendChatAction")))
    assert olena.uk(Msg.FIRST_CONTACT_CONSENT_QUESTION) in olena.chat[0]["text"]
    assert telegram.calls_of("deleteWebhook") == []  # another process may be serving it


# --- conversations --------------------------------------------------------------------------------------


async def test_first_contact_with_buttons_then_an_faq_answer_in_ukrainian(olena: Olena) -> None:
    await olena.say("Добрий день")
    [typing] = olena.telegram.calls_of("sendChatAction")
    assert (typing["chat_id"], typing["action"]) == (str(OLENA["id"]), "typing")
    [welcome] = olena.chat
    assert olena.uk(Msg.FIRST_CONTACT_WELCOME, centre=olena.assistant.centre.name) in welcome["text"]
    assert payloads(welcome) == ["start:agree", "start:decline", "start:languages"]

    pressed = await olena.press("start:agree")
    [answered] = olena.telegram.calls_of("answerCallbackQuery")
    assert answered["callback_query_id"].startswith(str(OLENA["id"]))
    [edit] = olena.telegram.calls_of("editMessageReplyMarkup")
    assert (edit["chat_id"], edit["message_id"]) == (str(OLENA["id"]), str(pressed["message_id"]))
    assert buttons(olena.chat[0]) == []  # the pressed keyboard is gone from her chat
    languages = olena.chat[-1]
    assert languages["text"] == olena.uk(Msg.FIRST_CONTACT_CHOOSE_LANGUAGE)
    assert "lang:uk" in payloads(languages)

    await olena.press("lang:uk")
    assert olena.uk(Msg.LANGUAGE_CHANGED) in "\n".join(m["text"] for m in olena.chat[-2:])
    assert payloads(olena.chat[-1]) == MENU

    olena.seen = olena.chat[-1]["message_id"]
    await olena.say("Як продовжити дозвіл на проживання?")
    assert olena.uk(Msg.FAQ_RESIDENCE_EXTEND).split("\n")[0] in olena.texts


async def test_booking_with_buttons_confirms_and_sends_the_calendar_file(olena: Olena) -> None:
    assistant = olena.assistant
    async with assistant.sessions() as s, s.begin():
        await import_schedule(s, read_file(REPO_ROOT / "scheduler" / "examples" / "usti.yml"))
    assistant.scheduler.clock = lambda: datetime(2026, 9, 23, 6, 0, tzinfo=UTC)  # Wednesday, 08:00 in Prague
    await olena.onboard()
    await olena.say("/book")
    pressed = []
    for step in ("bk:svc:", "bk:days:", "bk:d:", "bk:t:", "bk:ok:"):
        offered = payloads(olena.chat[-1])
        pressed.append(await olena.press(next(p for p in offered if p.startswith(step))))
    assert all(buttons(olena.telegram.chats[OLENA["id"]][m["message_id"]]) == [] for m in pressed)
    assert len(olena.telegram.calls_of("answerCallbackQuery")) >= 5 + 2  # and the two of onboarding
    confirmation = next(m for m in olena.replies if olena.uk(Msg.BOOKING_BOOKED) in m.get("text", ""))
    assert "10:00" in confirmation["text"]  # Prague time
    [(name, content)] = olena.telegram.uploads
    assert name.endswith(".ics")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2026, 9, 23, 8, 0, tzinfo=UTC)
    assert olena.chat[-1]["document"]["file_name"] == name  # the file follows the confirmation


async def test_a_counsellor_case_opens_relays_the_client_and_the_reply_reaches_telegram(olena: Olena) -> None:
    await olena.onboard()
    await olena.say(DETENTION)
    async with olena.assistant.sessions() as s:
        [case] = await queue.open_cases(s)
    assert case.topic == "legal_detention"
    assert case.user_ref == f"tg:{OLENA['id']}"
    olena.seen = max(m["message_id"] for m in olena.chat)
    await olena.say("Його звати Тарас, рейс з Варшави")
    assert olena.replies == []  # the bot stays quiet: the counsellor reads it
    async with olena.assistant.sessions() as s:
        words = [e.text for e in await queue.entries_of(s, case.id) if e.kind == EntryKind.CLIENT.value]
    assert words[-1] == "Його звати Тарас, рейс з Варшави"

    member = await StaffAccounts(olena.assistant.sessions).create_staff(
        "olga@centrum.cz", "Olga", Role.COUNSELLOR, "pass phrase 1"
    )
    actor = Actor(member.id, member.role, member.display_name)
    await olena.assistant.cases.claim(case.id, actor)
    await olena.assistant.cases.reply(case.id, actor, "Dobrý den, zavolejte nám prosím.")
    assert "Dobrý den, zavolejte nám prosím." in olena.chat[-1]["text"]


async def test_a_broadcast_reaches_a_telegram_subscriber(olena: Olena) -> None:
    await olena.onboard()
    await olena.press("courses")
    await olena.press("sub:t:czech_courses")
    olena.seen = max(m["message_id"] for m in olena.chat)
    await new_broadcast(olena.assistant.sessions, {"uk": "Новий курс A1 у понеділок"}, (Topic.CZECH_COURSES,))
    await wait_until(lambda: bool(olena.replies))  # the app's own broadcast loop sends it
    assert olena.replies[0]["text"] == "Новий курс A1 у понеділок"


# --- exactly once, in order ----------------------------------------------------------------------------


async def test_the_same_update_twice_is_answered_once_and_updates_in_order(
    olena: Olena, stack: tuple[str, Redis | None]
) -> None:
    await olena.onboard()
    update = olena.update(text="/help")
    first, again = await asyncio.gather(
        olena.telegram.post_update(update), olena.telegram.post_update(update)
    )
    assert first == again == (200, "ok")
    await olena.assistant.inbox.run_until_idle()
    with structlog.testing.capture_logs() as logs:
        await olena.deliver(update)  # a retry long after: Redis knows it, else the inbox's unique key
    assert [e["via"] for e in logs if e["event"] == "telegram_duplicate_update"] == [
        "redis" if stack[1] is not None else "inbox"
    ]
    assert len(olena.replies) == 1
    rows = [r for r in await inbox_rows(olena.assistant) if r.platform_message_id == str(update["update_id"])]
    assert [(r.user_ref, r.outcome, r.body) for r in rows] == [(f"tg:{OLENA['id']}", "done", None)]

    olena.seen = olena.chat[-1]["message_id"]
    for words in ("/help", "/language"):  # both stored before either is handled
        assert await olena.telegram.post_update(olena.update(text=words)) == (200, "ok")
    await olena.assistant.inbox.run_until_idle()
    texts = [m["text"] for m in olena.replies]
    help_at = next(
        i for i, t in enumerate(texts) if olena.uk(Msg.HELP_TEXT, centre=olena.assistant.centre.name) in t
    )
    language_at = next(i for i, t in enumerate(texts) if olena.uk(Msg.LANGUAGE_CHOOSE) in t)
    assert help_at < language_at


async def test_a_database_failure_answers_500_and_telegrams_retry_is_stored(olena: Olena) -> None:
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


async def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_processed(olena: Olena) -> None:
    for secret in (None, "", "guess", derive_secret("1:another-bot")):
        with structlog.testing.capture_logs() as logs:
            status, _ = await olena.telegram.post_update(olena.update(text="Ahoj, tajné"), secret=secret)
        assert status == 403, secret
        [refused] = [e for e in logs if e["event"] == "telegram_webhook_bad_secret"]
        assert refused["log_level"] == "warning"
        assert "tajné" not in repr(logs)
    await olena.assistant.inbox.run_until_idle()
    assert await inbox_rows(olena.assistant) == []
    assert olena.telegram.calls_of("sendMessage") == []


async def test_a_malformed_body_is_acknowledged_logged_and_not_processed(olena: Olena) -> None:
    bodies = [b'{"update_id": 1, "message": {', b"\xff\xfe", b"[1, 2]", b'{"update_id": "first"}', b""]
    for body in bodies:
        with structlog.testing.capture_logs() as logs:
            # Telegram would retry anything but a 2xx for a day, and this can never be read.
            assert await olena.telegram.post_update(body) == (200, "ok")
        [logged] = [e for e in logs if e["event"] == "telegram_webhook_malformed_body"]
        assert (logged["log_level"], logged["size"]) == ("warning", len(body))
    await olena.assistant.inbox.run_until_idle()
    assert await inbox_rows(olena.assistant) == []
    assert olena.telegram.calls_of("sendMessage") == []


async def test_update_types_the_bot_does_not_handle_are_acknowledged_and_ignored(olena: Olena) -> None:
    chat = private_chat(OLENA)
    poll = {"id": "5", "question": "?", "options": [], "total_voter_count": 0, "is_closed": False}
    poll.update({"is_anonymous": True, "type": "regular", "allows_multiple_answers": False})
    poll.update({"allows_revoting": False, "members_only": False})
    reaction = {"chat": chat, "message_id": 3, "user": OLENA, "date": 1, "old_reaction": []}
    reaction["new_reaction"] = [{"type": "emoji", "emoji": "👍"}]
    updates: list[dict[str, Any]] = [
        {"update_id": olena.telegram.next_update_id(), "poll": poll},
        {"update_id": olena.telegram.next_update_id(), "message_reaction": reaction},
        {"update_id": olena.telegram.next_update_id(), "hologram": {"chat": chat}},  # newer than aiogram
        {"update_id": olena.telegram.next_update_id()},
    ]
    with structlog.testing.capture_logs() as logs:
        for update in updates:
            assert await olena.telegram.post_update(update) == (200, "ok")
    ignored = [e["update_type"] for e in logs if e["event"] == "telegram_update_ignored"]
    assert ignored == ["poll", "message_reaction", "hologram", "none"]
    await olena.assistant.inbox.run_until_idle()
    assert await inbox_rows(olena.assistant) == []
    assert olena.telegram.calls_of("sendMessage") == []


@pytest.mark.parametrize("staff_group", [False, True], ids=["no-staff-group", "staff-group"])
async def test_groups_get_no_answer_except_the_configured_staff_group(
    stack: tuple[str, Redis | None],
    understanding: Understanding,
    telegram: TelegramStandIn,
    staff_group: bool,
) -> None:
    extra = {"telegram_staff_chat_id": STAFF_CHAT["id"]} if staff_group else {}
    async with running(stack, understanding, telegram, **extra) as assistant:
        olena = Olena(assistant, telegram)
        await olena.deliver(olena.update(group_chat(-100777, "Expats"), text="Ahoj všichni"))
        await olena.deliver(olena.update({"id": -42, "type": "group", "title": "Friends"}, text="/help"))
        assert telegram.calls_of("sendMessage") == []
        await olena.deliver(olena.update(STAFF_CHAT, text="/link 12345678"))
        answers = telegram.messages_in(STAFF_CHAT["id"])
        if not staff_group:
            assert answers == []
        else:
            [answer] = answers
            group_text = assistant.translator.format(
                assistant.settings.default_locale, Msg.STAFFGROUP_LINK_INVALID
            )
            assert answer["text"] == group_text
