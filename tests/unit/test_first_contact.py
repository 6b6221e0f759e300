"""First contact: privacy notice and consent before anything is stored, then language choice."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.app import Assistant
from bot.clients.models import Client, Message
from bot.i18n.msg import Msg
from tests.driver import ChatDriver


async def count(assistant: Assistant, model: type[Message] | type[Client]) -> int:
    async with assistant.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_first_message_gets_privacy_notice_in_hinted_language(assistant: Assistant) -> None:
    chat = ChatDriver(assistant, "console:olena", locale_hint="uk-UA")
    await chat.send("Добрий день")
    t = assistant.translator
    assert t.format("uk", Msg.FIRST_CONTACT_CONSENT_QUESTION) in chat.text
    assert "180" in chat.text  # the retention period is stated
    assert chat.payloads == ["start:agree", "start:decline", "start:languages"]
    assert chat.last is not None
    assert chat.last.locale == "uk"


async def test_nothing_is_stored_before_consent(assistant: Assistant) -> None:
    chat = ChatDriver(assistant, "console:quiet")
    await chat.send("my passport number is 123456")
    await chat.press("start:decline")
    assert "Velká Hradební 33" in chat.text  # the centre can still be reached directly
    assert await count(assistant, Message) == 0


async def test_agree_then_language_then_menu(chat: ChatDriver) -> None:
    await chat.send("hi")
    await chat.press("start:agree")
    assert chat.payloads[:1] == ["lang:en"]
    assert "lang:vi" in chat.payloads
    await chat.press("lang:cs")
    t = chat.assistant.translator
    assert t.format("cs", Msg.LANGUAGE_CHANGED) in chat.text
    assert t.format("cs", Msg.MENU_TITLE) in chat.text
    assert chat.payloads == ["faq", "book", "human", "courses", "lang", "help"]
    assert await count(chat.assistant, Message) > 0  # from consent on, the transcript is kept


async def test_other_language_before_consent_shows_notice_in_that_language(chat: ChatDriver) -> None:
    await chat.send("hello")
    await chat.press("start:languages")
    assert "start:lang:vi" in chat.payloads
    await chat.press("start:lang:vi")
    assert chat.last is not None
    assert chat.last.locale == "vi"
    assert chat.assistant.translator.format("vi", Msg.FIRST_CONTACT_CONSENT_QUESTION) in chat.text
    assert "start:agree" in chat.payloads


async def test_buttons_before_consent_lead_back_to_the_notice(chat: ChatDriver) -> None:
    await chat.press("book")
    assert "start:agree" in chat.payloads


async def test_declined_client_can_change_their_mind(chat: ChatDriver) -> None:
    await chat.send("hi")
    await chat.press("start:decline")
    await chat.send("ok, I changed my mind")
    assert "start:agree" in chat.payloads
    await chat.press("start:agree")
    assert "lang:en" in chat.payloads
