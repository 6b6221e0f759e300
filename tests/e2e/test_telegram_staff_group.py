"""The Telegram staff group end to end: real Dispatcher and desk, the Bot API faked by a recording session."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from itertools import count

import httpx
import pytest
import structlog
from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import (
    AnswerCallbackQuery,
    CloseForumTopic,
    CreateForumTopic,
    EditForumTopic,
    SendDocument,
    SendMessage,
)
from aiogram.types import CallbackQuery, Chat, Message, PhotoSize, Update, User
from sqlalchemy import select

from bot.app import Assistant, build_assistant
from bot.channels.telegram.keyboards import unpack_payload
from bot.channels.telegram.pacing import GROUP_PER_MINUTE
from bot.channels.telegram.service import TelegramPolling, build_telegram_service
from bot.channels.telegram.staff_group import TAKE_PREFIX
from bot.channels.telegram.staff_link import TelegramLinks
from bot.i18n.msg import Msg
from bot.nlu.service import Understanding
from bot.staff.models import AuditEntry, Role, StaffUser
from bot.staff.service import StaffAccounts, StaffMember
from bot.web.app import build_web_app
from counselling.models import STAFF_RESOLUTIONS, Case, CaseEntry, CaseStatus, Delivery, EntryKind, Priority
from counselling.queue import Actor
from tests.conftest import CENTRE_OPEN, make_settings
from tests.driver import ChatDriver
from tests.fakes import FAKE_TELEGRAM_TOKEN, RecordingSession, VirtualTime

STAFF_CHAT = Chat(id=-1001500600700, type="supergroup", title="Poradci", is_forum=True)
OTHER_GROUP = Chat(id=-1009999, type="supergroup", title="Expats", is_forum=True)
CLIENT = User(id=5550002, is_bot=False, first_name="Olena", language_code="uk")
PRIVATE = Chat(id=CLIENT.id, type="private")
KAREL = User(id=7001, is_bot=False, first_name="Karel")
JANA = User(id=7002, is_bot=False, first_name="Jana")
STRANGER = User(id=7003, is_bot=False, first_name="Eva")
DETENTION = "Мого чоловіка затримала поліція в аеропорту"
EXPULSION = "Мені видали рішення про видворення, що робити?"
# Longer than any wait of a private chat (a second) or of the bot (1/30 s): only the group's empty bucket.
GROUP_WAIT = 5.0
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
LINK_COMMAND = re.compile(r'id="telegram-link-command">/link (\d{8})<')


@dataclass
class StaffGroup:
    """Olena in her private chat, counsellors in the staff group, and what the bot sent to each."""

    assistant: Assistant
    bot: Bot
    dispatcher: Dispatcher
    session: RecordingSession
    staff: dict[str, StaffMember]
    time: VirtualTime  # the outbound limiter's clock
    # Wait for the staff group's posts after each update (they go out off the client's path).
    settling: bool = True

    def __post_init__(self) -> None:
        self._ids = count(1)

    async def settle(self) -> None:
        """Every desk event so far has reached the staff group."""
        await self.assistant.cases.mirrors.idle()

    async def feed(self, chat: Chat, user: User, thread: int | None = None, **content: object) -> None:
        number = next(self._ids)
        topic = {"message_thread_id": thread, "is_topic_message": True} if thread is not None else {}
        message = Message(
            message_id=number,
            date=datetime.now(UTC),
            chat=chat,
            from_user=user,
            **topic,  # type: ignore[arg-type]
            **content,  # type: ignore[arg-type]
        )
        await self.dispatcher.feed_update(self.bot, Update(update_id=number, message=message))
        if self.settling:
            await self.settle()

    async def client_says(self, text: str) -> None:
        await self.feed(PRIVATE, CLIENT, text=text)

    async def client_presses(self, payload: str) -> None:
        for message in reversed(self.session.sent):
            rows = message.reply_markup.inline_keyboard if message.reply_markup else []
            for button in (b for row in rows for b in row):
                if button.callback_data and unpack_payload(button.callback_data) == payload:
                    await self._press(CLIENT, message, button.callback_data)
                    return
        raise AssertionError(f"no button for {payload!r}")

    async def staff_says(self, user: User, text: str, thread: int | None) -> None:
        await self.feed(STAFF_CHAT, user, thread, text=text)

    async def take(self, user: User, case_id: int) -> AnswerCallbackQuery:
        """Press the Take button of the case's topic; returns the answer the presser saw."""
        data = f"{TAKE_PREFIX}{case_id}"
        for message in reversed(self.session.sent):
            rows = message.reply_markup.inline_keyboard if message.reply_markup else []
            if any(b.callback_data == data for row in rows for b in row):
                break
        else:
            raise AssertionError("no Take button in the group")
        self.session.clear()
        await self._press(user, message, data)
        [answer] = self.session.of_type(AnswerCallbackQuery)
        return answer

    async def _press(self, user: User, message: Message, data: str) -> None:
        number = next(self._ids)
        callback = CallbackQuery(
            id=f"cb{number}", from_user=user, chat_instance="ci", message=message, data=data
        )
        await self.dispatcher.feed_update(self.bot, Update(update_id=number, callback_query=callback))
        if self.settling:
            await self.settle()

    async def onboard(self) -> None:
        await self.client_says("Добрий день")
        await self.client_presses("start:agree")
        await self.client_presses("lang:uk")

    async def open_case(self, text: str = DETENTION) -> Case:
        await self.onboard()
        await self.client_says(text)
        return await self.case()

    async def fill_group_bucket(self) -> float:
        """The staff group's minute is used up (20 posts about other cases); returns when it began.

        Then a second passes, so that only the group's bucket is empty, not the bot's or a client's.
        """
        began = self.time.now
        pacing = self.dispatcher["sender"].pacing
        for n in range(int(GROUP_PER_MINUTE)):
            await pacing.send(STAFF_CHAT.id, partial(self.bot.send_message, STAFF_CHAT.id, f"#{n}"))
        self.time.now += 1
        self.session.clear()
        return began

    def group_calls(self) -> list[object]:
        """Every Bot API call aimed at the staff group, in the order they were made."""
        return [r for r in self.session.requests if getattr(r, "chat_id", None) == STAFF_CHAT.id]

    async def case(self) -> Case:
        async with self.assistant.sessions() as db:
            case = await db.scalar(select(Case).order_by(Case.id.desc()))
        assert case is not None
        return case

    def to_client(self) -> list[str]:
        return [m.text for m in self.session.of_type(SendMessage) if m.chat_id == CLIENT.id]

    def in_topic(self, thread: int | None) -> list[SendMessage]:
        return [
            m
            for m in self.session.of_type(SendMessage)
            if m.chat_id == STAFF_CHAT.id and m.message_thread_id == thread
        ]

    def topic_texts(self, thread: int | None) -> list[str]:
        return [m.text for m in self.in_topic(thread)]

    def uk(self, msg: Msg, **args: object) -> str:
        return self.assistant.translator.format("uk", msg, args)

    def group(self, msg: Msg, **args: object) -> str:
        """Staff-facing text in the group's language (DEFAULT_LOCALE)."""
        return self.assistant.translator.format(self.assistant.settings.default_locale, msg, args)


