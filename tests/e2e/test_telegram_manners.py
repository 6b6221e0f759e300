"""Telegram platform manners (issue 6): the command menu, deep links, HTML-escaped replies, callback data."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import structlog
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramNetworkError
from aiogram.methods import (
    GetUpdates,
    SendMessage,
    SetMyCommands,
    SetMyDescription,
    SetMyShortDescription,
)
from aiogram.types import Message
from sqlalchemy import select

from bot.app import Assistant
from bot.channels.base import Choice, Outbound, RenderedChoice, Reply, Text
from bot.channels.telegram.keyboards import (
    TELEGRAM_CALLBACK_DATA_BYTES,
    build_keyboard,
    pack_payload,
    unpack_payload,
)
from bot.channels.telegram.profile import MENU_COMMANDS, BotProfile, fit
from bot.channels.telegram.sender import MAX_MESSAGE_CHARS, TelegramSender, telegram_length
from bot.channels.telegram.service import TelegramPolling
from bot.clients.repository import ClientRepository
from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from bot.paths import LOCALES_DIR, REPO_ROOT
from bot.settings import Settings
from broadcasts.subscriptions import SubscriptionBook
from counselling.models import Case
from dialogs.booking_payloads import (
    TargetRef,
    appointment_payload,
    confirm_payload,
    day_payload,
    days_payload,
    more_payload,
    service_payload,
    time_payload,
    waitlist_payload,
)
from dialogs.common import contact_args
from scheduler.importer import import_schedule, read_file
from scheduler.models import Service
from tests.e2e.test_telegram_dispatcher import CLIENT, MENU, TelegramClient, keyboard_payloads, wait_until
from tests.e2e.test_telegram_dispatcher import olena as _olena
from tests.fakes import FAKE_TELEGRAM_TOKEN, RecordingSession

LOCALES = ("cs", "en", "uk", "ru", "vi")
CENTRE = str(Settings.model_fields["centre_name"].default)
OLENA = f"tg:{CLIENT.id}"
olena = _olena  # the Telegram client of the dispatcher tests, on the recording session


async def seed_schedule(assistant: Assistant) -> None:
    async with assistant.sessions() as s, s.begin():
        await import_schedule(s, read_file(REPO_ROOT / "scheduler" / "examples" / "usti.yml"))


async def service_id(assistant: Assistant, code: str) -> int:
    async with assistant.sessions() as s:
        found = await s.scalar(select(Service.id).where(Service.code == code))
    assert found is not None
    return int(found)


async def topics_of(assistant: Assistant, user_ref: str) -> set[str]:
    async with assistant.sessions() as s:
        thread = await ClientRepository(s).find(user_ref)
        assert thread is not None
        return {str(topic) for topic in await SubscriptionBook(s).topics(thread.client.id)}


async def answer(olena: TelegramClient, text: str) -> list[Message]:
    """Send `text`; the messages the chat shows in answer (parsed as Telegram parses them)."""
    before = len(olena.session.sent)
    await olena.say(text)
    shown = olena.session.sent[before:]
    assert shown, f"no answer to {text!r}"
    return shown


# --- the command menu: every command it offers does what it says --------------------------------------


async def test_every_command_of_the_menu_does_what_it_says(olena: TelegramClient) -> None:
    assistant = olena.assistant
    await seed_schedule(assistant)
    await olena.onboard()
    assert {name for name, _ in MENU_COMMANDS} <= set(assistant.router.commands())

    [shown] = await answer(olena, "/help")
    assert olena.uk(Msg.HELP_TEXT, centre=assistant.centre.name) in (shown.text or "")
    assert keyboard_payloads(shown) == ["privacy", "link", "menu"]

    [shown] = await answer(olena, "/menu")
    assert (shown.text, keyboard_payloads(shown)) == (olena.uk(Msg.MENU_TITLE), MENU)

    [shown] = await answer(olena, "/language")
    assert shown.text == olena.uk(Msg.LANGUAGE_CHOOSE)
    assert sorted(keyboard_payloads(shown)) == sorted(f"lang:{code}" for code in LOCALES)

    [shown] = await answer(olena, "/book")
    assert shown.text == olena.uk(Msg.BOOKING_CHOOSE_SERVICE)
    assert keyboard_payloads(shown)[0] == service_payload(await service_id(assistant, "social_counselling"))

    [shown] = await answer(olena, "/start")
    assert (shown.text, keyboard_payloads(shown)) == (olena.uk(Msg.MENU_TITLE), MENU)
    await olena.press("courses")
    await olena.press("sub:t:czech_courses")
    assert await topics_of(assistant, OLENA) == {"czech_courses"}
    [shown] = await answer(olena, "/stop")
    assert shown.text == olena.uk(Msg.SUBSCRIPTIONS_STOPPED)
    assert await topics_of(assistant, OLENA) == set()

    [shown] = await answer(olena, "/human")
    assert olena.uk(Msg.CASE_OPENED) in (shown.text or "")
    async with assistant.sessions() as s:
        assert (await s.scalars(select(Case.user_ref))).all() == [OLENA]


# --- deep links: https://t.me/<bot>?start=<payload> ----------------------------------------------------


async def test_a_newcomer_from_the_a1_course_link_lands_there_after_consent(olena: TelegramClient) -> None:
    assistant = olena.assistant
    await seed_schedule(assistant)
    [notice] = await answer(olena, "/start course_a1")
    assert keyboard_payloads(notice) == ["start:agree", "start:decline", "start:languages"]
    await olena.press("start:agree")
    before = len(olena.session.sent)
    await olena.press("lang:uk")
    changed, course = olena.session.sent[before:]
    assert changed.text == olena.uk(Msg.LANGUAGE_CHANGED)
    args = {"level": "a1", "subscribed": "no", **contact_args(assistant.centre, "uk")}
    assert course.text == olena.uk(Msg.COURSES_CZECH, **args)
    placement = service_payload(await service_id(assistant, "czech_placement"))
    assert keyboard_payloads(course) == ["sub:t:czech_courses", placement, "menu"]

    await olena.press("sub:t:czech_courses")
    assert await topics_of(assistant, OLENA) == {"czech_courses"}


async def test_links_of_a_known_client_open_their_dialogs(olena: TelegramClient) -> None:
    assistant = olena.assistant
    await seed_schedule(assistant)
    await olena.onboard()

    [shown] = await answer(olena, "/start book_legal_counselling")  # two branches offer it: which one?
    assert shown.text == olena.uk(Msg.BOOKING_CHOOSE_LOCATION, service="Юридична консультація")

    [shown] = await answer(olena, "/start exams")
    assert (shown.text or "").startswith(olena.uk(Msg.FAQ_EXAM_PERMANENT_RESIDENCE).split("\n")[0])

    [shown] = await answer(olena, "/start book_no_such_service")
    assert shown.text == olena.uk(Msg.BOOKING_CHOOSE_SERVICE)

    with structlog.testing.capture_logs() as logs:
        [shown] = await answer(olena, "/start win_a_prize")
    assert (shown.text, keyboard_payloads(shown)) == (olena.uk(Msg.MENU_TITLE), MENU)
    [unknown] = [e for e in logs if e["event"] == "deep_link_unknown"]
    assert (unknown["log_level"], unknown["link"]) == ("debug", "win_a_prize")

    changed, menu = await answer(olena, "/start lang_vi")
    vi = assistant.translator.format
    assert (changed.text, menu.text) == (vi("vi", Msg.LANGUAGE_CHANGED), vi("vi", Msg.MENU_TITLE))

    [shown] = await answer(olena, "/start human")
    assert vi("vi", Msg.CASE_OPENED) in (shown.text or "")


# --- HTML parse mode: split the plain text, then escape each part ---------------------------------------


def telegram_sender() -> tuple[TelegramSender, RecordingSession]:
    session = RecordingSession()
    bot = Bot(FAKE_TELEGRAM_TOKEN, session=session, default=DefaultBotProperties(parse_mode=None))
    return TelegramSender(bot, Translator(LOCALES_DIR, ["en"])), session


def announcement(text: str) -> Outbound:
    """A coordinator's words (or a counsellor's): shown as typed, never through Fluent."""
    line = Text(Msg.BROADCAST_MESSAGE, {"text": text}, verbatim=True)
    return Outbound("tg:5550002", "en", (Reply(lines=(line,)),))


async def test_markup_like_text_arrives_intact_split_on_paragraphs_within_the_limit() -> None:
    tricky = 'Kurz A1 <script>alert("x")</script> &amp; "<b>" &lt;3 — 5 > 3 & 2 < 4 🇨🇿😀 <i>'
    paragraphs = [tricky, *(f"Odstavec {n} 📚 " + "slovo " * 109 + "konec." for n in range(14))]
    text = "\n\n".join(paragraphs)
    assert len(text) > 9_000
    sender, session = telegram_sender()

    await sender.send(announcement(text))  # a counsellor's reply goes this way
    result = await sender.deliver(announcement(text))  # an announcement goes this way
    assert result.parts_sent == 3

    sent = session.of_type(SendMessage)
    assert {request.parse_mode for request in sent} == {ParseMode.HTML}
    assert "&lt;script&gt;" in sent[0].text
    shown = [message.text or "" for message in session.sent]
    assert shown[:3] == shown[3:]
    assert "\n\n".join(shown[:3]) == text
    assert shown[0].startswith(tricky)
    for part in shown:
        assert telegram_length(part) <= MAX_MESSAGE_CHARS
        assert set(part.split("\n\n")) <= set(paragraphs)  # whole paragraphs only


async def test_the_limit_counts_the_text_before_escaping() -> None:
    sender, session = telegram_sender()
    await sender.send(announcement("&" * MAX_MESSAGE_CHARS))  # 20,480 characters once escaped
    [message] = session.sent
    assert message.text == "&" * MAX_MESSAGE_CHARS


# --- callback data: the longest payloads the dialogs make fit in Telegram's 64 bytes --------------------


def test_the_longest_payloads_of_the_dialogs_fit_in_callback_data() -> None:
    big = 9_999_999_999  # the longest database id the booking payloads accept
    late = datetime(2159, 12, 31, 23, 55, tzinfo=UTC)  # the last 8-digit unix minute they accept
    new, moved = TargetRef(big, big), TargetRef(booking_id=big)
    payloads = [
        confirm_payload(new, big, late),
        confirm_payload(moved, big, late),
        time_payload(new, big, late),
        more_payload(new, late),
        day_payload(new, date(2159, 12, 31)),
        days_payload(new),
        waitlist_payload(big),
        service_payload(big),
        appointment_payload("confirm", big),
        f"case:rate:{big}:5",
        f"sub:loc:{big}",
        "sub:t:adaptation_course",
        "topic:legal_permit_refused_appeal",
        "start:lang:vi",
    ]
    long_label = "Adaptačně-integrační kurz (Vítejte v ČR), Ústí nad Labem, 10:00–14:00"
    keyboard = build_keyboard([RenderedChoice(p, long_label) for p in payloads])
    assert keyboard is not None
    buttons = [button for row in keyboard.inline_keyboard for button in row]
    assert len(buttons) == len(payloads)  # none dropped
    for payload, button in zip(payloads, buttons, strict=True):
        assert Choice(payload, Text(Msg.MENU_HELP))  # the dialogs can build it
        assert button.callback_data is not None
        assert len(button.callback_data.encode()) <= TELEGRAM_CALLBACK_DATA_BYTES
        assert unpack_payload(button.callback_data) == payload


def test_a_payload_that_does_not_fit_is_dropped_never_cut() -> None:
    too_long = confirm_payload(TargetRef(1, 2), 3, datetime(2026, 9, 23, tzinfo=UTC)) + ":" + "9" * 50
    with pytest.raises(ValueError, match="payload"):
        Choice(too_long, Text(Msg.MENU_HELP))  # a dialog cannot even make it
    assert pack_payload(too_long) is None  # and the adapter would not cut it into another payload
    choices = [RenderedChoice(too_long, "Potvrdit"), RenderedChoice("menu", "Menu")]
    with structlog.testing.capture_logs() as logs:
        keyboard = build_keyboard(choices)
    assert keyboard is not None
    assert [b.callback_data for row in keyboard.inline_keyboard for b in row] == [pack_payload("menu")]
    assert [e["log_level"] for e in logs if e["event"] == "telegram_choice_dropped"] == ["error"]
    # Keyboards are built once per set of choices; the dialog bug is still logged every time it shows.
    with structlog.testing.capture_logs() as logs:
        assert build_keyboard(choices) == keyboard
    assert [e["log_level"] for e in logs if e["event"] == "telegram_choice_dropped"] == ["error"]


# --- the profile: command menu and descriptions per language ---------------------------------------------


@pytest.fixture(scope="module")
def translator() -> Translator:
    """Loading five languages' bundles takes a while: once for the tests of this module."""
    return Translator(LOCALES_DIR, LOCALES)


