"""Typed parsing of WhatsApp Cloud API webhooks: every message becomes an Incoming, a Status or a log line.

We parse with our own pydantic models instead of pywa (README, Dependencies): pywa 4.5 builds a sender
from `contacts[].user_id` and fails on the older payloads that have only `wa_id`, and an update it cannot
build is logged and dropped inside its own dispatcher, while we must store every message before handling it.

Two shapes of the `messages` field are accepted (both seen in production during Meta's 2026 roll-out):
- older: `contacts[].wa_id` and `messages[].from` carry the client's phone number;
- current, with business-scoped user ids (BSUID, e.g. `US.13491208655302741918`): `contacts[].user_id`
  (always), `contacts[].parent_user_id`, `contacts[].profile.username`, and `wa_id` / `from` only while
  Meta shares the phone number; statuses add `recipient_user_id` and may omit `recipient_id`.
  Sources: Meta's "Business-scoped user IDs" page (developers.facebook.com/documentation/business-messaging/
  whatsapp/business-scoped-user-ids, updated 2026-03-31) and pywa 4.5.0 (pywa/types/user.py
  `User.from_contact`, pywa/_helpers.py `resolve_recipient`: a BSUID is sent as `recipient`, not `to`).
We key a client by phone number when one is given (that is how every existing WhatsApp client is known)
and by BSUID otherwise; the two never collide because a BSUID contains a dot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import structlog
from pydantic import BaseModel, ConfigDict, Field, ValidationError

log = structlog.get_logger(__name__)

# Message types the client can send that we cannot read: each gets the polite "please write" reply.
UNREADABLE_TYPES = frozenset({"audio", "video", "sticker", "location", "contacts", "unsupported"})
# Known types that need no answer: an emoji reaction, a number change notice.
QUIET_TYPES = frozenset({"reaction", "system", "request_welcome"})


class _Model(BaseModel):
    # Meta adds fields without notice; unknown keys are ignored, the documented ones are typed.
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class Profile(_Model):
    name: str | None = None
    username: str | None = None


class Contact(_Model):
    wa_id: str | None = None
    user_id: str | None = None
    parent_user_id: str | None = None
    profile: Profile | None = None


class TextBody(_Model):
    body: str


class Reply(_Model):
    id: str
    title: str = ""
    description: str = ""


class Interactive(_Model):
    type: str
    button_reply: Reply | None = None
    list_reply: Reply | None = None


class QuickReply(_Model):
    """A template's quick-reply button: `payload` is ours."""

    payload: str = ""
    text: str = ""


class Media(_Model):
    id: str
    mime_type: str = "application/octet-stream"
    caption: str = ""
    filename: str | None = None


class Message(_Model):
    id: str
    type: str
    sender: str | None = Field(default=None, alias="from")
    from_user_id: str | None = None
    timestamp: str | None = None
    group_id: str | None = None
    text: TextBody | None = None
    interactive: Interactive | None = None
    button: QuickReply | None = None
    image: Media | None = None
    document: Media | None = None


class ErrorDetail(_Model):
    code: int | None = None
    title: str = ""


class Status(_Model):
    id: str
    status: str
    recipient_id: str | None = None
    recipient_user_id: str | None = None
    errors: list[ErrorDetail] = Field(default_factory=list)


@dataclass(frozen=True)
class MediaRef:
    """A file the client sent, to be fetched from the Graph API when the message is processed."""

    media_id: str
    mime_type: str
    filename: str


@dataclass(frozen=True)
class Incoming:
    """One client message, channel-shaped but free of Meta's envelope; stored in the inbox as JSON."""

    wa_user: str  # phone number, or BSUID when Meta withholds the number
    message_id: str
    sent_at: datetime
    kind: str  # "text", "button", "file" or "unsupported"
    text: str = ""
    payload: str = ""
    what: str = ""  # the message type, for "unsupported"
    media: MediaRef | None = None

    def to_body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "payload": self.payload,
            "what": self.what,
        }
        if self.media is not None:
            body["media"] = {
                "id": self.media.media_id,
                "mime_type": self.media.mime_type,
                "filename": self.media.filename,
            }
        return body

    @classmethod
    def from_body(cls, wa_user: str, message_id: str, body: dict[str, Any]) -> Incoming:
        raw = body.get("media")
        media = (
            MediaRef(str(raw["id"]), str(raw["mime_type"]), str(raw["filename"]))
            if isinstance(raw, dict)
            else None
        )
        return cls(
            wa_user=wa_user,
            message_id=message_id,
            sent_at=datetime.now(UTC),
            kind=str(body.get("kind", "unsupported")),
            text=str(body.get("text", "")),
            payload=str(body.get("payload", "")),
            what=str(body.get("what", "")),
            media=media,
        )


