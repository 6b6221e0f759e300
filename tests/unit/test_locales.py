"""Locales as data: every id everywhere, the generated enum in sync, plurals and dates per language."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, visitor

from bot.i18n.generate import MSG_MODULE, message_ids, render_module
from bot.i18n.msg import Msg
from bot.i18n.translator import Translator, fallback_chain
from bot.paths import LOCALES_DIR, REPO_ROOT
from bot.settings import SUPPORTED_LOCALES

EN_IDS = message_ids(LOCALES_DIR / "en")


class _References(visitor.Visitor):
    """Message ids that other messages include, such as `{ link-channel }` (a channel's name)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.ids.add(node.id.name)


def referenced_ids(locale_dir: Path) -> set[str]:
    found = _References()
    for path in sorted(locale_dir.glob("*.ftl")):
        found.visit(FluentParser().parse(path.read_text(encoding="utf-8")))
    return found.ids


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator(LOCALES_DIR, SUPPORTED_LOCALES)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_message_exists_in_every_locale(locale: str) -> None:
    ids = message_ids(LOCALES_DIR / locale)
    assert sorted(set(EN_IDS) - set(ids)) == [], f"missing in {locale}"
    assert sorted(set(ids) - set(EN_IDS)) == [], f"only in {locale}"
    assert len(ids) == len(set(ids)), f"duplicate ids in {locale}"


def test_generated_enum_is_in_sync_with_english() -> None:
    assert MSG_MODULE.read_text(encoding="utf-8") == render_module(EN_IDS), "run `make msg`"


def test_no_orphan_ids() -> None:
    """Every id is used: as Msg.X in code, by prefix (webchat chrome, language names), or in a message."""
    code = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in ("bot", "broadcasts", "counselling", "dialogs", "scheduler")
        for p in (REPO_ROOT / folder).rglob("*.py")
        if p != MSG_MODULE
    )
    # Page labels reached through the translator, and answers and topic buttons reached by intent name
    # (test_faq_content checks those against the intent taxonomy instead).
    used_by_prefix = ("webchat-", "language-", "staff-", "faq-", "topic-", "canned-")
    included = referenced_ids(LOCALES_DIR / "en")
    orphans = [
        m.value
        for m in Msg
        if f"Msg.{m.name}" not in code and not m.value.startswith(used_by_prefix) and m.value not in included
    ]
    assert orphans == []


@pytest.mark.parametrize(
    ("locale", "count", "word"),
    [
        ("en", 1, "1 day"),
        ("en", 2, "2 days"),
        ("en", 5, "5 days"),
        ("cs", 1, "1 den"),
        ("cs", 3, "3 dny"),
        ("cs", 5, "5 dní"),
        ("uk", 1, "1 день"),
        ("uk", 3, "3 дні"),
        ("uk", 5, "5 днів"),
        ("uk", 21, "21 день"),
        ("ru", 1, "1 день"),
        ("ru", 3, "3 дня"),
        ("ru", 11, "11 дней"),
        ("vi", 1, "1 ngày"),
        ("vi", 5, "5 ngày"),
    ],
)
def test_plurals_follow_each_language(translator: Translator, locale: str, count: int, word: str) -> None:
    assert word in translator.format(locale, Msg.FIRST_CONTACT_PRIVACY, {"days": count})


@pytest.mark.parametrize(
    ("locale", "date", "clock"),
    [
        ("en", "March 6, 2026", "12:30\u202fAM"),
        ("cs", "6. března 2026", "0:30"),
        ("uk", "6 березня 2026", "00:30"),
        ("ru", "6 марта 2026", "00:30"),
        ("vi", "6 tháng 3, 2026", "00:30"),
    ],
)
def test_dates_are_written_the_local_way_in_prague_time(
    translator: Translator, locale: str, date: str, clock: str
) -> None:
    consented = datetime(2026, 3, 5, 23, 30, tzinfo=UTC)  # already 6 March, 00:30 in Prague (CET)
    text = translator.format(locale, Msg.HELP_PRIVACY, {"consented_at": consented, "days": 30})
    assert date in text
    assert clock in text


def test_fallback_chain_is_client_then_english_then_czech(tmp_path: Path) -> None:
    assert fallback_chain("uk") == ["uk", "en", "cs"]
    assert fallback_chain("cs") == ["cs", "en"]
    for locale, body in {
        "en": "only-en = English\nboth = English both\n",
        "cs": "only-en = Czech\nonly-cs = Jen česky\nboth = Česky obojí\n",
        "uk": "both = Українською\n",
    }.items():
        (tmp_path / locale).mkdir()
        (tmp_path / locale / "main.ftl").write_text(body, encoding="utf-8")
    from bot.i18n import translator as module

    t = module.Translator(tmp_path, ["uk", "en", "cs"])
    fmt = t._l10n["uk"].format_value
    assert fmt("both") == "Українською"
    assert fmt("only-en") == "English"
    assert fmt("only-cs") == "Jen česky"


def test_no_raw_message_keys_in_code() -> None:
    """Code names messages through Msg, never as strings (the anti-pattern in STYLE.md)."""
    pattern = re.compile(r"format(_value)?\(\s*[\"'][a-z]+-[a-z-]+[\"']")
    offenders = [
        str(p)
        for folder in ("bot", "dialogs")
        for p in (REPO_ROOT / folder).rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_message_with_arguments_follows_its_arguments_and_locale_every_time() -> None:
    """Formatted messages are kept for reuse: a later call must never get another call's text."""
    fresh = Translator(LOCALES_DIR, SUPPORTED_LOCALES)
    texts = [
        fresh.format(locale, Msg.INPUT_TOO_LONG, {"length": length, "limit": 10})
        for locale, length in [("en", 12), ("en", 13), ("en", 12), ("uk", 12)]
    ]
    assert "12" in texts[0]
    assert "13" in texts[1]
    assert texts[2] == texts[0]
    assert texts[3] != texts[0]
    assert "12" in texts[3]