@pytest.fixture
def profile(translator: Translator) -> BotProfile:
    return BotProfile(translator, LOCALES, "en", CENTRE)


def test_profile_texts_fit_telegrams_limits_in_every_language(profile: BotProfile) -> None:
    with structlog.testing.capture_logs() as logs:
        for locale in LOCALES:
            texts = profile.texts(locale)
            assert [c.command for c in texts.commands] == [name for name, _ in MENU_COMMANDS]
            assert all(3 <= len(c.description) <= 256 for c in texts.commands)
            assert CENTRE in texts.description
            assert len(texts.description) <= 512
            assert len(texts.short_description) <= 120
    assert not [e for e in logs if e["event"] == "telegram_profile_text_cut"]
    assert fit("Centrum pro cizince " * 10, 40) == "Centrum pro cizince Centrum pro…"


async def test_polling_start_publishes_the_menu_and_descriptions_in_every_language(
    profile: BotProfile, translator: Translator
) -> None:
    session = RecordingSession()
    bot = Bot(FAKE_TELEGRAM_TOKEN, session=session)
    polling = TelegramPolling(bot, Dispatcher(), 1.0, profile)
    await polling.start()
    await wait_until(lambda: len(session.of_type(SetMyShortDescription)) == len(LOCALES) + 1)
    await polling.stop()

    commands = session.of_type(SetMyCommands)
    assert [c.language_code for c in commands] == [*LOCALES, None]  # None: any other app language
    uk = commands[LOCALES.index("uk")]
    assert [(c.command, c.description) for c in uk.commands] == [
        (name, translator.format("uk", msg)) for name, msg in MENU_COMMANDS
    ]
    assert commands[-1].commands == commands[LOCALES.index("en")].commands  # the default locale
    descriptions = {d.language_code: d.description for d in session.of_type(SetMyDescription)}
    languages = "🇨🇿 Čeština, 🇬🇧 English, 🇺🇦 Українська, Русский, 🇻🇳 Tiếng Việt"  # each in its own words
    args = {"centre": CENTRE, "languages": languages}
    assert descriptions["cs"] == translator.format("cs", Msg.BOT_DESCRIPTION, args)
    assert descriptions[None] == descriptions["en"]