async def link(assistant: Assistant, member: StaffMember, user: User) -> None:
    links = TelegramLinks(assistant.sessions)
    await links.link(await links.new_code(member.id), user.id)


@pytest.fixture
async def group(database_url: str, understanding: Understanding) -> AsyncIterator[StaffGroup]:
    settings = make_settings(database_url, telegram_staff_chat_id=STAFF_CHAT.id, default_locale="cs")
    # Group posts are paced (about 20 a minute) in virtual time, so the test does not wait for them.
    time = VirtualTime()
    assistant = build_assistant(settings, understanding, limiter=time.limiter())
    assistant.cases.clock = lambda: CENTRE_OPEN
    accounts = StaffAccounts(assistant.sessions)
    staff = {
        "karel": await accounts.create_staff(
            "karel@centrum.cz", "Karel Poradce", Role.COUNSELLOR, "pass phrase 1"
        ),
        "ada": await accounts.create_staff("ada@centrum.cz", "Ada Admin", Role.ADMIN, "pass phrase 2"),
        "jana": await accounts.create_staff(
            "jana@centrum.cz", "Jana Nováková", Role.COUNSELLOR, "pass phrase 3"
        ),
    }
    await link(assistant, staff["karel"], KAREL)
    session = RecordingSession()
    service = build_telegram_service(assistant, FAKE_TELEGRAM_TOKEN, session=session)
    assert isinstance(service, TelegramPolling)
    await assistant.cases.mirrors.start()  # as `run` starts it, before Telegram's updates
    yield StaffGroup(assistant, service.bot, service.dispatcher, session, staff, time)
    await assistant.cases.mirrors.stop()
    await service.bot.session.close()
    await assistant.aclose()


