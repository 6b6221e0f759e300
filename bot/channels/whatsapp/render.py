"""Rendered replies as Graph API message bodies: text, reply buttons, a list, or numbered text.

Limits: https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages
and .../interactive-list-messages (body 1,024 characters; 3 buttons of 20; 10 rows of 24 + 72; button 20).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.channels.base import RenderedChoice, RenderedReply

MAX_TEXT_CHARS = 4096
MAX_INTERACTIVE_BODY = 1024
MAX_BUTTONS = 3
MAX_BUTTON_TITLE = 20
MAX_ROWS = 10
MAX_ROW_TITLE = 24
MAX_ROW_DESCRIPTION = 72
MAX_LIST_BUTTON = 20
ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """Fit `text` in `limit` characters, cutting at a word when one ends late enough, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-–") + ELLIPSIS


def _hard_split(line: str, limit: int) -> list[str]:
    parts: list[str] = []
    while len(line) > limit:
        space = line.rfind(" ", 0, limit)
        cut = space if space > 0 else limit
        parts.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    return [*parts, line] if line else parts


def split_text(text: str, limit: int = MAX_TEXT_CHARS) -> list[str]:
    """Parts of at most `limit` characters, cut at paragraphs, then lines, then spaces."""
    parts: list[str] = []
    current = ""

    def add(piece: str, glue: str) -> None:
        nonlocal current
        candidate = f"{current}{glue}{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
            return
        if current:
            parts.append(current)
        current = piece

    for block in text.split("\n\n"):
        if len(block) <= limit:
            add(block, "\n\n")
            continue
        glue = "\n\n"
        for line in block.split("\n"):
            for piece in [line] if len(line) <= limit else _hard_split(line, limit):
                add(piece, glue)
                glue = "\n"
    if current:
        parts.append(current)
    return parts


def text_message(body: str) -> dict[str, Any]:
    return {"type": "text", "text": {"body": body, "preview_url": False}}


def _buttons(body: str, choices: tuple[RenderedChoice, ...]) -> dict[str, Any] | None:
    titles = [shorten(c.label, MAX_BUTTON_TITLE) for c in choices]
    if len(set(titles)) < len(titles):
        return None  # WhatsApp refuses two buttons with one title; a list shows the full labels
    buttons = [
        {"type": "reply", "reply": {"id": c.payload, "title": t}}
        for c, t in zip(choices, titles, strict=True)
    ]
    return {
        "type": "interactive",
        "interactive": {"type": "button", "body": {"text": body}, "action": {"buttons": buttons}},
    }


def _list(body: str, choices: tuple[RenderedChoice, ...], button: str) -> dict[str, Any]:
    rows: list[dict[str, str]] = []
    for choice in choices:
        label = " ".join(choice.label.split())
        row = {"id": choice.payload, "title": shorten(label, MAX_ROW_TITLE)}
        if len(label) > MAX_ROW_TITLE:  # the whole label stays readable under the short title
            row["description"] = shorten(label, MAX_ROW_DESCRIPTION)
        rows.append(row)
    action = {"button": shorten(button, MAX_LIST_BUTTON), "sections": [{"rows": rows}]}
    return {"type": "interactive", "interactive": {"type": "list", "body": {"text": body}, "action": action}}


@dataclass(frozen=True)
class RenderedMessages:
    """The bodies to send in order, and the choices offered as numbers (when there were too many)."""

    messages: list[dict[str, Any]]
    numbered: tuple[RenderedChoice, ...] = ()


def render_reply(reply: RenderedReply, *, list_button: str, number_hint: str) -> RenderedMessages:
    """Up to 3 choices as buttons, up to 10 as a list, more as numbered text the client answers by number."""
    choices = reply.choices
    text = reply.text.strip()
    if len(choices) > MAX_ROWS:
        numbered = "\n".join(f"{n}. {c.label}" for n, c in enumerate(choices, start=1))
        full = "\n\n".join(part for part in (text, numbered, number_hint) if part)
        return RenderedMessages([text_message(p) for p in split_text(full)], numbered=choices)
    parts = split_text(text) if text else []
    if not choices:
        return RenderedMessages([text_message(p) for p in parts])
    # The interactive message carries the last part of the text; its body holds only 1,024 characters.
    tail = parts.pop() if parts else ELLIPSIS
    if len(tail) > MAX_INTERACTIVE_BODY:
        pieces = split_text(tail, MAX_INTERACTIVE_BODY)
        tail = pieces.pop()
        parts.extend(pieces)
    interactive = _buttons(tail, choices) if len(choices) <= MAX_BUTTONS else None
    if interactive is None:
        interactive = _list(tail, choices, list_button)
    return RenderedMessages([*(text_message(p) for p in parts), interactive])