@dataclass(frozen=True)
class StatusUpdate:
    """What became of a message we sent: sent, delivered, read or failed (with Meta's error codes)."""

    wa_user: str | None
    message_id: str
    status: str
    error_codes: tuple[int, ...] = ()


@dataclass
class WebhookEvents:
    messages: list[Incoming] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)


def _timestamp(raw: str | None) -> datetime:
    if raw and raw.isdigit():
        return datetime.fromtimestamp(int(raw), UTC)
    return datetime.now(UTC)


def _extension(mime_type: str) -> str:
    subtype = mime_type.split(";", 1)[0].split("/")[-1].strip()
    return {"jpeg": "jpg", "plain": "txt"}.get(subtype, subtype or "bin")


def _sender(message: Message, contacts: list[Contact]) -> str | None:
    """The phone number when Meta shares it, else the BSUID (module docstring)."""
    contact = contacts[0] if len(contacts) == 1 else None
    for candidate in contacts:
        if (message.sender and candidate.wa_id == message.sender) or (
            message.from_user_id and candidate.user_id == message.from_user_id
        ):
            contact = candidate
    phone = message.sender or (contact.wa_id if contact else None)
    bsuid = message.from_user_id or (contact.user_id if contact else None)
    return phone or bsuid or None


def _incoming(message: Message, wa_user: str) -> Incoming | None:
    base: dict[str, Any] = {
        "wa_user": wa_user,
        "message_id": message.id,
        "sent_at": _timestamp(message.timestamp),
    }
    kind = message.type
    if kind == "text" and message.text is not None:
        return Incoming(kind="text", text=message.text.body, **base)
    if kind == "interactive" and message.interactive is not None:
        reply = message.interactive.button_reply or message.interactive.list_reply
        if reply is not None:
            return Incoming(kind="button", payload=reply.id, text=reply.title, **base)
        log.warning("whatsapp_unknown_interactive", interactive_type=message.interactive.type)
        return None
    if kind == "button" and message.button is not None:
        return Incoming(kind="button", payload=message.button.payload, text=message.button.text, **base)
    media = message.image if kind == "image" else message.document if kind == "document" else None
    if media is not None:
        name = media.filename or f"{kind}-{media.id}.{_extension(media.mime_type)}"
        ref = MediaRef(media.id, media.mime_type, name)
        return Incoming(kind="file", text=media.caption, media=ref, **base)
    if kind in UNREADABLE_TYPES:
        return Incoming(kind="unsupported", what=kind, **base)
    if kind in QUIET_TYPES:
        log.info("whatsapp_message_ignored", type=kind)
        return None
    # Never the content: only the type, so an operator can see that Meta sends something new.
    log.warning("whatsapp_unknown_message_type", type=kind)
    return None


def _messages(value: dict[str, Any], events: WebhookEvents) -> None:
    contacts: list[Contact] = []
    for raw in value.get("contacts") or []:
        try:
            contacts.append(Contact.model_validate(raw))
        except ValidationError:
            log.warning("whatsapp_contact_unreadable")
    for raw in value.get("messages") or []:
        kind = raw.get("type") if isinstance(raw, dict) else None
        try:
            message = Message.model_validate(raw)
        except ValidationError as error:
            fields = sorted({".".join(str(p) for p in e["loc"]) for e in error.errors()})
            log.warning("whatsapp_message_unreadable", type=str(kind), fields=fields)
            continue
        if message.group_id:
            log.info("whatsapp_group_message_ignored")
            continue
        wa_user = _sender(message, contacts)
        if not wa_user:
            log.warning("whatsapp_message_without_sender", type=message.type)
            continue
        incoming = _incoming(message, wa_user)
        if incoming is not None:
            events.messages.append(incoming)
    for raw in value.get("statuses") or []:
        try:
            status = Status.model_validate(raw)
        except ValidationError:
            log.warning("whatsapp_status_unreadable")
            continue
        events.statuses.append(
            StatusUpdate(
                wa_user=status.recipient_id or status.recipient_user_id,
                message_id=status.id,
                status=status.status,
                error_codes=tuple(e.code for e in status.errors if e.code is not None),
            )
        )


def parse_webhook(data: object) -> WebhookEvents:
    """Every message and status in a webhook body; never raises, whatever the body holds."""
    events = WebhookEvents()
    if not isinstance(data, dict) or not isinstance(data.get("entry"), list):
        log.warning(
            "whatsapp_webhook_unexpected", object=str(data.get("object")) if isinstance(data, dict) else ""
        )
        return events
    for entry in data["entry"]:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        for change in changes if isinstance(changes, list) else []:
            if not isinstance(change, dict):
                continue
            field_name, value = change.get("field"), change.get("value")
            if field_name != "messages" or not isinstance(value, dict):
                log.warning("whatsapp_unknown_field", field=str(field_name))
                continue
            _messages(value, events)
    return events
