"""The announcement's "sign me up" button books a seat through the scheduler, or waitlists a full session."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import select

from bot.app import Assistant
from bot.i18n.msg import Msg
from broadcasts.compose import message_reply
from broadcasts.models import Broadcast
from scheduler.models import Booking, Service, WaitlistEntry
from tests.unit.test_booking_dialogs import (
    MOCK_EXAM,
    bookings_of,
    client_chat,
    fill_session,
    first,
    t,
)
from tests.unit.test_booking_dialogs import centre as _centre

centre = _centre  # the example schedule of the Ústí centre, the clock stopped before the mock exam


async def announcement(assistant: Assistant, service_code: str) -> Broadcast:
    async with assistant.sessions() as s:
        service = await s.scalar(select(Service).where(Service.code == service_code))
        assert service is not None
    return Broadcast(
        title="Mock exam",
        texts={"uk": "Пробний іспит A2 у суботу.", "vi": "Thi thử A2 vào thứ Bảy."},
        signup_payload=f"bk:svc:{service.id}",
        audience={"topics": ["exams"]},
    )


def sign_up_payload(broadcast: Broadcast, locale: str) -> str:
    reply = message_reply(broadcast, locale)
    payloads = [c.payload for c in reply.choices]
    assert broadcast.signup_payload in payloads
    return str(broadcast.signup_payload)


async def test_sign_me_up_books_a_free_seat_of_the_announced_session(centre: Assistant) -> None:
    broadcast = await announcement(centre, "mock_exam")
    chat = client_chat(centre, "oksana")
    await chat.onboard("uk")

    await chat.press(sign_up_payload(broadcast, "uk"))
    await chat.press(first(chat, "bk:d:"))
    await chat.press(first(chat, "bk:t:"))
    await chat.press(first(chat, "bk:ok:"))

    assert t(centre, "uk", Msg.BOOKING_BOOKED) in chat.text
    [booking] = await bookings_of(centre, chat.user_ref)
    assert booking.status == "booked"
    assert booking.starts_at == MOCK_EXAM.astimezone(UTC)


async def test_sign_me_up_for_a_full_session_offers_and_joins_its_waiting_list(centre: Assistant) -> None:
    broadcast = await announcement(centre, "mock_exam")
    await fill_session(centre, "mock_exam", MOCK_EXAM, seats=8)
    chat = client_chat(centre, "lan")
    await chat.onboard("vi")

    await chat.press(sign_up_payload(broadcast, "vi"))
    assert t(centre, "vi", Msg.BOOKING_FULL_SESSIONS) in chat.text
    await chat.press(first(chat, "bk:w:"))

    assert t(centre, "vi", Msg.BOOKING_WAITLIST_JOINED) in chat.text
    async with centre.sessions() as s:
        waiting = (await s.scalars(select(WaitlistEntry))).all()
        assert len(waiting) == 1
        assert len((await s.scalars(select(Booking))).all()) == 8  # the seats stay with their holders
