"""Which inbox queue an update joins: its chat, else its sender; and the secret every process derives."""

from __future__ import annotations

import re
from typing import Any

from aiogram.types import Update

from bot.channels.telegram.webhook import derive_secret, inbox_row
from tests.standins.telegram_updates import (
    callback_update,
    group_chat,
    message_update,
    person,
    private_chat,
)

OLENA = person(5550001, "Olena", "uk")


def row_of(data: dict[str, Any]) -> tuple[str, str] | None:
    row = inbox_row(data, Update.model_validate(data))
    return None if row is None else (row.platform_message_id, row.user_ref)


def test_messages_queue_per_chat_and_presses_per_chat_or_person() -> None:
    private = message_update(7, 1, OLENA, private_chat(OLENA), text="Ahoj")
    assert row_of(private) == ("7", "tg:5550001")
    group = message_update(8, 2, OLENA, group_chat(-100123, "Expats"), text="Ahoj")
    assert row_of(group) == ("8", "tg:-100123")
    pressed = callback_update(9, OLENA, {**private["message"], "from": OLENA}, "c|menu")
    assert row_of(pressed) == ("9", "tg:5550001")
    inline = callback_update(10, OLENA, {}, "c|menu")
    del inline["callback_query"]["message"]
    inline["callback_query"]["inline_message_id"] = "AAE"
    assert row_of(inline) == ("10", "tg:5550001")  # no chat: the person's own queue


def test_updates_without_chat_or_person_have_no_queue() -> None:
    poll = {"id": "5", "question": "?", "options": [], "total_voter_count": 0, "is_closed": False}
    poll.update({"is_anonymous": True, "type": "regular", "allows_multiple_answers": False})
    poll.update({"allows_revoting": False, "members_only": False})
    assert row_of({"update_id": 11, "poll": poll}) is None


def test_the_derived_secret_is_stable_per_token_and_fits_telegrams_rule() -> None:
    secret = derive_secret("42:TEST-token")
    assert secret == derive_secret("42:TEST-token") != derive_secret("43:TEST-token")
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret)
    assert "TEST-token" not in secret
