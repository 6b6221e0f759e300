"""aiogram Message / CallbackQuery -> InboundMessage; no decisions beyond the translation."""

from __future__ import annotations

from aiogram.enums import ChatType, ContentType
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.channels.base import Channel, InboundMessage, make_user_ref
from bot.channels.telegram.keyboards import unpack_payload
from bot.core.dialogs import START_COMMAND, parse_command

# Things a person sends that we cannot read yet: each gets the polite "please write it in words" reply.
# Photos and documents are not here: they are downloaded and passed on as files (files.py).
# Service messages (pinned message, auto-delete timer, write access allowed...) are not on this list:
# the client did not say anything, so they are ignored on purpose rather than answered.
UNSUPPORTED_CONTENT: frozenset[str] = frozenset(
    kind.value
    for kind in (
        ContentType.ANIMATION,
        ContentType.AUDIO,
        ContentType.CHECKLIST,
        ContentType.CONTACT,
        ContentType.DICE,
        ContentType.GAME,
        ContentType.LIVE_PHOTO,
        ContentType.LOCATION,
        ContentType.PAID_MEDIA,
        ContentType.POLL,
        ContentType.STICKER,
        ContentType.STORY,
        ContentType.VENUE,
        ContentType.VIDEO,
        ContentType.VIDEO_NOTE,
        ContentType.VOICE,
    )
)


def content_type_name(message: Message) -> str:
    """`voice`, `sticker`...: aiogram returns a (str, Enum) whose str() is `ContentType.VOICE`."""
    kind = message.content_type
    return kind.value if isinstance(kind, ContentType) else str(kind)


def chat_user_ref(chat_id: int) -> str:
    """`tg:<chat id>`: in a private chat the chat id is the client's Telegram user id."""
    return make_user_ref(Channel.TELEGRAM, str(chat_id))


def locale_hint(message: Message | CallbackQuery) -> str | None:
    user = message.from_user
    return user.language_code if user is not None else None


def text_to_inbound(message: Message) -> InboundMessage:
    """Words, or `/start <payload>`: a deep link https://t.me/<bot>?start=<payload> opened by the client.

    https://core.telegram.org/bots/features#deep-linking: Telegram sends the link as that command; the
    dialog core decides what the payload means. The text stays, as it is what the chat shows.
    """
    text = message.text or ""
    extra = {"platform_message_id": f"tg-{message.message_id}", "locale_hint": locale_hint(message)}
    command = parse_command(text.strip())
    if command is not None and command[0] == START_COMMAND:
        return InboundMessage.opened(chat_user_ref(message.chat.id), command[1], text=text, **extra)
    return InboundMessage.text_message(chat_user_ref(message.chat.id), text, **extra)


def other_to_inbound(message: Message) -> InboundMessage | None:
    """A sticker, voice note, photo (even with a caption)...; None for service messages."""
    content_type = content_type_name(message)
    if content_type not in UNSUPPORTED_CONTENT:
        return None
    return InboundMessage.unsupported(
        chat_user_ref(message.chat.id),
        content_type,
        platform_message_id=f"tg-{message.message_id}",
        locale_hint=locale_hint(message),
    )


def callback_chat_id(callback: CallbackQuery) -> int | None:
    """The private chat a button was pressed in; None for groups and inline-mode messages."""
    message = callback.message
    if message is None or message.chat.type != ChatType.PRIVATE:
        return None
    return message.chat.id


def pressed_label(callback: CallbackQuery) -> str:
    """The label of the pressed button, when the message (not too old to be seen) still has it."""
    message = callback.message
    markup = message.reply_markup if isinstance(message, Message) else None
    if not isinstance(markup, InlineKeyboardMarkup):
        return ""
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data == callback.data:
                return button.text
    return ""


def callback_to_inbound(callback: CallbackQuery, chat_id: int) -> InboundMessage:
    """A button press; callback data of another shape (an older keyboard) is passed on as is,
    so the engine answers it like any stale button instead of it vanishing."""
    data = callback.data or ""
    return InboundMessage.button(
        chat_user_ref(chat_id),
        unpack_payload(data) or data,
        text=pressed_label(callback),
        platform_message_id=f"tgcb-{callback.id}",
        locale_hint=locale_hint(callback),
    )
