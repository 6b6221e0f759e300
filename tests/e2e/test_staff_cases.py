"""The counsellor queue in the staff console: live queue, claiming, replies, closing, files, audit, stats."""

from __future__ import annotations

import asyncio
import html
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect
from sqlalchemy import select

from bot.app import Assistant
from bot.channels.base import Attachment, Channel, InboundMessage, Outbound, RecipientUnreachable
from bot.clients.repository import ClientRepository
from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from bot.nlu.service import Understanding
from bot.settings import SUPPORTED_LOCALES
from bot.staff.models import AuditEntry, Role
from bot.staff.service import StaffAccounts, StaffMember
from counselling import queue
from counselling.models import Case
from tests.conftest import CENTRE_OPEN
from tests.driver import ChatDriver
from tests.e2e.browser import chromium, serve
from tests.e2e.test_staff_console import ADMIN, COUNSELLOR, client_for, csrf_of, en, log_in

SECOND = ("jana@centrum.cz", "Jana Poradkyně", "second counsellor passphrase 4")
DETENTION = "My husband was detained by the police at the airport"
TIMEOUT = 10_000
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"


class Recorder:
    """A web chat tab: every event the hub pushes to the client."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    async def send_json(self, data: Any, mode: str = "text") -> None:
        self.events.append(data)

    @property
    def text(self) -> str:
        return "\n".join(str(e.get("text", "")) for e in self.events)


class Blocked:
    """A Telegram edge where the client has blocked the bot."""

    async def send(self, outbound: Outbound) -> None:
        raise RecipientUnreachable(outbound.user_ref)


@pytest.fixture
async def staff(assistant: Assistant) -> dict[str, StaffMember]:
    accounts = StaffAccounts(assistant.sessions)
    return {
        "admin": await accounts.create_staff(ADMIN[0], ADMIN[1], Role.ADMIN, ADMIN[2]),
        "karel": await accounts.create_staff(COUNSELLOR[0], COUNSELLOR[1], Role.COUNSELLOR, COUNSELLOR[2]),
        "jana": await accounts.create_staff(SECOND[0], SECOND[1], Role.COUNSELLOR, SECOND[2]),
    }


@pytest.fixture
async def http(assistant: Assistant, staff: dict[str, StaffMember]) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(assistant) as client:
        await log_in(client, COUNSELLOR[0], COUNSELLOR[2])
        yield client


async def ask_for_person(assistant: Assistant, user_ref: str, locale: str = "en", text: str = "") -> int:
    """A client onboards and hands over to a person; returns the open case's id."""
    driver = ChatDriver(assistant, user_ref)
    await driver.onboard(locale)
    if text:
        await driver.send(text)
    else:
        await driver.press("human")
    async with assistant.sessions() as s:
        thread = await ClientRepository(s).find(user_ref)
        assert thread is not None
        case = await queue.open_case_of(s, thread.client.id)
    assert case is not None
    return case.id


async def case_of(assistant: Assistant, case_id: int) -> Case:
    async with assistant.sessions() as s:
        case = await s.get(Case, case_id)
    assert case is not None
    return case


async def audit_of(assistant: Assistant, target: str) -> list[tuple[str, int | None]]:
    async with assistant.sessions() as s:
        rows = await s.scalars(select(AuditEntry).where(AuditEntry.target == target).order_by(AuditEntry.id))
        return [(row.action, row.staff_id) for row in rows]


async def post(http: httpx.AsyncClient, path: str, page_path: str, **data: str) -> httpx.Response:
    page = await http.get(page_path)
    return await http.post(path, data={"csrf_token": csrf_of(page), **data})


# --- the end-to-end, in Chromium ----------------------------------------------------------------


async def press(page: Page, label: str) -> None:
    await page.get_by_role("button", name=label, exact=True).click(timeout=TIMEOUT)


async def live(page: Page) -> None:
    """Wait until the page's event stream is subscribed, so no later change can pass it by."""
    await expect(page.locator("html")).to_have_attribute("data-live", "ready", timeout=TIMEOUT)


