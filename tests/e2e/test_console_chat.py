"""`python -m bot chat` as a content editor uses it, from a pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from bot.paths import LOCALES_DIR


def run_chat(tmp_path: Path, lines: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/chat.sqlite3"}
    env.pop("REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat", *args],
        input=lines,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_piped_lines_get_numbered_buttons_and_numbers_press_them(tmp_path: Path) -> None:
    t = Translator(LOCALES_DIR, ["uk"])
    out = run_chat(tmp_path, "привіт\n1\n1\n", "--lang", "uk")
    assert t.format("uk", Msg.FIRST_CONTACT_CONSENT_QUESTION) in out
    assert f"  1) {t.format('uk', Msg.FIRST_CONTACT_AGREE)}" in out
    assert t.format("uk", Msg.FIRST_CONTACT_CHOOSE_LANGUAGE) in out  # "1" pressed "I agree"
    assert t.format("uk", Msg.LANGUAGE_CHANGED) in out  # the hinted language is listed first
    assert f"  1) {t.format('uk', Msg.MENU_QUESTIONS)}" in out


def test_user_option_continues_a_conversation(tmp_path: Path) -> None:
    run_chat(tmp_path, "hi\n1\n1\n", "--user", "editor", "--lang", "en")
    out = run_chat(tmp_path, "/help\n", "--user", "editor")
    assert "Velká Hradební 33" in out
    assert "start:agree" not in out
    assert "I agree" not in out
