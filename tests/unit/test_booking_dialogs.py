"""Booking, moving and cancelling appointments in the chat, as clients meet it, on the example schedule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import select

from bot.app import Assistant
from bot.channels.base import Channel
from bot.clients.repository import ClientRepository
from bot.i18n.msg import Msg
from bot.paths import REPO_ROOT
from scheduler.importer import import_schedule, read_file
from scheduler.models import Booking, Service, WaitlistEntry
from scheduler.slots import Slot
from tests.driver import ChatDriver
from tests.fakes import FakeChannelSender

PRAGUE = ZoneInfo("Europe/Prague")
# A Wednesday morning. Monday 28 September is St Wenceslas Day, a public holiday; Saturday 26 has a mock exam.
NOW = datetime(2026, 9, 23, 8, 0, tzinfo=PRAGUE)
EXAMPLE = REPO_ROOT / "scheduler" / "examples" / "usti.yml"
MOCK_EXAM = datetime(2026, 9, 26, 9, 0, tzinfo=PRAGUE)


@pytest.fixture
async def centre(assistant: Assistant) -> Assistant:
    """The assistant with the example schedule of the Ústí centre and the clock stopped at NOW."""
    async with assistant.sessions() as s, s.begin():
        await import_schedule(s, read_file(EXAMPLE))
    assistant.scheduler.clock = lambda: NOW.astimezone(UTC)
    return assistant


def client_chat(assistant: Assistant, name: str) -> ChatDriver:
    return ChatDriver(assistant, f"console:{name}")


def t(assistant: Assistant, locale: str, msg: Msg, **args: object) -> str:
    return assistant.translator.format(locale, msg, args)


def plain(text: str) -> str:
    """CLDR puts narrow no-break spaces into some dates and times ("2026\u202fр.", "12:00\u202fPM")."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def first(chat: ChatDriver, prefix: str) -> str:
    return next(p for p in chat.payloads if p.startswith(prefix))


async def book_first_free(chat: ChatDriver, service: str, place: str = "Ústí") -> None:
    """The quickest way through the dialog: the service, the place, the first day and time, confirm."""
    await chat.press("book")
    await chat.press_label(service)
    if any(p.startswith("bk:days:") for p in chat.payloads):
        await chat.press_label(place)
    await chat.press(first(chat, "bk:d:"))
    await chat.press(first(chat, "bk:t:"))
    await chat.press(first(chat, "bk:ok:"))


async def bookings_of(assistant: Assistant, user_ref: str) -> list[Booking]:
    async with assistant.sessions() as s:
        thread = await ClientRepository(s).find(user_ref)
        assert thread is not None
        rows = await s.scalars(
            select(Booking).where(Booking.client_id == thread.client.id).order_by(Booking.id)
        )
        return list(rows.all())


async def fill_session(assistant: Assistant, code: str, starts_at: datetime, seats: int) -> None:
    """Other clients take `seats` seats of a group session, straight through the scheduler."""
    async with assistant.sessions() as s, s.begin():
        service = await s.scalar(select(Service).where(Service.code == code))
        assert service is not None
        free = await assistant.scheduler.find_free(s, service, day=starts_at.date())
        slot = next(x for x in free if x.starts_at == starts_at)
        for number in range(seats):
            thread = await ClientRepository(s).get_or_create(f"console:other{number}")
            result = await assistant.scheduler.book(s, thread.client.id, slot, None)
            assert result.booking is not None


