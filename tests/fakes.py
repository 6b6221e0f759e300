"""Test doubles for the edges of the system; each raises when called in a way it does not expect."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from aiogram import Bot
from aiogram.client.default import Default, DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    CloseForumTopic,
    CreateForumTopic,
    DeleteWebhook,
    EditForumTopic,
    EditMessageReplyMarkup,
    GetFile,
    GetMe,
    GetUpdates,
    SendChatAction,
    SendDocument,
    SendMessage,
    SetMyCommands,
    SetMyDescription,
    SetMyShortDescription,
    TelegramMethod,
)
from aiogram.types import (
    Chat,
    Document,
    File,
    ForumTopic,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
    User,
)

from bot.channels.base import Outbound
from bot.channels.telegram.sender import MAX_MESSAGE_CHARS, telegram_length
from bot.channels.telegram.session import JsonBodySession
from bot.core.ratelimit import MemoryRateLimiter
from tests.telegram_html import EntityError, shown_text

TelegramType = TypeVar("TelegramType")
MethodT = TypeVar("MethodT", bound=TelegramMethod[Any])

FAKE_TELEGRAM_TOKEN = "42:TEST-token-for-the-recording-session"
BOT_USER = User(id=42, is_bot=True, first_name="Assistant", username="integration_test_bot")


class RecordingSession(BaseSession):
    """A Bot API session that records every method and answers with a plausible result.

    Like the MockedSession of aiogram's own tests, but answering by method type, so a whole
    conversation runs without scripting each response. `fail[SendMessage] = TelegramForbiddenError(...)`
    makes a method raise; `updates` feeds getUpdates when polling is under test.
    `fail_in_chat[chat_id]` makes every method aimed at one chat raise (a client who blocked the bot,
    while the staff group still works); `files[file_id]` is what getFile and the download serve.
    """

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.sent: list[Message] = []
        self.fail: dict[type[TelegramMethod[Any]], Exception] = {}
        self.fail_in_chat: dict[int, Exception] = {}
        self.files: dict[str, bytes] = {}
        self.topics: dict[int, str] = {}  # forum topics created: thread id -> current name
        self.updates: deque[Update] = deque()
        self.closed = 0
        self._next_message_id = 1000

    async def close(self) -> None:
        self.closed += 1

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - the signature is aiogram's
    ) -> TelegramType:
        self.requests.append(method)
        # Keyed by the Bot API method: the sender's SendText is a sendMessage too.
        failure = next(
            (e for kind, e in self.fail.items() if kind.__api_method__ == method.__api_method__), None
        )
        chat_id = _chat_id(method)
        if failure is None and chat_id is not None:
            failure = self.fail_in_chat.get(chat_id)
        if failure is not None:
            raise failure
        return cast(TelegramType, await self._result(bot, method))

    async def _result(self, bot: Bot, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, SendMessage):
            return self._message(bot, method)
        if isinstance(method, SendDocument):
            return self._document(bot, method)
        if isinstance(
            method,
            AnswerCallbackQuery
            | EditMessageReplyMarkup
            | SendChatAction
            | SetMyCommands
            | SetMyDescription
            | SetMyShortDescription
            | DeleteWebhook,
        ):
            return True
        if isinstance(method, CreateForumTopic):
            self._next_message_id += 1
            self.topics[self._next_message_id] = method.name
            return ForumTopic(message_thread_id=self._next_message_id, name=method.name, icon_color=7322096)
        if isinstance(method, EditForumTopic):
            if method.name is not None:
                self.topics[method.message_thread_id] = method.name
            return True
        if isinstance(method, CloseForumTopic):
            return True
        if isinstance(method, GetFile):
            content = self.files.get(method.file_id)
            if content is None:
                raise AssertionError(f"RecordingSession has no file {method.file_id!r}")
            return File(
                file_id=method.file_id,
                file_unique_id=f"u-{method.file_id}",
                file_size=len(content),
                file_path=f"documents/{method.file_id}",
            )
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, GetUpdates):
            if not self.updates:
                # A long poll that found nothing; short, so stopping a test's polling is quick.
                await asyncio.sleep(0.01)
            batch = list(self.updates)
            self.updates.clear()
            return batch
        raise AssertionError(f"RecordingSession does not expect {type(method).__name__}")

    def _message(self, bot: Bot, method: SendMessage) -> Message:
        text = _shown(bot, method)
        self._next_message_id += 1
        markup = method.reply_markup
        message = Message(
            message_id=self._next_message_id,
            date=datetime.now(UTC),
            chat=_chat(method.chat_id),
            message_thread_id=method.message_thread_id,
            from_user=BOT_USER,
            text=text,
            reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
        ).as_(bot)
        self.sent.append(message)
        return message

    def _document(self, bot: Bot, method: SendDocument) -> Message:
        """A sent file, recorded as the chat shows it: a document with its name."""
        self._next_message_id += 1
        upload = method.document
        name = upload.filename if isinstance(upload, InputFile) else None
        message = Message(
            message_id=self._next_message_id,
            date=datetime.now(UTC),
            chat=_chat(method.chat_id),
            message_thread_id=method.message_thread_id,
            from_user=BOT_USER,
            document=Document(file_id=f"doc{self._next_message_id}", file_unique_id="u", file_name=name),
        ).as_(bot)
        self.sent.append(message)
        return message

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - the signature is aiogram's
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        # aiogram downloads from .../file/bot<token>/<file_path>; only files given in `files` exist.
        for file_id, content in self.files.items():
            if url.endswith(f"/documents/{file_id}"):
                for start in range(0, len(content), chunk_size):
                    yield content[start : start + chunk_size]
                return
        raise AssertionError("RecordingSession downloads only the files it was given")

    def of_type(self, method_type: type[MethodT]) -> list[MethodT]:
        return [request for request in self.requests if isinstance(request, method_type)]

    def clear(self) -> None:
        """Forget the requests so far; `sent` stays, as the chat history stays on the phone."""
        self.requests.clear()


def _shown(bot: Bot, method: SendMessage) -> str:
    """The text as the chat shows it; Telegram's 400 for markup it cannot parse or a text too long."""
    mode = method.parse_mode
    if isinstance(mode, Default):
        mode = bot.default[mode.name]
    text = method.text
    if mode == ParseMode.HTML:
        try:
            text = shown_text(text)
        except EntityError as error:
            raise TelegramBadRequest(method, f"Bad Request: can't parse entities: {error}") from None
    elif mode is not None:
        raise AssertionError(f"RecordingSession does not parse {mode!r}")
    if not text.strip():
        raise TelegramBadRequest(method, "Bad Request: message text is empty")
    if telegram_length(text) > MAX_MESSAGE_CHARS:
        raise TelegramBadRequest(method, "Bad Request: message is too long")
    return text


