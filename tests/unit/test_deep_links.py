"""Deep links in the dialog core: which payloads are known, and where newcomers and known clients land."""

from __future__ import annotations

from bot.app import Assistant
from bot.core.dialogs import split_payload
from bot.i18n.msg import Msg
from dialogs.common import contact_args
from dialogs.deep_links import FIXED, Link, resolve
from scheduler.models import Service
from tests.driver import ChatDriver

LOCALES = ("cs", "en", "uk", "ru", "vi")


def test_the_documented_links_and_nothing_else_are_known() -> None:
    assert resolve("course_a1", LOCALES) == Link("czech:a1", service="czech_a1")
    assert resolve("COURSE_A2", LOCALES) == Link("czech:a2", service="czech_a2")
    assert resolve("book_legal_counselling", LOCALES) == Link("book", service="legal_counselling")
    assert resolve("lang_uk", LOCALES) == Link("lang:uk", locale="uk")
    assert resolve("exams", LOCALES) == Link("topic:exam_permanent_residence")
    assert resolve("lang_uk", ("cs", "en")) is None  # a language this centre does not offer
    for unknown in ("course_b2", "lang_de", "book_", "win", "x" * 65, "a b", "menu!", ""):
        assert resolve(unknown, LOCALES) is None


async def test_every_link_opens_a_dialog_that_exists(assistant: Assistant) -> None:
    prefixes = {split_payload(payload)[0] for payload in FIXED.values()} | {"czech", "lang", "bk"}
    assert {p for p in prefixes if assistant.router.payload_handler(p) is None} == set()

    newcomer = ChatDriver(assistant, "console:newcomer-vi", locale_hint="uk")
    await newcomer.open("lang_vi")
    assert assistant.translator.format("vi", Msg.FIRST_CONTACT_CONSENT_QUESTION) in newcomer.text
    await newcomer.press("start:agree")
    assert newcomer.payloads[0] == "lang:vi"  # the language of the link comes first
    await newcomer.press("lang:vi")
    assert newcomer.text.endswith(assistant.translator.format("vi", Msg.MENU_TITLE))

    stranger = ChatDriver(assistant, "console:stranger", locale_hint="en")
    await stranger.open("free_money")
    assert stranger.payloads == ["start:agree", "start:decline", "start:languages"]
    await stranger.press("start:agree")
    await stranger.press("lang:en")
    assert stranger.text.endswith(assistant.translator.format("en", Msg.MENU_TITLE))


async def test_a_course_link_books_the_course_when_the_scheduler_offers_it(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("/start course_a2")  # typed in a channel without deep links: the same
    assert chat.payloads[0] == "sub:t:czech_courses"
    assert "(A2)" in chat.text

    async with chat.assistant.sessions() as s, s.begin():
        course = Service(code="czech_a1", names={"en": "Czech A1 course"}, duration_min=90, seats=12)
        s.add(course)
    await chat.open("course_a1")
    # The booking of that very course; no lector gives it yet, so the booking says so.
    args = {"service": "Czech A1 course", **contact_args(chat.assistant.centre, "en")}
    assert chat.text == chat.assistant.translator.format("en", Msg.BOOKING_NO_FREE_DAYS, args)
    assert chat.payloads == ["book", "menu"]
