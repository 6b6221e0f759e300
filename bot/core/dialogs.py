"""The contract between the engine and dialog modules: context, step and payload routing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.base import Choice, InboundKind, InboundMessage, Reply
from bot.clients.models import Client
from bot.clients.repository import ClientRepository, ClientThread
from bot.core.state import ConversationState
from bot.i18n.msg import Msg
from bot.nlu.parser import Parse


@dataclass
class DialogContext:
    """Everything a dialog step may read or change for one inbound message."""

    message: InboundMessage
    state: ConversationState
    thread: ClientThread
    # The message's ORM session, opened on first use (bot.core.message_transaction): most steps need
    # none, and one cost more than the rest of the message's database work.
    open_session: Callable[[], AsyncSession]
    locale: str
    enabled_locales: tuple[str, ...]
    arg: str = ""
    parse: Parse | None = None  # free text only: language and ranked intents
    # What the transcript keeps of the client's message when its words must not be stored (a link code).
    transcript_text: str | None = None

    @property
    def session(self) -> AsyncSession:
        return self.open_session()

    @property
    def client(self) -> Client:
        return self.thread.client

    @property
    def clients(self) -> ClientRepository:
        return ClientRepository(self.session)

    def set_locale(self, locale: str) -> None:
        """Remember the client's language and render this turn's replies in it."""
        self.client.locale = locale
        self.locale = locale


AfterCommit = Callable[[], Awaitable[None]]


@dataclass
class Step:
    """What a dialog step answers; state changes are made on ctx.state directly."""

    replies: list[Reply] = field(default_factory=list)
    # Work for after this message's transaction commits, such as telling another client through the
    # Notifier: it opens its own transaction, which SQLite (BEGIN IMMEDIATE) would block until then.
    after_commit: list[AfterCommit] = field(default_factory=list)
    # What the transcript keeps instead of `replies`, when they hold something shown once (a link code).
    transcript: list[Reply] | None = None

    @classmethod
    def say(cls, msg: Msg, choices: tuple[Choice, ...] = (), **args: object) -> Step:
        return cls([Reply.of(msg, choices, **args)])

    def then(self, other: Step) -> Step:
        return Step([*self.replies, *other.replies], [*self.after_commit, *other.after_commit])


Handler = Callable[[DialogContext], Awaitable[Step]]
Gate = Callable[[DialogContext], Awaitable[bool]]
Key = TypeVar("Key")


def split_payload(payload: str) -> tuple[str, str]:
    """`lang:uk` -> (`lang`, `uk`); `menu` -> (`menu`, ``)."""
    prefix, _, arg = payload.partition(":")
    return prefix, arg


def keyword_of(text: str) -> str:
    """A typed message as a keyword: `STOP!`, ` Stop. ` and `stop` are one word."""
    return " ".join(text.casefold().strip(" \t\n.!?,;:…").split())


START_COMMAND = "start"


def parse_command(text: str) -> tuple[str, str] | None:
    """`/start course_a1` -> (`start`, `course_a1`); `/help@centre_bot` -> (`help`, ``)."""
    if not text.startswith("/") or len(text) < 2:
        return None
    head, _, arg = text[1:].partition(" ")
    return head.split("@", 1)[0].lower(), arg.strip()


def start_link(message: InboundMessage) -> str:
    """The deep-link payload a message opens the conversation with; "" for none.

    Adapters send it as an InboundKind.START (Telegram's `/start <payload>`); a typed `/start <payload>`
    (console, web chat) means the same, so every channel gets one behaviour.
    """
    if message.kind is InboundKind.START:
        return message.payload
    return _typed_start(message) or ""


def opens_conversation(message: InboundMessage) -> bool:
    """A (re)start: Telegram's `/start`, a deep link, or `/start` typed in the console or web chat."""
    return message.kind is InboundKind.START or _typed_start(message) is not None


def _typed_start(message: InboundMessage) -> str | None:
    """The payload of a typed `/start [payload]` ("" for none); None for any other message."""
    command = parse_command(message.text.strip()) if message.kind is InboundKind.TEXT else None
    return command[1] if command is not None and command[0] == START_COMMAND else None


class DialogRouter:
    """Deterministic routing: payload prefixes, commands and awaited text; the fallback is explicit."""

    def __init__(self) -> None:
        self._payloads: dict[str, Handler] = {}
        self._commands: dict[str, Handler] = {}
        self._keywords: dict[str, Handler] = {}
        self._awaiting: dict[tuple[str, str], Handler] = {}
        self._intents: dict[str, Handler] = {}
        self._text: Handler | None = None
        self._gates: list[tuple[Gate, Handler]] = []
        self._fallback: Handler | None = None
        self._stale: Handler | None = None
        self._empty: Handler | None = None
        self._unsupported: Handler | None = None

    def on_payload(self, prefix: str, handler: Handler) -> None:
        self._claim(self._payloads, prefix, handler)

    def on_command(self, name: str, handler: Handler) -> None:
        self._claim(self._commands, name, handler)

    def on_keywords(self, words: Iterable[str], handler: Handler) -> None:
        """A message that is exactly one of `words` (any case, any language) acts like a command.

        WhatsApp has no commands: typing STOP is how a client stops every message there.
        """
        for word in {keyword_of(w) for w in words if keyword_of(w)}:
            self._claim(self._keywords, word, handler)

    def on_text(self, dialog: str, step: str, handler: Handler) -> None:
        """Free text goes to `handler` while the conversation is at (dialog, step)."""
        self._claim(self._awaiting, (dialog, step), handler)

    def on_intent(self, intent: str, handler: Handler) -> None:
        """The dialog that serves an intent once the policy has chosen it."""
        self._claim(self._intents, intent, handler)

    def intent_handler(self, intent: str) -> Handler | None:
        return self._intents.get(intent)

    def payload_handler(self, prefix: str) -> Handler | None:
        """The dialog a button payload prefix opens; deep links reuse it to land where a button would."""
        return self._payloads.get(prefix)

    def set_text_handler(self, handler: Handler) -> None:
        """Free text no dialog step is waiting for goes here (understanding); else to the fallback."""
        self._text = handler

    def add_gate(self, applies: Gate, handler: Handler) -> None:
        """While `applies`, messages go to `handler` (first contact before consent, an open case);
        gates are asked in the order they were added."""
        self._gates.append((applies, handler))

    def set_fallback(self, handler: Handler) -> None:
        self._fallback = handler

    def set_input_handlers(self, *, stale: Handler, empty: Handler, unsupported: Handler) -> None:
        self._stale, self._empty, self._unsupported = stale, empty, unsupported

    def commands(self) -> list[str]:
        return sorted(self._commands)

    async def dispatch(self, ctx: DialogContext) -> Step:
        for applies, gate in self._gates:
            if await applies(ctx):
                if ctx.message.kind is InboundKind.PAYLOAD:
                    ctx.arg = split_payload(ctx.message.payload)[1]
                return await gate(ctx)
        handler = self._select(ctx)
        return await handler(ctx)

    def _select(self, ctx: DialogContext) -> Handler:
        message = ctx.message
        if message.kind in (InboundKind.UNSUPPORTED, InboundKind.FILE):
            return self._required(self._unsupported)
        if message.kind is InboundKind.PAYLOAD:
            prefix, ctx.arg = split_payload(message.payload)
            return self._payloads.get(prefix) or self._required(self._stale)
        if message.kind is InboundKind.START:
            ctx.arg = message.payload  # the same handler as a typed `/start <payload>`
            return self._commands.get(START_COMMAND) or self._required(self._fallback)
        text = message.text.strip()
        if not text:
            return self._required(self._empty)
        command = parse_command(text)
        if command is not None:
            name, ctx.arg = command
            return self._commands.get(name) or self._required(self._fallback)
        keyword = self._keywords.get(keyword_of(text))
        if keyword is not None:
            return keyword
        awaiting = self._awaiting.get((ctx.state.dialog or "", ctx.state.step or ""))
        return awaiting or self._text or self._required(self._fallback)

    @staticmethod
    def _required(handler: Handler | None) -> Handler:
        if handler is None:
            raise RuntimeError("DialogRouter is missing a fallback or input handler")
        return handler

    @staticmethod
    def _claim(table: dict[Key, Handler], key: Key, handler: Handler) -> None:
        if key in table:
            raise ValueError(f"{key!r} is already routed to {table[key]!r}")
        table[key] = handler
