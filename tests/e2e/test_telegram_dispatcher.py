"""Telegram end to end: Updates through the real Dispatcher, the Bot API faked by a recording session."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count

import icalendar
import pytest
import structlog
from aiogram import Bot, Dispatcher
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramUnauthorizedError
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteWebhook,
    EditMessageReplyMarkup,
    GetFile,
    GetMe,
    SendChatAction,
    SendDocument,
    SendMessage,
)
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    Chat,
    Contact,
    Document,
    Location,
    Message,
    PhotoSize,
    Sticker,
    Update,
    User,
    Voice,
    WriteAccessAllowed,
)
from sqlalchemy import select

from bot.app import Assistant
from bot.channels.base import Choice, InboundMessage, Outbound, RenderedChoice, Reply, Text, choice
from bot.channels.telegram.keyboards import ChoiceCallback, build_keyboard, unpack_payload
from bot.channels.telegram.sender import MAX_MESSAGE_CHARS, TelegramSender, split_text
from bot.channels.telegram.service import TelegramPolling, build_telegram_service
from bot.core.notifier import Delivered
from bot.core.privacy import anon_ref
from bot.i18n.msg import Msg
from counselling import queue
from counselling.models import Case, CaseEntry, EntryKind
from tests.conftest import open_example_schedule
from tests.fakes import FAKE_TELEGRAM_TOKEN, RecordingSession

CLIENT = User(id=5550001, is_bot=False, first_name="Olena", language_code="uk")
PRIVATE = Chat(id=CLIENT.id, type="private")
MENU = ["faq", "book", "human", "courses", "lang", "help"]


def keyboard_payloads(message: SendMessage | Message) -> list[str]:
    markup = message.reply_markup
    rows = getattr(markup, "inline_keyboard", None) or []
    return [unpack_payload(button.callback_data) or "?" for row in rows for button in row]


async def wait_until(condition: Callable[[], bool], seconds: float = 5) -> None:
    """For polling, which runs in its own task: look again until `condition` holds."""
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 - the conditions read plain lists, there is no event
            await asyncio.sleep(0.01)


@dataclass
class TelegramClient:
    """Olena on Telegram: sends updates into the Dispatcher and sees what the bot sent back."""

    assistant: Assistant
    bot: Bot
    dispatcher: Dispatcher
    session: RecordingSession

    def __post_init__(self) -> None:
        self._ids = count(1)

    async def feed(self, **content: object) -> None:
        """A message in Olena's private chat (or in `chat=` when given)."""
        number = next(self._ids)
        fields: dict[str, object] = {"chat": PRIVATE, "from_user": CLIENT, **content}
        message = Message(message_id=number, date=datetime.now(UTC), **fields)  # type: ignore[arg-type]
        await self.dispatcher.feed_update(self.bot, Update(update_id=number, message=message))

    async def say(self, text: str) -> None:
        await self.feed(text=text)

    async def press(self, payload: str) -> Message:
        """Press the button for `payload` on the newest message that has it; returns that message."""
        for message in reversed(self.session.sent):
            rows = message.reply_markup.inline_keyboard if message.reply_markup else []
            for button in (b for row in rows for b in row):
                if button.callback_data and unpack_payload(button.callback_data) == payload:
                    await self.press_raw(message, button.callback_data)
                    return message
        raise AssertionError(f"no button for {payload!r} in the chat")

    async def press_raw(self, message: Message, data: str) -> None:
        number = next(self._ids)
        callback = CallbackQuery(
            id=f"cb{number}", from_user=CLIENT, chat_instance="ci", message=message, data=data
        )
        await self.dispatcher.feed_update(self.bot, Update(update_id=number, callback_query=callback))

    async def onboard(self) -> None:
        await self.say("Добрий день")
        await self.press("start:agree")
        await self.press("lang:uk")
        self.session.clear()

    @property
    def replies(self) -> list[SendMessage]:
        return self.session.of_type(SendMessage)

    def uk(self, msg: Msg, **args: object) -> str:
        return self.assistant.translator.format("uk", msg, args)


@pytest.fixture
async def olena(assistant: Assistant) -> AsyncIterator[TelegramClient]:
    session = RecordingSession()
    service = build_telegram_service(assistant, FAKE_TELEGRAM_TOKEN, session=session)
    assert isinstance(service, TelegramPolling)
    yield TelegramClient(assistant, service.bot, service.dispatcher, session)
    await service.bot.session.close()