async def test_a_case_goes_from_the_client_to_the_group_and_back(group: StaffGroup) -> None:
    case = await group.open_case()

    # A topic per case, named with its number, an urgent marker, topic and language; the context and Take.
    [created] = group.session.of_type(CreateForumTopic)
    assert created.chat_id == STAFF_CHAT.id
    assert created.name == "#1 🔴 legal_detention · uk"
    thread = case.staff_topic_id
    assert thread is not None
    [context] = group.in_topic(thread)
    assert group.group(Msg.STAFFGROUP_URGENT) in context.text
    assert f"{group.group(Msg.STAFFGROUP_CLIENT_SAYS)}\n{DETENTION}" in context.text  # her own words
    assert "legal_detention 1.00" in context.text  # what the assistant understood
    assert context.disable_notification is False  # urgent: everyone's phone rings
    assert context.parse_mode is None
    rows = context.reply_markup.inline_keyboard  # type: ignore[union-attr]
    assert [[b.callback_data for b in row] for row in rows] == [[f"stf:take:{case.id}"]]

    # Karel takes it: the case is his in the database, the topic is renamed, Olena is told.
    answer = await group.take(KAREL, case.id)
    assert answer.text == group.group(Msg.STAFFGROUP_TAKE_OK)
    taken = await group.case()
    assert (taken.status, taken.counsellor_id) == (CaseStatus.ASSIGNED.value, group.staff["karel"].id)
    [renamed] = group.session.of_type(EditForumTopic)
    assert renamed.name == "#1 ✅ 🔴 legal_detention · uk"
    assert group.to_client() == [group.uk(Msg.CASE_CLAIMED, name="Karel Poradce")]

    # His words in the topic reach Olena; they are not echoed back into the topic.
    group.session.clear()
    await group.staff_says(KAREL, "Dobrý den, kde je teď váš manžel?", thread)
    assert group.to_client() == [
        group.uk(Msg.CASE_COUNSELLOR_SAYS, name="Karel Poradce") + "\n\nDobrý den, kde je teď váš manžel?"
    ]
    assert group.in_topic(thread) == []

    # Olena's answer appears in the topic, as plain text.
    group.session.clear()
    await group.client_says("У поліції в <b>Празі</b>")
    [relayed] = group.in_topic(thread)
    assert relayed.text == group.group(Msg.STAFFGROUP_CLIENT_SAYS) + "\nУ поліції в <b>Празі</b>"
    assert relayed.parse_mode is None
    assert group.to_client() == []  # the bot stays quiet while the counsellor handles it

    # /close: the case closes, Olena gets the satisfaction question, the topic says so and closes.
    group.session.clear()
    await group.staff_says(KAREL, "/close answered", thread)
    closed = await group.case()
    assert (closed.status, closed.resolution) == (CaseStatus.CLOSED.value, "answered")
    assert group.to_client() == [
        group.uk(Msg.CASE_CLOSED_FOR_CLIENT),
        group.uk(Msg.CASE_SATISFACTION_QUESTION),
    ]
    question = [m for m in group.session.of_type(SendMessage) if m.chat_id == CLIENT.id][-1]
    assert question.reply_markup is not None
    resolution = group.group(Msg.STAFFGROUP_RESOLUTION, resolution="answered")
    assert group.topic_texts(thread) == [
        group.group(Msg.STAFFGROUP_CLOSED, name="Karel Poradce", resolution=resolution)
    ]
    [renamed] = group.session.of_type(EditForumTopic)
    assert renamed.name == f"#1 {group.group(Msg.STAFFGROUP_MARK_CLOSED)} 🔴 legal_detention · uk"
    [topic_closed] = group.session.of_type(CloseForumTopic)
    assert topic_closed.message_thread_id == thread

    async with group.assistant.sessions() as db:
        audited = (
            await db.scalars(select(AuditEntry.action).where(AuditEntry.target == f"case:{case.id}"))
        ).all()
    assert audited == ["case_claimed", "case_replied", "case_closed"]


