"""Console channel: the engine in a terminal or a pipe, buttons as numbered choices."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from bot.channels.base import Attachment, InboundMessage, RenderedChoice, RenderedReply

_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]")


def format_replies(replies: list[RenderedReply]) -> tuple[str, list[RenderedChoice]]:
    """Text to print and the buttons in the order they are numbered (1, 2, ...)."""
    lines: list[str] = []
    numbered: list[RenderedChoice] = []
    for reply in replies:
        body = "\n".join(f"     {line}".rstrip() for line in reply.text.splitlines())
        lines.append(f"bot> {body.strip()}")
        for choice in reply.choices:
            numbered.append(choice)
            lines.append(f"  {len(numbered)}) {choice.label}")
    return "\n".join(lines), numbered


def to_inbound(
    line: str, user_ref: str, choices: list[RenderedChoice], locale_hint: str | None
) -> InboundMessage:
    """A number presses the matching button of the last reply; anything else is text."""
    stripped = line.strip()
    if stripped.isdigit() and 1 <= int(stripped) <= len(choices):
        pressed = choices[int(stripped) - 1]
        return InboundMessage.button(user_ref, pressed.payload, text=pressed.label, locale_hint=locale_hint)
    return InboundMessage.text_message(user_ref, line.rstrip("\r\n"), locale_hint=locale_hint)


def save_attachment(attachment: Attachment, directory: Path) -> Path:
    """Write a reply's file next to the user (never over an existing one); returns where it went."""
    name = _UNSAFE_FILENAME.sub("_", Path(attachment.filename).name).lstrip(".") or "attachment"
    stem, suffix = Path(name).stem, Path(name).suffix
    path = directory / name
    counter = 1
    while path.exists():
        path = directory / f"{stem}-{counter}{suffix}"
        counter += 1
    path.write_bytes(attachment.content)
    return path


async def converse(
    lines: AsyncIterator[str],
    handle: Callable[[InboundMessage], object],
    render: Callable[[object], list[RenderedReply]],
    write: Callable[[str], None],
    user_ref: str,
    locale_hint: str | None,
    echo: bool,
    files_dir: Path | None = None,
) -> None:
    """Read lines until the input ends, printing every reply with its numbered buttons.

    Files that come with a reply (an .ics calendar entry) are written to `files_dir`, by default the
    current directory, and their names printed.
    """
    choices: list[RenderedChoice] = []
    async for line in lines:
        if echo:
            write(f"you> {line.rstrip()}")
        outbound = await handle(to_inbound(line, user_ref, choices, locale_hint))  # type: ignore[misc]
        replies = render(outbound)
        text, choices = format_replies(replies)
        if text:
            write(text)
        for attachment in (a for reply in replies for a in reply.attachments):
            saved = save_attachment(attachment, files_dir or Path.cwd())
            write(f"bot> 📎 {saved.name}")
