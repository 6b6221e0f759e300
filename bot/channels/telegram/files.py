"""Photos and documents from clients: downloaded within the size limit, handed on as InboundMessage.file."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

import structlog
from aiogram import Bot
from aiogram.types import Message

from bot.channels.base import Attachment, InboundMessage
from bot.channels.telegram.convert import chat_user_ref, locale_hint
from bot.core.privacy import anon_ref
from counselling.queue import MAX_FILE_BYTES
from dialogs.case_relay import FILE_TOO_LARGE

log = structlog.get_logger(__name__)

# A 10 MB file over a slow link still arrives; a stuck download must not hold the conversation for long.
DOWNLOAD_TIMEOUT_SECONDS = 60
# What the core is told when a download failed: it answers like for any content it cannot read.
DOWNLOAD_FAILED = "file"


@dataclass(frozen=True)
class TelegramFile:
    """A file as Telegram announces it, before downloading; `size` may be missing."""

    file_id: str
    filename: str
    media_type: str
    size: int | None


def file_in(message: Message) -> TelegramFile | None:
    """The largest size of a photo, or a document with its own name and type; None for anything else."""
    if message.photo:
        # Telegram lists the sizes smallest first; the largest is the one a counsellor can read.
        largest = max(message.photo, key=lambda size: (size.width * size.height, size.file_size or 0))
        name = f"photo_{largest.file_unique_id}.jpg"
        return TelegramFile(largest.file_id, name, "image/jpeg", largest.file_size)
    document = message.document
    if document is not None:
        name = document.file_name or f"document_{document.file_unique_id}"
        media_type = document.mime_type or "application/octet-stream"
        return TelegramFile(document.file_id, name, media_type, document.file_size)
    return None


async def file_to_inbound(bot: Bot, message: Message, file: TelegramFile) -> InboundMessage:
    """Download and wrap; too large or failed downloads become `unsupported`, so nothing is lost silently."""
    user_ref = chat_user_ref(message.chat.id)
    extra = {"platform_message_id": f"tg-{message.message_id}", "locale_hint": locale_hint(message)}
    if file.size is not None and file.size > MAX_FILE_BYTES:
        return InboundMessage.unsupported(user_ref, FILE_TOO_LARGE, **extra)
    buffer = BytesIO()
    try:
        await bot.download(file.file_id, destination=buffer, timeout=DOWNLOAD_TIMEOUT_SECONDS)
    except Exception as error:
        # Telegram errors, network errors, a file over the Bot API's own limit: the client is told we
        # could not read it (and a counsellor sees that something came) instead of the update failing.
        log.warning("telegram_file_download_failed", user=anon_ref(user_ref), error=type(error).__name__)
        return InboundMessage.unsupported(user_ref, DOWNLOAD_FAILED, **extra)
    content = buffer.getvalue()
    if len(content) > MAX_FILE_BYTES:  # Telegram did not say the size up front
        return InboundMessage.unsupported(user_ref, FILE_TOO_LARGE, **extra)
    attachment = Attachment(file.filename, file.media_type, content)
    return InboundMessage.file(user_ref, attachment, message.caption or "", **extra)
