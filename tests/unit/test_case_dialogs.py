"""Hand-off to a counsellor as the client meets it: the case opens, the bot goes quiet, the client leaves."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.channels.base import Attachment, Channel, InboundMessage
from bot.i18n.msg import Msg
from bot.staff.models import Role, StaffUser
from counselling import queue
from counselling.desk import LEAVE_PAYLOAD
from counselling.models import Case, CaseStatus, Priority, Reason
from counselling.queue import Actor
from tests.driver import ChatDriver
from tests.fakes import FakeChannelSender

DETENTION = "My husband was detained by the police at the airport, what do we do?"


async def open_case(chat: ChatDriver) -> Case:
    async with chat.assistant.sessions() as s:
        cases = await queue.open_cases(s)
    assert len(cases) == 1, cases
    return cases[0]


async def counsellor(chat: ChatDriver) -> Actor:
    async with chat.assistant.sessions() as s, s.begin():
        user = StaffUser(email="olga@centre.test", display_name="Olga", password_hash="x", role="counsellor")
        s.add(user)
        await s.flush()
        return Actor(user.id, Role.COUNSELLOR, user.display_name)


async def entries(chat: ChatDriver, case_id: int) -> list[tuple[str, str]]:
    async with chat.assistant.sessions() as s:
        return [(e.kind, e.text) for e in await queue.entries_of(s, case_id)]


async def test_detention_opens_an_urgent_case_with_numbers_and_context(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("Where can I take a Czech course?")  # context the counsellor will see
    await chat.send(DETENTION)
    t = chat.assistant.translator
    assert t.format("en", Msg.ESCALATION_DETENTION) in chat.text
    assert t.format("en", Msg.CASE_OPENED) in chat.text
    assert "minutes" in chat.text  # the expected wait, from the queue (the centre is open)
    for number in ("112", "158", "116 006"):
        assert number in chat.text
    assert chat.payloads == [LEAVE_PAYLOAD]
    case = await open_case(chat)
    assert (case.topic, case.priority, case.status) == ("legal_detention", Priority.URGENT, "waiting")
    assert case.context["intents"][0][0] == "legal_detention"
    assert any("Czech course" in m["text"] for m in case.context["before"])
    assert await entries(chat, case.id) == [("event", "opened"), ("client", DETENTION)]


async def test_while_a_case_is_open_the_bot_is_quiet_and_everything_reaches_the_case(
    chat: ChatDriver,
) -> None:
    await chat.onboard("uk")
    await chat.press("human")
    case = await open_case(chat)
    assert await chat.send("Скільки коштує курс чеської?") == []  # not answered by the FAQ
    assert await chat.send("/menu") == []  # a command is words for the counsellor too
    await chat.press("faq")  # an old menu button: explained, not acted on
    assert chat.assistant.translator.format("uk", Msg.CASE_BUTTON_DURING) in chat.text
    photo = Attachment("permit.jpg", "image/jpeg", b"\xff\xd8photo")
    outbound = await chat.assistant.engine.handle(InboundMessage.file(chat.user_ref, photo, "my permit"))
    assert outbound.replies == ()
    sticker = await chat.assistant.engine.handle(InboundMessage.unsupported(chat.user_ref, "sticker"))
    assert sticker.replies[0].lines[0].msg is Msg.CASE_ONLY_WORDS
    kinds = await entries(chat, case.id)
    assert ("client", "Скільки коштує курс чеської?") in kinds
    assert ("client", "/menu") in kinds
    assert ("client", "my permit") in kinds
    assert ("event", "unreadable") in kinds
    assert ("client", "faq") not in kinds


async def test_the_client_can_leave_and_gets_the_assistant_back(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.press("human")
    case = await open_case(chat)
    await chat.press(LEAVE_PAYLOAD)
    assert chat.assistant.translator.format("en", Msg.CASE_LEFT) in chat.text
    assert "faq" in chat.payloads  # the menu again
    async with chat.assistant.sessions() as s:
        left = await queue.get_case(s, case.id)
    assert (left.status, left.resolution) == ("closed", "client_left")
    await chat.send("How long is a long-term visa valid?")
    assert chat.text  # answered by the assistant again
    await chat.press(LEAVE_PAYLOAD)  # pressed again on an old message: just the menu
    assert "faq" in chat.payloads


async def test_a_counsellor_reply_reaches_the_client_and_the_rating_is_kept(chat: ChatDriver) -> None:
    phone = FakeChannelSender()
    chat.assistant.notifier.register(Channel.CONSOLE, phone)
    olga = await counsellor(chat)
    await chat.onboard("en")
    await chat.send(DETENTION)
    case = await open_case(chat)
    await chat.assistant.cases.claim(case.id, olga)
    await chat.assistant.cases.reply(case.id, olga, "Which police station is he at?")
    told = [chat.assistant.translator.render_outbound(o) for o in phone.sent]
    assert "Olga" in told[0][0].text  # who took the case
    assert "Which police station is he at?" in told[1][0].text
    assert told[1][0].choices[0].payload == LEAVE_PAYLOAD
    assert await chat.send("Ústí nad Labem, Masarykova street") == []
    await chat.assistant.cases.close(case.id, olga, "referred")
    question = chat.assistant.translator.render_outbound(phone.sent[-1])[-1]
    assert question.choices[0].payload == f"case:rate:{case.id}:5"
    await chat.press(f"case:rate:{case.id}:5")
    assert chat.assistant.translator.format("en", Msg.CASE_RATED) in chat.text
    await chat.press(f"case:rate:{case.id}:1")  # a second press does not overwrite
    assert chat.assistant.translator.format("en", Msg.CASE_RATE_STALE) in chat.text
    async with chat.assistant.sessions() as s:
        closed = await queue.get_case(s, case.id)
    assert (closed.status, closed.satisfaction) == (CaseStatus.CLOSED.value, 5)
    assert ("client", "Ústí nad Labem, Masarykova street") in await entries(chat, case.id)


async def test_two_misunderstandings_in_a_row_hand_the_client_to_a_person(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send("and then what")
    await chat.send("how long")
    assert chat.assistant.translator.format("en", Msg.FAQ_STILL_NOT_UNDERSTOOD) in chat.text
    case = await open_case(chat)
    assert (case.reason, case.topic) == ("fallback", None)


async def test_outside_opening_hours_the_client_learns_when_and_may_book(chat: ChatDriver) -> None:
    chat.assistant.cases.clock = lambda: datetime(2026, 11, 25, 18, 0, tzinfo=UTC)  # Wednesday evening
    await chat.onboard("cs")
    await chat.press("human")
    assert "čtvrtek 26. listopadu 2026" in chat.text  # opens again on Thursday at 10:00
    assert "10:00" in chat.text
    assert chat.payloads == ["book", LEAVE_PAYLOAD]
    await chat.press("book")  # booking still works during the case
    assert chat.assistant.translator.format("cs", Msg.CASE_BUTTON_DURING) not in chat.text


async def test_a_second_escalation_adds_to_the_open_case(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.press("human")
    first = await open_case(chat)
    # The client cannot trigger NLU during a case, but a second identity or a race can: the service joins.
    async with chat.assistant.sessions() as s, s.begin():
        again = await queue.open_case(
            s,
            client_id=first.client_id,
            user_ref=chat.user_ref,
            channel="console",
            locale="en",
            topic="legal_domestic_violence",
            reason=Reason.ESCALATION,
            context={},
            now=chat.assistant.cases.now(),
        )
    assert again.case.id == first.id
    assert again.raised


async def test_a_file_outside_a_case_is_politely_refused(chat: ChatDriver) -> None:
    await chat.onboard("vi")
    photo = Attachment("photo.jpg", "image/jpeg", b"\xff\xd8")
    outbound = await chat.assistant.engine.handle(InboundMessage.file(chat.user_ref, photo))
    assert outbound.replies[0].lines[0].msg is Msg.CASE_FILE_OUTSIDE
    assert [c.payload for c in outbound.replies[0].choices] == ["human"]


async def test_withdrawing_consent_deletes_the_words_of_the_clients_cases(chat: ChatDriver) -> None:
    await chat.onboard("en")
    await chat.send(DETENTION)
    case = await open_case(chat)
    await chat.press(LEAVE_PAYLOAD)
    await chat.press("privacy:forget-yes")
    assert await entries(chat, case.id) == []
    async with chat.assistant.sessions() as s:
        forgotten = await queue.get_case(s, case.id)
    assert forgotten.context == {}


async def test_a_long_counsellor_reply_reaches_the_client_whole(chat: ChatDriver) -> None:
    phone = FakeChannelSender()
    chat.assistant.notifier.register(Channel.CONSOLE, phone)
    olga = await counsellor(chat)
    await chat.onboard("en")
    await chat.press("human")
    case = await open_case(chat)
    words = " ".join(f"w{n}" for n in range(1300))  # 6,689 characters, within the 8,000 a reply may have
    words += " Fill in { $form } and bring <originals>."  # braces are not Fluent syntax in a person's words
    await chat.assistant.cases.reply(case.id, olga, words)
    shown = chat.assistant.translator.render_outbound(phone.sent[-1])[0].text
    assert "{???}" not in shown
    assert shown.split("\n\n", 1)[1] == words  # after "Olga (counsellor):", every word in order


async def test_a_deep_link_opened_during_a_case_is_explained_not_silently_dropped(chat: ChatDriver) -> None:
    await chat.onboard("uk")
    await chat.press("human")
    case = await open_case(chat)
    replies = await chat.open("course_a1")  # e.g. tapped in a course announcement while talking to Olga
    assert replies, "the client must not be left without an answer"
    assert chat.assistant.translator.format("uk", Msg.CASE_BUTTON_DURING) in chat.text
    assert LEAVE_PAYLOAD in chat.payloads  # the way out is offered
    await chat.send("/start course_a1")  # typed in the console or web chat: the same as the link
    assert chat.assistant.translator.format("uk", Msg.CASE_BUTTON_DURING) in chat.text
    async with chat.assistant.sessions() as s:
        assert (await queue.get_case(s, case.id)).status != "closed"  # the case goes on
    assert [e for e in await entries(chat, case.id) if e[0] == "client"] == []
