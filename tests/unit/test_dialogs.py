"""Menu, language change, help and privacy, and the fallback, as a client meets them."""

from __future__ import annotations

import pytest

from bot.i18n.msg import Msg
from dialogs.common import contact_args
from tests.driver import ChatDriver


async def test_menu_items_each_answer_in_the_clients_language(chat: ChatDriver) -> None:
    await chat.onboard("ru")
    t = chat.assistant.translator
    expected = {
        "faq": Msg.QUESTIONS_INTRO,
        "courses": Msg.SUBSCRIPTIONS_INTRO,
        "lang": Msg.LANGUAGE_CHOOSE,
        "human": Msg.CASE_OPENED,  # last: from here on the client talks to a counsellor
    }
    for payload, msg in expected.items():
        await chat.press(payload)
        assert t.format("ru", msg) in chat.text, payload
    await chat.press("book")  # still works during a case; no schedule here: how to book directly
    assert t.format("ru", Msg.BOOKING_NO_SERVICES, contact_args(chat.assistant.centre, "ru")) in chat.text


async def test_counsellor_gives_emergency_and_referral_numbers(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.press("human")
    for number in ("112", "116 006", "222 71 71 71", "800 077 777"):
        assert number in chat.text


async def test_change_language_by_command(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("/language")
    assert "lang:uk" in chat.payloads
    await chat.press("lang:uk")
    assert chat.last is not None
    assert chat.last.locale == "uk"
    await chat.send("/menu")
    assert chat.last.locale == "uk"  # remembered for the next messages


async def test_help_shows_contacts_and_opening_hours_in_locale(chat: ChatDriver) -> None:
    await chat.onboard("cs")
    await chat.send("/help")
    assert "Velká Hradební 33" in chat.text
    assert "po, út, čt 10:00–16:00" in chat.text.lower()
    assert "privacy" in chat.payloads


async def test_privacy_shows_consent_date_and_forget_deletes_transcript(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.press("privacy")
    assert "180 days" in chat.text
    await chat.press("privacy:forget")
    assert chat.payloads == ["privacy:forget-yes", "privacy"]
    await chat.press("privacy:forget-yes")
    assert "withdrawn your consent" in chat.text
    await chat.send("hello again")
    assert "start:agree" in chat.payloads  # consent is asked again


async def test_out_of_scope_question_gets_a_polite_reply_with_menu(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("what is the weather in Prague tomorrow")
    assert chat.text.startswith(chat.assistant.translator.format("en", Msg.FAQ_OUT_OF_SCOPE).split("\n")[0])
    assert "faq" in chat.payloads


@pytest.mark.parametrize("payload", ["nonsense", "slot:9999", "lang:xx", "privacy:unknown-step", "invalid"])
async def test_old_or_unknown_buttons_never_break(chat: ChatDriver, payload: str) -> None:
    await chat.onboard("en")
    replies = await chat.press(payload)
    assert replies, payload
    assert chat.assistant.translator.format("en", Msg.ERROR_TRY_AGAIN) not in chat.text


async def test_empty_message_is_answered(chat: ChatDriver) -> None:
    await chat.onboard("uk")
    await chat.send("   ")
    assert chat.assistant.translator.format("uk", Msg.INPUT_EMPTY) in chat.text


async def test_ten_thousand_characters_are_handled_and_longer_refused(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("a" * 10_000)
    assert chat.text
    assert chat.assistant.translator.format("en", Msg.ERROR_TRY_AGAIN) not in chat.text
    await chat.send("b" * 10_001)
    assert "10001" in chat.text.replace(",", "").replace("\u00a0", "")


async def test_emoji_storm_and_unsupported_content(chat: ChatDriver) -> None:
    await chat.onboard("vi")
    await chat.send("😀🔥🇺🇦" * 500)
    assert chat.text
    assert chat.assistant.translator.format("vi", Msg.ERROR_TRY_AGAIN) not in chat.text
    assert chat.last is not None
    assert chat.last.locale == "vi"
    from bot.channels.base import InboundMessage

    outbound = await chat.assistant.engine.handle(InboundMessage.unsupported(chat.user_ref, "sticker"))
    rendered = chat.assistant.translator.render_outbound(outbound)
    assert rendered[0].text == chat.assistant.translator.format("vi", Msg.INPUT_UNSUPPORTED)
