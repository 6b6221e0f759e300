"""What staff do in the Telegram staff group: Take, replies in a case's topic, /note, /close, /link."""

from __future__ import annotations

import re
from enum import StrEnum

import structlog
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Message
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram.convert import UNSUPPORTED_CONTENT, content_type_name
from bot.channels.telegram.staff_group import ORIGIN, TAKE_PREFIX, StaffGroupMirror
from bot.channels.telegram.staff_link import LinkedStaff, LinkOutcome, TelegramLinks
from bot.i18n.msg import Msg
from bot.staff.models import Role
from bot.staff.repository import StaffRepository
from counselling.desk import CaseDesk
from counselling.models import STAFF_RESOLUTIONS, Case, CaseStatus
from counselling.queue import MAX_STAFF_TEXT, Actor, CaseError, CaseRefusal

log = structlog.get_logger(__name__)

ACCOUNT_PAGE = "/staff/account"
# `/note text`, `/close@centre_bot answered`: the command, then everything after it.
COMMAND = re.compile(r"^/([a-z]+)(?:@\w+)?(?:\s+(.*))?$", re.DOTALL | re.IGNORECASE)
# Also answered in a private chat with the bot, before the client dialogs see it.
LINK_COMMAND = re.compile(r"^/link(?:@\w+)?(?:\s|$)", re.IGNORECASE)
# A person's photo, voice note...: answered with "text only"; service messages (topic edited) are not.
PERSON_CONTENT = UNSUPPORTED_CONTENT | {"photo", "document"}
CASEWORK_ROLES = frozenset({Role.ADMIN, Role.COUNSELLOR})


class GroupAudit(StrEnum):
    """Audit log actions for case work done from the Telegram staff group (detail: `telegram`)."""

    CLAIMED = "case_claimed"
    REPLIED = "case_replied"
    NOTED = "case_noted"
    CLOSED = "case_closed"


def parse_command(text: str) -> tuple[str, str] | None:
    found = COMMAND.match(text.strip())
    if found is None:
        return None
    return found.group(1).lower(), (found.group(2) or "").strip()