async def test_book_from_the_menu_in_ukrainian_end_to_end(centre: Assistant) -> None:
    chat = client_chat(centre, "olena")
    await chat.onboard("uk")
    await chat.press("book")
    assert t(centre, "uk", Msg.BOOKING_CHOOSE_SERVICE) in chat.text
    await chat.press_label("Соціальна консультація")
    await chat.press_label("Ústí nad Labem")
    assert "середа, 23 вересня 2026 р." in [plain(c.label) for r in chat.rendered() for c in r.choices]
    await chat.press(first(chat, "bk:d:"))
    await chat.press_label("10:00")
    assert t(centre, "uk", Msg.BOOKING_CHECK) in chat.text
    await chat.press_label(t(centre, "uk", Msg.BOOKING_CONFIRM))

    text = plain(chat.text)
    assert t(centre, "uk", Msg.BOOKING_BOOKED) in text
    assert "Соціальна консультація" in text
    assert "середа, 23 вересня 2026 р., 10:00" in text  # Prague time (08:00 UTC)
    assert "Velká Hradební 33" in text
    [reply] = chat.rendered()
    [attachment] = reply.attachments
    assert attachment.filename.endswith(".ics")
    assert attachment.media_type == "text/calendar"
    event = icalendar.Calendar.from_ical(attachment.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2026, 9, 23, 8, 0, tzinfo=UTC)
    assert "Соціальна консультація" in str(event["summary"])
    [booking] = await bookings_of(centre, chat.user_ref)
    assert booking.status == "booked"
    assert booking.starts_at == datetime(2026, 9, 23, 8, 0, tzinfo=UTC)
    assert booking.language == "uk"  # a counsellor who speaks Ukrainian


async def test_free_text_about_a_visa_offers_legal_counselling_tomorrow_afternoon(centre: Assistant) -> None:
    chat = client_chat(centre, "amir")
    await chat.onboard("en")
    await chat.send("can I come tomorrow afternoon about my visa?")
    assert "Legal counselling" in chat.text
    assert "Thursday, September 24, 2026" in chat.text
    times = [c.label for r in chat.rendered() for c in r.choices if c.payload.startswith("bk:t:")]
    assert times[0] == "12:00\u202fPM"
    assert all("AM" not in label for label in times)
    assert any(p.startswith("bk:m:") for p in chat.payloads)  # more afternoon times follow


async def test_a_time_taken_meanwhile_is_answered_with_the_nearest_free_ones(centre: Assistant) -> None:
    alice, bob = client_chat(centre, "alice"), client_chat(centre, "bob")
    await alice.onboard("en")
    await bob.onboard("en")
    for chat in (alice, bob):
        await chat.send("I want to book legal counselling on Thursday at 10:00")
    wanted = first(alice, "bk:t:")
    assert wanted == first(bob, "bk:t:")
    await alice.press(wanted)
    await bob.press(wanted)
    await bob.press(first(bob, "bk:ok:"))
    assert t(centre, "en", Msg.BOOKING_BOOKED) in bob.text

    await alice.press(first(alice, "bk:ok:"))  # she looked at the confirmation a moment too long
    assert t(centre, "en", Msg.BOOKING_TAKEN) in alice.text
    alternatives = [p for p in alice.payloads if p.startswith("bk:t:")]
    assert alternatives
    assert wanted not in alternatives
    assert await bookings_of(centre, alice.user_ref) == []

    await alice.press(wanted)  # the same old button once more: the listing step says so too
    assert t(centre, "en", Msg.BOOKING_TAKEN) in alice.text
    await alice.press(alternatives[0])
    await alice.press(first(alice, "bk:ok:"))
    assert t(centre, "en", Msg.BOOKING_BOOKED) in alice.text


async def test_a_full_group_session_offers_the_waiting_list(centre: Assistant) -> None:
    chat = client_chat(centre, "lan")
    await chat.onboard("vi")
    await chat.press("book")
    await chat.press_label("Thi thử A2")
    await chat.press(first(chat, "bk:d:"))
    await chat.press(first(chat, "bk:t:"))
    await fill_session(centre, "mock_exam", MOCK_EXAM, seats=8)

    await chat.press(first(chat, "bk:ok:"))
    assert t(centre, "vi", Msg.BOOKING_FULL) in chat.text
    await chat.press(first(chat, "bk:w:"))
    assert t(centre, "vi", Msg.BOOKING_WAITLIST_JOINED) in chat.text
    async with centre.sessions() as s:
        assert len((await s.scalars(select(WaitlistEntry))).all()) == 1

    await chat.press("book")  # a full session is offered for the waiting list in the day list too
    await chat.press_label("Thi thử A2")
    assert t(centre, "vi", Msg.BOOKING_FULL_SESSIONS) in chat.text
    await chat.press(first(chat, "bk:w:"))
    assert t(centre, "vi", Msg.BOOKING_WAITLIST_ALREADY) in chat.text


