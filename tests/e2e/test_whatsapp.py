"""WhatsApp end to end: signed webhooks into the real app, a Graph API stand-in over HTTP, each database."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

import httpx
import icalendar
import pytest
import structlog
from sqlalchemy import func, select

from bot.app import Assistant, build_assistant
from bot.channels.base import Outbound, Reply, SendStatus, choice
from bot.channels.whatsapp.service import WhatsAppChannel
from bot.i18n.msg import Msg
from bot.inbox.models import InboxMessage
from bot.nlu.service import Understanding
from bot.web.app import build_web_app
from counselling import queue
from counselling.queue import Actor
from tests.conftest import CENTRE_OPEN, make_settings, open_example_schedule
from tests.e2e.browser import free_port
from tests.fakes import VirtualTime
from tests.standins.graph_api import (
    APP_SECRET,
    PHONE_NUMBER_ID,
    TOKEN,
    VERIFY_TOKEN,
    GraphApiStandIn,
    Meta,
    Person,
    envelope,
    graph_api,
    message_value,
    status_value,
)

OLENA = Person(phone="420777123456", bsuid="CZ.1502576394655843", name="Olena")
MENU = ["faq", "book", "human", "courses", "lang", "help"]
TEMPLATES = "reminder:uk=nahaduvannia,notice:en=centre_notice"
PHOTO = b"\xff\xd8\xff photo of a permit"
DETENTION = "My husband was detained by the police at the airport, what do we do?"


@dataclass
class WhatsAppUser:
    """Olena on WhatsApp: webhooks from Meta in, what the Graph API stand-in received out."""

    assistant: Assistant
    graph: GraphApiStandIn
    meta: Meta
    person: Person
    shape: str = "current"
    time: VirtualTime = field(default_factory=VirtualTime)  # the outbound limiter's clock

    def __post_init__(self) -> None:
        self._ids = count(1)

    @property
    def channel(self) -> WhatsAppChannel:
        assert self.assistant.whatsapp is not None
        return self.assistant.whatsapp

    @property
    def user_ref(self) -> str:
        return f"wa:{self.person.phone if self.shape != 'username' else self.person.bsuid}"

    def payload(self, message: dict[str, Any], wamid: str | None = None) -> dict[str, Any]:
        wamid = wamid or f"wamid.IN{next(self._ids)}"
        body = {"id": wamid, "timestamp": str(int(datetime.now(UTC).timestamp())), **message}
        return envelope(message_value(self.person, body, self.shape))

    async def deliver(self, payload: dict[str, Any]) -> httpx.Response:
        response = await self.meta.post(payload)
        assert response.status_code == 200, response.text
        await self.assistant.inbox.run_until_idle()
        return response

    async def say(self, text: str) -> None:
        await self.deliver(self.payload({"type": "text", "text": {"body": text}}))

    async def press(self, payload: str) -> None:
        """Press the button or list row for `payload` in the newest message that has it."""
        for message in reversed(self.graph.messages):
            if payload in payloads_of(message):
                kind = message["interactive"]["type"]
                reply_kind = "button_reply" if kind == "button" else "list_reply"
                reply = {"type": reply_kind, reply_kind: {"id": payload, "title": "pressed"}}
                await self.deliver(self.payload({"type": "interactive", "interactive": reply}))
                return
        raise AssertionError(f"no button for {payload!r}")

    async def onboard(self) -> None:
        await self.say("Добрий день")
        await self.press("start:agree")
        await self.press("lang:uk")
        self.graph.messages.clear()

    def uk(self, msg: Msg, **args: object) -> str:
        return self.assistant.translator.format("uk", msg, args)


def payloads_of(message: dict[str, Any]) -> list[str]:
    interactive = message.get("interactive")
    if not interactive:
        return []
    action = interactive["action"]
    if interactive["type"] == "button":
        return [b["reply"]["id"] for b in action["buttons"]]
    return [row["id"] for section in action["sections"] for row in section["rows"]]


def text_of(message: dict[str, Any]) -> str:
    if message["type"] == "text":
        return str(message["text"]["body"])
    if message["type"] == "interactive":
        return str(message["interactive"]["body"]["text"])
    return ""


async def build(
    database_url: str,
    understanding: Understanding,
    graph: GraphApiStandIn,
    time: VirtualTime | None = None,
    **extra: Any,
) -> Assistant:
    settings = make_settings(
        database_url,
        whatsapp_access_token=TOKEN,
        whatsapp_phone_number_id=PHONE_NUMBER_ID,
        whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN,
        whatsapp_api_base=graph.base_url,
        whatsapp_templates=TEMPLATES,
        **extra,
    )
    limiter = (time or VirtualTime()).limiter()  # pacing in virtual time: pauses are read, not waited
    assistant = build_assistant(settings, understanding, limiter=limiter)
    assistant.cases.clock = lambda: CENTRE_OPEN
    assert assistant.whatsapp is not None
    assistant.whatsapp.client._sleep = _no_sleep  # back-off is asserted on, not waited for
    return assistant


SLEPT: list[float] = []


async def _no_sleep(seconds: float) -> None:
    SLEPT.append(seconds)


@pytest.fixture
async def graph() -> AsyncIterator[GraphApiStandIn]:
    async with graph_api() as standin:
        yield standin


@pytest.fixture
async def olena(
    database_url: str, understanding: Understanding, graph: GraphApiStandIn
) -> AsyncIterator[WhatsAppUser]:
    time = VirtualTime()
    assistant = await build(database_url, understanding, graph, time)
    app = build_web_app(assistant)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://assistant.test") as http:
        yield WhatsAppUser(assistant, graph, Meta(http), OLENA, time=time)
    await assistant.aclose()


async def inbox_rows(user: WhatsAppUser) -> list[InboxMessage]:
    async with user.assistant.sessions() as s:
        return list((await s.scalars(select(InboxMessage).order_by(InboxMessage.id))).all())


# --- webhook: verification, signatures, bodies ---------------------------------------------------------


async def test_verification_echoes_the_challenge_only_for_our_token(olena: WhatsAppUser) -> None:
    http = olena.meta.http
    ok = await http.get(
        "/whatsapp/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"},
    )
    assert (ok.status_code, ok.text, ok.headers["content-type"].split(";")[0]) == (
        200,
        "1158201444",
        "text/plain",
    )
    wrong = await http.get(
        "/whatsapp/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"},
    )
    assert wrong.status_code == 403
    no_mode = await http.get(
        "/whatsapp/webhook", params={"hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"}
    )
    assert no_mode.status_code == 403


@pytest.mark.parametrize("signature", [None, "sha256=" + "0" * 64, "md5=abc", "sha256="])
async def test_a_missing_or_wrong_signature_is_refused_and_nothing_is_stored(
    olena: WhatsAppUser, signature: str | None
) -> None:
    payload = olena.payload({"type": "text", "text": {"body": "Ahoj"}})
    with structlog.testing.capture_logs() as logs:
        response = await olena.meta.post(payload, signature=signature)
    assert response.status_code == 403
    assert await inbox_rows(olena) == []
    assert any(e["event"] == "whatsapp_bad_signature" for e in logs)


async def test_a_body_signed_with_another_secret_is_refused(olena: WhatsAppUser) -> None:
    body = json.dumps(olena.payload({"type": "text", "text": {"body": "Ahoj"}})).encode()
    from tests.standins.graph_api import sign

    response = await olena.meta.post(body, signature=sign(body, "not-our-secret"))
    assert response.status_code == 403
    assert await inbox_rows(olena) == []


async def test_malformed_json_with_a_valid_signature_is_acknowledged_and_logged(olena: WhatsAppUser) -> None:
    with structlog.testing.capture_logs() as logs:
        response = await olena.meta.post(b'{"object": "whatsapp_business_account", "entry": [')
    assert response.status_code == 200  # Meta would retry a 4xx for days; this body can never parse
    [logged] = [e for e in logs if e["event"] == "whatsapp_malformed_body"]
    assert logged["log_level"] == "warning"
    assert await inbox_rows(olena) == []


async def test_unknown_types_and_fields_are_acknowledged_and_logged_by_type_only(olena: WhatsAppUser) -> None:
    secret_words = "moje tajné heslo"
    odd = olena.payload({"type": "hologram", "hologram": {"body": secret_words}})
    account = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "account_update", "value": {"x": secret_words}}]}],
    }
    broken = olena.payload({"type": "text", "text": {"no_body": secret_words}})
    with structlog.testing.capture_logs() as logs:
        for payload in (odd, account, broken, {"entry": "nonsense"}):
            assert (await olena.meta.post(payload)).status_code == 200
    events = {e["event"]: e for e in logs}
    assert events["whatsapp_unknown_message_type"]["type"] == "hologram"
    assert events["whatsapp_unknown_message_type"]["log_level"] == "warning"
    assert events["whatsapp_unknown_field"]["field"] == "account_update"
    assert events["whatsapp_message_unreadable"]["type"] == "text"
    assert secret_words not in repr(logs)
    assert await inbox_rows(olena) == []
    assert olena.graph.messages == []


# --- conversations ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["older", "current", "username"])
async def test_first_contact_privacy_notice_consent_buttons_and_language_list(
    olena: WhatsAppUser, shape: str
) -> None:
    olena.shape = shape
    await olena.say("Добрий день")
    recipient = olena.user_ref.removeprefix("wa:")
    [notice] = olena.graph.to(recipient)
    assert notice["messaging_product"] == "whatsapp"
    assert ("recipient" if shape == "username" else "to") in notice  # a BSUID goes in `recipient`
    assert olena.uk(Msg.FIRST_CONTACT_WELCOME, centre=olena.assistant.centre.name) in text_of(notice) or (
        olena.uk(Msg.FIRST_CONTACT_CONSENT_QUESTION) in text_of(notice)
    )
    assert notice["interactive"]["type"] == "button"
    buttons = notice["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["start:agree", "start:decline", "start:languages"]
    assert all(len(b["reply"]["title"]) <= 20 for b in buttons)
    assert olena.graph.reads == ["wamid.IN1"]  # marked as read when processed

    await olena.press("start:agree")
    languages = olena.graph.messages[-1]
    assert languages["interactive"]["type"] == "list"  # five languages: more than three buttons
    action = languages["interactive"]["action"]
    assert action["button"] == olena.uk(Msg.WHATSAPP_LIST_BUTTON)
    assert "lang:uk" in payloads_of(languages)
    assert all(len(r["title"]) <= 24 for s in action["sections"] for r in s["rows"])
    await olena.press("lang:uk")
    assert olena.uk(Msg.LANGUAGE_CHANGED) in "\n".join(text_of(m) for m in olena.graph.messages[-2:])
    assert payloads_of(olena.graph.messages[-1]) == MENU  # six: a list


async def test_an_faq_answer_in_ukrainian(olena: WhatsAppUser) -> None:
    await olena.onboard()
    await olena.say("Як продовжити дозвіл на проживання?")
    answer = "\n".join(text_of(m) for m in olena.graph.messages)
    first_line = olena.uk(Msg.FAQ_RESIDENCE_EXTEND).split("\n")[0]
    assert first_line in answer


async def test_booking_with_buttons_confirms_and_sends_the_calendar_file(olena: WhatsAppUser) -> None:
    assistant = olena.assistant
    await open_example_schedule(assistant)  # Wednesday, 08:00 in Prague
    await olena.onboard()
    await olena.say("/book")
    for step in ("bk:svc:", "bk:days:", "bk:d:", "bk:t:", "bk:ok:"):
        offered = payloads_of(olena.graph.messages[-1])
        assert any(p.startswith(step) for p in offered), (step, offered, text_of(olena.graph.messages[-1]))
        await olena.press(next(p for p in offered if p.startswith(step)))
    texts = [text_of(m) for m in olena.graph.messages]
    assert any(olena.uk(Msg.BOOKING_BOOKED) in t and "10:00" in t for t in texts)
    [upload] = olena.graph.uploads
    assert upload.filename.endswith(".ics")
    assert upload.media_type == "text/calendar"
    event = icalendar.Calendar.from_ical(upload.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2026, 9, 23, 8, 0, tzinfo=UTC)
    [document] = [m for m in olena.graph.messages if m["type"] == "document"]
    assert document["document"]["filename"] == upload.filename
    assert document["document"]["id"].startswith("MEDIA")


async def test_a_counsellor_case_keeps_the_photo_and_the_reply_reaches_whatsapp(olena: WhatsAppUser) -> None:
    await olena.onboard()
    olena.shape = "older"
    await olena.say(DETENTION)
    async with olena.assistant.sessions() as s:
        [case] = await queue.open_cases(s)
    assert case.topic == "legal_detention"
    olena.graph.add_media("4490709327384033", "image/jpeg", PHOTO)
    image = {
        "type": "image",
        "image": {"id": "4490709327384033", "mime_type": "image/jpeg", "caption": "povolení"},
    }
    olena.graph.messages.clear()
    await olena.deliver(olena.payload(image))
    assert olena.graph.messages == []  # the bot stays quiet during a case
    async with olena.assistant.sessions() as s:
        [photo] = [e for e in await queue.entries_of(s, case.id) if e.file_name]
        kept = await queue.file_of(s, case.id, photo.id)
        assert kept is not None
        assert (kept.text, kept.file_type, kept.file_content) == ("povolení", "image/jpeg", PHOTO)

    async with olena.assistant.sessions() as s, s.begin():
        from bot.staff.models import Role, StaffUser

        staff = StaffUser(email="olga@centre.test", display_name="Olga", password_hash="x", role="counsellor")
        s.add(staff)
        await s.flush()
        actor = Actor(staff.id, Role.COUNSELLOR, staff.display_name)
    await olena.assistant.cases.reply(case.id, actor, "Dobrý den, zavolejte nám prosím.")
    [reply] = olena.graph.messages
    assert reply["to"] == OLENA.phone
    assert "Dobrý den, zavolejte nám prosím." in text_of(reply)
    assert payloads_of(reply) == ["case:leave"]


async def test_a_file_over_the_limit_is_not_downloaded(olena: WhatsAppUser) -> None:
    await olena.onboard()
    await olena.say(DETENTION)
    olena.graph.add_media("77", "application/pdf", b"x" * (queue.MAX_FILE_BYTES + 1))
    olena.graph.messages.clear()
    await olena.deliver(
        olena.payload({"type": "document", "document": {"id": "77", "mime_type": "application/pdf"}})
    )
    [reply] = olena.graph.messages
    assert olena.uk(Msg.CASE_FILE_TOO_LARGE, megabytes=10) in text_of(reply)


@pytest.mark.parametrize("kind", ["audio", "sticker", "location", "contacts"])
async def test_unreadable_content_gets_a_polite_reply(olena: WhatsAppUser, kind: str) -> None:
    await olena.onboard()
    contents = {
        "audio": {"id": "1", "mime_type": "audio/ogg"},
        "sticker": {"id": "2"},
        "location": {"latitude": 50.66, "longitude": 14.03},
        "contacts": [{"name": {"formatted_name": "X"}}],
    }
    await olena.deliver(olena.payload({"type": kind, kind: contents[kind]}))
    [reply] = olena.graph.messages
    assert text_of(reply).startswith(olena.uk(Msg.INPUT_UNSUPPORTED).split("\n")[0])


# --- exactly once, in order ------------------------------------------------------------------------------


async def test_the_same_webhook_twice_is_answered_once(olena: WhatsAppUser) -> None:
    await olena.onboard()
    payload = olena.payload({"type": "text", "text": {"body": "Дякую"}}, wamid="wamid.RETRY")
    await olena.deliver(payload)
    answered = len(olena.graph.messages)
    assert answered >= 1
    await olena.deliver(payload)
    await olena.deliver(payload)
    assert len(olena.graph.messages) == answered
    rows = [r for r in await inbox_rows(olena) if r.platform_message_id == "wamid.RETRY"]
    assert len(rows) == 1
    assert rows[0].body is None  # the words are gone once processed; the id stays for 7 days
    assert rows[0].outcome == "done"


async def test_a_message_answered_by_a_worker_that_died_before_finishing_is_not_answered_again(
    olena: WhatsAppUser,
) -> None:
    """The worker answered, then died before marking the row done: its lease runs out, the row is
    claimed again (attempt 2) by a restarted process whose memory is empty, and the transcript
    tells the engine that the message was answered."""
    await olena.onboard()
    payload = olena.payload({"type": "text", "text": {"body": "/help"}}, wamid="wamid.DIED")
    assert (await olena.meta.post(payload)).status_code == 200
    inbox = olena.assistant.inbox
    [claimed] = await inbox.store.claim_heads(
        ["wa"], "dead-worker", datetime.now(UTC), timedelta(minutes=2), 1
    )
    assert claimed.attempts == 1
    await olena.channel.handle(claimed)  # answered; the worker dies before inbox.store.finish()
    help_text = olena.uk(Msg.HELP_TEXT, centre=olena.assistant.centre.name)
    assert help_text in text_of(olena.graph.messages[-1])
    sent = len(olena.graph.messages)
    await olena.assistant.states.delete(olena.user_ref)  # the restart
    inbox.clock = lambda: datetime.now(UTC) + timedelta(minutes=3)  # the dead worker's lease is over
    await inbox.run_until_idle()
    assert len(olena.graph.messages) == sent  # neither the help again nor an apology
    [row] = [r for r in await inbox_rows(olena) if r.platform_message_id == "wamid.DIED"]
    assert (row.attempts, row.outcome) == (2, "done")


async def test_messages_stored_before_a_crash_are_processed_in_order_on_start(olena: WhatsAppUser) -> None:
    """The webhook answers before processing; a new processor (after a crash) handles what was left."""
    await olena.onboard()
    for text in ("/help", "/menu", "/language"):
        response = await olena.meta.post(olena.payload({"type": "text", "text": {"body": text}}))
        assert response.status_code == 200
    assert await olena.assistant.inbox.store.pending() == 3
    assert olena.graph.messages == []
    await olena.assistant.inbox.start()  # what `run` does at start-up
    import asyncio

    async with asyncio.timeout(10):
        while await olena.assistant.inbox.store.pending():  # noqa: ASYNC110 - the database is polled
            await asyncio.sleep(0.02)
    await olena.assistant.inbox.stop()
    texts = [text_of(m) for m in olena.graph.messages]
    help_at = next(
        i for i, t in enumerate(texts) if olena.uk(Msg.HELP_TEXT, centre=olena.assistant.centre.name) in t
    )
    language_at = next(i for i, t in enumerate(texts) if olena.uk(Msg.LANGUAGE_CHOOSE) in t)
    assert help_at < language_at


# --- statuses, the 24-hour window, errors -----------------------------------------------------------------


async def test_status_callbacks_are_acknowledged_and_131047_makes_the_next_message_a_template(
    olena: WhatsAppUser,
) -> None:
    await olena.onboard()
    with structlog.testing.capture_logs() as logs:
        for status in ("sent", "delivered", "read"):
            await olena.deliver(envelope(status_value(OLENA, "wamid.OUT1", status)))
        await olena.deliver(envelope(status_value(OLENA, "wamid.OUT2", "failed", errors=[131047])))
    assert any(e["event"] == "whatsapp_delivery_failed" and e["codes"] == [131047] for e in logs)
    assert olena.graph.messages == []
    assert await olena.assistant.notifier.notify(olena.user_ref, [Reply.of(Msg.CASE_CLOSED_FOR_CLIENT)])
    [template] = olena.graph.messages
    assert template["type"] == "template"
    assert template["template"]["name"] == "centre_notice"


async def test_outside_the_24_hour_window_a_reminder_goes_as_the_ukrainian_template(
    olena: WhatsAppUser,
) -> None:
    await olena.onboard()
    sender = olena.channel.sender
    sender.clock = lambda: datetime.now(UTC) + timedelta(hours=25)
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    reminder = Reply.of(
        Msg.REMINDER_SOON, service="Poradenství", at=at, place="Ústí", address="Velká Hradební 33"
    )
    outbound = Outbound(olena.user_ref, "uk", (reminder,))
    await sender.send(outbound)
    [template] = olena.graph.messages
    assert template["template"]["name"] == "nahaduvannia"
    assert template["template"]["language"] == {"code": "uk"}
    [parameter] = template["template"]["components"][0]["parameters"]
    assert "\n" not in parameter["text"]
    # Inside the window the same message is free text.
    sender.clock = lambda: datetime.now(UTC)
    olena.graph.messages.clear()
    await sender.send(outbound)
    assert olena.graph.messages[0]["type"] == "text"


async def test_no_template_for_a_purpose_means_not_sent_and_said_so(olena: WhatsAppUser) -> None:
    await olena.onboard()
    olena.channel.sender._templates.clear()
    olena.channel.sender.clock = lambda: datetime.now(UTC) + timedelta(days=2)
    with structlog.testing.capture_logs() as logs:
        assert not await olena.assistant.notifier.notify(
            olena.user_ref, [Reply.of(Msg.CASE_CLOSED_FOR_CLIENT)]
        )
    assert any(e["event"] == "whatsapp_no_template" and e["log_level"] == "error" for e in logs)
    assert olena.graph.messages == []


async def test_rate_limits_pause_the_bucket_and_the_reply_still_arrives(olena: WhatsAppUser) -> None:
    await olena.onboard()
    olena.graph.fail_next(400, 130429, retry_after="3")  # the number's throughput: Retry-After says 3 s
    olena.graph.fail_next(400, 131056)  # then the pair's limit, without Retry-After: the second back-off, 4 s
    started = olena.time.now
    await olena.say("/menu")
    assert payloads_of(olena.graph.messages[-1]) == MENU
    assert olena.time.now - started >= 7.0  # the menu waited out both pauses before going again


async def test_re_engagement_required_falls_back_to_the_template(olena: WhatsAppUser) -> None:
    await olena.onboard()
    olena.graph.fail_next(400, 131047)
    assert await olena.assistant.notifier.notify(olena.user_ref, [Reply.of(Msg.CASE_CLOSED_FOR_CLIENT)])
    [template] = olena.graph.messages
    assert template["template"]["name"] == "centre_notice"


async def test_an_undeliverable_recipient_is_reported_unreachable(olena: WhatsAppUser) -> None:
    await olena.onboard()
    olena.graph.fail_next(400, 131026)
    from bot.core.notifier import Delivered

    outcome = await olena.assistant.notifier.deliver(olena.user_ref, [Reply.of(Msg.CASE_CLOSED_FOR_CLIENT)])
    assert outcome is Delivered.UNREACHABLE


async def test_a_refused_token_is_an_error_log_not_a_crash(olena: WhatsAppUser) -> None:
    await olena.onboard()
    olena.graph.fail_next(401, 190)
    with structlog.testing.capture_logs() as logs:
        await olena.say("/menu")
    [refused] = [e for e in logs if e["event"] == "whatsapp_token_refused"]
    assert refused["log_level"] == "error"
    assert TOKEN not in repr(logs)


async def test_a_graph_api_out_of_reach_is_logged_the_message_done_and_a_broadcast_retried(
    olena: WhatsAppUser,
) -> None:
    await olena.onboard()
    olena.channel.client._base = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with structlog.testing.capture_logs() as logs:
        await olena.say("/menu")
    failed = {e["event"]: e["error"] for e in logs if e["event"].startswith("whatsapp_") and "error" in e}
    assert failed == {
        "whatsapp_mark_read_failed": "ClientConnectorError",
        "whatsapp_send_failed": "ClientConnectorError",
    }
    # The engine committed the answer: processing it again would only be de-duplicated.
    assert [r.outcome for r in await inbox_rows(olena)][-1] == "done"
    result = await olena.channel.sender.deliver(
        Outbound(olena.user_ref, "uk", (Reply.of(Msg.CASE_CLOSED_FOR_CLIENT),))
    )
    assert (result.status, result.detail) == (SendStatus.RETRY, "ClientConnectorError")


# --- rendering ---------------------------------------------------------------------------------------------


async def test_more_than_ten_choices_go_as_numbered_text_and_a_number_presses_one(
    olena: WhatsAppUser,
) -> None:
    await olena.onboard()
    choices = tuple(
        choice(f"lang:{code}", Msg.MENU_HELP)
        for code in ["uk", "cs", "en", "ru", "vi", *[f"x{n}" for n in range(7)]]
    )
    await olena.channel.sender.send(
        Outbound(olena.user_ref, "uk", (Reply(lines=Reply.of(Msg.LANGUAGE_CHOOSE).lines, choices=choices),))
    )
    [numbered] = olena.graph.messages
    assert numbered["type"] == "text"
    body = text_of(numbered)
    assert "1. " in body
    assert "12. " in body
    assert olena.uk(Msg.WHATSAPP_REPLY_WITH_NUMBER) in body
    olena.graph.messages.clear()
    await olena.say("3")  # lang:en
    assert olena.assistant.translator.format("en", Msg.LANGUAGE_CHANGED) in text_of(olena.graph.messages[0])


async def test_long_text_is_split_and_long_labels_are_shortened(olena: WhatsAppUser) -> None:
    from bot.channels.base import RenderedChoice, RenderedReply
    from bot.channels.whatsapp.render import render_reply

    text = "\n\n".join(["Odstavec " * 100] * 12)
    labels = ["Individuální poradenství v Ústí nad Labem", "Individuální poradenství v Chomutově", "Ne"]
    rendered = render_reply(
        RenderedReply(text, tuple(RenderedChoice(f"p{n}", label) for n, label in enumerate(labels))),
        list_button="Vybrat",
        number_hint="",
    )
    *texts, last = rendered.messages
    assert all(len(m["text"]["body"]) <= 4096 for m in texts)
    assert len(last["interactive"]["body"]["text"]) <= 1024
    # Two labels that shorten to the same 20 characters would be refused as buttons: a list instead.
    assert last["interactive"]["type"] == "list"
    rows = last["interactive"]["action"]["sections"][0]["rows"]
    assert [r["title"] for r in rows][2] == "Ne"
    assert all(len(r["title"]) <= 24 and len(r.get("description", "")) <= 72 for r in rows)
    assert rows[0]["title"].endswith("…")
    assert (
        "\n\n".join([*(m["text"]["body"] for m in texts), last["interactive"]["body"]["text"]]).split()
        == text.split()
    )


async def test_replies_wait_while_another_process_has_the_number_paused(olena: WhatsAppUser) -> None:
    # Another worker got 130429 and paused the number's shared bucket for 10 s: our answer waits too.
    await olena.assistant.limiter.pause(olena.channel.sender.pacing.number_key, 10.0)
    started = olena.time.now
    await olena.say("Добрий день")
    assert olena.graph.messages
    assert olena.time.now - started >= 10.0


async def test_the_channel_is_off_without_settings_and_half_settings_are_refused(
    sqlite_url: str, understanding: Understanding
) -> None:
    from pydantic import ValidationError

    plain = build_assistant(make_settings(sqlite_url), understanding)
    try:
        assert plain.whatsapp is None
        routes = [getattr(r, "path", "") for r in build_web_app(plain).routes]
        assert "/whatsapp/webhook" not in routes
    finally:
        await plain.aclose()
    with pytest.raises(ValidationError, match="WHATSAPP_APP_SECRET"):
        make_settings(sqlite_url, whatsapp_access_token=TOKEN, whatsapp_phone_number_id=PHONE_NUMBER_ID)


async def test_inbox_counts_one_row_per_message(olena: WhatsAppUser) -> None:
    await olena.say("Ahoj")
    async with olena.assistant.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(InboxMessage)) == 1