class StaffGroupDesk:
    """Turns the group's updates into desk calls; every refusal gets a short answer in the group."""

    def __init__(
        self,
        desk: CaseDesk,
        links: TelegramLinks,
        mirror: StaffGroupMirror,
        sessions: async_sessionmaker[AsyncSession],
    ) -> None:
        self._desk = desk
        self._sessions = sessions
        self._links = links
        self._mirror = mirror
        self.chat_id = mirror.chat_id

    def t(self, msg: Msg, **args: object) -> str:
        return self._mirror.t(msg, **args)

    # --- the Take button -----------------------------------------------------------------------------

    async def take(self, callback: CallbackQuery) -> None:
        data = callback.data or ""
        number = data.removeprefix(TAKE_PREFIX)
        if not data.startswith(TAKE_PREFIX) or not number.isdigit():
            await self._answer(callback, None)
            return
        case_id = int(number)
        member = await self._links.staff_of(callback.from_user.id)
        if member is None:
            await self._answer(callback, self.t(Msg.STAFFGROUP_LINK_FIRST, page=ACCOUNT_PAGE), alert=True)
            return
        if member.role not in CASEWORK_ROLES:
            await self._answer(callback, self.t(Msg.STAFFGROUP_NOT_CASEWORK), alert=True)
            return
        holder = await self._holder(case_id)
        if holder == member.id:
            await self._answer(callback, self.t(Msg.STAFFGROUP_ALREADY_YOURS), alert=True)
            return
        try:
            await self._desk.claim(case_id, actor_of(member))
        except CaseError as error:
            await self._answer(callback, self._refusal(error), alert=True)
            return
        await self._audit(GroupAudit.CLAIMED, member, case_id)
        await self._answer(callback, self.t(Msg.STAFFGROUP_TAKE_OK))

    # --- messages ------------------------------------------------------------------------------------

    async def message(self, message: Message) -> None:
        """Anything said in the staff group; only case topics and /link get an answer."""
        text = message.text
        command = parse_command(text) if text else None
        if command is not None and command[0] == "link":
            await self.link(message, command[1])
            return
        thread = message.message_thread_id if message.is_topic_message else None
        if thread is None:
            return  # the general topic is the staff's own conversation
        case_id = await self._case_of_topic(thread)
        if case_id is None or message.from_user is None or message.from_user.is_bot:
            return
        if text is None:
            if content_type_name(message) in PERSON_CONTENT:
                await self._say(message, self.t(Msg.STAFFGROUP_ONLY_TEXT))
            return  # service messages: topic created, renamed, closed
        member = await self._links.staff_of(message.from_user.id)
        if member is None:
            await self._say(message, self.t(Msg.STAFFGROUP_LINK_FIRST, page=ACCOUNT_PAGE))
            return
        if member.role not in CASEWORK_ROLES:
            await self._say(message, self.t(Msg.STAFFGROUP_NOT_CASEWORK))
            return
        if command is None:
            await self._reply(message, member, case_id, text)
        elif command[0] == "note":
            await self._note(message, member, case_id, command[1])
        elif command[0] == "close":
            await self._close(message, member, case_id, command[1])
        else:
            await self._say(message, self.t(Msg.STAFFGROUP_HOW))

    async def link(self, message: Message, code: str) -> None:
        """`/link <code>` in the group or in a private chat with the bot."""
        if message.from_user is None:
            return
        if not code:
            await self._say(message, self.t(Msg.STAFFGROUP_LINK_USAGE))
            return
        outcome, member = await self._links.link(code, message.from_user.id)
        if outcome is LinkOutcome.LINKED and member is not None:
            await self._say(message, self.t(Msg.STAFFGROUP_LINK_OK, name=member.display_name))
        elif outcome is LinkOutcome.THROTTLED:
            await self._say(message, self.t(Msg.STAFFGROUP_LINK_THROTTLED))
        else:
            await self._say(message, self.t(Msg.STAFFGROUP_LINK_INVALID))

    async def _reply(self, message: Message, member: LinkedStaff, case_id: int, text: str) -> None:
        # Staff also talk among themselves in a topic: only the holder's (or an admin's) words go out,
        # and a case nobody has taken is never answered by accident.
        status, holder = await self._status(case_id)
        if status is CaseStatus.WAITING:
            await self._say(message, self.t(Msg.STAFFGROUP_TAKE_FIRST))
            return
        if status is not CaseStatus.CLOSED and holder != member.id and member.role is not Role.ADMIN:
            name = await self._holder_name(holder)
            await self._say(message, self.t(Msg.STAFFGROUP_NOT_YOURS, name=name))
            return
        try:
            delivery = await self._desk.reply(case_id, actor_of(member), text, origin=ORIGIN)
        except CaseError as error:
            await self._say(message, self._refusal(error))
            return
        await self._audit(GroupAudit.REPLIED, member, case_id, delivery)

    async def _note(self, message: Message, member: LinkedStaff, case_id: int, text: str) -> None:
        if not text:
            await self._say(message, self.t(Msg.STAFFGROUP_NOTE_USAGE))
            return
        try:
            await self._desk.note(case_id, actor_of(member), text, origin=ORIGIN)
        except CaseError as error:
            await self._say(message, self._refusal(error))
            return
        await self._audit(GroupAudit.NOTED, member, case_id)

    async def _close(self, message: Message, member: LinkedStaff, case_id: int, resolution: str) -> None:
        resolution = resolution.strip().lower()
        try:
            await self._desk.close(case_id, actor_of(member), resolution)
        except CaseError as error:
            await self._say(message, self._refusal(error))
            return
        await self._audit(GroupAudit.CLOSED, member, case_id, resolution)

    # --- helpers -------------------------------------------------------------------------------------

    def _refusal(self, error: CaseError) -> str:
        holder = error.holder or self.t(Msg.STAFFGROUP_SOMEONE)
        refusal = error.refusal
        if refusal is CaseRefusal.TAKEN:
            return self.t(Msg.STAFFGROUP_TAKEN_BY, name=holder)
        if refusal is CaseRefusal.NOT_YOURS:
            return self.t(Msg.STAFFGROUP_NOT_YOURS, name=holder)
        if refusal is CaseRefusal.CLOSED:
            return self.t(Msg.STAFFGROUP_CASE_CLOSED)
        if refusal is CaseRefusal.TOO_LONG:
            return self.t(Msg.STAFFGROUP_TOO_LONG, max=MAX_STAFF_TEXT)
        if refusal is CaseRefusal.EMPTY:
            return self.t(Msg.STAFFGROUP_NOTE_USAGE)
        if refusal is CaseRefusal.BAD_RESOLUTION:
            return self._close_usage()
        return self.t(Msg.STAFFGROUP_CASE_MISSING)

    def _close_usage(self) -> str:
        lines = [
            f"/close {r.value} — {self.t(Msg.STAFFGROUP_RESOLUTION, resolution=r.value)}"
            for r in STAFF_RESOLUTIONS
        ]
        return "\n".join([self.t(Msg.STAFFGROUP_CLOSE_USAGE), *lines])

    async def _say(self, message: Message, text: str) -> None:
        """An answer in the same topic (or private chat); plain text, and never fatal."""
        try:
            await message.answer(text, parse_mode=None)
        except TelegramAPIError as error:
            log.warning("staff_group_answer_failed", error=type(error).__name__)

    @staticmethod
    async def _answer(callback: CallbackQuery, text: str | None, *, alert: bool = False) -> None:
        try:
            await callback.answer(text, show_alert=alert)
        except TelegramAPIError:
            log.debug("staff_group_callback_answer_failed")

    async def _case_of_topic(self, thread: int) -> int | None:
        async with self._sessions() as db:
            query = select(Case.id).where(Case.staff_topic_id == thread).order_by(Case.id.desc()).limit(1)
            return await db.scalar(query)

    async def _status(self, case_id: int) -> tuple[CaseStatus | None, int | None]:
        async with self._sessions() as db:
            case = await db.get(Case, case_id)
            return (CaseStatus(case.status), case.counsellor_id) if case is not None else (None, None)

    async def _holder(self, case_id: int) -> int | None:
        return (await self._status(case_id))[1]

    async def _holder_name(self, staff_id: int | None) -> str:
        async with self._sessions() as db:
            repo = StaffRepository(db)
            user = await repo.get_staff(staff_id) if staff_id is not None else None
            return user.display_name if user is not None else self.t(Msg.STAFFGROUP_SOMEONE)

    async def _audit(
        self, action: GroupAudit, member: LinkedStaff, case_id: int, detail: str | None = None
    ) -> None:
        """Every staff action on a case is audited (issue 5, point 7), whichever place it came from."""
        async with self._sessions.begin() as db:
            await StaffRepository(db).add_audit(
                action,
                staff_id=member.id,
                target=f"case:{case_id}",
                detail=f"telegram {detail}" if detail else "telegram",
                at=self._desk.now(),
            )


def actor_of(member: LinkedStaff) -> Actor:
    return Actor(staff_id=member.id, role=member.role, name=member.display_name)
