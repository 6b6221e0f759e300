"""Updates as Telegram posts them to a webhook (https://core.telegram.org/bots/api#update), as JSON."""

from __future__ import annotations

import time
from typing import Any


def person(user_id: int, first_name: str, language_code: str | None = None) -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code is not None:
        user["language_code"] = language_code
    return user


def private_chat(user: dict[str, Any]) -> dict[str, Any]:
    """A private chat has the person's id."""
    return {"id": user["id"], "type": "private", "first_name": user["first_name"]}


def group_chat(chat_id: int, title: str, *, forum: bool = False) -> dict[str, Any]:
    chat: dict[str, Any] = {"id": chat_id, "type": "supergroup", "title": title}
    if forum:
        chat["is_forum"] = True
    return chat


def message_update(
    update_id: int, message_id: int, user: dict[str, Any], chat: dict[str, Any], **content: Any
) -> dict[str, Any]:
    """A new message: `text="..."`, `photo=[...]`, `document={...}`..."""
    message = {"message_id": message_id, "from": user, "chat": chat, "date": int(time.time()), **content}
    return {"update_id": update_id, "message": message}


def callback_update(
    update_id: int, user: dict[str, Any], message: dict[str, Any], data: str
) -> dict[str, Any]:
    """A press of an inline button under `message` (the message as the client's app shows it)."""
    query = {
        "id": f"{user['id']}{update_id}",
        "from": user,
        "message": message,
        "chat_instance": f"-{user['id']}",
        "data": data,
    }
    return {"update_id": update_id, "callback_query": query}
