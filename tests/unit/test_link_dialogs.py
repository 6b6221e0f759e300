"""One person on Telegram and WhatsApp links the two with a code, as they meet it in both chats."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from bot.app import Assistant
from bot.channels.base import Channel
from bot.channels.telegram.staff_link import normalise_code as staff_digits
from bot.clients.linking import ALPHABET, MASK, code_hash, looks_like_code, new_code
from bot.clients.models import Client, LinkCode, LinkFailure, Message
from bot.clients.repository import ClientRepository
from bot.i18n.msg import Msg
from counselling import queue
from counselling.desk import LEAVE_PAYLOAD
from scheduler.importer import import_schedule, read_file
from tests.driver import ChatDriver
from tests.fakes import FakeChannelSender
from tests.unit.test_booking_dialogs import EXAMPLE, NOW, book_first_free

CODE = re.compile(rf"\b([{ALPHABET}]{{6}})\b")


class Phones:
    """What the Telegram and WhatsApp senders were given: messages the bot started itself."""

    def __init__(self, assistant: Assistant) -> None:
        self.tg, self.wa = FakeChannelSender(), FakeChannelSender()
        assistant.notifier.register(Channel.TELEGRAM, self.tg)
        assistant.notifier.register(Channel.WHATSAPP, self.wa)


@pytest.fixture
def phones(assistant: Assistant) -> Phones:
    return Phones(assistant)


def t(chat: ChatDriver, msg: Msg, locale: str = "en", **args: Any) -> str:
    return chat.assistant.translator.format(locale, msg, args)


async def code_of(chat: ChatDriver, ask: str = "/connect") -> str:
    await chat.send(ask)
    found = CODE.search(chat.text)
    assert found is not None, chat.text
    return found.group(1)


async def clients(assistant: Assistant) -> int:
    async with assistant.sessions() as s:
        return int(await s.scalar(select(func.count(Client.id))) or 0)


async def test_a_code_made_on_telegram_and_sent_from_whatsapp_joins_them_after_a_yes(
    assistant: Assistant, phones: Phones
) -> None:
    telegram, whatsapp = ChatDriver(assistant, "tg:1001"), ChatDriver(assistant, "wa:420777", "uk")
    await telegram.onboard("en")
    await telegram.press("sub:t:czech_courses")
    code = await code_of(telegram)
    assert t(telegram, Msg.LINK_CODE, code=code, minutes=15) in telegram.text
    async with assistant.sessions() as s:
        assert (await s.scalars(select(LinkCode.code_hash))).all() == [code_hash(code)]  # never the code

    await whatsapp.send(f"  {code[:3].lower()} {code[3:]} ")  # a first message, before any consent
    assert t(whatsapp, Msg.LINK_CONFIRM, "uk", channel="tg") in whatsapp.text
    assert whatsapp.payloads == ["link:join", "link:keep"]
    await whatsapp.press("link:join")

    assert t(whatsapp, Msg.LINK_DONE, channel="tg") in whatsapp.text  # now in the language chosen there
    [told] = phones.tg.sent
    assert assistant.translator.render_outbound(told)[0].text.startswith(
        t(telegram, Msg.LINK_DONE, channel="wa")
    )
    assert await clients(assistant) == 1
    await whatsapp.press("sub:list")
    assert "Czech" in whatsapp.text  # the subscription made on Telegram
    await whatsapp.send(code)
    assert t(whatsapp, Msg.LINK_INVALID) in whatsapp.text  # single use
    async with assistant.sessions() as s:
        transcript = (await s.scalars(select(Message.text))).all()
    assert not [line for line in transcript if code in line]  # counsellors read transcripts: never a code
    assert MASK in transcript


async def test_bookings_and_a_case_in_progress_follow_the_person(
    assistant: Assistant, phones: Phones
) -> None:
    async with assistant.sessions() as s, s.begin():
        await import_schedule(s, read_file(EXAMPLE))
    assistant.scheduler.clock = lambda: NOW.astimezone(UTC)
    telegram, whatsapp = ChatDriver(assistant, "tg:1001"), ChatDriver(assistant, "wa:420777")
    await telegram.onboard("en")
    await book_first_free(telegram, "Social counselling")
    await whatsapp.onboard("en")
    await whatsapp.press("human")  # a case opens on WhatsApp: the bot is quiet there
    code = await code_of(telegram)

    await whatsapp.send(f"/connect {code}")
    assert t(whatsapp, Msg.LINK_CONFIRM_MOVES, bookings=0, topics=0, cases=1) in whatsapp.text
    await whatsapp.press("link:join")
    assert t(whatsapp, Msg.LINK_DONE_CASE) in whatsapp.text
    assert whatsapp.payloads == [LEAVE_PAYLOAD]
    async with assistant.sessions() as s:
        [case] = await queue.open_cases(s)
        assert code not in [
            e.text for e in await queue.entries_of(s, case.id)
        ]  # never words for a counsellor

    await whatsapp.press("appt:list")
    assert "Social counselling" in whatsapp.text  # booked on Telegram
    assert await telegram.send("Are you there?") == []  # Telegram now talks to the counsellor too
    async with assistant.sessions() as s:
        assert ("client", "Are you there?") in [(e.kind, e.text) for e in await queue.entries_of(s, case.id)]
        refs = await ClientRepository(s).latest_user_refs([case.client_id])
    assert refs == {case.client_id: "tg:1001"}  # reminders go where the person wrote last


def test_client_codes_and_staff_codes_cannot_be_taken_for_each_other() -> None:
    for _ in range(500):
        code = new_code()
        assert looks_like_code(code)
        assert len(staff_digits(code)) < 8  # a staff `/link` finds no 8-digit code in it
    assert not looks_like_code("12345678")  # nor is a staff code a client's


async def test_wrong_codes_are_refused_and_five_in_an_hour_stop_the_guessing(
    assistant: Assistant, phones: Phones
) -> None:
    telegram, whatsapp = ChatDriver(assistant, "tg:1001"), ChatDriver(assistant, "wa:420777")
    await telegram.onboard("en")
    await whatsapp.onboard("en")
    for ordinary in ("25 June", "thanks", "12345678"):  # short messages, a counsellor's code: not codes
        await whatsapp.send(ordinary)
        assert t(whatsapp, Msg.LINK_INVALID) not in whatsapp.text
    code = await code_of(telegram)
    wrong = "23456A" if code != "23456A" else "23456B"
    for _ in range(4):
        await whatsapp.send(wrong)
        assert t(whatsapp, Msg.LINK_INVALID) in whatsapp.text
    await whatsapp.send(f"/connect {wrong}")
    assert "Too many wrong codes" in whatsapp.text
    await whatsapp.send(code)  # even the right one, for now
    assert "Too many wrong codes" in whatsapp.text
    async with assistant.sessions() as s, s.begin():
        await s.execute(update(LinkFailure).values(at=datetime.now(UTC) - timedelta(minutes=61)))
    await whatsapp.send(code)
    assert t(whatsapp, Msg.LINK_CONFIRM, channel="tg") in whatsapp.text
    await whatsapp.press("link:keep")
    assert t(whatsapp, Msg.LINK_CANCELLED) in whatsapp.text
    await whatsapp.press("link:join")  # an old (or forged) button: the code must be sent again
    assert t(whatsapp, Msg.LINK_STALE) in whatsapp.text
    assert await clients(assistant) == 2


async def test_expired_own_replaced_and_already_linked_codes_each_get_their_answer(
    assistant: Assistant, phones: Phones
) -> None:
    telegram, whatsapp = ChatDriver(assistant, "tg:1001"), ChatDriver(assistant, "wa:420777")
    await telegram.onboard("cs")
    await whatsapp.onboard("cs")
    first = await code_of(telegram, "propojit")  # the typed keyword, in Czech
    await telegram.send(first)
    assert t(telegram, Msg.LINK_OWN, "cs") in telegram.text
    async with assistant.sessions() as s, s.begin():
        await s.execute(update(LinkCode).values(expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    await whatsapp.send(first)
    assert t(whatsapp, Msg.LINK_EXPIRED, "cs", minutes=15) in whatsapp.text
    second = await code_of(telegram)
    third = await code_of(telegram)  # asking again replaces the code
    await whatsapp.send(second)
    assert t(whatsapp, Msg.LINK_INVALID, "cs") in whatsapp.text
    await whatsapp.send(third)
    await whatsapp.press("link:join")
    await whatsapp.send(await code_of(telegram))
    assert t(whatsapp, Msg.LINK_ALREADY, "cs") in whatsapp.text


async def test_connected_apps_are_listed_and_one_can_be_disconnected(
    assistant: Assistant, phones: Phones
) -> None:
    telegram, whatsapp = ChatDriver(assistant, "tg:1001"), ChatDriver(assistant, "wa:420777")
    await telegram.onboard("en")
    await telegram.press("help")
    await telegram.press_label("Connected apps")
    assert t(telegram, Msg.LINK_APPS_ONLY_THIS) in telegram.text
    await telegram.press("link:code")
    code = CODE.search(telegram.text)
    assert code is not None
    await whatsapp.send(code.group(1))
    await whatsapp.press("link:join")
    await whatsapp.press("sub:t:exams")

    await telegram.press("link")
    assert "1. Telegram (this chat)" in telegram.text
    assert "2. WhatsApp" in telegram.text
    await telegram.press_label("2. WhatsApp")
    await telegram.press_label(t(telegram, Msg.COMMON_YES))
    assert t(telegram, Msg.LINK_DROPPED, channel="wa") in telegram.text
    assert await clients(assistant) == 2
    await telegram.press("sub:list")
    assert t(telegram, Msg.SUBSCRIPTIONS_NONE) not in telegram.text  # the course news stayed here
    await whatsapp.press("sub:list")
    assert t(whatsapp, Msg.SUBSCRIPTIONS_NONE) in whatsapp.text  # WhatsApp starts again with nothing
    await whatsapp.send("/menu")
    assert t(whatsapp, Msg.MENU_TITLE) in whatsapp.text  # but it is not asked for consent again