async def test_a_normal_case_gets_a_translated_topic_and_a_silent_post(group: StaffGroup) -> None:
    case = await group.open_case("/human")
    [created] = group.session.of_type(CreateForumTopic)
    label = group.group(Msg.TOPIC_TALK_TO_HUMAN)
    assert created.name == f"#{case.id} ⚪ {label} · uk"
    [context] = group.in_topic(case.staff_topic_id)
    assert context.disable_notification is True
    assert group.group(Msg.STAFFGROUP_URGENT) not in context.text


async def test_an_unlinked_member_pressing_take_is_told_to_link_first(group: StaffGroup) -> None:
    case = await group.open_case()
    answer = await group.take(JANA, case.id)
    assert answer.show_alert is True
    assert answer.text == group.group(Msg.STAFFGROUP_LINK_FIRST, page="/staff/account")
    assert (await group.case()).status == CaseStatus.WAITING.value


async def test_a_claim_in_the_console_first_shows_taken_by_in_the_group(group: StaffGroup) -> None:
    case = await group.open_case()
    ada = group.staff["ada"]
    group.session.clear()
    await group.assistant.cases.claim(case.id, Actor(ada.id, ada.role, ada.display_name))
    await group.settle()
    assert group.topic_texts(case.staff_topic_id) == [group.group(Msg.STAFFGROUP_CLAIMED, name="Ada Admin")]
    [renamed] = group.session.of_type(EditForumTopic)
    assert renamed.name == f"#{case.id} ✅ 🔴 legal_detention · uk"

    answer = await group.take(KAREL, case.id)
    assert answer.show_alert is True
    assert answer.text == group.group(Msg.STAFFGROUP_TAKEN_BY, name="Ada Admin")
    assert (await group.case()).counsellor_id == ada.id


async def test_console_replies_and_notes_appear_in_the_topic(group: StaffGroup) -> None:
    case = await group.open_case()
    ada = group.staff["ada"]
    actor = Actor(ada.id, ada.role, ada.display_name)
    await group.assistant.cases.claim(case.id, actor)
    await group.settle()
    group.session.clear()
    await group.assistant.cases.reply(case.id, actor, "Voláme vám.")
    await group.assistant.cases.note(case.id, actor, "Klientka je v šoku.")
    await group.settle()
    assert group.topic_texts(case.staff_topic_id) == [
        group.group(Msg.STAFFGROUP_COUNSELLOR_SAYS, name="Ada Admin") + "\nVoláme vám.",
        group.group(Msg.STAFFGROUP_NOTE, name="Ada Admin") + "\nKlientka je v šoku.",
    ]


