"""The channel-free message contract: InboundMessage in, Outbound (Reply + Choice) out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from bot.core.ratelimit import Rate
from bot.i18n.msg import Msg

# Telegram's callback_data holds 64 bytes and our callback prefix takes 2 ("c|"); every payload
# must fit on every channel, so the tightest limit is the rule. "|" is the callback separator.
MAX_PAYLOAD_BYTES = 62
PAYLOAD_PATTERN = re.compile(r"^[A-Za-z0-9_.:-]+$")
_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Channel(StrEnum):
    """Where a client talks to us; the value is the prefix of their user_ref."""

    TELEGRAM = "tg"
    WHATSAPP = "wa"
    WEB = "web"
    CONSOLE = "console"


class InboundKind(StrEnum):
    """What the client sent: words, a button press, a file, or something we cannot read."""

    TEXT = "text"
    PAYLOAD = "payload"
    FILE = "file"  # a photo or document; `attachment` holds it and `text` its caption
    UNSUPPORTED = "unsupported"
    # The client opened the conversation, maybe through a link naming where to go (`payload`, "" if none):
    # Telegram's `t.me/<bot>?start=<payload>`, the web chat's `?start=<payload>`.
    START = "start"


def make_user_ref(channel: Channel, external_id: str) -> str:
    """`tg:123`, `web:<uuid>`: the channel-qualified id used everywhere in the core."""
    return f"{channel.value}:{external_id}"


def split_user_ref(user_ref: str) -> tuple[Channel, str]:
    """Inverse of make_user_ref; raises ValueError for a ref of no known channel."""
    prefix, sep, external_id = user_ref.partition(":")
    if not sep or not external_id:
        raise ValueError(f"not a user ref: {user_ref!r}")
    return Channel(prefix), external_id


@dataclass(frozen=True)
class InboundMessage:
    """One message from a client, already translated out of the platform's shape."""

    user_ref: str
    kind: InboundKind
    text: str = ""
    payload: str = ""
    platform_message_id: str | None = None
    locale_hint: str | None = None
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    attachment: Attachment | None = None
    # The inbox stored this message just now and no attempt has run before this one, so it cannot have
    # been handled already: the engine skips its look-up by platform_message_id. A retry after a crash,
    # and every channel without an inbox, leave it False and are checked.
    first_delivery: bool = False

    @property
    def channel(self) -> Channel:
        return split_user_ref(self.user_ref)[0]

    @classmethod
    def text_message(cls, user_ref: str, text: str, **extra: Any) -> InboundMessage:
        return cls(user_ref=user_ref, kind=InboundKind.TEXT, text=text, **extra)

    @classmethod
    def button(cls, user_ref: str, payload: str, **extra: Any) -> InboundMessage:
        return cls(user_ref=user_ref, kind=InboundKind.PAYLOAD, payload=payload, **extra)

    @classmethod
    def file(cls, user_ref: str, attachment: Attachment, caption: str = "", **extra: Any) -> InboundMessage:
        return cls(user_ref=user_ref, kind=InboundKind.FILE, text=caption, attachment=attachment, **extra)

    @classmethod
    def opened(cls, user_ref: str, link: str = "", **extra: Any) -> InboundMessage:
        """A (re)start of the conversation; `link` is the deep-link payload it came with, "" for none."""
        return cls(user_ref=user_ref, kind=InboundKind.START, payload=link, **extra)

    @classmethod
    def unsupported(cls, user_ref: str, what: str, **extra: Any) -> InboundMessage:
        """A sticker, voice note, location...: `what` names it for logs, never its content."""
        return cls(user_ref=user_ref, kind=InboundKind.UNSUPPORTED, payload=what, **extra)


@dataclass(frozen=True)
class Text:
    """A Fluent message id with its arguments: text is formatted only when rendered."""

    msg: Msg
    args: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    # People's own words (a coordinator's announcement): args["text"] is shown as is, never through
    # Fluent, which would also cut a placeable longer than 2,500 characters to "{???}".
    verbatim: bool = False