async def test_first_text_gets_the_welcome_in_ukrainian_with_buttons(olena: TelegramClient) -> None:
    await olena.say("Добрий день")
    [reply] = olena.replies
    assert reply.chat_id == CLIENT.id
    assert olena.uk(Msg.FIRST_CONTACT_WELCOME, centre=olena.assistant.centre.name) in reply.text
    assert olena.uk(Msg.FIRST_CONTACT_CONSENT_QUESTION) in reply.text
    assert reply.parse_mode == ParseMode.HTML  # every text escaped: nothing typed by people is markup
    assert keyboard_payloads(reply) == ["start:agree", "start:decline", "start:languages"]


async def test_the_dispatcher_keeps_nothing_per_chat_in_memory(olena: TelegramClient) -> None:
    """aiogram's FSM, which our dialogs do not use, would keep a record per chat for the process's life."""
    await olena.say("Добрий день")
    await olena.press("start:agree")
    assert olena.replies
    storage = olena.dispatcher.fsm.storage
    assert isinstance(storage, MemoryStorage)
    assert len(storage.storage) == 0


async def test_a_quick_answer_comes_without_typing(olena: TelegramClient) -> None:
    await olena.say("Добрий день")
    assert olena.replies
    # Telegram: a chat action only when the answer takes a noticeable time; this one took milliseconds.
    assert olena.session.of_type(SendChatAction) == []