async def test_only_the_holder_talks_to_the_client(group: StaffGroup) -> None:
    case = await group.open_case()
    thread = case.staff_topic_id
    await link(group.assistant, group.staff["jana"], JANA)
    group.session.clear()

    await group.staff_says(KAREL, "Kdo si to vezme?", thread)  # nobody has it yet: stays among staff
    assert group.topic_texts(thread) == [group.group(Msg.STAFFGROUP_TAKE_FIRST)]
    await group.take(KAREL, case.id)
    group.session.clear()
    await group.staff_says(JANA, "Můžu pomoct?", thread)
    assert group.topic_texts(thread) == [group.group(Msg.STAFFGROUP_NOT_YOURS, name="Karel Poradce")]
    await group.staff_says(STRANGER, "Ahoj", thread)
    assert group.topic_texts(thread)[-1] == group.group(Msg.STAFFGROUP_LINK_FIRST, page="/staff/account")
    assert group.to_client() == []


async def test_notes_wrong_resolutions_and_chatter_outside_case_topics(group: StaffGroup) -> None:
    case = await group.open_case()
    thread = case.staff_topic_id
    await group.take(KAREL, case.id)
    group.session.clear()

    await group.staff_says(KAREL, "/note Zavolat na cizineckou policii", thread)
    await group.staff_says(KAREL, "/close hotovo", thread)
    await group.staff_says(KAREL, "Dobré ráno všem", None)  # the general topic is the staff's own
    await group.feed(OTHER_GROUP, KAREL, text="Ahoj")  # any other group stays ignored

    [usage] = group.topic_texts(thread)
    assert usage.startswith(group.group(Msg.STAFFGROUP_CLOSE_USAGE))
    assert all(f"/close {r.value}" in usage for r in STAFF_RESOLUTIONS)
    assert group.to_client() == []
    assert [m.chat_id for m in group.session.of_type(SendMessage)] == [STAFF_CHAT.id]
    async with group.assistant.sessions() as db:
        notes = (await db.scalars(select(CaseEntry.text).where(CaseEntry.kind == EntryKind.NOTE.value))).all()
    assert notes == ["Zavolat na cizineckou policii"]
    assert (await group.case()).status != CaseStatus.CLOSED.value


async def test_a_photo_from_the_client_is_posted_to_the_topic(group: StaffGroup) -> None:
    case = await group.open_case()
    group.session.files["scan"] = b"\xff\xd8 jpeg"
    group.session.clear()
    photo = [PhotoSize(file_id="scan", file_unique_id="s1", width=800, height=600, file_size=7)]
    await group.feed(PRIVATE, CLIENT, photo=photo, caption="Рішення")
    assert group.topic_texts(case.staff_topic_id) == [group.group(Msg.STAFFGROUP_CLIENT_SAYS) + "\nРішення"]
    [document] = group.session.of_type(SendDocument)
    assert (document.chat_id, document.message_thread_id) == (STAFF_CHAT.id, case.staff_topic_id)
    assert document.caption == group.group(Msg.STAFFGROUP_CLIENT_FILE, name="photo_s1.jpg")


async def test_a_long_client_message_is_split_for_the_group(group: StaffGroup) -> None:
    case = await group.open_case()
    group.session.clear()
    await group.client_says("слово " * 900)
    posts = group.topic_texts(case.staff_topic_id)
    assert len(posts) > 1
    assert all(len(p) <= 4096 for p in posts)
    assert posts[0].startswith(group.group(Msg.STAFFGROUP_CLIENT_SAYS))
    assert sum(p.count("слово") for p in posts) == 900  # nothing lost in the cut


