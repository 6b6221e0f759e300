"""The policy's rules, on hand-made parses: emergencies win, two-stage fallback, foreign languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlu.intents import Intent
from bot.nlu.langid import LanguageGuess
from bot.nlu.parser import Parse
from bot.nlu.policy import Action, EscalationKeywords, Policy
from bot.paths import NLU_DATA_DIR

POLICY = Policy(EscalationKeywords.load(NLU_DATA_DIR / "escalation_keywords.yml"))


def parse(text: str, *ranking: tuple[Intent, float], lang: str | None = "en") -> Parse:
    rest = [(i, 0.0) for i in Intent if i not in dict(ranking)]
    return Parse(text=text, language=LanguageGuess(lang, 0.99), ranking=(*ranking, *rest))


def test_confident_faq_is_answered_and_flow_is_run() -> None:
    assert POLICY.decide(parse("x", (Intent.RESIDENCE_EXTEND, 0.9))).action is Action.ANSWER
    decision = POLICY.decide(parse("x", (Intent.BOOK_APPOINTMENT, 0.8)))
    assert (decision.action, decision.intent) == (Action.FLOW, Intent.BOOK_APPOINTMENT)


def test_legal_intent_wins_even_when_an_faq_scores_higher() -> None:
    close = parse("x", (Intent.RESIDENCE_EXTEND, 0.6), (Intent.LEGAL_PERMIT_REFUSED_APPEAL, 0.3))
    decision = POLICY.decide(close)
    assert (decision.action, decision.intent) == (Action.ESCALATE, Intent.LEGAL_PERMIT_REFUSED_APPEAL)


def test_emergency_words_escalate_whatever_the_model_says() -> None:
    for text, intent in [
        ("My husband was detained at the airport", Intent.LEGAL_DETENTION),
        ("мужа задержали на границе", Intent.LEGAL_DETENTION),
        ("manzel me bije", Intent.LEGAL_DOMESTIC_VIOLENCE),
        ("agentura mi sebrala pas", None),  # "sebral pas" needs the exact stem; the model covers the rest
        ("zamestnavatel mi vzal mi pas", Intent.LEGAL_LABOUR_EXPLOITATION),
        ("dostal jsem rozhodnuti o spravnim vyhosteni", Intent.LEGAL_EXPULSION),
    ]:
        decision = POLICY.decide(parse(text, (Intent.GREET, 0.95)))
        if intent is None:
            continue
        assert (decision.action, decision.intent) == (Action.ESCALATE, intent), text


def test_low_confidence_asks_first_then_offers_a_person() -> None:
    unsure = parse(
        "hmm",
        (Intent.RESIDENCE_TYPES, 0.2),
        (Intent.GOODBYE, 0.15),
        (Intent.HEALTH_INSURANCE, 0.1),
        (Intent.OUT_OF_SCOPE, 0.09),
        (Intent.MOCK_EXAM, 0.08),
    )
    first = POLICY.decide(unsure, misses_before=0)
    assert first.action is Action.CLARIFY
    # Small talk and out_of_scope are never offered as topics; three real topics are.
    assert first.suggestions == (Intent.RESIDENCE_TYPES, Intent.HEALTH_INSURANCE, Intent.MOCK_EXAM)
    assert POLICY.decide(unsure, misses_before=1).action is Action.HANDOFF


def test_out_of_scope_and_unsupported_language() -> None:
    assert POLICY.decide(parse("x", (Intent.OUT_OF_SCOPE, 0.9))).action is Action.OUT_OF_SCOPE
    arabic = parse("x", (Intent.RESIDENCE_EXTEND, 0.9), lang="ar")
    assert POLICY.decide(arabic).action is Action.UNSUPPORTED_LANGUAGE


def test_keywords_file_only_names_escalation_intents(tmp_path: Path) -> None:
    bad = tmp_path / "k.yml"
    bad.write_text("greet: [hello]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="greet is not an escalation intent"):
        EscalationKeywords.load(bad)


@pytest.mark.parametrize("text", ["3", "2", "#3", "+420 123 456 789", "15.12.", "👍", "🆘", "!!!", "..."])
def test_texts_without_letters_are_never_escalated_or_answered(text: str) -> None:
    # The ranking the intent model gave the bare digit "3": a legal intent above the escalation floor.
    noise = parse(text, (Intent.REPORT_DOCUMENT_CHANGE, 0.36), (Intent.LEGAL_EXPULSION, 0.21), lang=None)
    for misses in (0, 1):
        decision = POLICY.decide(noise, misses_before=misses)
        assert (decision.action, decision.intent) == (Action.NO_WORDS, None)


def test_one_letter_among_digits_is_read_by_the_model() -> None:
    decision = POLICY.decide(parse("3x", (Intent.LEGAL_EXPULSION, 0.21)))
    assert (decision.action, decision.intent) == (Action.ESCALATE, Intent.LEGAL_EXPULSION)
