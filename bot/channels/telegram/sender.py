"""TelegramSender: rendered replies as HTML-escaped Telegram messages with inline keyboards."""

from __future__ import annotations

from functools import partial
from html import escape

import structlog
from aiogram import Bot
from aiogram.enums import ChatAction, ParseMode
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNotFound,
    TelegramRetryAfter,
)
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from bot.channels.base import (
    Attachment,
    Channel,
    Outbound,
    RecipientUnreachable,
    SendResult,
    SendStatus,
    split_user_ref,
)
from bot.channels.telegram.convert import chat_user_ref
from bot.channels.telegram.keyboards import build_keyboard
from bot.channels.telegram.methods import SendText, SentMessage
from bot.channels.telegram.pacing import BOT_PER_SECOND, CHAT_PER_SECOND, TelegramPacing
from bot.core.privacy import anon_ref
from bot.core.ratelimit import Rate, RateLimiter
from bot.i18n.translator import Translator

log = structlog.get_logger(__name__)

# https://core.telegram.org/bots/api#sendmessage: 1-4096 characters after entities parsing.
MAX_MESSAGE_CHARS = 4096
# Several parts of one reply: the text parts, then the files (the keyboard rides on the last text part).
Part = tuple[str, InlineKeyboardMarkup | None] | Attachment


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


def html_text(plain: str) -> str:
    """One part of a reply for parse_mode HTML: every `<`, `>` and `&` escaped, so nothing a person wrote
    (a question, a counsellor's reply, an announcement) can become markup or break the message.

    Split first, escape after: Telegram's 4096 limit counts the text after entities are parsed, so
    split_text measures the plain text (https://core.telegram.org/bots/api#html-style).
    """
    return escape(plain, quote=False)


def is_unreachable(error: TelegramAPIError) -> bool:
    """403 (bot blocked, user deactivated, kicked) or 400 "chat not found": retrying will not help."""
    if isinstance(error, TelegramForbiddenError):
        return True
    return isinstance(error, TelegramBadRequest) and "chat not found" in error.message.lower()


class TelegramSender:
    """The Telegram ChannelSender; also used by the router to answer in the chat at hand."""

    def __init__(
        self,
        bot: Bot,
        translator: Translator,
        limiter: RateLimiter | None = None,
        *,
        bot_per_second: float = BOT_PER_SECOND,
        chat_per_second: float = CHAT_PER_SECOND,
    ) -> None:
        self._bot = bot
        self._translator = translator
        self._limiter = limiter
        # Every message below goes through it: replies, Notifier messages, broadcast parts, files.
        self.pacing = TelegramPacing(
            limiter, bot.id, bot_per_second=bot_per_second, chat_per_second=chat_per_second
        )

    def limits(self, user_ref: str) -> tuple[Rate, ...]:
        """The bot's bucket and the chat's: one message takes a slot in both at the same instant."""
        return self.pacing.limits(split_user_ref(user_ref)[1])

    def _parts(self, outbound: Outbound) -> list[Part]:
        parts: list[Part] = []
        for reply in self._translator.render_outbound(outbound):
            texts = split_text(reply.text)
            keyboard = build_keyboard(reply.choices)
            parts.extend((text, keyboard if i == len(texts) - 1 else None) for i, text in enumerate(texts))
            parts.extend(reply.attachments)
        return parts

    async def deliver(self, outbound: Outbound, *, skip_parts: int = 0) -> SendResult:
        """Send every part from `skip_parts` on and report the outcome instead of logging it.

        The caller has reserved the rate-limit slot of the first part; later parts reserve their own (a
        long text is two messages, one second apart in the chat). On 429 the whole bot's bucket pauses
        for `retry_after`, as Telegram asks, and the outcome says so.
        """
        channel, external_id = split_user_ref(outbound.user_ref)
        if channel is not Channel.TELEGRAM or not external_id.lstrip("-").isdigit():
            return SendResult(SendStatus.GONE, detail="not a Telegram chat")
        chat_id = int(external_id)
        sent, message_id = 0, None
        for index, part in enumerate(self._parts(outbound)):
            if index < skip_parts:
                continue
            try:
                # One try: on 429 the bot's bucket is paused and the outbox schedules the row again.
                message = await self.pacing.send(
                    chat_id, partial(self._send_part, chat_id, part), reserved=index == skip_parts, attempts=1
                )
            except TelegramRetryAfter as error:
                return SendResult(
                    SendStatus.RATE_LIMITED, sent, message_id, float(error.retry_after), error.message
                )
            except TelegramForbiddenError as error:
                return SendResult(SendStatus.BLOCKED, sent, message_id, detail=error.message)
            except (TelegramBadRequest, TelegramNotFound, TelegramMigrateToChat) as error:
                # "chat not found", "message is too long"...: sending it again cannot succeed.
                return SendResult(SendStatus.GONE, sent, message_id, detail=error.message)
            except TelegramAPIError as error:
                # Network, 5xx, an unauthorised token: transient, or at least worth trying later.
                return SendResult(SendStatus.RETRY, sent, message_id, detail=f"{type(error).__name__}")
            sent += 1
            message_id = str(message.message_id)
        return SendResult(SendStatus.SENT, sent, message_id)

    async def _send_part(self, chat_id: int, part: Part) -> Message | SentMessage:
        if isinstance(part, Attachment):
            document = BufferedInputFile(part.content, filename=part.filename)
            return await self._bot.send_document(chat_id, document)
        text, keyboard = part
        return await self._bot(
            SendText(chat_id=chat_id, text=html_text(text), parse_mode=ParseMode.HTML, reply_markup=keyboard)
        )

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
        """Every reply in order, long texts split, the keyboard under the last part, files after.

        Each part waits for its slot; a 429 pauses the bot and the part is sent again after `retry_after`.
        """
        for part in self._parts(outbound):
            await self.pacing.send(chat_id, partial(self._send_part, chat_id, part))

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