async def test_a_client_who_blocked_the_bot_shows_as_unreachable(group: StaffGroup) -> None:
    case = await group.open_case()
    thread = case.staff_topic_id
    await group.take(KAREL, case.id)
    group.session.clear()
    group.session.fail_in_chat[CLIENT.id] = TelegramForbiddenError(
        method=SendMessage(chat_id=CLIENT.id, text="x"), message="Forbidden: bot was blocked by the user"
    )
    await group.staff_says(KAREL, "Jste tam?", thread)

    blocked = await group.case()
    assert blocked.unreachable_at is not None
    async with group.assistant.sessions() as db:
        reply = await db.scalar(select(CaseEntry).where(CaseEntry.kind == EntryKind.COUNSELLOR.value))
    assert reply is not None
    assert reply.delivery == Delivery.BLOCKED.value
    [warning] = group.in_topic(thread)
    assert warning.text == group.group(Msg.STAFFGROUP_NOT_DELIVERED)


async def test_an_sla_alert_rings_in_the_topic(group: StaffGroup) -> None:
    case = await group.open_case()
    group.session.clear()
    group.assistant.cases.clock = lambda: CENTRE_OPEN.replace(hour=CENTRE_OPEN.hour + 2)
    assert await group.assistant.cases.sla_round() == 1
    await group.settle()
    [alert] = group.in_topic(case.staff_topic_id)
    assert alert.disable_notification is False
    assert group.group(Msg.STAFFGROUP_SLA, case=str(case.id), minutes=120) in alert.text
    assert group.group(Msg.STAFFGROUP_URGENT) in alert.text


async def test_group_failures_never_break_the_console_action(group: StaffGroup) -> None:
    case = await group.open_case()
    group.session.fail_in_chat[STAFF_CHAT.id] = TelegramForbiddenError(
        method=SendMessage(chat_id=STAFF_CHAT.id, text="x"),
        message="Forbidden: bot was kicked from the group",
    )
    ada = group.staff["ada"]
    claimed = await group.assistant.cases.claim(case.id, Actor(ada.id, ada.role, ada.display_name))
    assert claimed.counsellor_id == ada.id
    await group.settle()  # the group's refusals are logged; its queue goes on


async def test_linking_from_the_account_page_to_the_group(group: StaffGroup) -> None:
    assistant = group.assistant
    transport = httpx.ASGITransport(app=build_web_app(assistant))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver", headers={"accept-language": "en"}
    ) as http:
        form = await http.get("/staff/login")
        token = CSRF_FIELD.search(form.text)
        assert token is not None
        data = {
            "csrf_token": token.group(1),
            "email": "jana@centrum.cz",
            "password": "pass phrase 3",
            "next": "",
        }
        await http.post("/staff/login", data=data)
        page = await http.get("/staff/account")
        assert assistant.translator.format("en", Msg.STAFF_TELEGRAM_NOT_LINKED) in page.text
        csrf = CSRF_FIELD.search(page.text)
        assert csrf is not None
        shown = await http.post("/staff/account/telegram/link", data={"csrf_token": csrf.group(1)})
        code = LINK_COMMAND.search(shown.text)
        assert code is not None, "the page shows the one-time code"

        async with assistant.sessions() as db:
            jana = await db.get(StaffUser, group.staff["jana"].id)
            assert jana is not None
            assert jana.telegram_link_hash not in (None, code.group(1))  # only its hash is stored

        await group.staff_says(JANA, f"/link {code.group(1)}", None)
        assert group.topic_texts(None) == [group.group(Msg.STAFFGROUP_LINK_OK, name="Jana Nováková")]
        await group.staff_says(STRANGER, f"/link {code.group(1)}", None)  # a code works once
        assert group.topic_texts(None)[-1] == group.group(Msg.STAFFGROUP_LINK_INVALID)

        page = await http.get("/staff/account")
        assert assistant.translator.format("en", Msg.STAFF_TELEGRAM_LINKED) in page.text
        assert LINK_COMMAND.search(page.text) is None  # shown once only
        await http.post("/staff/account/telegram/unlink", data={"csrf_token": csrf.group(1)})

    async with assistant.sessions() as db:
        jana = await db.get(StaffUser, group.staff["jana"].id)
        assert jana is not None
        assert (jana.telegram_user_id, jana.telegram_link_hash) == (None, None)
        actions = (
            await db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("telegram_%")))
        ).all()
    assert "telegram_linked" in actions
    assert "telegram_link_failed" in actions
    assert "telegram_unlinked" in actions