async def test_urgent_web_chat_case_is_claimed_answered_closed_and_rated_live(
    assistant: Assistant, understanding: Understanding, staff: dict[str, StaffMember]
) -> None:
    assert understanding.parser.parse(DETENTION).top[0] is Intent.LEGAL_DETENTION
    t = assistant.translator
    # An older, normal case: another client asked for a person 40 minutes earlier.
    assistant.cases.clock = lambda: CENTRE_OPEN - timedelta(minutes=40)
    older = await ask_for_person(assistant, "web:older-client", "uk")
    assistant.cases.clock = lambda: CENTRE_OPEN

    async with serve(assistant) as url, chromium() as browser:
        console = await (await browser.new_context(locale="en-US")).new_page()
        await console.goto(url + "/staff/login?next=/staff/cases")
        await console.get_by_label(t.format("en", Msg.STAFF_LOGIN_EMAIL)).fill(COUNSELLOR[0])
        await console.get_by_label(t.format("en", Msg.STAFF_LOGIN_PASSWORD)).fill(COUNSELLOR[2])
        await press(console, t.format("en", Msg.STAFF_LOGIN_SUBMIT))
        rows = console.locator("tr.case-row")
        await expect(rows).to_have_count(1, timeout=TIMEOUT)
        await expect(rows.first).to_have_id(f"case-{older}")
        await live(console)

        chat = await (await browser.new_context(locale="en-US")).new_page()
        await chat.goto(url + "/")
        log = chat.get_by_role("log")
        await press(chat, t.format("en", Msg.FIRST_CONTACT_AGREE))
        await press(chat, t.format("en", Msg.LANGUAGE_EN))
        await expect(log).to_contain_text(t.format("en", Msg.MENU_TITLE), timeout=TIMEOUT)
        await chat.get_by_label(t.format("en", Msg.WEBCHAT_INPUT_LABEL)).fill(DETENTION)
        await chat.get_by_role("button", name=t.format("en", Msg.WEBCHAT_SEND)).click()
        await expect(log).to_contain_text(t.format("en", Msg.CASE_OPENED), timeout=TIMEOUT)

        # Without a reload: the urgent case arrives on top, with an alert.
        await expect(rows).to_have_count(2, timeout=TIMEOUT)
        first = rows.first
        await expect(first).to_contain_text(t.format("en", Msg.STAFF_CASE_TOPIC_DETENTION))
        await expect(first).to_contain_text(t.format("en", Msg.STAFF_CASE_PRIORITY_URGENT))
        await expect(rows.nth(1)).to_have_id(f"case-{older}")
        await expect(console.locator("#case-alert")).to_be_visible()
        assert (await console.title()).startswith("(!)")

        await first.get_by_role("button", name=t.format("en", Msg.STAFF_CASES_CLAIM)).click()
        await expect(console.get_by_role("status")).to_have_text(t.format("en", Msg.STAFF_CASE_CLAIMED))
        await expect(console.locator("#case-timeline")).to_contain_text(DETENTION)
        await expect(log).to_contain_text(
            t.format("en", Msg.CASE_CLAIMED, {"name": COUNSELLOR[1]}), timeout=TIMEOUT
        )

        reply = "Please tell me where he is held now and since when. I am here to help."
        await console.locator("#reply-text").fill(reply)
        await press(console, t.format("en", Msg.STAFF_CASE_REPLY_SUBMIT))
        await expect(console.get_by_role("status")).to_have_text(t.format("en", Msg.STAFF_CASE_SENT))
        await expect(log).to_contain_text(reply, timeout=TIMEOUT)
        await live(console)

        answer = "At the airport police station since this morning"
        await chat.get_by_label(t.format("en", Msg.WEBCHAT_INPUT_LABEL)).fill(answer)
        await chat.get_by_role("button", name=t.format("en", Msg.WEBCHAT_SEND)).click()
        await expect(console.locator("#case-timeline")).to_contain_text(answer, timeout=TIMEOUT)

        await console.locator("#resolution").select_option("referred")
        await press(console, t.format("en", Msg.STAFF_CASE_CLOSE_SUBMIT))
        await expect(log).to_contain_text(t.format("en", Msg.CASE_SATISFACTION_QUESTION), timeout=TIMEOUT)
        await press(chat, t.format("en", Msg.CASE_RATE_4))
        await expect(log).to_contain_text(t.format("en", Msg.CASE_RATED), timeout=TIMEOUT)

        await console.goto(url + "/staff/cases")
        await expect(rows).to_have_count(1)
        closed = console.locator("#closed-cases").locator("xpath=..")
        await expect(closed).to_contain_text(t.format("en", Msg.STAFF_CASE_RESOLUTION_REFERRED))
        await expect(closed).to_contain_text(t.format("en", Msg.STAFF_CASES_RATING, {"score": 4}))


