"""The appointment pages of the staff console through the real app: agenda, availability, history."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import select

from bot.app import Assistant
from bot.channels.base import Channel, Outbound
from bot.clients.repository import ClientRepository
from bot.i18n.msg import Msg
from bot.paths import REPO_ROOT
from bot.settings import SUPPORTED_LOCALES
from bot.staff.models import AuditEntry, Role
from bot.staff.service import StaffAccounts
from bot.web.staff.schedule import REFUSALS
from scheduler.agenda import Refusal
from scheduler.importer import import_schedule, read_file
from scheduler.models import Booking, Counsellor, Location
from scheduler.service import Outcome
from tests.driver import ChatDriver
from tests.e2e.test_staff_console import ADMIN, COUNSELLOR, client_for, csrf_of, en, log_in

PRAGUE = ZoneInfo("Europe/Prague")
NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # Monday 08:00 in Prague
TUESDAY, SATURDAY, SUNDAY = date(2026, 3, 3), date(2026, 3, 7), date(2026, 3, 8)
COORDINATOR = ("eva@centrum.cz", "Eva Koordinátorka", "coordinator passphrase 3")
EXAMPLE = REPO_ROOT / "scheduler" / "examples" / "usti.yml"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class RecordingSender:
    """The Telegram edge: keeps what the notifier hands it."""

    def __init__(self) -> None:
        self.sent: list[Outbound] = []

    async def send(self, outbound: Outbound) -> None:
        self.sent.append(outbound)


@dataclass
class Centre:
    assistant: Assistant
    clock: Clock
    counsellors: dict[str, int]
    locations: dict[str, int]
    karel: int  # the counsellor account, linked to social-1

    async def client(self, user_ref: str, locale: str) -> int:
        await ChatDriver(self.assistant, user_ref).onboard(locale)
        async with self.assistant.sessions() as s:
            thread = await ClientRepository(s).find(user_ref)
        assert thread is not None
        return thread.client.id

    async def book(self, client_id: int, code: str, day: date, language: str = "uk") -> Booking:
        scheduler = self.assistant.scheduler
        async with self.assistant.sessions() as s, s.begin():
            service = await scheduler.service_by_code(s, code)
            assert service is not None
            usti = self.locations["usti"]
            slots = await scheduler.find_free(s, service, location_id=usti, language=language, day=day)
            result = await scheduler.book(s, client_id, slots[0], language)
        assert result.outcome is Outcome.BOOKED
        assert result.booking is not None
        return result.booking

    async def free(self, code: str, day: date) -> list[tuple[int, time]]:
        scheduler = self.assistant.scheduler
        async with self.assistant.sessions() as s:
            service = await scheduler.service_by_code(s, code)
            assert service is not None
            slots = await scheduler.find_free(
                s, service, location_id=self.locations["usti"], day=day, limit=99
            )
        return [(slot.counsellor_id, slot.starts_at.astimezone(PRAGUE).time()) for slot in slots]

    async def booking(self, booking_id: int) -> Booking:
        async with self.assistant.sessions() as s:
            found = await s.get(Booking, booking_id)
        assert found is not None
        return found

    async def audit(self) -> list[tuple[str, int | None, str | None]]:
        async with self.assistant.sessions() as s:
            rows = await s.scalars(select(AuditEntry).order_by(AuditEntry.id))
            return [(row.action, row.staff_id, row.target) for row in rows]


@pytest.fixture
async def centre(assistant: Assistant) -> Centre:
    accounts = StaffAccounts(assistant.sessions)
    await accounts.create_staff(ADMIN[0], ADMIN[1], Role.ADMIN, ADMIN[2])
    karel = await accounts.create_staff(COUNSELLOR[0], COUNSELLOR[1], Role.COUNSELLOR, COUNSELLOR[2])
    await accounts.create_staff(COORDINATOR[0], COORDINATOR[1], Role.COORDINATOR, COORDINATOR[2])
    clock = Clock(NOW)
    assistant.scheduler.clock = clock
    async with assistant.sessions() as s, s.begin():
        await import_schedule(s, read_file(EXAMPLE))
        counsellors = {c.code: c for c in (await s.scalars(select(Counsellor))).all()}
        counsellors["social-1"].staff_id = karel.id
        locations = {loc.code: loc.id for loc in (await s.scalars(select(Location))).all()}
    return Centre(assistant, clock, {k: c.id for k, c in counsellors.items()}, locations, karel.id)


@pytest.fixture
async def http(assistant: Assistant) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(assistant) as client:
        yield client


async def test_a_counsellor_sees_their_day_and_week_with_the_booked_client(
    centre: Centre, http: httpx.AsyncClient
) -> None:
    olena = await centre.client("tg:5001", "uk")
    booking = await centre.book(olena, "social_counselling", TUESDAY)
    stranger = await centre.client("tg:5002", "ru")
    await centre.book(stranger, "legal_counselling", TUESDAY, language="ru")  # legal-1's client
    await log_in(http, COUNSELLOR[0], COUNSELLOR[2])
    a = centre.assistant

    today = await http.get("/staff/agenda")
    day = await http.get(f"/staff/agenda?day={TUESDAY}")
    week = await http.get("/staff/agenda?day=2026-03-05&view=week")

    assert today.status_code == 200
    assert en(a, Msg.STAFF_AGENDA_DATE, day=date(2026, 3, 2)) in today.text
    assert en(a, Msg.STAFF_AGENDA_EMPTY_DAY) in today.text
    assert 'href="/staff/agenda"' in today.text, "the menu offers the agenda"
    slot = en(a, Msg.STAFF_AGENDA_TIME, starts=booking.starts_at, ends=booking.ends_at)
    for page in (day, week):
        assert page.status_code == 200
        assert slot in page.text
        assert "Social counselling" in page.text
        assert en(a, Msg.STAFF_AGENDA_CLIENT, client=str(olena)) in page.text
        assert f'href="/staff/clients/{olena}/bookings"' in page.text
        assert en(a, Msg.STAFF_AGENDA_CLIENT, client=str(stranger)) not in page.text
    assert "9:00" in slot
    assert en(a, Msg.STAFF_AGENDA_DATE, day=SUNDAY) in week.text, "the week runs Monday to Sunday"
    legal = centre.counsellors["legal-1"]
    other = await http.get(f"/staff/agenda?day={TUESDAY}&counsellor={legal}")
    assert other.status_code == 403
    assert en(a, Msg.STAFF_FORBIDDEN_OTHER_AGENDA) in other.text
    viewed = [row for row in await centre.audit() if row[0] == "agenda_viewed"]
    assert len(viewed) == 3
    assert {(staff, target) for _, staff, target in viewed} == {
        (centre.karel, f"counsellor:{centre.counsellors['social-1']}")
    }


async def test_marking_a_no_show_after_the_start(centre: Centre, http: httpx.AsyncClient) -> None:
    olena = await centre.client("tg:5001", "uk")
    booking = await centre.book(olena, "social_counselling", TUESDAY)
    await log_in(http, COUNSELLOR[0], COUNSELLOR[2])
    page = await http.get(f"/staff/agenda?day={TUESDAY}")
    form = {"csrf_token": csrf_of(page), "booking": str(booking.id), "status": "no_show", "day": str(TUESDAY)}

    early = await http.post("/staff/agenda/attendance", data=form)
    assert early.status_code == 400
    assert en(centre.assistant, Msg.STAFF_ERROR_NOT_STARTED) in early.text
    centre.clock.now = datetime(2026, 3, 3, 8, 20, tzinfo=UTC)  # Tuesday 09:20 in Prague
    forged = await http.post("/staff/agenda/attendance", data={**form, "csrf_token": "forged"})
    assert forged.status_code == 403
    assert (await centre.booking(booking.id)).status == "booked"

    marked = await http.post("/staff/agenda/attendance", data=form)

    assert marked.status_code == 200
    no_show = en(centre.assistant, Msg.STAFF_STATUS, status="no_show")
    assert en(centre.assistant, Msg.STAFF_AGENDA_MARKED, client=str(olena), status=no_show) in marked.text
    assert (await centre.booking(booking.id)).status == "no_show"
    assert ("attendance_marked", centre.karel, f"booking:{booking.id}") in await centre.audit()


async def test_only_an_admin_edits_availability_and_the_free_slots_follow(
    centre: Centre, http: httpx.AsyncClient, assistant: Assistant
) -> None:
    await centre.book(await centre.client("tg:5001", "uk"), "social_counselling", TUESDAY)
    async with client_for(assistant) as karel:
        await log_in(karel, COUNSELLOR[0], COUNSELLOR[2])
        assert (await karel.get("/staff/availability")).status_code == 403
        form = {"csrf_token": csrf_of(await karel.get("/staff/agenda")), "counsellor": "1", "weekday": "6"}
        assert (await karel.post("/staff/availability/rules", data=form)).status_code == 403
    social1, social2 = centre.counsellors["social-1"], centre.counsellors["social-2"]
    await log_in(http, ADMIN[0], ADMIN[2])
    page = await http.get(f"/staff/availability?counsellor={social2}")
    assert page.status_code == 200
    assert "Sociální pracovník C" in page.text
    rule = {
        "csrf_token": csrf_of(page),
        "counsellor": str(social2),
        "weekday": "6",
        "starts": "10:00",
        "ends": "12:00",
        "location": str(centre.locations["usti"]),
    }
    assert await centre.free("social_counselling", SUNDAY) == []

    added = await http.post("/staff/availability/rules", data=rule)
    off = {"csrf_token": rule["csrf_token"], "counsellor": str(social1), "day": str(TUESDAY), "kind": "off"}
    closed = await http.post("/staff/availability/exceptions", data=off)

    a = centre.assistant
    assert added.status_code == 200
    assert en(a, Msg.STAFF_AVAILABILITY_SAVED) in added.text
    assert [f"<td>{en(a, Msg.STAFF_WEEKDAY, day=day)}</td>" in added.text for day in range(7)] == [
        False,
        True,  # Tuesday in Chomutov
        True,  # Wednesday in Ústí
        False,
        False,
        False,
        True,  # the new Sunday hours
    ]
    assert (await centre.free("social_counselling", SUNDAY))[0] == (social2, time(10))
    assert closed.status_code == 200
    assert en(a, Msg.STAFF_AVAILABILITY_STILL_BOOKED, count=1) in closed.text
    assert await centre.free("social_counselling", TUESDAY) == []
    bad_time = await http.post("/staff/availability/rules", data={**rule, "starts": "10:07"})
    overlap = await http.post("/staff/availability/rules", data={**rule, "starts": "11:00", "ends": "13:00"})
    assert (bad_time.status_code, overlap.status_code) == (400, 400)
    assert en(a, Msg.STAFF_ERROR_BAD_TIME) in bad_time.text
    assert 'value="10:07"' in bad_time.text, "the form keeps what the admin typed"
    assert en(a, Msg.STAFF_ERROR_OVERLAP) in overlap.text
    actions = [row[0] for row in await centre.audit()]
    assert actions.count("availability_rule_added") == 1
    assert actions.count("availability_exception_added") == 1


async def test_a_counsellors_cancellation_tells_the_client_and_offers_new_times(
    centre: Centre, http: httpx.AsyncClient
) -> None:
    telegram = RecordingSender()
    centre.assistant.notifier.register(Channel.TELEGRAM, telegram)
    olena = await centre.client("tg:5001", "uk")
    social1 = centre.counsellors["social-1"]
    assert (social1, time(9)) in await centre.free("social_counselling", TUESDAY)
    booking = await centre.book(olena, "social_counselling", TUESDAY)
    await log_in(http, COUNSELLOR[0], COUNSELLOR[2])
    page = await http.get(f"/staff/agenda?day={TUESDAY}")
    form = {"csrf_token": csrf_of(page), "appointment": str(booking.appointment_id), "day": str(TUESDAY)}
    a = centre.assistant

    no_reason = await http.post("/staff/agenda/cancel", data=form)
    assert no_reason.status_code == 400
    assert en(a, Msg.STAFF_ERROR_REASON_MISSING) in no_reason.text
    done = await http.post("/staff/agenda/cancel", data={**form, "reason": "Sick today"})

    assert done.status_code == 200
    assert en(a, Msg.STAFF_AGENDA_CANCELLED, count=1, told=1) in done.text
    cancelled = await centre.booking(booking.id)
    assert (cancelled.status, cancelled.cancelled_by) == ("cancelled", "counsellor")
    (message,) = telegram.sent
    assert (message.user_ref, message.locale) == ("tg:5001", "uk")
    (rendered,) = a.translator.render_outbound(message)
    assert "Соціальна консультація" in rendered.text
    assert [c.payload for c in rendered.choices] == [f"bk:svc:{booking.service_id}"]
    assert rendered.choices[0].label == a.translator.format("uk", Msg.APPT_STAFF_REBOOK)
    assert (social1, time(9)) not in await centre.free("social_counselling", TUESDAY)
    olenas_chat = ChatDriver(a, "tg:5001")
    await olenas_chat.press(rendered.choices[0].payload)
    assert a.translator.format("uk", Msg.BOOKING_STALE) not in olenas_chat.text
    assert any(p.startswith("bk:") for p in olenas_chat.payloads), "the booking dialog takes over"
    target = f"appointment:{booking.appointment_id}"
    assert ("appointment_cancelled", centre.karel, target) in await centre.audit()


async def test_deactivating_a_counsellor_with_bookings_ahead_is_refused_until_they_are_cancelled(
    centre: Centre, http: httpx.AsyncClient
) -> None:
    booking = await centre.book(await centre.client("tg:5001", "uk"), "social_counselling", TUESDAY)
    social1 = centre.counsellors["social-1"]
    await log_in(http, ADMIN[0], ADMIN[2])
    page = await http.get(f"/staff/availability?counsellor={social1}")
    form = {"csrf_token": csrf_of(page), "counsellor": str(social1), "action": "deactivate"}
    a = centre.assistant

    refused = await http.post("/staff/availability/counsellor", data=form)

    assert refused.status_code == 409
    assert en(a, Msg.STAFF_ERROR_FUTURE_BOOKINGS, count=1) in refused.text
    assert f"#appointment-{booking.appointment_id}" in refused.text, "links to what must be cancelled"
    assert any(c == social1 for c, _ in await centre.free("social_counselling", TUESDAY))
    cancel = {
        "csrf_token": form["csrf_token"],
        "appointment": str(booking.appointment_id),
        "reason": "leaves",
    }
    assert (await http.post("/staff/agenda/cancel", data=cancel)).status_code == 200
    done = await http.post("/staff/availability/counsellor", data=form)
    assert done.status_code == 200
    assert en(a, Msg.STAFF_AVAILABILITY_DEACTIVATED, name="Sociální pracovnice B (example)") in done.text
    assert all(c != social1 for c, _ in await centre.free("social_counselling", date(2026, 3, 4)))
    actions = [row[0] for row in await centre.audit() if row[0] != "agenda_viewed"]
    assert actions[-3:] == [
        "counsellor_deactivation_refused",
        "appointment_cancelled",
        "counsellor_deactivated",
    ]


async def test_client_history_lists_past_and_future_bookings_and_is_audited(
    centre: Centre, http: httpx.AsyncClient, assistant: Assistant
) -> None:
    olena = await centre.client("tg:5001", "uk")
    centre.clock.now = datetime(2026, 2, 23, 7, 0, tzinfo=UTC)  # a week earlier
    past = await centre.book(olena, "social_counselling", date(2026, 2, 24))
    centre.clock.now = NOW
    future = await centre.book(olena, "social_counselling", TUESDAY)
    nobody = await centre.client("tg:5003", "vi")
    await log_in(http, COUNSELLOR[0], COUNSELLOR[2])
    a = centre.assistant

    page = await http.get(f"/staff/clients/{olena}/bookings")

    assert page.status_code == 200
    assert en(a, Msg.STAFF_HISTORY_TITLE, client=str(olena)) in page.text
    upcoming, earlier = page.text.split(en(a, Msg.STAFF_HISTORY_PAST))
    assert en(a, Msg.STAFF_HISTORY_AT, at=future.starts_at) in upcoming
    assert en(a, Msg.STAFF_HISTORY_AT, at=past.starts_at) in earlier
    assert en(a, Msg.STAFF_HISTORY_AT, at=past.starts_at) not in upcoming
    assert ("client_bookings_viewed", centre.karel, f"client:{olena}") in await centre.audit()
    assert (await http.get(f"/staff/clients/{nobody}/bookings")).status_code == 403, "not Karel's client"
    assert (await http.get("/staff/clients/999999/bookings")).status_code == 404
    async with client_for(assistant) as eva:
        await log_in(eva, COORDINATOR[0], COORDINATOR[2])
        assert (await eva.get(f"/staff/clients/{olena}/bookings")).status_code == 403
        assert (await eva.get("/staff/agenda")).status_code == 403


def test_every_refusal_has_words() -> None:
    assert set(REFUSALS) == set(Refusal)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
async def test_the_appointment_pages_render_in_every_language(
    centre: Centre, assistant: Assistant, locale: str
) -> None:
    olena = await centre.client("tg:5001", "uk")
    booking = await centre.book(olena, "mock_exam", SATURDAY)
    async with client_for(assistant, accept_language=locale) as http:
        await log_in(http, ADMIN[0], ADMIN[2])
        pages = [
            await http.get(f"/staff/agenda?day={SATURDAY}&view=week"),
            await http.get(f"/staff/availability?counsellor={centre.counsellors['lector-1']}"),
            await http.get(f"/staff/clients/{olena}/bookings"),
        ]
        token = csrf_of(pages[0])
        form = {
            "csrf_token": token,
            "counsellor": str(centre.counsellors["lector-1"]),
            "action": "deactivate",
        }
        pages.append(await http.post("/staff/availability/counsellor", data=form))
        cancel = {"csrf_token": token, "appointment": str(booking.appointment_id), "reason": "x"}
        pages.append(await http.post("/staff/agenda/cancel", data=cancel))

    for page in pages:
        assert f'<html lang="{locale}">' in page.text
        assert "staff-" not in page.text
        assert "{$" not in page.text
    seats = assistant.translator.format(locale, Msg.STAFF_AGENDA_SEATS, {"taken": 1, "capacity": 8})
    assert html.escape(seats) in pages[0].text, "the group session shows its seats"
