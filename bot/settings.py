"""Runtime configuration read from the environment (and an optional .env file)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.db.sqlite_on_loop import sqlite_url_rest
from bot.inbox.processor import CONCURRENCY as INBOX_CONCURRENCY
from counselling.models import Priority
from counselling.priority import parse_sla

SUPPORTED_LOCALES = ("cs", "en", "uk", "ru", "vi")
DEFAULT_CASE_SLA = "urgent=15,high=60,normal=240"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TEMPLATE_ITEM = re.compile(r"^([a-z][a-z0-9_]*):([a-z]{2})=([a-z0-9_]{1,512})$")
# https://core.telegram.org/bots/api#setwebhook: secret_token is 1-256 of A-Z, a-z, 0-9, _ and -.
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_HOURS_ITEM = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class OpeningPeriod:
    """One opening period of the centre on one weekday (0 = Monday), local time."""

    weekday: int
    opens: time
    closes: time


def parse_opening_hours(raw: str) -> tuple[OpeningPeriod, ...]:
    """Parse `mon 10:00-16:00; tue 10:00-16:00` into periods, rejecting anything unclear."""
    periods: list[OpeningPeriod] = []
    for item in (part.strip().lower() for part in raw.split(";")):
        if not item:
            continue
        match = _HOURS_ITEM.match(item)
        if match is None:
            raise ValueError(f"'{item}' is not like 'mon 10:00-16:00'")
        day, h1, m1, h2, m2 = match.groups()
        try:
            opens, closes = time(int(h1), int(m1)), time(int(h2), int(m2))
        except ValueError as exc:
            raise ValueError(f"'{item}' has an impossible time") from exc
        if closes <= opens:
            raise ValueError(f"'{item}' closes before it opens")
        periods.append(OpeningPeriod(WEEKDAYS.index(day), opens, closes))
    return tuple(sorted(periods, key=lambda p: (p.weekday, p.opens)))


def parse_templates(raw: str) -> dict[tuple[str, str], str]:
    """`reminder:cs=pripominka_terminu,notice:en=centre_notice` -> {(purpose, language): template name}."""
    templates: dict[tuple[str, str], str] = {}
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        match = _TEMPLATE_ITEM.match(item)
        if match is None:
            raise ValueError(f"'{item}' is not like 'reminder:en=appointment_reminder'")
        purpose, language, name = match.groups()
        if language not in SUPPORTED_LOCALES:
            raise ValueError(f"'{item}': language must be one of {', '.join(SUPPORTED_LOCALES)}")
        templates[(purpose, language)] = name
    return templates


def _secret(value: SecretStr | str | None) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else (value or "")


class Settings(BaseSettings):
    """Every setting has a safe default for `make run` on a laptop; see README, Configuration."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = "sqlite:///data/assistant.sqlite3"
    redis_url: str | None = None
    telegram_bot_token: SecretStr | None = None
    telegram_api_base: str | None = None
    # Webhook mode instead of long polling when set (README, Telegram webhook mode).
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    # Messages per second per bot, shared by every process: Telegram's 30, or up to 1000 once the bot
    # has paid broadcasts (allow_paid_broadcast). The 1 per second in one chat is not configurable.
    telegram_messages_per_second: float = Field(default=30.0, gt=0, le=1000)

    web_host: str = "127.0.0.1"
    web_port: int = Field(default=8080, ge=1, le=65535)
    staff_cookie_secure: bool = False

    default_locale: str = "en"
    enabled_locales: Annotated[tuple[str, ...], NoDecode] = SUPPORTED_LOCALES

    centre_name: str = "Centrum na podporu integrace cizinců v Ústeckém kraji"
    centre_address: str = "Velká Hradební 33, 400 01 Ústí nad Labem"
    centre_opening_hours: Annotated[tuple[OpeningPeriod, ...], NoDecode] = parse_opening_hours(
        "mon 10:00-16:00; tue 10:00-16:00; thu 10:00-16:00"
    )
    centre_phone: str = ""
    centre_email: str = ""
    centre_timezone: str = "Europe/Prague"

    message_retention_days: int = Field(default=180, ge=1, le=3650)
    conversation_state_ttl_days: int = Field(default=90, ge=1, le=3650)
    shutdown_grace_seconds: float = Field(default=20.0, gt=0, le=600)
    # Stored messages one process handles at once, each client's still one after another (README).
    inbox_concurrency: int = Field(default=INBOX_CONCURRENCY, ge=1, le=1024)

    nlu_model_path: Path = Path("data/nlu/model.joblib")
    booking_max_future: int = Field(default=2, ge=1, le=20)
    reminder_interval_seconds: float = Field(default=30.0, gt=0, le=3600)
    # First-response targets of the counsellor queue, minutes per priority (README, Configuration).
    case_sla_minutes: Annotated[dict[Priority, timedelta], NoDecode] = parse_sla(DEFAULT_CASE_SLA)
    case_sla_check_seconds: float = Field(default=60.0, gt=0, le=3600)
    # A Telegram supergroup with topics where each case gets its own topic (optional).
    telegram_staff_chat_id: int | None = None

    # WhatsApp Cloud API: the channel is on when the first four are set (README, WhatsApp set-up).
    whatsapp_access_token: SecretStr | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_app_secret: SecretStr | None = None
    whatsapp_verify_token: SecretStr | None = None
    whatsapp_api_base: str = "https://graph.facebook.com/v21.0"
    # Messages per second per business number: the Cloud API's 80, or up to 1000 on an upgraded number.
    whatsapp_messages_per_second: float = Field(default=80.0, gt=0, le=1000)
    # Approved templates for bot-initiated messages outside the 24-hour window, per purpose and language.
    whatsapp_templates: Annotated[dict[tuple[str, str], str], NoDecode] = Field(default_factory=dict)
    broadcast_interval_seconds: float = Field(default=2.0, gt=0, le=3600)

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "console"] = "console"

    @field_validator("enabled_locales", mode="before")
    @classmethod
    def _split_locales(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip().lower() for part in value.split(",") if part.strip())
        return value

    @field_validator("enabled_locales")
    @classmethod
    def _known_locales(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [code for code in value if code not in SUPPORTED_LOCALES]
        if unknown:
            raise ValueError(
                f"unsupported locale(s) {', '.join(unknown)}; choose from {', '.join(SUPPORTED_LOCALES)}"
            )
        if not value:
            raise ValueError("at least one locale must be enabled")
        return tuple(dict.fromkeys(value))

    @field_validator("default_locale")
    @classmethod
    def _known_default(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"'{value}' is not one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("centre_opening_hours", mode="before")
    @classmethod
    def _parse_hours(cls, value: object) -> object:
        return parse_opening_hours(value) if isinstance(value, str) else value

    @field_validator("case_sla_minutes", mode="before")
    @classmethod
    def _parse_sla(cls, value: object) -> object:
        return parse_sla(value) if isinstance(value, str) else value

    @field_validator("whatsapp_templates", mode="before")
    @classmethod
    def _parse_templates(cls, value: object) -> object:
        return parse_templates(value) if isinstance(value, str) else value

    @field_validator("whatsapp_phone_number_id", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("whatsapp_api_base")
    @classmethod
    def _http_base(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("use https://graph.facebook.com/v21.0 (or a stand-in's http:// address)")
        return value.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if sqlite_url_rest(value) is None and not value.startswith("postgresql+asyncpg://"):
            raise ValueError("use sqlite:///path or postgresql+asyncpg://user@host/db")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("use redis://host:port/db")
        return value

    @field_validator("telegram_api_base")
    @classmethod
    def _api_base(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("use http(s)://host:port of a Telegram Bot API server")
        return value.rstrip("/")

    @field_validator("telegram_webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError(
                "use the public https:// address Telegram posts to, e.g. https://bot.example.org/telegram/webhook"
            )
        if parts.path.rstrip("/") == "":
            raise ValueError("add a path, e.g. https://bot.example.org/telegram/webhook (/ is the web chat)")
        if parts.query or parts.fragment:
            raise ValueError("leave out ?query and #fragment: the path alone is routed")
        return value

    @field_validator("telegram_webhook_secret", mode="before")
    @classmethod
    def _webhook_secret(cls, value: object) -> object:
        raw = _secret(value) if isinstance(value, SecretStr | str) else value
        if raw in (None, ""):
            return None
        if not isinstance(raw, str) or not _WEBHOOK_SECRET.match(raw):
            raise ValueError("use 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return value

    @field_validator("centre_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone '{value}'") from exc
        return value

    @model_validator(mode="after")
    def _default_is_enabled(self) -> Settings:
        if self.default_locale not in self.enabled_locales:
            raise ValueError(f"DEFAULT_LOCALE '{self.default_locale}' is not in ENABLED_LOCALES")
        return self

    @model_validator(mode="after")
    def _whatsapp_complete(self) -> Settings:
        parts = {
            "WHATSAPP_ACCESS_TOKEN": self.whatsapp_access_token,
            "WHATSAPP_PHONE_NUMBER_ID": self.whatsapp_phone_number_id,
            "WHATSAPP_APP_SECRET": self.whatsapp_app_secret,
            "WHATSAPP_VERIFY_TOKEN": self.whatsapp_verify_token,
        }
        missing = [name for name, value in parts.items() if value is None or not str(_secret(value))]
        if missing and len(missing) < len(parts):
            raise ValueError(f"WhatsApp is half configured: set {', '.join(missing)} too (or none of them)")
        return self

    @model_validator(mode="after")
    def _webhook_needs_token(self) -> Settings:
        url = self.telegram_webhook_url
        if url is None:
            return self
        if self.telegram_bot_token is None:
            raise ValueError("TELEGRAM_WEBHOOK_URL needs TELEGRAM_BOT_TOKEN")
        # api.telegram.org posts only to HTTPS; a local Bot API server (TELEGRAM_API_BASE) also to HTTP.
        if url.startswith("http://") and self.telegram_api_base is None:
            raise ValueError("TELEGRAM_WEBHOOK_URL must start with https:// (Telegram posts only to HTTPS)")
        return self

    @property
    def whatsapp_enabled(self) -> bool:
        return self.whatsapp_access_token is not None and self.whatsapp_phone_number_id is not None

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, so start-up can create its folder; None for other databases."""
        rest = sqlite_url_rest(self.database_url)
        if rest is not None and rest.startswith("/"):
            path = rest[1:]
            return None if path in ("", ":memory:") else Path(path)
        return None
