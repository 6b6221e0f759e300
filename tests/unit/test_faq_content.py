"""FAQ content: every answer intent answered in every language, each fact with its source and date."""

from __future__ import annotations

from datetime import date

import pytest

from bot.i18n.generate import message_ids
from bot.i18n.msg import Msg
from bot.i18n.sources import read_sources
from bot.nlu.intents import ANSWER_INTENTS, SMALL_TALK_INTENTS, SUGGESTABLE_INTENTS, Intent
from bot.paths import LOCALES_DIR
from bot.settings import SUPPORTED_LOCALES
from dialogs.faq import answer_msg
from dialogs.understand import topic_label

FAQ_TOPICS = ANSWER_INTENTS - SMALL_TALK_INTENTS
HELPERS = {
    "faq-source",
    "faq-did-you-mean",
    "faq-still-not-understood",
    "faq-unsupported-language",
    "faq-more-help",
}


def test_every_answer_intent_has_an_answer_and_every_answer_an_intent() -> None:
    answers = {m.value for m in Msg if m.value.startswith("faq-")} - HELPERS
    expected = {answer_msg(i).value for i in (*ANSWER_INTENTS, Intent.OUT_OF_SCOPE)}
    assert answers == expected


def test_topic_buttons_exist_for_every_suggestable_intent() -> None:
    for intent in SUGGESTABLE_INTENTS:
        assert topic_label(intent) in Msg.__members__.values()
    topics = {m.value for m in Msg if m.value.startswith("topic-")}
    assert all(t.removeprefix("topic-").replace("-", "_") in Intent.__members__.values() for t in topics)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_fact_has_an_official_looking_source_and_a_date(locale: str) -> None:
    sources = read_sources(LOCALES_DIR / locale / "faq.ftl")
    english = read_sources(LOCALES_DIR / "en" / "faq.ftl")
    for intent in FAQ_TOPICS:
        source = sources[answer_msg(intent).value]
        assert source.url.startswith("https://"), intent
        assert date(2025, 1, 1) <= source.checked <= date.today(), intent
        assert source == english[answer_msg(intent).value], f"{locale} cites another source for {intent}"


def test_centre_facts_come_from_configuration_not_text() -> None:
    for locale in SUPPORTED_LOCALES:
        text = (LOCALES_DIR / locale / "faq.ftl").read_text(encoding="utf-8")
        assert "Velká Hradební" not in text, locale  # the address is { $address }
    assert "faq-centre-contact-hours" in message_ids(LOCALES_DIR / "en")