async def test_link_in_a_private_chat_and_guessing_is_throttled(group: StaffGroup) -> None:
    code = await TelegramLinks(group.assistant.sessions).new_code(group.staff["jana"].id)
    dm = Chat(id=JANA.id, type="private")
    for guess in range(5):
        await group.feed(dm, JANA, text=f"/link 0000000{guess}")
    await group.feed(dm, JANA, text=f"/link {code}")
    answers = [m.text for m in group.session.of_type(SendMessage) if m.chat_id == JANA.id]
    assert answers[-1] == group.group(Msg.STAFFGROUP_LINK_THROTTLED)
    assert await TelegramLinks(group.assistant.sessions).staff_of(JANA.id) is None

    code = await TelegramLinks(group.assistant.sessions).new_code(group.staff["karel"].id)
    await group.feed(Chat(id=KAREL.id, type="private"), KAREL, text=f"/link {code[:4]} {code[4:]}")
    answers = [m.text for m in group.session.of_type(SendMessage) if m.chat_id == KAREL.id]
    assert answers == [group.group(Msg.STAFFGROUP_LINK_OK, name="Karel Poradce")]


async def test_a_transfer_and_the_client_leaving_show_in_the_topic(group: StaffGroup) -> None:
    case = await group.open_case()
    thread = case.staff_topic_id
    await group.take(KAREL, case.id)
    karel, jana = group.staff["karel"], group.staff["jana"]
    group.session.clear()
    await group.assistant.cases.transfer(case.id, Actor(karel.id, karel.role, karel.display_name), jana.id)
    await group.settle()
    assert group.topic_texts(thread) == [group.group(Msg.STAFFGROUP_TRANSFERRED, name="Jana Nováková")]

    group.session.clear()
    await group.client_presses("case:leave")
    assert group.topic_texts(thread) == [group.group(Msg.STAFFGROUP_LEFT)]
    [topic_closed] = group.session.of_type(CloseForumTopic)
    assert topic_closed.message_thread_id == thread


async def test_linking_two_apps_with_a_case_in_each_joins_the_topics(group: StaffGroup) -> None:
    web = ChatDriver(group.assistant, "web:olena-browser", "uk")
    await web.onboard("uk")
    await web.press("human")
    await group.settle()  # the web client's case gets its topic too
    first = await group.case()
    kept_topic = first.staff_topic_id
    second = await group.open_case()  # the same person on Telegram, with an urgent matter
    await web.send("/connect")
    code = re.search(r"\b([2-9A-HJ-NP-Z]{6})\b", web.text)
    assert code is not None
    group.session.clear()

    await group.client_says(code.group(1))  # privately on Telegram: the client dialogs, not staff /link
    [question] = group.to_client()
    assert question.startswith(group.uk(Msg.LINK_CONFIRM, channel="web"))
    await group.client_presses("link:join")

    assert group.topic_texts(second.staff_topic_id) == [
        group.group(Msg.STAFFGROUP_JOINED_INTO, case=f"#{first.id}")
    ]
    [closed] = group.session.of_type(CloseForumTopic)
    assert closed.message_thread_id == second.staff_topic_id
    assert group.topic_texts(kept_topic) == [group.group(Msg.STAFFGROUP_JOINED, case=f"#{second.id}")]
    async with group.assistant.sessions() as db:
        cases = (await db.scalars(select(Case).order_by(Case.id))).all()
    assert [(c.status, c.resolution, c.priority) for c in cases] == [
        (CaseStatus.WAITING.value, None, 0),  # the urgent topic now leads the case that goes on
        (CaseStatus.CLOSED.value, "duplicate", 0),
    ]


