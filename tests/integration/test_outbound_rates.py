"""TELEGRAM_MESSAGES_PER_SECOND and WHATSAPP_MESSAGES_PER_SECOND are the pace the built assistant keeps."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any, TypeVar

from aiogram import Bot
from aiogram.methods import SendMessage, TelegramMethod

from bot.app import build_assistant
from bot.channels.base import Reply, SendStatus, Text
from bot.channels.telegram.service import build_telegram_service
from bot.i18n.msg import Msg
from bot.nlu.service import Understanding
from tests.conftest import make_settings
from tests.fakes import FAKE_TELEGRAM_TOKEN, RecordingSession, VirtualTime
from tests.standins.graph_api import APP_SECRET, PHONE_NUMBER_ID, TOKEN, VERIFY_TOKEN

TelegramType = TypeVar("TelegramType")
ANNOUNCEMENT = Reply(lines=(Text(Msg.BROADCAST_MESSAGE, {"text": "New A1 course"}, verbatim=True),))


class TimedSession(RecordingSession):
    """The Bot API stand-in, noting the limiter's virtual time at which each message arrived."""

    def __init__(self, time: VirtualTime) -> None:
        super().__init__()
        self._time = time
        self.arrivals: list[tuple[int | str, float]] = []

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - the signature is aiogram's
    ) -> TelegramType:
        if isinstance(method, SendMessage):
            self.arrivals.append((method.chat_id, self._time.now))
        return await super().make_request(bot, method, timeout)


def in_first_second(times: Sequence[float]) -> int:
    return sum(1 for t in times if t - times[0] < 1.0)


def busiest_second(times: Sequence[float]) -> int:
    """The most messages in any one-second window: what the platform counts."""
    return max(sum(1 for u in times if t <= u < t + 1.0) for t in times)


async def telegram_arrivals(
    sqlite_url: str, understanding: Understanding, chats: Sequence[int], **rate: Any
) -> list[tuple[int | str, float]]:
    """One announcement to each of `chats` through the assistant built from Settings, as the broadcast
    outbox sends it: reserve the message's slots in the shared limiter, then deliver in that slot."""
    time = VirtualTime()
    settings = make_settings(sqlite_url, telegram_bot_token=FAKE_TELEGRAM_TOKEN, **rate)
    assistant = build_assistant(settings, understanding, limiter=time.limiter())
    session = TimedSession(time)
    build_telegram_service(assistant, FAKE_TELEGRAM_TOKEN, session=session)  # registers its sender
    try:
        for chat in chats:
            user_ref = f"tg:{chat}"
            await assistant.limiter.acquire(assistant.notifier.limits(user_ref))
            sent = await assistant.notifier.deliver_reporting(user_ref, "en", [ANNOUNCEMENT])
            assert sent.status is SendStatus.SENT
    finally:
        await assistant.aclose()
    return session.arrivals


async def test_the_configured_telegram_rate_is_what_the_bot_sends_at(
    sqlite_url: str, understanding: Understanding
) -> None:
    chats = range(1, 151)
    default = [t for _, t in await telegram_arrivals(sqlite_url, understanding, chats)]
    at_60 = await telegram_arrivals(sqlite_url, understanding, chats, telegram_messages_per_second=60)
    raised = [t for _, t in at_60]
    # Paced 2% under the figure: 29.4/s lets 30 into the first second, 58.8/s lets 59.
    assert in_first_second(default) == 30
    assert in_first_second(raised) == 59
    assert busiest_second(default) == 30
    assert busiest_second(raised) <= 60
    assert raised[-1] - raised[0] < (default[-1] - default[0]) / 1.9  # the whole run at twice the pace


async def test_a_raised_bot_rate_still_sends_one_message_a_second_in_a_chat(
    sqlite_url: str, understanding: Understanding
) -> None:
    arrivals = await telegram_arrivals(
        sqlite_url, understanding, [7, 8, 7, 9, 7], telegram_messages_per_second=1000
    )
    in_chat_7 = [t for chat, t in arrivals if chat == 7]
    assert [round(b - a, 2) for a, b in pairwise(in_chat_7)] == [1.02, 1.02]


async def whatsapp_arrivals(
    sqlite_url: str, understanding: Understanding, messages: int, **rate: Any
) -> list[float]:
    """Messages to `messages` people through the WhatsApp channel built from Settings; when each left."""
    time = VirtualTime()
    settings = make_settings(
        sqlite_url,
        whatsapp_access_token=TOKEN,
        whatsapp_phone_number_id=PHONE_NUMBER_ID,
        whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN,
        **rate,
    )
    assistant = build_assistant(settings, understanding, limiter=time.limiter())
    assert assistant.whatsapp is not None
    pacing = assistant.whatsapp.sender.pacing
    times: list[float] = []

    async def post() -> str:  # stands in for the Graph request, which the pacing times
        times.append(time.now)
        return f"wamid.{len(times)}"

    try:
        for person in range(messages):
            await pacing.send(f"420777{person:06d}", post)
    finally:
        await assistant.aclose()
    return times


async def test_the_configured_whatsapp_rate_is_what_the_number_sends_at(
    sqlite_url: str, understanding: Understanding
) -> None:
    default = await whatsapp_arrivals(sqlite_url, understanding, 250)
    raised = await whatsapp_arrivals(sqlite_url, understanding, 250, whatsapp_messages_per_second=200)
    # A few go at once to make up for a stall (NUMBER_BURST), so the exact guard is what holds the second.
    assert (in_first_second(default), busiest_second(default)) == (80, 80)
    assert (in_first_second(raised), busiest_second(raised)) == (200, 200)