# --- claiming, replying and closing through the app --------------------------------------------------------


async def test_a_case_already_taken_says_by_whom(
    assistant: Assistant, staff: dict[str, StaffMember], http: httpx.AsyncClient
) -> None:
    case_id = await ask_for_person(assistant, "web:taken")
    claimed = await post(http, f"/staff/cases/{case_id}/claim", "/staff/cases")
    assert claimed.status_code == 303
    assert claimed.headers["location"] == f"/staff/cases/{case_id}?claimed=1"

    async with client_for(assistant) as jana:
        await log_in(jana, SECOND[0], SECOND[2])
        refused = await post(jana, f"/staff/cases/{case_id}/claim", "/staff/cases")

    assert refused.status_code == 409
    assert en(assistant, Msg.STAFF_CASE_REFUSED_TAKEN, holder=COUNSELLOR[1]) in refused.text
    assert (await case_of(assistant, case_id)).counsellor_id == staff["karel"].id


async def test_replies_long_and_too_long_and_a_closed_case_refuses_more(
    assistant: Assistant, staff: dict[str, StaffMember], http: httpx.AsyncClient
) -> None:
    case_id = await ask_for_person(assistant, "web:long")
    tab = Recorder()
    assistant.webchat.attach("web:long", tab)
    page = f"/staff/cases/{case_id}"

    too_long = await post(http, f"{page}/reply", page, text="x" * 9_000)
    assert too_long.status_code == 400
    assert en(assistant, Msg.STAFF_CASE_REFUSED_TOO_LONG, max=queue.MAX_STAFF_TEXT) in too_long.text
    assert "x" * 9_000 in too_long.text  # the typed reply is given back, not lost
    assert "x" * 100 not in tab.text

    long = "Long answer. " * 384 + "End."  # 4,996 characters
    sent = await post(http, f"{page}/reply", page, text=long)
    assert sent.status_code == 200
    assert en(assistant, Msg.STAFF_CASE_SENT) in sent.text
    # Every word arrives in order; a reply this long may be broken into paragraphs on its way.
    assert " ".join(long.split()) in " ".join(tab.text.split())
    assert "{???}" not in tab.text

    closed = await post(http, f"{page}/close", page, resolution="answered")
    assert closed.status_code == 200
    assert en(assistant, Msg.STAFF_CASE_CLOSED_NOTICE, resolution="Answered") in closed.text
    assert assistant.translator.format("en", Msg.CASE_SATISFACTION_QUESTION) in tab.text

    again = await http.post(f"{page}/reply", data={"csrf_token": csrf_of(closed), "text": "One more thing"})
    assert again.status_code == 409
    assert en(assistant, Msg.STAFF_CASE_REFUSED_CLOSED) in again.text
    assert "One more thing" not in tab.text
    karel = staff["karel"].id
    assert (await audit_of(assistant, f"case:{case_id}")) == [
        ("case_viewed", karel),  # the page with the refused reply
        ("case_viewed", karel),
        ("case_replied", karel),
        ("case_viewed", karel),
        ("case_closed", karel),
    ]


async def test_internal_note_stays_inside_and_a_transfer_hands_the_case_over(
    assistant: Assistant, staff: dict[str, StaffMember], http: httpx.AsyncClient
) -> None:
    case_id = await ask_for_person(assistant, "web:note")
    tab = Recorder()
    assistant.webchat.attach("web:note", tab)
    page = f"/staff/cases/{case_id}"
    await post(http, f"/staff/cases/{case_id}/claim", "/staff/cases")

    noted = await post(http, f"{page}/note", page, text="Client sounded scared; call back with interpreter")
    assert noted.status_code == 200
    assert en(assistant, Msg.STAFF_CASE_NOTED) in noted.text
    assert en(assistant, Msg.STAFF_CASE_NOTE_LABEL, name=COUNSELLOR[1]) in noted.text
    assert "call back with interpreter" in noted.text
    assert "interpreter" not in tab.text

    moved = await post(http, f"{page}/transfer", page, to=str(staff["jana"].id))
    assert en(assistant, Msg.STAFF_CASE_TRANSFERRED, name=SECOND[1]) in moved.text
    assert (await case_of(assistant, case_id)).counsellor_id == staff["jana"].id
    refused = await post(http, f"{page}/reply", page, text="Hello")
    assert refused.status_code == 409
    assert en(assistant, Msg.STAFF_CASE_REFUSED_NOT_YOURS, holder=SECOND[1]) in refused.text
    actions = [action for action, _ in await audit_of(assistant, f"case:{case_id}")]
    assert {"case_claimed", "case_noted", "case_transferred", "case_viewed"} <= set(actions)
    assert "case_replied" not in actions


