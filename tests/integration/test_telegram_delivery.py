"""TelegramSender.deliver over real HTTP against the Telegram stand-in: every outcome the outbox needs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.channels.base import Outbound, Reply, SendStatus, Text
from bot.channels.telegram.sender import TelegramSender
from bot.core.ratelimit import MemoryRateLimiter
from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from bot.paths import LOCALES_DIR
from tests.fakes import standin_bot
from tests.standins.telegram_api import Limits, TelegramStandIn, serving


@pytest.fixture
async def standin() -> AsyncIterator[TelegramStandIn]:
    async with serving(Limits(bot_per_second=30, blocked_every=7, gone_every=10)) as server:
        yield server


@pytest.fixture
async def sender(standin: TelegramStandIn) -> AsyncIterator[TelegramSender]:
    bot = standin_bot(standin.url)
    yield TelegramSender(bot, Translator(LOCALES_DIR, ["en"]), MemoryRateLimiter())
    await bot.session.close()


def announcement(chat: int, text: str) -> Outbound:
    line = Text(Msg.BROADCAST_MESSAGE, {"text": text}, verbatim=True)
    return Outbound(f"tg:{chat}", "en", (Reply(lines=(line,)),))


async def test_outcomes_sent_blocked_gone(sender: TelegramSender, standin: TelegramStandIn) -> None:
    sent = await sender.deliver(announcement(2, "New A1 course { $x } <b>"))
    assert (sent.status, sent.parts_sent) == (SendStatus.SENT, 1)
    assert sent.message_id is not None
    assert (await sender.deliver(announcement(14, "x"))).status is SendStatus.BLOCKED  # 403
    gone = await sender.deliver(announcement(11, "x"))  # 400 chat not found
    assert (gone.status, gone.detail) == (SendStatus.GONE, "Bad Request: chat not found")
    assert standin.record.accepted == {2: 1}


async def test_a_long_text_goes_in_two_parts_a_second_apart_and_resumes(
    sender: TelegramSender, standin: TelegramStandIn
) -> None:
    text = "Kurz A1. " * 600  # 5,400 characters: two Telegram messages
    result = await sender.deliver(announcement(3, text))
    assert (result.status, result.parts_sent) == (SendStatus.SENT, 2)
    first, second = standin.record.times
    assert second - first >= 1.0  # one per second in a chat, as Telegram asks
    resumed = await sender.deliver(announcement(5, text), skip_parts=1)
    assert resumed.parts_sent == 1
    assert standin.record.accepted[5] == 1


async def test_429_pauses_the_bot_for_retry_after(sender: TelegramSender, standin: TelegramStandIn) -> None:
    standin.limits.bot_per_second = 1  # a stand-in stricter than our pacing: the second gets 429
    assert (await sender.deliver(announcement(2, "a"))).status is SendStatus.SENT
    limited = await sender.deliver(announcement(3, "b"))
    assert (limited.status, limited.retry_after) == (SendStatus.RATE_LIMITED, 1.0)
    assert not await sender._limiter.try_acquire(sender.limits("tg:4"))  # type: ignore[union-attr]
    assert standin.record.ignored_retry_after == 0