@dataclass(frozen=True)
class Choice:
    """A button: the payload id travels back, the label is only shown."""

    payload: str
    label: Text

    def __post_init__(self) -> None:
        if len(self.payload) > MAX_PAYLOAD_BYTES or not PAYLOAD_PATTERN.match(self.payload):
            raise ValueError(f"payload must be 1..{MAX_PAYLOAD_BYTES} of [A-Za-z0-9_.:-]: {self.payload!r}")


@dataclass(frozen=True)
class Attachment:
    """A file sent with a reply, such as an .ics calendar entry; channels decide how to deliver it."""

    filename: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class Reply:
    """One message to the client: paragraphs of text, the buttons under it, and any files."""

    lines: tuple[Text, ...]
    choices: tuple[Choice, ...] = ()
    attachments: tuple[Attachment, ...] = ()

    @classmethod
    def of(cls, msg: Msg, choices: tuple[Choice, ...] = (), **args: Any) -> Reply:
        return cls(lines=(Text(msg, MappingProxyType(args)),), choices=choices)


def choice(payload: str, msg: Msg, **args: Any) -> Choice:
    """Shorthand used by dialogs: choice("menu:help", Msg.MENU_HELP)."""
    return Choice(payload=payload, label=Text(msg, MappingProxyType(args)))


@dataclass(frozen=True)
class Outbound:
    """Replies for one client in the locale they are to be rendered in."""

    user_ref: str
    locale: str
    replies: tuple[Reply, ...]
    # The replies as rendered in `locale`, when the engine already rendered them for the transcript:
    # the channel sends the very text that was recorded, and the translation runs once.
    rendered: tuple[RenderedReply, ...] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class RenderedChoice:
    """A button after translation."""

    payload: str
    label: str


@dataclass(frozen=True)
class RenderedReply:
    """A reply after translation: what a channel actually shows."""

    text: str
    choices: tuple[RenderedChoice, ...] = ()
    attachments: tuple[Attachment, ...] = ()


class RecipientUnreachable(Exception):
    """The platform refuses to deliver to this client: they blocked the bot, or the chat is gone."""


class ChannelSender(Protocol):
    """Delivers bot-initiated messages on one channel (used by the Notifier).

    Raises RecipientUnreachable when the platform says the client cannot be reached any more.
    """

    async def send(self, outbound: Outbound) -> None: ...


class SendStatus(StrEnum):
    """How one bot-initiated delivery ended, as far as the platform told us."""

    SENT = "sent"
    BLOCKED = "blocked"  # the client blocked the bot (Telegram 403): stop messaging them
    GONE = "gone"  # the chat no longer exists or the request can never succeed (Telegram 400)
    RETRY = "retry"  # a transient failure (network, 5xx): try again later
    RATE_LIMITED = "rate_limited"  # 429: try again after `retry_after` seconds
    UNAVAILABLE = "unavailable"  # no sender for this channel in this process


@dataclass(frozen=True)
class SendResult:
    """The outcome of `ReportingSender.deliver`; `parts_sent` counts messages that did go out."""

    status: SendStatus
    parts_sent: int = 0
    message_id: str | None = None
    retry_after: float | None = None
    detail: str = ""


@runtime_checkable
class ReportingSender(Protocol):
    """A ChannelSender that reports what happened instead of logging it, for the broadcast outbox.

    `limits` are the rate buckets one message to `user_ref` takes; the caller reserves them (through the
    RateLimiter) before the first message, `deliver` reserves them itself for every further part of a
    long text. `skip_parts` resumes a delivery whose first parts already went out.
    """

    def limits(self, user_ref: str) -> tuple[Rate, ...]: ...

    async def deliver(self, outbound: Outbound, *, skip_parts: int = 0) -> SendResult: ...