async def test_a_slow_answer_shows_typing_first(
    olena: TelegramClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_handle = olena.assistant.engine.handle

    async def slow_handle(message: InboundMessage) -> Outbound:
        await asyncio.sleep(0.5)  # longer than TYPING_AFTER_SECONDS
        return await real_handle(message)

    monkeypatch.setattr(olena.assistant.engine, "handle", slow_handle)
    await olena.say("Добрий день")
    [typing, reply] = olena.session.requests
    assert isinstance(typing, SendChatAction)
    assert (typing.chat_id, typing.action) == (CLIENT.id, "typing")
    assert isinstance(reply, SendMessage)


async def test_pressing_agree_answers_removes_the_keyboard_and_offers_languages(
    olena: TelegramClient,
) -> None:
    await olena.say("Добрий день")
    olena.session.requests.clear()
    pressed = await olena.press("start:agree")
    [answered] = olena.session.of_type(AnswerCallbackQuery)
    [edited] = olena.session.of_type(EditMessageReplyMarkup)
    assert answered.callback_query_id.startswith("cb")
    assert (edited.chat_id, edited.message_id, edited.reply_markup) == (CLIENT.id, pressed.message_id, None)
    # The spinner stops and the old buttons go before the engine's answer is sent.
    calls = [r.__api_method__ for r in olena.session.requests]
    assert (
        calls.index("answerCallbackQuery")
        < calls.index("editMessageReplyMarkup")
        < calls.index("sendMessage")
    )
    [reply] = olena.replies
    assert reply.text == olena.uk(Msg.FIRST_CONTACT_CHOOSE_LANGUAGE)
    assert "lang:uk" in keyboard_payloads(reply)
    assert all(p.startswith("lang:") for p in keyboard_payloads(reply))


async def test_choosing_ukrainian_confirms_and_shows_the_menu(olena: TelegramClient) -> None:
    await olena.say("Добрий день")
    await olena.press("start:agree")
    olena.session.clear()
    await olena.press("lang:uk")
    texts = [r.text for r in olena.replies]
    assert olena.uk(Msg.LANGUAGE_CHANGED) in texts[0]
    assert keyboard_payloads(olena.replies[-1]) == MENU


@pytest.mark.parametrize(
    "content",
    [
        {
            "sticker": Sticker(
                file_id="s",
                file_unique_id="s",
                type="regular",
                width=512,
                height=512,
                is_animated=False,
                is_video=False,
            )
        },
        {"voice": Voice(file_id="v", file_unique_id="v", duration=3)},
        {"location": Location(latitude=50.66, longitude=14.03)},
        {"contact": Contact(phone_number="+420 777 000 111", first_name="Taras")},
    ],
    ids=["sticker", "voice", "location", "contact"],
)
async def test_unreadable_content_gets_a_polite_reply_in_ukrainian(
    olena: TelegramClient, content: dict[str, object]
) -> None:
    await olena.onboard()
    await olena.feed(**content)
    [reply] = olena.replies
    assert reply.text == olena.uk(Msg.INPUT_UNSUPPORTED)


async def test_service_messages_are_ignored_on_purpose(olena: TelegramClient) -> None:
    await olena.onboard()
    await olena.feed(write_access_allowed=WriteAccessAllowed(from_request=True))
    assert olena.session.requests == []


async def test_group_chat_messages_get_no_answer(olena: TelegramClient) -> None:
    await olena.feed(text="Ahoj všichni", chat=Chat(id=-100123, type="supergroup", title="Expats"))
    await olena.feed(text="Hi", chat=Chat(id=-42, type="group", title="Friends"))
    assert olena.session.requests == []


async def test_a_button_of_an_old_keyboard_gets_a_reply_not_an_exception(olena: TelegramClient) -> None:
    await olena.onboard()
    await olena.say("щось незрозуміле")
    old = olena.session.sent[-1]
    olena.session.clear()
    await olena.press_raw(old, ChoiceCallback(payload="gone:away").pack())
    await olena.press_raw(old, "data-from-an-older-bot-version")
    stale = olena.uk(Msg.INPUT_STALE_BUTTON)
    assert [r.text for r in olena.replies] == [stale, stale]
    assert keyboard_payloads(olena.replies[-1]) == MENU
    assert len(olena.session.of_type(AnswerCallbackQuery)) == 2


async def test_a_client_who_blocked_the_bot_is_logged_anonymously(olena: TelegramClient) -> None:
    await olena.onboard()
    olena.session.fail[SendMessage] = TelegramForbiddenError(
        method=SendMessage(chat_id=CLIENT.id, text="x"), message="Forbidden: bot was blocked by the user"
    )
    with structlog.testing.capture_logs() as logs:
        await olena.say("Ви тут?")
    [failed] = [e for e in logs if e["event"] == "telegram_send_failed"]
    assert failed["log_level"] == "warning"
    assert failed["user"] == anon_ref(f"tg:{CLIENT.id}")
    assert str(CLIENT.id) not in repr(logs)


async def test_a_long_reply_is_split_on_paragraphs_with_the_keyboard_last(olena: TelegramClient) -> None:
    paragraph = Text(Msg.HELP_CONTACT_ADDRESS, {"address": "Velká Hradební " * 33})
    reply = Reply(lines=(paragraph,) * 10, choices=(choice("menu", Msg.COMMON_BACK_TO_MENU),))
    rendered = olena.assistant.translator.render("uk", reply).text
    assert 4_096 < len(rendered) < 8_192
    sender = TelegramSender(olena.bot, olena.assistant.translator)
    await sender.send(Outbound(f"tg:{CLIENT.id}", "uk", (reply,)))
    first, second = olena.replies
    assert len(first.text) <= MAX_MESSAGE_CHARS
    assert len(second.text) <= MAX_MESSAGE_CHARS
    assert f"{first.text}\n\n{second.text}" == rendered
    assert first.reply_markup is None
    assert keyboard_payloads(second) == ["menu"]


def test_split_text_cuts_one_overlong_line_at_spaces() -> None:
    text = "slovo " * 1_000
    parts = split_text(text.strip())
    assert len(parts) == 2
    assert max(len(p) for p in parts) <= MAX_MESSAGE_CHARS
    assert " ".join(parts) == text.strip()


def test_keyboard_layout_and_payloads_that_do_not_fit() -> None:
    short = build_keyboard(
        [RenderedChoice("a", "Ano"), RenderedChoice("b", "Ne"), RenderedChoice("c", "Menu")]
    )
    assert short is not None
    assert [len(row) for row in short.inline_keyboard] == [2, 1]
    long = build_keyboard([RenderedChoice("a", "A much longer label here"), RenderedChoice("b", "Ne")])
    assert long is not None
    assert [len(row) for row in long.inline_keyboard] == [1, 1]
    kept = build_keyboard([RenderedChoice("x" * 63, "Too long"), RenderedChoice("ok", "OK")])
    assert kept is not None
    assert [b.text for row in kept.inline_keyboard for b in row] == ["OK"]
    assert Choice("x" * 62, Text(Msg.MENU_HELP))  # 62 bytes + "c|" is exactly Telegram's 64


async def test_booking_on_telegram_confirms_and_sends_the_calendar_file(olena: TelegramClient) -> None:
    assistant = olena.assistant
    await open_example_schedule(assistant)  # Wednesday, 08:00 in Prague
    await olena.onboard()
    await olena.say("/book")
    for step in ("bk:svc:", "bk:days:", "bk:d:", "bk:t:", "bk:ok:"):
        offered = keyboard_payloads(olena.replies[-1])
        await olena.press(next(p for p in offered if p.startswith(step)))

    confirmation = olena.replies[-1]
    assert olena.uk(Msg.BOOKING_BOOKED) in confirmation.text
    assert "10:00" in confirmation.text  # Prague time
    assert keyboard_payloads(confirmation)[0] == "appt:list"
    [document] = olena.session.of_type(SendDocument)
    assert olena.session.requests.index(document) > olena.session.requests.index(confirmation)
    assert document.chat_id == CLIENT.id
    upload = document.document
    assert isinstance(upload, BufferedInputFile)
    assert upload.filename is not None
    assert upload.filename.endswith(".ics")
    event = icalendar.Calendar.from_ical(upload.data).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2026, 9, 23, 8, 0, tzinfo=UTC)
    assert olena.session.sent[-1].document is not None  # the chat shows the file