async def test_a_client_holds_at_most_two_future_bookings(centre: Assistant) -> None:
    chat = client_chat(centre, "petr")
    await chat.onboard("cs")
    await book_first_free(chat, "Sociální poradenství")
    await book_first_free(chat, "Právní poradenství")
    assert len(await bookings_of(centre, chat.user_ref)) == 2

    await chat.press("book")
    assert t(centre, "cs", Msg.BOOKING_LIMIT, max=2) in chat.text
    assert "2 objednané termíny" in chat.text
    assert "appt:list" in chat.payloads
    await chat.send("chci se objednat na rozřazovací test")
    assert t(centre, "cs", Msg.BOOKING_LIMIT, max=2) in chat.text


async def test_a_stale_confirm_button_over_the_limit_books_nothing(centre: Assistant) -> None:
    chat = client_chat(centre, "jana")
    await chat.onboard("en")
    await chat.send("I want to book legal counselling on Thursday")
    third = first(chat, "bk:t:").replace("bk:t:", "bk:ok:")
    await book_first_free(chat, "Social counselling")
    await book_first_free(chat, "Czech course placement test")
    await chat.press(third)
    assert t(centre, "en", Msg.BOOKING_LIMIT, max=2) in chat.text
    assert len(await bookings_of(centre, chat.user_ref)) == 2


async def test_cancelling_gives_the_seat_to_the_waiting_client_who_is_told(centre: Assistant) -> None:
    phone = FakeChannelSender()
    centre.notifier.register(Channel.CONSOLE, phone)
    alice, lan = client_chat(centre, "alice"), client_chat(centre, "lan")
    await alice.onboard("en")
    await lan.onboard("vi")
    await book_first_free(alice, "Mock A2 exam")
    await fill_session(centre, "mock_exam", MOCK_EXAM, seats=7)
    await lan.press("book")
    await lan.press_label("Thi thử A2")
    await lan.press(first(lan, "bk:w:"))
    assert t(centre, "vi", Msg.BOOKING_WAITLIST_JOINED) in lan.text

    await alice.send("my appointments")
    assert "Mock A2 exam" in alice.text
    await alice.press(first(alice, "appt:cancel:"))
    assert t(centre, "en", Msg.BOOKING_CANCEL_QUESTION) in alice.text
    assert phone.sent == []
    await alice.press(first(alice, "appt:cx:"))
    assert t(centre, "en", Msg.BOOKING_CANCELLED) in alice.text

    [told] = phone.sent
    assert told.user_ref == lan.user_ref
    assert told.locale == "vi"
    [reply] = centre.translator.render_outbound(told)
    assert t(centre, "vi", Msg.BOOKING_PROMOTED) in reply.text
    assert "Thi thử A2" in reply.text
    assert reply.attachments[0].filename.endswith(".ics")
    [seat] = await bookings_of(centre, lan.user_ref)
    assert seat.status == "booked"
    assert seat.starts_at == MOCK_EXAM.astimezone(UTC)


async def test_cancel_intent_with_one_booking_asks_about_it(centre: Assistant) -> None:
    chat = client_chat(centre, "olga")
    await chat.onboard("ru")
    await book_first_free(chat, "Социальная консультация")
    await chat.send("хочу отменить запись")
    assert t(centre, "ru", Msg.BOOKING_CANCEL_QUESTION) in chat.text
    await chat.press("appt:list")  # "No, keep it"
    assert t(centre, "ru", Msg.BOOKING_MY_TITLE) in chat.text
    assert [b.status for b in await bookings_of(centre, chat.user_ref)] == ["booked"]


