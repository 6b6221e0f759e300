"""TelegramSender: rendered replies as plain-text Telegram messages with inline keyboards."""

from __future__ import annotations

import structlog
from aiogram import Bot
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.channels.base import Channel, Outbound, RecipientUnreachable, split_user_ref
from bot.channels.telegram.convert import chat_user_ref
from bot.channels.telegram.keyboards import build_keyboard
from bot.core.privacy import anon_ref
from bot.i18n.translator import Translator

log = structlog.get_logger(__name__)

# https://core.telegram.org/bots/api#sendmessage: 1-4096 characters after entities parsing.
MAX_MESSAGE_CHARS = 4096


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units): an emoji may count twice."""
    return len(text.encode("utf-16-le")) // 2


def _hard_split(text: str, limit: int) -> list[str]:
    """Last resort for one overlong line: cut at the last space that fits, else anywhere."""
    parts: list[str] = []
    while telegram_length(text) > limit:
        cut = limit
        while telegram_length(text[:cut]) > limit:
            cut -= 1
        space = text.rfind(" ", 0, cut)
        cut = space if space > 0 else cut
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*parts, text] if text else parts


def split_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split on paragraph boundaries (then lines, then words) into parts Telegram accepts."""
    parts: list[str] = []
    current = ""
    for block in text.split("\n\n"):
        pieces = [block] if telegram_length(block) <= limit else _split_lines(block, limit)
        for piece in pieces:
            candidate = f"{current}\n\n{piece}" if current else piece
            if telegram_length(candidate) <= limit:
                current = candidate
            else:
                if current:
                    parts.append(current)
                current = piece
    if current:
        parts.append(current)
    return parts


def _split_lines(block: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for line in block.split("\n"):
        for piece in [line] if telegram_length(line) <= limit else _hard_split(line, limit):
            candidate = f"{current}\n{piece}" if current else piece
            if telegram_length(candidate) <= limit:
                current = candidate
            else:
                pieces.append(current)
                current = piece
    return [*pieces, current] if current else pieces


def is_unreachable(error: TelegramAPIError) -> bool:
    """403 (bot blocked, user deactivated, kicked) or 400 "chat not found": retrying will not help."""
    if isinstance(error, TelegramForbiddenError):
        return True
    return isinstance(error, TelegramBadRequest) and "chat not found" in error.message.lower()


class TelegramSender:
    """The Telegram ChannelSender; also used by the router to answer in the chat at hand."""

    def __init__(self, bot: Bot, translator: Translator) -> None:
        self._bot = bot
        self._translator = translator

    async def send(self, outbound: Outbound) -> None:
        """Bot-initiated delivery (Notifier): the chat id is the external part of `tg:<id>`.

        Raises RecipientUnreachable when Telegram says the client blocked the bot or the chat is gone,
        so the Notifier can report it and the counsellor sees it on the case.
        """
        channel, external_id = split_user_ref(outbound.user_ref)
        if channel is not Channel.TELEGRAM or not external_id.lstrip("-").isdigit():
            log.error("telegram_bad_user_ref", user=anon_ref(outbound.user_ref))
            return
        chat_id = int(external_id)
        try:
            await self._send_all(chat_id, outbound)
        except (TelegramForbiddenError, TelegramBadRequest) as error:
            self._log_failure(chat_id, error)
            if is_unreachable(error):
                raise RecipientUnreachable(type(error).__name__) from error
            raise

    async def send_to(self, chat_id: int, outbound: Outbound) -> None:
        """Answer in the chat at hand; a chat that blocked us or vanished is logged, not raised."""
        try:
            await self._send_all(chat_id, outbound)
        except (TelegramForbiddenError, TelegramBadRequest) as error:
            self._log_failure(chat_id, error)

    async def _send_all(self, chat_id: int, outbound: Outbound) -> None:
        """Every reply in order, long texts split, the keyboard under the last part."""
        for reply in self._translator.render_outbound(outbound):
            parts = split_text(reply.text)
            keyboard = build_keyboard(reply.choices)
            for index, part in enumerate(parts, start=1):
                # No parse_mode: names and answers typed by people must show as typed.
                await self._bot.send_message(
                    chat_id,
                    part,
                    parse_mode=None,
                    reply_markup=keyboard if index == len(parts) else None,
                )
            for attachment in reply.attachments:
                # After the text it belongs to; Telegram shows a file with its name and size.
                document = BufferedInputFile(attachment.content, filename=attachment.filename)
                await self._bot.send_document(chat_id, document)

    @staticmethod
    def _log_failure(chat_id: int, error: TelegramAPIError) -> None:
        log.warning(
            "telegram_send_failed",
            user=anon_ref(chat_user_ref(chat_id)),
            error=type(error).__name__,
            description=error.message,
        )

    async def typing(self, chat_id: int) -> None:
        """Best effort "typing…" while the engine works; its failure must not cost the message."""
        try:
            await self._bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramAPIError:
            log.debug("telegram_chat_action_failed", user=anon_ref(chat_user_ref(chat_id)))

    async def acknowledge(self, callback: CallbackQuery, *, remove_keyboard: bool = True) -> None:
        """Stop the button's spinner and remove the pressed keyboard so it cannot be pressed twice."""
        try:
            await callback.answer()
        except TelegramBadRequest:
            # "query is too old": the press is still handled, only the spinner could not be stopped.
            log.debug("telegram_callback_answer_failed")
        message = callback.message
        if not remove_keyboard or not isinstance(message, Message) or message.reply_markup is None:
            return
        try:
            await message.edit_reply_markup(reply_markup=None)
        except TelegramBadRequest:
            # "message is not modified" (pressed twice quickly) or "message can't be edited" (too old).
            log.debug("telegram_keyboard_removal_failed")
