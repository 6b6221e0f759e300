"""Thin aiogram handlers: translate the update, hand it to the engine, send back what it returns."""

from __future__ import annotations

import structlog
from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message

from bot.channels.base import InboundMessage
from bot.channels.telegram.convert import (
    callback_chat_id,
    callback_to_inbound,
    content_type_name,
    other_to_inbound,
    text_to_inbound,
)
from bot.channels.telegram.sender import TelegramSender
from bot.core.engine import DialogEngine

log = structlog.get_logger(__name__)

# Every filter below is exclusive of the others, so registration order carries no meaning.
PRIVATE = F.chat.type == ChatType.PRIVATE


async def _answer(
    chat_id: int, inbound: InboundMessage, engine: DialogEngine, sender: TelegramSender
) -> None:
    await sender.typing(chat_id)
    outbound = await engine.handle(inbound)
    await sender.send_to(chat_id, outbound)


def build_router() -> Router:
    """A fresh router per Dispatcher: aiogram refuses to attach one router to two parents."""
    router = Router(name="telegram-clients")

    @router.message(PRIVATE, F.text)
    async def on_text(message: Message, engine: DialogEngine, sender: TelegramSender) -> None:
        await _answer(message.chat.id, text_to_inbound(message), engine, sender)

    @router.message(PRIVATE, ~F.text)
    async def on_other(message: Message, engine: DialogEngine, sender: TelegramSender) -> None:
        inbound = other_to_inbound(message)
        if inbound is None:
            log.debug("telegram_service_message_ignored", content_type=content_type_name(message))
            return
        await _answer(message.chat.id, inbound, engine, sender)

    @router.message(~PRIVATE)
    async def on_group(message: Message) -> None:
        # The assistant talks to one client at a time; group chats would leak one client's case to others.
        log.debug("telegram_group_message_ignored", chat_type=message.chat.type)

    @router.callback_query()
    async def on_press(callback: CallbackQuery, engine: DialogEngine, sender: TelegramSender) -> None:
        chat_id = callback_chat_id(callback)
        if chat_id is None:
            await sender.acknowledge(callback, remove_keyboard=False)
            log.debug("telegram_foreign_callback_ignored")
            return
        await sender.acknowledge(callback)
        await _answer(chat_id, callback_to_inbound(callback, chat_id), engine, sender)

    return router