async def test_reschedule_moves_the_booking(centre: Assistant) -> None:
    chat = client_chat(centre, "olena")
    await chat.onboard("uk")
    await book_first_free(chat, "Соціальна консультація")
    [old] = await bookings_of(centre, chat.user_ref)

    await chat.press("appt:list")
    await chat.press(first(chat, "bk:days:r"))
    assert "середа, 23 вересня 2026 р., 10:00" in plain(chat.text)  # the time being moved
    days = [p for p in chat.payloads if p.startswith("bk:d:")]
    await chat.press(days[1])  # the next day
    await chat.press(first(chat, "bk:t:"))
    assert t(centre, "uk", Msg.BOOKING_MOVE_CHECK, at=old.starts_at) in chat.text
    await chat.press(first(chat, "bk:ok:"))
    assert t(centre, "uk", Msg.BOOKING_MOVED) in chat.text
    assert "четвер, 24 вересня 2026 р." in plain(chat.text)
    assert chat.rendered()[0].attachments

    moved_from, moved_to = await bookings_of(centre, chat.user_ref)
    assert (moved_from.id, moved_from.status) == (old.id, "cancelled")
    assert moved_to.status == "booked"
    assert moved_to.starts_at.astimezone(PRAGUE).date() == NOW.date() + timedelta(days=1)


@pytest.mark.parametrize(
    ("typed", "msg", "args"),
    [
        ("20.9.2026", Msg.BOOKING_DAY_PASSED, {"day": date(2026, 9, 20)}),
        ("30 February", Msg.BOOKING_DAY_UNREADABLE, {}),
        ("30.2.", Msg.BOOKING_DAY_UNREADABLE, {}),
        ("28.9.", Msg.BOOKING_DAY_HOLIDAY, {"day": date(2026, 9, 28)}),  # St Wenceslas Day
        ("15.12.", Msg.BOOKING_DAY_TOO_FAR, {"days": 30}),
        ("next Sunday", Msg.BOOKING_DAY_NO_TIMES, {"day": date(2026, 9, 27)}),
    ],
)
async def test_a_typed_day_that_cannot_be_booked_is_explained(
    centre: Assistant, typed: str, msg: Msg, args: dict[str, object]
) -> None:
    chat = client_chat(centre, "amir")
    await chat.onboard("en")
    await chat.press("book")
    await chat.press_label("Legal counselling")
    await chat.press_label("Ústí")
    await chat.send(typed)
    assert t(centre, "en", msg, **args) in chat.text
    assert any(p.startswith("bk:d:") for p in chat.payloads)  # the day buttons again
    assert t(centre, "en", Msg.ERROR_TRY_AGAIN) not in chat.text


async def test_a_typed_day_that_can_be_booked_shows_its_times(centre: Assistant) -> None:
    chat = client_chat(centre, "amir")
    await chat.onboard("en")
    await chat.press("book")
    await chat.press_label("Legal counselling")
    await chat.press_label("Ústí")
    await chat.send("29.9. at 14:00")
    assert "Tuesday, September 29, 2026" in chat.text
    assert chat.rendered()[0].choices[0].label == "2:00\u202fPM"


async def test_reminder_buttons_confirm_and_cancel_only_the_clients_own_booking(centre: Assistant) -> None:
    alice, mallory = client_chat(centre, "alice"), client_chat(centre, "mallory")
    await alice.onboard("en")
    await mallory.onboard("en")
    await book_first_free(alice, "Social counselling")
    [booking] = await bookings_of(centre, alice.user_ref)

    await mallory.press(f"appt:confirm:{booking.id}")
    assert t(centre, "en", Msg.BOOKING_NOT_FOUND) in mallory.text
    await mallory.press(f"appt:cx:{booking.id}")
    assert t(centre, "en", Msg.BOOKING_NOT_FOUND) in mallory.text

    await alice.press(f"appt:confirm:{booking.id}")
    assert "Thank you for confirming" in alice.text
    assert "Wednesday, September 23, 2026" in alice.text
    [confirmed] = await bookings_of(centre, alice.user_ref)
    assert confirmed.confirmed_at is not None
    assert confirmed.status == "booked"

    await alice.press(f"appt:cancel:{booking.id}")
    assert t(centre, "en", Msg.BOOKING_CANCEL_QUESTION) in alice.text
    await alice.press(f"appt:cx:{booking.id}")
    assert t(centre, "en", Msg.BOOKING_CANCELLED) in alice.text
    await alice.press(f"appt:cx:{booking.id}")  # pressed twice, or an old reminder
    assert t(centre, "en", Msg.BOOKING_NOT_FOUND) in alice.text
    [cancelled] = await bookings_of(centre, alice.user_ref)
    assert cancelled.status == "cancelled"