async def test_the_notifier_delivers_to_telegram_clients(olena: TelegramClient) -> None:
    await olena.onboard()
    assert await olena.assistant.notifier.notify(f"tg:{CLIENT.id}", [Reply.of(Msg.INPUT_UNSUPPORTED)])
    [reply] = olena.replies
    assert (reply.chat_id, reply.text) == (CLIENT.id, olena.uk(Msg.INPUT_UNSUPPORTED))


async def test_polling_answers_updates_and_stops_cleanly(assistant: Assistant) -> None:
    session = RecordingSession()
    service = build_telegram_service(assistant, FAKE_TELEGRAM_TOKEN, session=session)
    message = Message(message_id=1, date=datetime.now(UTC), chat=PRIVATE, from_user=CLIENT, text="Привіт")
    session.updates.append(Update(update_id=7, message=message))
    await service.start()
    await wait_until(lambda: bool(session.of_type(SendMessage)))
    await service.stop()
    assert session.of_type(GetMe)
    assert session.closed >= 1
    # A webhook left by a run in webhook mode would make getUpdates fail with 409; its updates stay.
    calls = [r.__api_method__ for r in session.requests]
    assert calls.index("deleteWebhook") < calls.index("getUpdates")
    assert session.of_type(DeleteWebhook)[0].drop_pending_updates is False


async def test_a_refused_token_is_logged_and_the_app_runs_on(assistant: Assistant) -> None:
    session = RecordingSession()
    session.fail[GetMe] = TelegramUnauthorizedError(method=GetMe(), message="Unauthorized")
    service = build_telegram_service(assistant, FAKE_TELEGRAM_TOKEN, session=session)
    with structlog.testing.capture_logs() as logs:
        await service.start()
        await wait_until(lambda: any(e["event"] == "telegram_disabled" for e in logs))
        await service.stop()
    [disabled] = [e for e in logs if e["event"] == "telegram_disabled"]
    assert disabled["log_level"] == "error"
    assert "TELEGRAM_BOT_TOKEN" in disabled["reason"]


async def test_a_malformed_token_is_logged_and_the_app_runs_on(assistant: Assistant) -> None:
    service = build_telegram_service(assistant, "not a token")
    with structlog.testing.capture_logs() as logs:
        await service.start()
        await service.stop()
    assert any("TELEGRAM_BOT_TOKEN" in e.get("reason", "") for e in logs)


# --- files from clients (issue 5: "a file or photo from the client: kept and shown in the console") ---

PHOTO_SIZES = [
    PhotoSize(file_id="p-small", file_unique_id="ps", width=90, height=67, file_size=1_200),
    PhotoSize(file_id="p-large", file_unique_id="pl", width=1280, height=960, file_size=5),
    PhotoSize(file_id="p-medium", file_unique_id="pm", width=320, height=240, file_size=9_000),
]


async def open_case_on_telegram(olena: TelegramClient) -> int:
    await olena.onboard()
    await olena.say("/human")
    async with olena.assistant.sessions() as db:
        case = await db.scalar(select(Case))
    assert case is not None
    olena.session.clear()
    return int(case.id)


async def case_files(olena: TelegramClient, case_id: int) -> list[tuple[str, str | None, str | None, bytes]]:
    """(text, file name, media type, content) of the client's entries with a file."""
    async with olena.assistant.sessions() as db:
        entries = (await db.scalars(select(CaseEntry).where(CaseEntry.case_id == case_id))).all()
        kept: list[tuple[str, str | None, str | None, bytes]] = []
        for entry in entries:
            if entry.kind == EntryKind.CLIENT.value and entry.file_name is not None:
                full = await queue.file_of(db, case_id, entry.id)
                assert full is not None
                assert full.file_content is not None
                kept.append((entry.text, entry.file_name, entry.file_type, full.file_content))
        return kept


