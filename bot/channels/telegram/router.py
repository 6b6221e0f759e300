"""Thin aiogram handlers: translate the update, hand it to the engine (or the staff desk), send the answer."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import structlog
from aiogram import Bot, F, Router
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
from bot.channels.telegram.files import file_in, file_to_inbound
from bot.channels.telegram.filters import on_loop
from bot.channels.telegram.sender import TelegramSender
from bot.channels.telegram.staff_commands import LINK_COMMAND, StaffGroupDesk, parse_command
from bot.core.engine import DialogEngine

log = structlog.get_logger(__name__)

# Every filter below is exclusive of the others, so registration order carries no meaning.
PRIVATE = F.chat.type == ChatType.PRIVATE
FILE = F.photo | F.document


# Telegram asks for a chat action "only when a response from the bot will take a noticeable amount of
# time to arrive" (https://core.telegram.org/bots/api#sendchataction): an answer ready sooner goes without
# "typing…", which saved a Bot API request per message (about 8 % of a message's CPU in bench/channels.py).
TYPING_AFTER_SECONDS = 0.3


async def _answer(
    chat_id: int, inbound: InboundMessage, engine: DialogEngine, sender: TelegramSender, first_delivery: bool
) -> None:
    inbound = replace(inbound, first_delivery=first_delivery)
    typing: list[asyncio.Task[None]] = []

    def start_typing() -> None:
        typing.append(asyncio.create_task(sender.typing(chat_id)))

    timer = asyncio.get_running_loop().call_later(TYPING_AFTER_SECONDS, start_typing)
    try:
        outbound = await engine.handle(inbound)
    finally:
        timer.cancel()
        # Awaited before the answer, which must arrive after it: a late chat action would show "typing…"
        # under an answer already given.
        for task in typing:
            await task
    await sender.send_to(chat_id, outbound)


def build_router(staff_chat_id: int | None = None) -> Router:
    """A fresh router per Dispatcher: aiogram refuses to attach one router to two parents.

    With a staff group configured, its chat and a private `/link <code>` belong to build_staff_router.
    """
    router = Router(name="telegram-clients")
    text_filters = [PRIVATE, F.text]
    group_filters = [~PRIVATE]
    press_filters = []
    if staff_chat_id is not None:
        text_filters.append(~F.text.regexp(LINK_COMMAND))
        group_filters.append(F.chat.id != staff_chat_id)
        press_filters.append(F.message.chat.id != staff_chat_id)

    @router.message(*on_loop(*text_filters))
    async def on_text(
        message: Message, engine: DialogEngine, sender: TelegramSender, first_delivery: bool = False
    ) -> None:
        await _answer(message.chat.id, text_to_inbound(message), engine, sender, first_delivery)

    @router.message(*on_loop(PRIVATE, FILE))
    async def on_file(
        message: Message, bot: Bot, engine: DialogEngine, sender: TelegramSender, first_delivery: bool = False
    ) -> None:
        file = file_in(message)
        if file is None:  # a photo message without sizes: nothing to download
            inbound = other_to_inbound(message)
            if inbound is None:
                return
        else:
            await sender.typing(message.chat.id)
            inbound = await file_to_inbound(bot, message, file)
        await _answer(message.chat.id, inbound, engine, sender, first_delivery)

    @router.message(*on_loop(PRIVATE, ~F.text, ~FILE))
    async def on_other(
        message: Message, engine: DialogEngine, sender: TelegramSender, first_delivery: bool = False
    ) -> None:
        inbound = other_to_inbound(message)
        if inbound is None:
            log.debug("telegram_service_message_ignored", content_type=content_type_name(message))
            return
        await _answer(message.chat.id, inbound, engine, sender, first_delivery)

    @router.message(*on_loop(*group_filters))
    async def on_group(message: Message) -> None:
        # The assistant talks to one client at a time; group chats would leak one client's case to others.
        log.debug("telegram_group_message_ignored", chat_type=message.chat.type)

    @router.callback_query(*on_loop(*press_filters))
    async def on_press(
        callback: CallbackQuery, engine: DialogEngine, sender: TelegramSender, first_delivery: bool = False
    ) -> None:
        chat_id = callback_chat_id(callback)
        if chat_id is None:
            await sender.acknowledge(callback, remove_keyboard=False)
            log.debug("telegram_foreign_callback_ignored")
            return
        await sender.acknowledge(callback)
        await _answer(chat_id, callback_to_inbound(callback, chat_id), engine, sender, first_delivery)

    return router


def build_staff_router(staff_chat_id: int) -> Router:
    """The configured staff group (every other group stays ignored) and private `/link <code>`."""
    router = Router(name="telegram-staff-group")

    @router.message(*on_loop(F.chat.id == staff_chat_id))
    async def on_staff_message(message: Message, staff: StaffGroupDesk) -> None:
        await staff.message(message)

    @router.callback_query(*on_loop(F.message.chat.id == staff_chat_id))
    async def on_staff_press(callback: CallbackQuery, staff: StaffGroupDesk) -> None:
        await staff.take(callback)

    @router.message(*on_loop(PRIVATE, F.text.regexp(LINK_COMMAND)))
    async def on_private_link(message: Message, staff: StaffGroupDesk) -> None:
        command = parse_command(message.text or "")
        await staff.link(message, command[1] if command is not None else "")

    return router
