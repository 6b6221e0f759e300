"""The trained model on messages as clients write them, and on bad input."""

from __future__ import annotations

import pytest

from bot.nlu.intents import Intent
from bot.nlu.policy import Action
from bot.nlu.service import Understanding


@pytest.mark.parametrize(
    ("text", "lang", "intent"),
    [
        ("dobry den, potrebuju prodlouzit pobyt, konci mi v unoru", "cs", Intent.RESIDENCE_EXTEND),
        ("Kde vás najdu a kdy máte otevřeno?", "cs", Intent.CENTRE_CONTACT_HOURS),
        ("how much cost the A2 exam for trvaly pobyt", "en", Intent.EXAM_PERMANENT_RESIDENCE),
        ("i want to book appointment with your lawyer", "en", Intent.BOOK_APPOINTMENT),
        ("як продовжити тимчасовий захист на наступний рік?", "uk", Intent.TEMPORARY_PROTECTION),
        ("yak prodovzhyty tymchasovyi zakhyst", "uk", Intent.TEMPORARY_PROTECTION),
        ("skolko stoit kurs cheshskogo yazyka u vas", "ru", Intent.CZECH_COURSE_INFO),
        ("Я переехал, нужно ли сообщать новый адрес в OAMP?", "ru", Intent.REPORT_ADDRESS_CHANGE),
        ("toi muon dang ky khoa hoc tieng sec", "vi", Intent.SUBSCRIBE_COURSES),
        ("Chào bạn, thẻ zaměstnanecká karta của tôi sắp hết hạn", "vi", Intent.EMPLOYEE_CARD),
        # A greeting in front of the question must not outvote it.
        ("Dobry den, muzu prijit zitra odpoledne kvuli vizu?", "cs", Intent.BOOK_APPOINTMENT),
        ("Привіт! Як продовжити візу?", "uk", Intent.RESIDENCE_EXTEND),
    ],
)
def test_everyday_questions_in_five_languages(
    understanding: Understanding, text: str, lang: str, intent: Intent
) -> None:
    parse = understanding.parser.parse(text)
    assert parse.language.code == lang
    decision = understanding.policy.decide(parse)
    assert decision.intent is intent, (parse.ranking[:3], decision)


@pytest.mark.parametrize(
    "text",
    [
        "moje prodlouzeni zamitli, co mam delat? mam 15 dni",
        "my brother is in detention centre Bělá-Jezová",
        "роботодавець забрав паспорт і не платить вже 3 місяці",
        "муж меня бьёт, я боюсь идти домой",
        "em muốn xin tị nạn ở Séc",
        "dostal jsem vyjezdni prikaz, musim odjet do 30 dni?",
    ],
)
def test_emergencies_always_reach_a_person(understanding: Understanding, text: str) -> None:
    decision = understanding.policy.decide(understanding.parser.parse(text))
    assert decision.action is Action.ESCALATE, decision


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("مرحبا، أريد تجديد الإقامة", "ar"),
        ("Сайн байна уу, би визээ сунгах хэрэгтэй байна", "mn"),
        ("Guten Tag, ich brauche Hilfe mit meiner Aufenthaltserlaubnis", "de"),
    ],
)
def test_languages_we_do_not_speak_are_recognised(understanding: Understanding, text: str, code: str) -> None:
    parse = understanding.parser.parse(text)
    assert parse.language.code == code
    assert understanding.policy.decide(parse).action is Action.UNSUPPORTED_LANGUAGE


@pytest.mark.parametrize(
    "text",
    [
        "😀😀😀🔥🔥🇺🇦",
        "x" * 10_000,
        "'; DROP TABLE clients; --",
        "<script>alert('hi')</script> prodlouzeni",
        "Привет hello ahoj xin chào مرحبا 你好",
        "?!?!",
        "1234567",
    ],
)
def test_bad_input_gets_a_decision_not_an_exception(understanding: Understanding, text: str) -> None:
    parse = understanding.parser.parse(text)
    decision = understanding.policy.decide(parse)
    assert decision.action in set(Action)
    assert len(parse.text) <= 1_000  # long messages are cut before the model sees them