@pytest.mark.parametrize(
    "payload",
    [
        "bk",
        "bk:",
        "bk:nonsense:1",
        "bk:svc:0",
        "bk:svc:99999",
        "bk:svc:1:2",
        "bk:days:1-99999",
        "bk:days:r99999",
        "bk:d:2-1:20260230",
        "bk:d:2-1:2026",
        "bk:m:2-1:1",
        "bk:t:2-1:1:29837401",  # a minute the schedule never offers
        "bk:t:2-1:x:29837400",
        "bk:ok:2-1:1:12345678",  # long past
        "bk:ok:2-1:1:99999999",  # far beyond the horizon
        "bk:ok:99-1:1:29837400",
        "bk:ok:r99999:1:29837400",
        "bk:w:99999",
        "bk:w:abc",
        "appt:list:1",
        "appt:cancel:99999",
        "appt:confirm:abc",
        "appt:cx:",
        "appt:whatever:1",
    ],
)
async def test_old_or_forged_booking_payloads_end_in_a_clear_message(centre: Assistant, payload: str) -> None:
    chat = client_chat(centre, "eve")
    await chat.onboard("en")
    replies = await chat.press(payload)
    assert replies
    assert t(centre, "en", Msg.ERROR_TRY_AGAIN) not in chat.text
    assert chat.payloads  # always a way on
    assert await bookings_of(centre, chat.user_ref) == []


async def test_someone_elses_booking_cannot_be_moved(centre: Assistant) -> None:
    alice, mallory = client_chat(centre, "alice"), client_chat(centre, "mallory")
    await alice.onboard("en")
    await mallory.onboard("en")
    await book_first_free(alice, "Social counselling")
    [booking] = await bookings_of(centre, alice.user_ref)
    await mallory.press(f"bk:days:r{booking.id}")
    assert t(centre, "en", Msg.BOOKING_NOT_FOUND) in mallory.text
    await alice.press(f"bk:days:r{booking.id}")
    slot = first(alice, "bk:d:").split(":")
    tomorrow = await _first_time(centre, slot)
    await mallory.press(f"bk:ok:r{booking.id}:{tomorrow}")
    assert t(centre, "en", Msg.BOOKING_NOT_FOUND) in mallory.text
    [still] = await bookings_of(centre, alice.user_ref)
    assert still.starts_at == booking.starts_at


async def _first_time(assistant: Assistant, day_payload: list[str]) -> str:
    """`<counsellor>:<unix minutes>` of a free social-counselling time on the day of a day button."""
    async with assistant.sessions() as s:
        service = await s.scalar(select(Service).where(Service.code == "social_counselling"))
        assert service is not None
        day = datetime.strptime(day_payload[-1], "%Y%m%d").date()
        free: list[Slot] = await assistant.scheduler.find_free(s, service, day=day)
        return f"{free[0].counsellor_id}:{int(free[0].starts_at.timestamp()) // 60}"


async def test_booking_without_a_schedule_says_how_to_book_directly(assistant: Assistant) -> None:
    chat = client_chat(assistant, "early")
    await chat.onboard("en")
    await chat.send("/book")
    assert "Velká Hradební 33" in chat.text
    assert t(assistant, "en", Msg.BOOKING_NO_SERVICES, address="", hours="").split(":")[0] in chat.text