async def test_canned_reply_in_the_clients_language_is_sent_without_javascript(
    assistant: Assistant, staff: dict[str, StaffMember], http: httpx.AsyncClient
) -> None:
    case_id = await ask_for_person(assistant, "web:canned", "uk")
    tab = Recorder()
    assistant.webchat.attach("web:canned", tab)
    page = await http.get(f"/staff/cases/{case_id}")
    ukrainian = assistant.translator.format("uk", Msg.CANNED_APPEAL_DEADLINE)
    assert en(assistant, Msg.CANNED_APPEAL_DEADLINE_TITLE) in page.text  # titles in the counsellor's language
    assert html.escape(ukrainian) in page.text  # the text in the client's, for the script to fill in

    sent = await http.post(
        f"/staff/cases/{case_id}/reply",
        data={"csrf_token": csrf_of(page), "text": "", "canned": "appeal-deadline"},
    )
    assert sent.status_code == 200
    assert ukrainian in tab.text


async def test_blocked_client_is_shown_and_overdue_cases_stand_out(
    assistant: Assistant, staff: dict[str, StaffMember], http: httpx.AsyncClient
) -> None:
    assistant.notifier.register(Channel.TELEGRAM, Blocked())
    assistant.cases.clock = lambda: CENTRE_OPEN - timedelta(hours=5)
    overdue = await ask_for_person(assistant, "tg:9001")
    assistant.cases.clock = lambda: CENTRE_OPEN
    page = f"/staff/cases/{overdue}"

    queue_page = await http.get("/staff/cases")
    assert f'id="case-{overdue}" class="case-row sla-breached"' in queue_page.text
    assert en(assistant, Msg.STAFF_CASE_SLA_BREACHED) in queue_page.text  # words, not colour alone

    blocked = await post(http, f"{page}/reply", page, text="Are you there?")
    assert blocked.status_code == 200
    assert en(assistant, Msg.STAFF_CASE_BLOCKED) in blocked.text
    assert "unreachable-warning" in blocked.text
    assert en(assistant, Msg.STAFF_CASE_DELIVERY_BLOCKED) in blocked.text
    assert en(assistant, Msg.STAFF_CASES_UNREACHABLE) in (await http.get("/staff/cases")).text


async def test_a_clients_file_is_listed_and_downloaded_as_an_attachment(
    assistant: Assistant, staff: dict[str, StaffMember], http: httpx.AsyncClient
) -> None:
    case_id = await ask_for_person(assistant, "web:file")
    photo = Attachment("rozhodnutí.jpg", "image/jpeg", JPEG)
    await assistant.engine.handle(InboundMessage.file("web:file", photo, caption="The decision"))

    page = await http.get(f"/staff/cases/{case_id}")
    async with assistant.sessions() as s:
        entry = next(e for e in await queue.entries_of(s, case_id) if e.file_name)
    link = f"/staff/cases/{case_id}/files/{entry.id}"
    assert f'href="{link}"' in page.text
    assert f'<img class="entry-image" src="{link}"' in page.text
    assert "The decision" in page.text

    download = await http.get(link)
    assert download.status_code == 200
    assert download.content == JPEG
    assert download.headers["content-type"] == "image/jpeg"
    assert download.headers["content-disposition"].startswith("attachment;")
    assert "filename*=UTF-8''rozhodnut%C3%AD.jpg" in download.headers["content-disposition"]
    assert download.headers["x-content-type-options"] == "nosniff"
    assert (await http.get(f"/staff/cases/{case_id}/files/{entry.id + 999}")).status_code == 404
    assert ("case_file_downloaded", staff["karel"].id) in await audit_of(assistant, f"case:{case_id}")


