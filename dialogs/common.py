"""Pieces several dialogs share: the main menu keyboard and the centre's contact arguments."""

from __future__ import annotations

from bot.channels.base import Choice, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import Step
from bot.i18n.formatting import format_opening_hours
from bot.i18n.msg import Msg


def menu_choices() -> tuple[Choice, ...]:
    return (
        choice("faq", Msg.MENU_QUESTIONS),
        choice("book", Msg.MENU_BOOK),
        choice("human", Msg.MENU_COUNSELLOR),
        choice("courses", Msg.MENU_COURSES),
        choice("lang", Msg.MENU_LANGUAGE),
        choice("help", Msg.MENU_HELP),
    )


def main_menu() -> Step:
    return Step.say(Msg.MENU_TITLE, menu_choices())


def back_to_menu() -> tuple[Choice, ...]:
    return (choice("menu", Msg.COMMON_BACK_TO_MENU),)


def contact_args(centre: CentreInfo, locale: str) -> dict[str, str]:
    """Address and opening hours as the client reads them."""
    return {
        "centre": centre.name,
        "address": centre.address,
        "hours": format_opening_hours(centre.opening_hours, locale),
    }