def _chat_id(method: TelegramMethod[Any]) -> int | None:
    chat_id = getattr(method, "chat_id", None)
    return int(chat_id) if isinstance(chat_id, int | str) and str(chat_id).lstrip("-").isdigit() else None


def _chat(chat_id: int | str) -> Chat:
    """Private chats have the user's (positive) id; groups and supergroups negative ones."""
    number = int(chat_id)
    return Chat(id=number, type="private" if number > 0 else "supergroup")


class FakeChannelSender:
    """A ChannelSender for the Notifier that keeps what it was given, as a client's phone would."""

    def __init__(self) -> None:
        self.sent: list[Outbound] = []

    async def send(self, outbound: Outbound) -> None:
        self.sent.append(outbound)


class VirtualTime:
    """A clock for the rate limiter whose sleep jumps ahead instead of waiting.

    Pacing keeps its order and its spacing, in virtual seconds: tests of dialogs do not wait Telegram's
    one second per chat, and tests of pacing read `now` to see how long something was held.

    `hold(longer_than)` stops time for long waits: a sleep longer than that waits for `resume()` (and
    sets `holding`), so a test sees what happens while a bucket is still empty; shorter sleeps (a private
    chat's second) pass as before.
    """

    def __init__(self) -> None:
        self.now = 1000.0
        self.holding = asyncio.Event()
        self._held_over: float | None = None
        self._resumed = asyncio.Event()

    def clock(self) -> float:
        return self.now

    def hold(self, longer_than: float) -> None:
        self._held_over = longer_than
        self._resumed.clear()

    def resume(self) -> None:
        self._held_over = None
        self._resumed.set()

    async def sleep(self, seconds: float) -> None:
        # The limiter sleeps right after reading the clock, so `now + seconds` is the instant it waits for.
        until = self.now + max(seconds, 0.0)
        if self._held_over is not None and seconds > self._held_over:
            self.holding.set()
            await self._resumed.wait()
        self.now = max(self.now, until)
        await asyncio.sleep(0)

    def limiter(self) -> MemoryRateLimiter:
        return MemoryRateLimiter(clock=self.clock, sleep=self.sleep)


def standin_bot(url: str) -> Bot:
    """A bot with the production session (bot.channels.telegram.session) on a Bot API stand-in at `url`."""
    session = JsonBodySession(api=TelegramAPIServer.from_base(url))
    return Bot(FAKE_TELEGRAM_TOKEN, session=session, default=DefaultBotProperties(parse_mode=None))
