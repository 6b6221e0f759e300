"""JsonBodySession against the Telegram stand-in over HTTP: JSON bodies, files as forms, aiogram's errors."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramForbiddenError, TelegramNetworkError, TelegramRetryAfter
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from bot.channels.telegram.methods import SendText, SentMessage
from bot.channels.telegram.session import JsonBodySession
from tests.fakes import standin_bot
from tests.standins.telegram_api import Limits, TelegramStandIn, serving

KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="Записатися", callback_data="book:permit")]]
)


@pytest.fixture
async def standin() -> AsyncIterator[TelegramStandIn]:
    async with serving(Limits(blocked_every=7)) as server:
        yield server


@pytest.fixture
async def bot(standin: TelegramStandIn) -> AsyncIterator[Bot]:
    bot = standin_bot(standin.url)
    assert isinstance(bot.session, JsonBodySession)
    yield bot
    await bot.session.close()


async def test_a_message_with_a_keyboard_goes_as_json_and_arrives_whole(
    bot: Bot, standin: TelegramStandIn
) -> None:
    text = "Prodloužení pobytu: <b>do 120 dnů</b> & 😀"
    sent = await bot(SendText(chat_id=2, text=text, parse_mode=ParseMode.HTML, reply_markup=KEYBOARD))
    assert isinstance(sent, SentMessage)
    [shown] = standin.messages_in(2)
    assert sent.message_id == shown["message_id"]
    assert shown["text"] == text
    assert shown["reply_markup"] == {
        "inline_keyboard": [[{"text": "Записатися", "callback_data": "book:permit"}]]
    }
    [call] = standin.calls
    assert call.content_type == "application/json"
    assert call.params["parse_mode"] == "HTML"


async def test_a_file_still_goes_as_a_multipart_form(bot: Bot, standin: TelegramStandIn) -> None:
    document = BufferedInputFile(b"%PDF-1.4 permit checklist", filename="checklist.pdf")
    message = await bot.send_document(3, document, caption="Checklist")
    assert message.document is not None
    assert message.document.file_name == "checklist.pdf"
    [call] = standin.calls
    assert call.content_type == "multipart/form-data"
    assert standin.uploads == [("checklist.pdf", b"%PDF-1.4 permit checklist")]


async def test_the_bot_apis_errors_are_aiograms_as_before(bot: Bot, standin: TelegramStandIn) -> None:
    with pytest.raises(TelegramForbiddenError, match="blocked"):
        await bot(SendText(chat_id=14, text="x"))  # the stand-in's chat 14 blocked the bot
    standin.refuse_next()
    with pytest.raises(TelegramRetryAfter) as refused:
        await bot(SendText(chat_id=2, text="x"))
    assert refused.value.retry_after >= 1
    await standin.stop()
    with pytest.raises(TelegramNetworkError):
        await bot(SendText(chat_id=2, text="x"))