async def test_the_queue_is_for_counsellors_and_admins_only(
    assistant: Assistant, staff: dict[str, StaffMember]
) -> None:
    async with client_for(assistant) as anonymous:
        assert (await anonymous.get("/staff/cases/events")).status_code == 303
        assert (await anonymous.get("/staff/cases")).headers["location"].startswith("/staff/login")
    coordinator = ("eva@centrum.cz", "Eva Koordinátorka", "coordinator passphrase 3")
    await StaffAccounts(assistant.sessions).create_staff(
        coordinator[0], coordinator[1], Role.COORDINATOR, coordinator[2]
    )
    async with client_for(assistant) as eva:
        await log_in(eva, coordinator[0], coordinator[2])
        assert (await eva.get("/staff/cases")).status_code == 403
        assert (await eva.get("/staff/cases/stats")).status_code == 403


# --- statistics, languages, the event stream -------------------------------------------------------------


async def test_statistics_page_counts_times_per_topic_and_language(
    assistant: Assistant, staff: dict[str, StaffMember], http: httpx.AsyncClient
) -> None:
    case_id = await ask_for_person(assistant, "web:stats", "uk")
    assistant.cases.clock = lambda: CENTRE_OPEN + timedelta(minutes=12)
    page = f"/staff/cases/{case_id}"
    await post(http, f"{page}/reply", page, text="Dobrý den")
    assistant.cases.clock = lambda: CENTRE_OPEN + timedelta(hours=2)
    await post(http, f"{page}/close", page, resolution="answered")

    stats = await http.get("/staff/cases/stats")
    assert stats.status_code == 200
    text = stats.text
    assert en(assistant, Msg.TOPIC_TALK_TO_HUMAN) in text
    assert en(assistant, Msg.LANGUAGE_UK) in text
    assert "12 min / 12 min" in text  # waiting (claimed by the reply) and first response
    assert "2 h 0 min / 2 h 0 min" in text
    assert en(assistant, Msg.STAFF_STATS_PERCENT, percent=100) in text
    assert ("case_stats_viewed", staff["karel"].id) in await audit_of(assistant, "cases:stats")
    empty = await http.get("/staff/cases/stats?from=2020-01-01&to=2020-01-31")
    assert en(assistant, Msg.STAFF_STATS_NONE) in empty.text


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
async def test_case_pages_render_in_every_language(
    assistant: Assistant, staff: dict[str, StaffMember], locale: str
) -> None:
    case_id = await ask_for_person(assistant, "web:lang", "vi", text=DETENTION)
    async with client_for(assistant, accept_language=locale) as http:
        await log_in(http, ADMIN[0], ADMIN[2])
        pages = [
            await http.get(path)
            for path in (
                "/staff/cases",
                "/staff/cases/table",
                f"/staff/cases/{case_id}",
                "/staff/cases/stats",
            )
        ]
        pages.append(await post(http, f"/staff/cases/{case_id}/reply", f"/staff/cases/{case_id}", text=""))
    for page in pages[:4]:
        assert page.status_code == 200
    assert pages[4].status_code == 400
    for page in pages:
        assert "staff-" not in page.text
        assert "canned-" not in page.text.replace('id="canned"', "").replace('name="canned"', "")
        assert "{$" not in page.text


async def test_event_stream_delivers_changes_and_ends_when_the_server_stops(
    assistant: Assistant, staff: dict[str, StaffMember]
) -> None:
    loop = asyncio.get_running_loop()
    lines: list[str] = []
    ready = asyncio.Event()

    async def read(http: httpx.AsyncClient) -> None:
        async with http.stream("GET", "/staff/cases/events") as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            async for line in stream.aiter_lines():
                lines.append(line)
                if line == "event: ready":
                    ready.set()

    # The client outlives the server, so only the server can end the stream.
    async with httpx.AsyncClient(headers={"accept-language": "en"}) as http:
        async with serve(assistant) as url:
            http.base_url = httpx.URL(url)
            await log_in(http, COUNSELLOR[0], COUNSELLOR[2])
            reader = asyncio.create_task(read(http))
            await asyncio.wait_for(ready.wait(), 5)
            case_id = await ask_for_person(assistant, "web:stream", text=DETENTION)
            for _ in range(100):
                if any(f'"case_id": {case_id}' in line for line in lines):
                    break
                await asyncio.sleep(0.05)
            event = next(line for line in lines if f'"case_id": {case_id}' in line)
            assert lines[lines.index(event) - 1] == "event: case"
            assert '"alert": true' in event  # an urgent case
            stopping = loop.time()
        await asyncio.wait_for(reader, 5)
    # uvicorn waits for open responses before it stops: the stream must end by itself, and promptly.
    assert loop.time() - stopping < 5
