"""Files sent with a reply (an .ics calendar entry): how the web chat and the console deliver them."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from pathlib import Path

from bot.channels.base import Attachment, RenderedChoice, RenderedReply
from bot.channels.console import converse
from bot.channels.webchat.hub import reply_event

ICS = Attachment("appointment-2026-09-23.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")


def test_web_chat_puts_the_file_into_a_data_url_with_its_media_type() -> None:
    event = reply_event(RenderedReply("Booked.", (RenderedChoice("appt:list", "My appointments"),), (ICS,)))
    [file] = event["attachments"]
    assert file["filename"] == "appointment-2026-09-23.ics"
    prefix = "data:text/calendar;base64,"
    assert file["url"].startswith(prefix)
    assert base64.b64decode(file["url"].removeprefix(prefix)) == ICS.content
    assert reply_event(RenderedReply("No file."))["attachments"] == []


async def _lines(*items: str) -> AsyncIterator[str]:
    for item in items:
        yield item


async def test_console_writes_files_next_to_the_user_and_prints_their_names(tmp_path: Path) -> None:
    (tmp_path / ICS.filename).write_text("an older file of the same name")
    hostile = Attachment("../../etc/evil name.ics", "text/calendar", b"x")
    replies = [RenderedReply("Booked.", (), (ICS, hostile))]
    printed: list[str] = []

    async def handle(_: object) -> object:
        return object()

    await converse(
        _lines("1\n"), handle, lambda _: replies, printed.append, "console:editor", None, False, tmp_path
    )
    assert (tmp_path / ICS.filename).read_text() == "an older file of the same name"
    assert (tmp_path / "appointment-2026-09-23-1.ics").read_bytes() == ICS.content
    assert (tmp_path / "evil_name.ics").read_bytes() == b"x"
    assert printed[1:] == ["bot> 📎 appointment-2026-09-23-1.ics", "bot> 📎 evil_name.ics"]