@pytest.mark.parametrize(
    ("error", "commands_set", "event"),
    [
        (TelegramNetworkError(SetMyDescription(), "Request timeout error"), 1, "telegram_profile_failed"),
        (
            TelegramBadRequest(SetMyDescription(), "Bad Request: text is too long"),
            6,
            "telegram_profile_refused",
        ),
    ],
    ids=["network-down-stops-publishing", "a-refused-text-skips-only-itself"],
)
async def test_a_failing_profile_call_is_logged_and_the_bot_still_polls(
    profile: BotProfile, error: TelegramAPIError, commands_set: int, event: str
) -> None:
    session = RecordingSession()
    session.fail[SetMyDescription] = error
    bot = Bot(FAKE_TELEGRAM_TOKEN, session=session)
    polling = TelegramPolling(bot, Dispatcher(), 1.0, profile)
    with structlog.testing.capture_logs() as logs:
        await polling.start()
        await wait_until(lambda: any(e["event"] == event for e in logs))
        await wait_until(lambda: len(session.of_type(GetUpdates)) >= 2)  # still polling for clients
        await polling.stop()
    assert len(session.of_type(SetMyCommands)) == commands_set
    assert all(e["log_level"] == "warning" for e in logs if e["event"] == event)
    assert FAKE_TELEGRAM_TOKEN not in repr(logs)