async def test_a_photo_and_a_document_during_a_case_are_kept_for_the_counsellor(
    olena: TelegramClient,
) -> None:
    case_id = await open_case_on_telegram(olena)
    olena.session.files.update({"p-large": b"\xff\xd8 large jpeg", "doc-1": b"%PDF-1.7 decision"})
    await olena.feed(photo=PHOTO_SIZES, caption="Рішення МВС")
    pdf = Document(
        file_id="doc-1",
        file_unique_id="d1",
        file_name="rozhodnuti.pdf",
        mime_type="application/pdf",
        file_size=17,
    )
    await olena.feed(document=pdf)

    assert [m.file_id for m in olena.session.of_type(GetFile)] == ["p-large", "doc-1"]  # the largest photo
    assert await case_files(olena, case_id) == [
        ("Рішення МВС", "photo_pl.jpg", "image/jpeg", b"\xff\xd8 large jpeg"),
        ("", "rozhodnuti.pdf", "application/pdf", b"%PDF-1.7 decision"),
    ]
    assert olena.replies == []  # the bot stays quiet: the counsellor reads it


async def test_a_document_without_name_or_type_is_still_kept(olena: TelegramClient) -> None:
    case_id = await open_case_on_telegram(olena)
    olena.session.files["doc-2"] = b"raw"
    await olena.feed(document=Document(file_id="doc-2", file_unique_id="d2"))
    assert await case_files(olena, case_id) == [("", "document_d2", "application/octet-stream", b"raw")]


async def test_a_file_over_the_limit_is_refused_without_downloading_it(olena: TelegramClient) -> None:
    case_id = await open_case_on_telegram(olena)
    huge = Document(
        file_id="big", file_unique_id="b", file_name="scan.tiff", file_size=queue.MAX_FILE_BYTES + 1
    )
    await olena.feed(document=huge)

    assert olena.session.of_type(GetFile) == []
    [reply] = olena.replies
    assert reply.text == olena.uk(Msg.CASE_FILE_TOO_LARGE, megabytes=queue.MAX_FILE_BYTES // (1024 * 1024))
    async with olena.assistant.sessions() as db:
        events = (await db.scalars(select(CaseEntry.detail).where(CaseEntry.case_id == case_id))).all()
    assert "file_too_large" in events  # the counsellor sees that a file came


async def test_a_failed_download_gets_a_polite_answer_and_a_log_line(olena: TelegramClient) -> None:
    await open_case_on_telegram(olena)
    olena.session.fail[GetFile] = TelegramBadRequest(
        method=GetFile(file_id="x"), message="Bad Request: file is too big"
    )
    with structlog.testing.capture_logs() as logs:
        await olena.feed(photo=PHOTO_SIZES)
    [reply] = olena.replies
    assert reply.text == olena.uk(Msg.CASE_ONLY_WORDS)
    [failed] = [e for e in logs if e["event"] == "telegram_file_download_failed"]
    assert failed["error"] == "TelegramBadRequest"


async def test_a_photo_outside_a_case_is_refused_with_the_offer_of_a_counsellor(
    olena: TelegramClient,
) -> None:
    await olena.onboard()
    olena.session.files["p-large"] = b"jpeg"
    await olena.feed(photo=PHOTO_SIZES, caption="povolení")
    [reply] = olena.replies
    assert reply.text == olena.uk(Msg.CASE_FILE_OUTSIDE)
    assert keyboard_payloads(reply) == ["human"]


# --- unreachable clients: the Notifier learns it, the conversational path only logs ------------------


def forbidden(description: str) -> TelegramForbiddenError:
    return TelegramForbiddenError(method=SendMessage(chat_id=CLIENT.id, text="x"), message=description)


def bad_request(description: str) -> TelegramBadRequest:
    return TelegramBadRequest(method=SendMessage(chat_id=CLIENT.id, text="x"), message=description)


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (forbidden("Forbidden: bot was blocked by the user"), Delivered.UNREACHABLE),
        (forbidden("Forbidden: user is deactivated"), Delivered.UNREACHABLE),
        (bad_request("Bad Request: chat not found"), Delivered.UNREACHABLE),
        (bad_request("Bad Request: message text is empty"), Delivered.FAILED),
    ],
    ids=["blocked", "deactivated", "chat-not-found", "other-bad-request"],
)
async def test_the_notifier_learns_when_a_client_cannot_be_reached(
    olena: TelegramClient, error: Exception, outcome: Delivered
) -> None:
    await olena.onboard()
    olena.session.fail[SendMessage] = error
    assert await olena.assistant.notifier.deliver(
        f"tg:{CLIENT.id}", [Reply.of(Msg.CASE_CLAIMED, name="Karel")]
    ) is (outcome)
