"""What Telegram shows about the bot in each language: the command menu, description, short description.

Published once per start (https://core.telegram.org/bots/api#setmycommands, #setmydescription,
#setmyshortdescription): for every enabled locale with its `language_code`, and once without one in the
default locale for clients whose app language we do not speak. Cheaper than comparing first: a start
makes 3 calls per language. A failure is logged and the bot runs on with what Telegram had.
"""

from __future__ import annotations

from dataclasses import dataclass

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.methods import SetMyCommands, SetMyDescription, SetMyShortDescription, TelegramMethod
from aiogram.types import BotCommand

from bot.i18n.msg import Msg
from bot.i18n.translator import Translator

log = structlog.get_logger(__name__)

# The menu, in this order; each command is routed in the dialog core (a test checks it).
MENU_COMMANDS: tuple[tuple[str, Msg], ...] = (
    ("start", Msg.COMMAND_START),
    ("menu", Msg.COMMAND_MENU),
    ("language", Msg.COMMAND_LANGUAGE),
    ("book", Msg.COMMAND_BOOK),
    ("human", Msg.COMMAND_HUMAN),
    ("stop", Msg.COMMAND_STOP),
    ("help", Msg.COMMAND_HELP),
)
# Telegram's limits: a command's description 1-256 characters, a description 512, a short one 120.
COMMAND_DESCRIPTION_CHARS = 256
DESCRIPTION_CHARS = 512
SHORT_DESCRIPTION_CHARS = 120


def fit(text: str, limit: int) -> str:
    """`text`, or cut at the last space before `limit` with an ellipsis (a long CENTRE_NAME)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    log.warning("telegram_profile_text_cut", limit=limit, length=len(text))
    return f"{cut[:space] if space > 0 else cut}…"


@dataclass(frozen=True)
class ProfileTexts:
    """One language's texts, within Telegram's limits."""

    commands: tuple[BotCommand, ...]
    description: str
    short_description: str


class BotProfile:
    """The texts per language, and publishing them to Telegram."""

    def __init__(
        self, translator: Translator, locales: tuple[str, ...], default_locale: str, centre_name: str
    ) -> None:
        self._translator = translator
        self._locales = locales
        self._default = default_locale
        self._centre = centre_name

    def texts(self, locale: str) -> ProfileTexts:
        t = self._translator
        commands = tuple(
            BotCommand(command=name, description=fit(t.format(locale, msg), COMMAND_DESCRIPTION_CHARS))
            for name, msg in MENU_COMMANDS
        )
        # Each language in its own words, so anyone browsing the bot sees theirs is spoken.
        languages = ", ".join(t.format(locale, Msg(f"language-{code}")) for code in self._locales)
        description = t.format(locale, Msg.BOT_DESCRIPTION, {"centre": self._centre, "languages": languages})
        short = t.format(locale, Msg.BOT_SHORT_DESCRIPTION, {"centre": self._centre})
        return ProfileTexts(
            commands, fit(description, DESCRIPTION_CHARS), fit(short, SHORT_DESCRIPTION_CHARS)
        )

    async def publish(self, bot: Bot) -> bool:
        """Set every language's texts; False (after logging why) when Telegram refused any of them."""
        targets: list[tuple[str | None, str]] = [(code, code) for code in self._locales]
        targets.append((None, self._default))
        published = True
        for language_code, locale in targets:
            texts = self.texts(locale)
            requests: tuple[TelegramMethod[bool], ...] = (
                SetMyCommands(commands=list(texts.commands), language_code=language_code),
                SetMyDescription(description=texts.description, language_code=language_code),
                SetMyShortDescription(short_description=texts.short_description, language_code=language_code),
            )
            for request in requests:
                method = type(request).__name__
                try:
                    await bot(request)
                except TelegramBadRequest as error:
                    # One text refused: the other languages may still go through.
                    log.warning(
                        "telegram_profile_refused",
                        method=method,
                        language=language_code,
                        detail=error.message,
                    )
                    published = False
                except TelegramAPIError as error:
                    # Network down, 429 (these methods have tight limits of their own), 5xx: the texts of
                    # the last start stay, and the bot works as usual. Only the type: a URL holds the token.
                    log.warning("telegram_profile_failed", method=method, error=type(error).__name__)
                    return False
        if published:
            log.info("telegram_profile_published", languages=len(targets))
        return published
