"""Free text end to end through the engine: answers, emergencies, fallbacks and the learning loop."""

from __future__ import annotations

from sqlalchemy import select

from bot.i18n.msg import Msg
from bot.nlu.models import NluMiss
from counselling import queue
from tests.driver import ChatDriver


async def test_faq_answer_in_the_clients_language_with_its_source(chat: ChatDriver) -> None:
    await chat.onboard("uk")
    await chat.send("як продовжити тимчасовий захист на наступний рік?")
    t = chat.assistant.translator
    assert t.format("uk", Msg.FAQ_TEMPORARY_PROTECTION).split("\n")[0] in chat.text
    assert "https://ipc.gov.cz" in chat.text
    assert "human" in chat.payloads
    assert "menu" in chat.payloads


async def test_contact_answer_uses_configured_address_and_hours(chat: ChatDriver) -> None:
    await chat.onboard("cs")
    await chat.send("kde presne jste a kdy mate otevreno?")
    assert "Velká Hradební 33" in chat.text
    assert "10:00–16:00" in chat.text


async def test_emergency_gets_a_person_path_never_an_faq(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("my extension was refused yesterday, how do I extend now?")
    t = chat.assistant.translator
    assert t.format("en", Msg.ESCALATION_INTRO) in chat.text
    assert t.format("en", Msg.ESCALATION_DEADLINE) in chat.text
    assert chat.payloads == ["case:leave"]  # a counsellor has the case now; the client may go back
    await chat.press("case:leave")
    await chat.send("my boss took my passport and does not pay me")
    assert "222 71 71 71" in chat.text
    assert "800 077 777" in chat.text
    await chat.press("case:leave")
    await chat.send("мій чоловік мене б'є")
    assert "116 006" in chat.text
    assert "112" in chat.text


async def test_two_stage_fallback_and_misses_are_kept_for_training(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("and then what")  # vague: no topic is likely enough
    assert chat.assistant.translator.format("en", Msg.FAQ_DID_YOU_MEAN) in chat.text
    topics = [p for p in chat.payloads if p.startswith("topic:")]
    assert len(topics) == 3
    await chat.send("how long")
    assert chat.assistant.translator.format("en", Msg.FAQ_STILL_NOT_UNDERSTOOD) in chat.text
    assert chat.assistant.translator.format("en", Msg.CASE_OPENED) in chat.text  # a person reads it now
    assert chat.payloads == ["case:leave"]
    async with chat.assistant.sessions() as session:
        misses = (await session.scalars(select(NluMiss).order_by(NluMiss.id))).all()
    assert [m.text for m in misses] == ["and then what", "how long"]
    assert misses[0].language == "en"
    assert len(misses[0].top_intents) == 3


async def test_numbers_and_emoji_alone_get_the_menu_never_a_counsellor_case(chat: ChatDriver) -> None:
    await chat.onboard("uk")
    t = chat.assistant.translator
    for text in ("3", "2", "#3", "10:30", "👍", "?!"):
        await chat.send(text)  # "3" and "2" were ranked as expulsion cases by the model
        assert chat.text == t.format("uk", Msg.INPUT_NO_WORDS), text
        assert "book" in chat.payloads
        assert "human" in chat.payloads  # a person is one press away, but only if the client asks
    async with chat.assistant.sessions() as session:
        assert await queue.open_cases(session) == []
        assert (await session.scalars(select(NluMiss))).all() == []  # nothing the model could learn from
    await chat.send("and then what")
    assert t.format("uk", Msg.FAQ_DID_YOU_MEAN) in chat.text  # a first miss, not a second


async def test_did_you_mean_button_answers_that_topic(chat: ChatDriver) -> None:
    await chat.onboard("vi")
    await chat.press("topic:health_insurance")
    assert chat.assistant.translator.format("vi", Msg.FAQ_HEALTH_INSURANCE).split("\n")[0] in chat.text
    await chat.press("topic:not_an_intent")
    assert chat.assistant.translator.format("vi", Msg.INPUT_STALE_BUTTON) in chat.text


async def test_unsupported_language_gets_english_and_czech_with_the_language_menu(chat: ChatDriver) -> None:
    await chat.onboard("cs")
    await chat.send("مرحبا، أريد تجديد الإقامة من فضلك")
    assert chat.text == chat.assistant.translator.format("en", Msg.FAQ_UNSUPPORTED_LANGUAGE)
    assert "lang:uk" in chat.payloads


async def test_first_message_language_picks_the_privacy_notice_language(assistant_chat: ChatDriver) -> None:
    await assistant_chat.send("Добрый день, мне нужна помощь с продлением визы")
    assert assistant_chat.last is not None
    assert assistant_chat.last.locale == "ru"
    assert "start:agree" in assistant_chat.payloads


async def test_forgetting_deletes_misses_too(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("and then what")
    async with chat.assistant.sessions() as session:
        assert len((await session.scalars(select(NluMiss))).all()) == 1
    await chat.press("privacy:forget-yes")
    async with chat.assistant.sessions() as session:
        assert (await session.scalars(select(NluMiss))).all() == []


async def test_the_language_a_newcomer_writes_in_carries_through_consent(assistant_chat: ChatDriver) -> None:
    await assistant_chat.send("Dobrý den, potřebuji prodloužit pobyt, končí mi v březnu")
    await assistant_chat.press("start:agree")  # a button press has no text to detect a language from
    assert assistant_chat.last is not None
    assert assistant_chat.last.locale == "cs"
    assert assistant_chat.payloads[0] == "lang:cs"  # the language they wrote in is offered first


async def test_the_question_asked_before_consent_is_answered_after_onboarding(
    assistant_chat: ChatDriver,
) -> None:
    await assistant_chat.send("Добрий день! Як продовжити тимчасовий захист?")
    assert "start:agree" in assistant_chat.payloads
    await assistant_chat.press("start:agree")
    await assistant_chat.press("lang:uk")
    t = assistant_chat.assistant.translator
    assert t.format("uk", Msg.LANGUAGE_CHANGED) in assistant_chat.text
    assert t.format("uk", Msg.FAQ_TEMPORARY_PROTECTION).split("\n")[0] in assistant_chat.text
    await assistant_chat.press("lang:cs")  # a later language change does not repeat the old answer
    assert t.format("cs", Msg.MENU_TITLE) in assistant_chat.text
