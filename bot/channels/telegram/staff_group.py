"""StaffGroupMirror: each case as a forum topic of the Telegram staff group, kept in step with the desk."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram.pacing import TelegramPacing
from bot.channels.telegram.sender import split_text
from bot.channels.telegram.staff_reads import CaseReads, CaseView
from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from counselling import queue
from counselling.events import CaseEvent
from counselling.models import CaseStatus, Delivery, EntryKind, Priority

log = structlog.get_logger(__name__)
# The origin of desk actions taken in the staff group, so their events are not posted back into it.
ORIGIN = "telegram"
T = TypeVar("T")

TAKE_PREFIX = "stf:take:"
PRIORITY_MARKS = {Priority.URGENT: "🔴", Priority.HIGH: "🟠", Priority.NORMAL: "⚪"}
TAKEN_MARK = "✅"
# https://core.telegram.org/bots/api#createforumtopic: 1-128 characters.
MAX_TOPIC_NAME = 128
# A failing group must not slow the console: each Bot API call gets a short limit.
REQUEST_TIMEOUT = 15


def take_data(case_id: int) -> str:
    return f"{TAKE_PREFIX}{case_id}"


def headed(header: str, words: str) -> str:
    """A translated header, then a person's words as typed: never through Fluent, which cuts
    placeables over 2,500 characters (a reply may have 8,000)."""
    return f"{header}\n{words}"


def topic_msg(topic: str) -> Msg | None:
    """`talk_to_human` -> Msg `topic-talk-to-human`, the client-side label, when there is one."""
    value = "topic-" + topic.replace("_", "-")
    return Msg(value) if value in Msg._value2member_map_ else None


class StaffGroupMirror:
    """A CaseMirror: topics, status lines and the client's words in the staff group; errors are logged."""

    def __init__(
        self,
        bot: Bot,
        chat_id: int,
        sessions: async_sessionmaker[AsyncSession],
        translator: Translator,
        locale: str,
        now: Callable[[], datetime],
        pacing: TelegramPacing | None = None,
    ) -> None:
        self.bot = bot
        self._pacing = pacing
        self.chat_id = chat_id
        self.reads = CaseReads(sessions)
        self._translator = translator
        self.locale = locale
        self._now = now
        self._topic_lock = asyncio.Lock()
        # Messages with a Take button, so it can go once the case is taken; lost on restart, which
        # only leaves a button that answers "already taken".
        self._take_messages: dict[int, int] = {}
        # The newest client entry each topic's context post showed: events reach the group late (they
        # queue behind its pacing), so a case's later words may already be in its context, and their
        # own event must not post them a second time.
        self._in_context: dict[int, int] = {}

    def t(self, msg: Msg, **args: Any) -> str:
        return self._translator.format(self.locale, msg, args)

    async def mirror(self, event: CaseEvent) -> None:
        view = await self.reads.view(event.case_id)
        if view is None:
            return
        created = False
        if view.thread_id is None:
            view, created = await self._ensure_topic(view, notify=event.alert, older_than=event.entry_id)
            if view.thread_id is None:
                return
        if event.kind == "opened":
            return  # the new topic and its context post are the whole announcement
        await self._on_event(event, view, created)

    # --- per event -----------------------------------------------------------------------------------

    async def _on_event(self, event: CaseEvent, view: CaseView, created: bool) -> None:
        kind, thread = event.kind, view.thread_id
        assert thread is not None
        if kind == "escalated" and not created:
            await self._post(
                thread, self.t(Msg.STAFFGROUP_ESCALATED, topic=self._topic(view)), notify=event.alert
            )
            if event.alert:
                await self._post(thread, self.t(Msg.STAFFGROUP_URGENT), notify=True)
            await self._rename(view)
        elif kind == "message":
            await self._client_wrote(view, thread, event.entry_id)
        elif kind == "reply":
            # Written in the group itself: already visible there, only a failed delivery is news.
            await self._counsellor_wrote(view, thread, event.entry_id, echo=event.origin != ORIGIN)
        elif kind == "note":
            if event.origin != ORIGIN:
                await self._noted(view, thread, event.entry_id)
        elif kind == "claimed":
            name = await self._actor_name(view.id)
            await self._post(thread, self.t(Msg.STAFFGROUP_CLAIMED, name=name))
            await self._rename(view)
            await self._drop_take_button(view.id)
        elif kind == "transferred":
            target = await self._last_event_detail(view.id)
            await self._post(thread, self.t(Msg.STAFFGROUP_TRANSFERRED, name=target or self._someone()))
            await self._rename(view)
        elif kind == "closed":
            name = await self._actor_name(view.id)
            resolution = await self.reads.resolution(view.id)
            label = self.t(Msg.STAFFGROUP_RESOLUTION, resolution=resolution or "")
            await self._post(thread, self.t(Msg.STAFFGROUP_CLOSED, name=name, resolution=label))
            await self._finish(view)
        elif kind == "left":
            await self._post(thread, self.t(Msg.STAFFGROUP_LEFT))
            await self._finish(view)
        elif kind in ("joined", "joined_into"):
            # The client linked two chat apps with a case open in each; the event's detail is `#<other>`.
            other = await self._last_event_detail(view.id) or "?"
            msg = Msg.STAFFGROUP_JOINED if kind == "joined" else Msg.STAFFGROUP_JOINED_INTO
            await self._post(thread, self.t(msg, case=other))
            if kind == "joined_into":
                await self._finish(view)
            else:
                await self._rename(view)
        elif kind == "sla":
            minutes = max(0, int((self._now() - view.opened_at).total_seconds() // 60))
            lines = [self.t(Msg.STAFFGROUP_SLA, case=str(view.id), minutes=minutes)]
            if view.priority is Priority.URGENT:
                lines.append(self.t(Msg.STAFFGROUP_URGENT))
            await self._post(thread, "\n\n".join(lines), notify=True)

    async def _client_wrote(self, view: CaseView, thread: int, entry_id: int | None) -> None:
        if entry_id is None:
            # A sticker, voice note or a file over the limit: the case has an event saying which.
            entry = await self.reads.last_entry(view.id)
            if entry is not None and entry.text == queue.EventCode.FILE_TOO_LARGE:
                await self._post(thread, self.t(Msg.STAFFGROUP_CLIENT_FILE_TOO_LARGE))
            elif entry is not None and entry.text == queue.EventCode.UNREADABLE:
                await self._post(thread, self.t(Msg.STAFFGROUP_CLIENT_UNREADABLE, what=entry.detail or "?"))
            return
        if entry_id <= self._in_context.get(view.id, 0):
            return  # the context post that opened the topic already showed it
        written = await self.reads.client_entry(view.id, entry_id)
        if written is None:
            return
        if written.text:
            await self._post(thread, headed(self.t(Msg.STAFFGROUP_CLIENT_SAYS), written.text))
        if written.file_name is not None and written.content is not None:
            await self._send_file(thread, written.file_name, written.content)

    async def _counsellor_wrote(
        self, view: CaseView, thread: int, entry_id: int | None, *, echo: bool
    ) -> None:
        entry = await self.reads.entry(entry_id)
        if entry is None:
            return
        if echo:
            name = await self._name(entry.staff_id)
            await self._post(thread, headed(self.t(Msg.STAFFGROUP_COUNSELLOR_SAYS, name=name), entry.text))
        if entry.delivery == Delivery.BLOCKED.value:
            await self._post(thread, self.t(Msg.STAFFGROUP_NOT_DELIVERED), notify=True)
        elif entry.delivery == Delivery.FAILED.value:
            await self._post(thread, self.t(Msg.STAFFGROUP_DELIVERY_FAILED), notify=True)

    async def _noted(self, view: CaseView, thread: int, entry_id: int | None) -> None:
        entry = await self.reads.entry(entry_id)
        if entry is None:
            return
        name = await self._name(entry.staff_id)
        await self._post(thread, headed(self.t(Msg.STAFFGROUP_NOTE, name=name), entry.text))

    async def _finish(self, view: CaseView) -> None:
        """Closed: the name says so, the button goes, and the topic closes (staff can still read it)."""
        assert view.thread_id is not None
        self._in_context.pop(view.id, None)
        await self._rename(view)
        await self._drop_take_button(view.id)
        await self._call(
            "close_topic",
            view.id,
            self.bot.close_forum_topic(self.chat_id, view.thread_id, request_timeout=REQUEST_TIMEOUT),
        )

    # --- the topic -----------------------------------------------------------------------------------

    def topic_name(self, view: CaseView) -> str:
        marks = [PRIORITY_MARKS[view.priority]]
        if view.status is CaseStatus.CLOSED:
            marks.insert(0, self.t(Msg.STAFFGROUP_MARK_CLOSED))
        elif view.status in (CaseStatus.ASSIGNED, CaseStatus.WAITING_CLIENT):
            marks.insert(0, TAKEN_MARK)
        name = self.t(
            Msg.STAFFGROUP_TOPIC_NAME,
            case=str(view.id),
            marks=" ".join(marks),
            topic=self._topic(view),
            language=view.locale,
        )
        return name[:MAX_TOPIC_NAME]

    def _topic(self, view: CaseView) -> str:
        if view.topic is None:
            return self.t(Msg.STAFFGROUP_REASON, reason=view.reason)
        msg = topic_msg(view.topic)
        return self.t(msg) if msg is not None else view.topic

    async def _ensure_topic(
        self, view: CaseView, *, notify: bool, older_than: int | None
    ) -> tuple[CaseView, bool]:
        """Create the case's topic once (also for cases opened before the group was set up)."""
        async with self._topic_lock:
            fresh = await self.reads.view(view.id)
            if fresh is None or fresh.thread_id is not None:
                return fresh or view, False
            if fresh.status is CaseStatus.CLOSED:
                return fresh, False  # nothing left to do on it in the group
            topic = await self._call(
                "create_topic",
                view.id,
                self.bot.create_forum_topic(
                    self.chat_id, self.topic_name(fresh), request_timeout=REQUEST_TIMEOUT
                ),
            )
            if topic is None:
                return fresh, False
            await self.reads.set_topic(view.id, topic.message_thread_id)
            fresh = replace(fresh, thread_id=topic.message_thread_id)
        urgent = notify or fresh.priority is Priority.URGENT
        await self._post_context(fresh, notify=urgent, older_than=older_than)
        return fresh, True

    async def _post_context(self, view: CaseView, *, notify: bool, older_than: int | None) -> None:
        """The first post: who, what, the conversation before the hand-off, and the Take button."""
        assert view.thread_id is not None
        blocks = [
            self.t(
                Msg.STAFFGROUP_NEW_CASE,
                case=str(view.id),
                topic=self._topic(view),
                language=view.locale,
                channel=view.channel,
                reason=self.t(Msg.STAFFGROUP_REASON, reason=view.reason),
            )
        ]
        if view.priority is Priority.URGENT:
            blocks.append(self.t(Msg.STAFFGROUP_URGENT))
        intents = view.context.get("intents") or []
        if intents:
            shown = ", ".join(f"{name} {float(p):.2f}" for name, p in intents)
            blocks.append(self.t(Msg.STAFFGROUP_INTENTS, intents=shown))
        before = view.context.get("before") or []
        lines = [
            self.t(
                Msg.STAFFGROUP_LINE_CLIENT if item.get("direction") == "in" else Msg.STAFFGROUP_LINE_BOT,
                text=str(item.get("text", "")),
            )
            for item in before
        ]
        header = self.t(Msg.STAFFGROUP_BEFORE if lines else Msg.STAFFGROUP_BEFORE_NONE)
        blocks.append("\n".join([header, *lines]))
        # The words that opened the case (and any sent before the topic existed) are case entries,
        # not context; the entry of the event being mirrored, and later ones, are posted by their events.
        newest: int | None = None
        for entry_id, text, file_name in await self.reads.client_entries(view.id, older_than):
            words = text or self.t(Msg.STAFFGROUP_CLIENT_FILE, name=file_name or "?")
            blocks.append(headed(self.t(Msg.STAFFGROUP_CLIENT_SAYS), words))
            newest = entry_id
        if view.status is CaseStatus.WAITING:
            blocks.append(self.t(Msg.STAFFGROUP_HOW))
            button = InlineKeyboardButton(
                text=self.t(Msg.STAFFGROUP_TAKE_BUTTON), callback_data=take_data(view.id)
            )
            keyboard = InlineKeyboardMarkup(inline_keyboard=[[button]])
        else:
            keyboard = None
        message_id = await self._post(view.thread_id, "\n\n".join(blocks), notify=notify, keyboard=keyboard)
        if message_id is not None and newest is not None:
            self._in_context[view.id] = newest
        if keyboard is not None and message_id is not None:
            self._take_messages[view.id] = message_id

    async def _rename(self, view: CaseView) -> None:
        fresh = await self.reads.view(view.id)
        if fresh is None or fresh.thread_id is None:
            return
        await self._call(
            "rename_topic",
            view.id,
            self.bot.edit_forum_topic(
                self.chat_id, fresh.thread_id, name=self.topic_name(fresh), request_timeout=REQUEST_TIMEOUT
            ),
        )

    async def _drop_take_button(self, case_id: int) -> None:
        message_id = self._take_messages.pop(case_id, None)
        if message_id is not None:
            await self._call(
                "drop_take_button",
                case_id,
                self.bot.edit_message_reply_markup(
                    chat_id=self.chat_id, message_id=message_id, reply_markup=None
                ),
            )

    # --- sending -------------------------------------------------------------------------------------

    async def _post(
        self,
        thread: int,
        text: str,
        *,
        notify: bool = False,
        keyboard: InlineKeyboardMarkup | None = None,
    ) -> int | None:
        """Plain text (no parse mode: clients' words must not become markup), split for Telegram."""
        parts = split_text(text)
        last: int | None = None
        for index, part in enumerate(parts, start=1):
            sent = await self._call(
                "post",
                None,
                self._paced(
                    partial(
                        self.bot.send_message,
                        self.chat_id,
                        part,
                        message_thread_id=thread,
                        parse_mode=None,
                        disable_notification=not notify,
                        reply_markup=keyboard if index == len(parts) else None,
                        request_timeout=REQUEST_TIMEOUT,
                    )
                ),
            )
            if sent is None:
                return None
            last = sent.message_id
        return last

    async def _send_file(self, thread: int, name: str, content: bytes) -> None:
        await self._call(
            "post_file",
            None,
            self._paced(
                partial(
                    self.bot.send_document,
                    self.chat_id,
                    BufferedInputFile(content, filename=name),
                    message_thread_id=thread,
                    caption=self.t(Msg.STAFFGROUP_CLIENT_FILE, name=name)[:1024],
                    parse_mode=None,
                    disable_notification=True,
                )
            ),
        )

    def _paced(self, call: Callable[[], Awaitable[T]]) -> Awaitable[T]:
        """A post takes the bot's slot and the group's own bucket (about 20 a minute); see pacing.py."""
        return self._pacing.send(self.chat_id, call) if self._pacing is not None else call()

    async def _call(self, what: str, case_id: int | None, request: Awaitable[T]) -> T | None:
        """One Bot API call; the group being unreachable or misconfigured never breaks a desk action."""
        try:
            return await request
        except TelegramBadRequest as error:
            if "not modified" in error.message.lower():
                return None  # the topic already had this name
            log.warning("staff_group_failed", action=what, case=case_id, error=error.message)
        except TelegramAPIError as error:
            log.warning("staff_group_failed", action=what, case=case_id, error=type(error).__name__)
        return None

    # --- small helpers -------------------------------------------------------------------------------

    def _someone(self) -> str:
        return self.t(Msg.STAFFGROUP_SOMEONE)

    async def _name(self, staff_id: int | None) -> str:
        return await self.reads.staff_name(staff_id) or self._someone()

    async def _actor_name(self, case_id: int) -> str:
        """Who did the latest claim / close: the staff member on the case's newest event."""
        entry = await self.reads.last_entry(case_id, EntryKind.EVENT)
        return await self._name(entry.staff_id if entry is not None else None)

    async def _last_event_detail(self, case_id: int) -> str | None:
        entry = await self.reads.last_entry(case_id, EntryKind.EVENT)
        return entry.detail if entry is not None else None
