"""Configuration: safe defaults, and one clear line naming the variable when something is wrong."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config_errors import describe_settings_error
from bot.settings import Settings, parse_opening_hours

REPO = Path(__file__).resolve().parents[2]


def settings(**env: str) -> Settings:
    return Settings(_env_file=None, **env)  # type: ignore[arg-type]


def test_defaults_run_on_a_laptop() -> None:
    s = settings()
    assert s.database_url.startswith("sqlite:///data/")
    assert s.sqlite_path == Path("data/assistant.sqlite3")
    assert s.redis_url is None
    assert s.telegram_bot_token is None
    assert (s.web_host, s.web_port) == ("127.0.0.1", 8080)
    assert s.enabled_locales == ("cs", "en", "uk", "ru", "vi")


def test_the_earlier_sqlite_url_form_still_names_the_same_file() -> None:
    # Configurations written before SQLite moved onto the event loop say sqlite+aiosqlite://.
    assert settings(database_url="sqlite+aiosqlite:///srv/a.db").sqlite_path == Path("srv/a.db")
    assert settings(database_url="sqlite:////srv/a.db").sqlite_path == Path("/srv/a.db")
    assert settings(database_url="postgresql+asyncpg://u@h/db").sqlite_path is None


def test_locales_and_hours_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENABLED_LOCALES", "uk, cs")
    monkeypatch.setenv("DEFAULT_LOCALE", "cs")
    monkeypatch.setenv("CENTRE_OPENING_HOURS", "fri 08:30-12:00; mon 9:00-17:00")
    s = Settings(_env_file=None)
    assert s.enabled_locales == ("uk", "cs")
    assert [(p.weekday, p.opens, p.closes) for p in s.centre_opening_hours] == [
        (0, time(9), time(17)),
        (4, time(8, 30), time(12)),
    ]


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("WEB_PORT", "eighty", "WEB_PORT"),
        ("ENABLED_LOCALES", "cs,xx", "unsupported locale(s) xx"),
        ("CENTRE_OPENING_HOURS", "monday 10-16", "CENTRE_OPENING_HOURS"),
        ("DATABASE_URL", "mysql://x", "DATABASE_URL"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL"),
        ("INBOX_CONCURRENCY", "0", "INBOX_CONCURRENCY: Input should be greater than or equal to 1"),
        ("INBOX_CONCURRENCY", "many", "INBOX_CONCURRENCY"),
    ],
)
def test_invalid_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    message = describe_settings_error(caught.value)
    assert message.startswith("Configuration error: ")
    assert expected in message
    assert "\n" not in message


def test_default_locale_must_be_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENABLED_LOCALES", "cs,uk")
    monkeypatch.setenv("DEFAULT_LOCALE", "en")
    with pytest.raises(ValidationError, match="DEFAULT_LOCALE 'en' is not in ENABLED_LOCALES"):
        Settings(_env_file=None)


def test_opening_hours_reject_nonsense() -> None:
    with pytest.raises(ValueError, match="closes before it opens"):
        parse_opening_hours("mon 16:00-10:00")
    with pytest.raises(ValueError, match="impossible time"):
        parse_opening_hours("tue 25:00-26:00")


def test_bad_configuration_stops_start_up_with_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "WEB_PORT": "99999", "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "Configuration error: WEB_PORT: Input should be less than or equal to 65535"
    ]


def test_telegram_api_base_points_at_another_bot_api_server() -> None:
    assert settings().telegram_api_base is None
    assert settings(telegram_api_base="http://127.0.0.1:8081/").telegram_api_base == "http://127.0.0.1:8081"
    with pytest.raises(ValidationError):
        settings(telegram_api_base="127.0.0.1:8081")


def test_telegram_webhook_url_and_secret() -> None:
    token = "42:TEST-token"
    hook = settings(telegram_bot_token=token, telegram_webhook_url="https://bot.example.org/tg/hook-1")
    assert hook.telegram_webhook_url == "https://bot.example.org/tg/hook-1"
    assert hook.telegram_webhook_secret is None  # derived from the token (bot/channels/telegram/webhook.py)
    assert settings().telegram_webhook_url is None  # long polling
    assert settings(
        telegram_webhook_secret="Abc_123-x" * 28, telegram_bot_token=token
    ).telegram_webhook_secret
    # A local Bot API server may post to plain HTTP; api.telegram.org only to HTTPS.
    local = {"telegram_bot_token": token, "telegram_api_base": "http://127.0.0.1:8081"}
    assert settings(telegram_webhook_url="http://10.0.0.5:8080/tg", **local).telegram_webhook_url
    refused = {
        "TELEGRAM_WEBHOOK_URL needs TELEGRAM_BOT_TOKEN": {"telegram_webhook_url": "https://b.example/tg"},
        "must start with https://": {
            "telegram_webhook_url": "http://b.example/tg",
            "telegram_bot_token": token,
        },
        "add a path": {"telegram_webhook_url": "https://b.example/", "telegram_bot_token": token},
        "leave out ?query": {"telegram_webhook_url": "https://b.example/tg?x=1", "telegram_bot_token": token},
        "public https:// address": {"telegram_webhook_url": "bot.example.org/tg"},
        "1-256 characters": {"telegram_webhook_secret": "has space"},
    }
    for expected, values in refused.items():
        with pytest.raises(ValidationError, match=re.escape(expected)):
            settings(**values)
    with pytest.raises(ValidationError, match="1-256 characters"):
        settings(telegram_webhook_secret="x" * 257)


def test_inbox_concurrency_defaults_to_64_and_can_be_set() -> None:
    assert settings().inbox_concurrency == 64
    assert settings(inbox_concurrency="8").inbox_concurrency == 8


def test_outbound_rates_default_to_the_platforms_limits() -> None:
    s = settings()
    assert (s.telegram_messages_per_second, s.whatsapp_messages_per_second) == (30.0, 80.0)
    raised = settings(telegram_messages_per_second="1000", whatsapp_messages_per_second="250.5")
    assert (raised.telegram_messages_per_second, raised.whatsapp_messages_per_second) == (1000.0, 250.5)


@pytest.mark.parametrize("variable", ["TELEGRAM_MESSAGES_PER_SECOND", "WHATSAPP_MESSAGES_PER_SECOND"])
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", "Input should be greater than 0"),
        ("-30", "Input should be greater than 0"),
        ("1001", "Input should be less than or equal to 1000"),
        ("thirty", "Input should be a valid number"),
    ],
)
def test_outbound_rates_outside_what_platforms_allow_are_refused(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    assert describe_settings_error(caught.value).startswith(f"Configuration error: {variable}: {expected}")