async def test_an_urgent_client_is_answered_at_once_while_the_group_waits_for_its_bucket(
    group: StaffGroup,
) -> None:
    await group.onboard()
    began = await group.fill_group_bucket()
    group.time.hold(longer_than=GROUP_WAIT)  # the group's next slot is over 10 s away: time stands still
    group.settling = False

    async with asyncio.timeout(10):  # were the answer to wait for the group, it would wait for ever
        await group.client_says(EXPULSION)
    [answer] = group.to_client()
    assert group.uk(Msg.CASE_OPENED) in answer
    case = await group.case()
    assert (case.topic, case.priority) == ("legal_expulsion", Priority.URGENT)
    async with asyncio.timeout(10):
        await group.time.holding.wait()  # meanwhile the group's post waits for its bucket
    assert not [call for call in group.group_calls() if isinstance(call, SendMessage)]

    group.time.resume()
    await group.settle()
    assert group.time.now >= began + 60  # it went out once the minute's posts had left the window
    case = await group.case()
    topic, context = group.group_calls()
    assert isinstance(topic, CreateForumTopic)
    assert isinstance(context, SendMessage)
    assert context.message_thread_id == case.staff_topic_id
    assert f"{group.group(Msg.STAFFGROUP_CLIENT_SAYS)}\n{EXPULSION}" in context.text
    assert context.disable_notification is False


async def test_words_written_while_the_group_is_behind_reach_it_once_and_in_order(
    group: StaffGroup,
) -> None:
    web = ChatDriver(group.assistant, "web:amina-browser", "uk")
    await web.onboard("uk")
    await group.onboard()
    await group.fill_group_bucket()
    group.time.hold(longer_than=GROUP_WAIT)
    group.settling = False

    await web.press("human")  # another client's case first: the group's queue waits on its post
    async with asyncio.timeout(10):
        await group.time.holding.wait()
    await group.client_says(EXPULSION)
    await group.client_says("Рішення мені дали вчора")
    group.time.resume()
    await group.settle()

    case = await group.case()
    topics = [call.name for call in group.group_calls() if isinstance(call, CreateForumTopic)]
    label = group.group(Msg.TOPIC_TALK_TO_HUMAN)
    # In the order the cases were opened: the web client's first.
    assert topics == [f"#{case.id - 1} ⚪ {label} · uk", f"#{case.id} 🔴 legal_expulsion · uk"]
    [context] = group.topic_texts(case.staff_topic_id)  # both her messages, each shown once
    says = group.group(Msg.STAFFGROUP_CLIENT_SAYS)
    assert f"{says}\n{EXPULSION}" in context
    assert context.count("Рішення мені дали вчора") == 1


async def test_stopping_hands_the_queued_events_to_the_group_first(group: StaffGroup) -> None:
    await group.onboard()
    await group.fill_group_bucket()
    group.time.hold(longer_than=GROUP_WAIT)
    group.settling = False
    await group.client_says(EXPULSION)
    async with asyncio.timeout(10):
        await group.time.holding.wait()
    await group.client_says("Рішення мені дали вчора")  # queued behind the post that waits

    group.time.resume()  # the shutdown begins while both are still to go out
    with structlog.testing.capture_logs() as logs:
        await group.assistant.cases.mirrors.stop()

    case = await group.case()
    says = group.group(Msg.STAFFGROUP_CLIENT_SAYS)
    context, words = group.topic_texts(case.staff_topic_id)
    assert f"{says}\n{EXPULSION}" in context
    assert words == f"{says}\nРішення мені дали вчора"
    assert [e for e in logs if e["event"].startswith("case_mirror")] == []
