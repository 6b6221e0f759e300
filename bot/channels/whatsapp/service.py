"""WhatsAppChannel: accepts parsed webhooks into the inbox and turns stored messages into engine calls."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import structlog
from redis.asyncio import Redis

from bot.channels.base import Attachment, Channel, InboundMessage, make_user_ref
from bot.channels.whatsapp.client import UNREACHABLE_CODES, GraphClient, GraphError
from bot.channels.whatsapp.notes import Flag, MemoryWhatsAppNotes, RedisWhatsAppNotes, WhatsAppNotes
from bot.channels.whatsapp.pacing import WhatsAppPacing
from bot.channels.whatsapp.payloads import Incoming, StatusUpdate, WebhookEvents
from bot.channels.whatsapp.sender import WhatsAppSender
from bot.core.engine import DialogEngine
from bot.core.privacy import anon_ref
from bot.core.ratelimit import RateLimiter
from bot.i18n.translator import Translator
from bot.inbox.processor import InboxProcessor
from bot.inbox.store import InboxItem, NewInbound
from bot.settings import Settings
from counselling.queue import MAX_FILE_BYTES

log = structlog.get_logger(__name__)

CHANNEL = Channel.WHATSAPP.value
# What dialogs/case_relay.py calls a file that was too large to keep (FILE_TOO_LARGE).
FILE_TOO_LARGE = "file_too_large"
REENGAGEMENT_CODE = 131047


class WhatsAppChannel:
    """Everything the webhook routes and the inbox processor need for WhatsApp."""

    def __init__(
        self,
        *,
        verify_token: str,
        app_secret: str,
        client: GraphClient,
        sender: WhatsAppSender,
        notes: WhatsAppNotes,
        engine: DialogEngine,
        inbox: InboxProcessor,
    ) -> None:
        self.verify_token = verify_token
        self.app_secret = app_secret
        self.client = client
        self.sender = sender
        self.notes = notes
        self._engine = engine
        self.inbox = inbox
        inbox.register(CHANNEL, self.handle)

    async def accept(self, events: WebhookEvents) -> int:
        """Store the messages (a retried webhook stores nothing new) and note the statuses."""
        for status in events.statuses:
            await self.on_status(status)
        rows = [
            NewInbound(
                CHANNEL, m.message_id, make_user_ref(Channel.WHATSAPP, m.wa_user), m.to_body(), m.sent_at
            )
            for m in events.messages
        ]
        added = await self.inbox.store.add(rows)
        if len(rows) > added:
            log.info("whatsapp_duplicates_ignored", count=len(rows) - added)
        if added:
            self.inbox.kick()
        return added

    async def on_status(self, status: StatusUpdate) -> None:
        """Delivery receipts: only `failed` changes anything, and never with the message's text."""
        if status.status != "failed":
            log.debug("whatsapp_status", status=status.status)
            return
        user_ref = make_user_ref(Channel.WHATSAPP, status.wa_user) if status.wa_user else None
        user = anon_ref(user_ref) if user_ref else None
        codes = list(status.error_codes)
        if user_ref and REENGAGEMENT_CODE in codes:
            # The message arrived outside the window and was dropped; the next one goes as a template.
            await self.notes.set_flag(user_ref, Flag.NEEDS_TEMPLATE)
            log.info("whatsapp_delivery_failed", user=user, codes=codes, next="template")
        elif user_ref and UNREACHABLE_CODES.intersection(codes):
            await self.notes.set_flag(user_ref, Flag.UNREACHABLE)
            log.warning(
                "whatsapp_delivery_failed", user=user, codes=codes, next="unreachable until they write"
            )
        else:
            log.warning("whatsapp_delivery_failed", user=user, codes=codes)

    async def handle(self, item: InboxItem) -> None:
        """The inbox handler: one stored message through the engine, and the answer back to the client."""
        _, wa_user = item.user_ref.split(":", 1)
        incoming = Incoming.from_body(wa_user, item.platform_message_id, item.body)
        # The blue ticks go out while the answer is worked out: the client waits for one round trip less.
        marking = asyncio.create_task(self._mark_read(item))
        try:
            # They wrote: the window is open and they are reachable.
            await self.notes.clear_flag(item.user_ref)
            inbound = await self._to_inbound(item.user_ref, incoming, first_delivery=item.attempts == 1)
            outbound = await self._engine.handle(inbound)
            await self.sender.reply(outbound)
        finally:
            await marking

    async def _mark_read(self, item: InboxItem) -> None:
        try:
            await self.client.mark_read(item.platform_message_id)
        except (GraphError, aiohttp.ClientError, TimeoutError) as error:
            # Best effort: the answer matters more than the blue ticks.
            log.info(
                "whatsapp_mark_read_failed", error=type(error).__name__, code=getattr(error, "code", None)
            )

    async def _to_inbound(self, user_ref: str, incoming: Incoming, *, first_delivery: bool) -> InboundMessage:
        extra: dict[str, Any] = {"platform_message_id": incoming.message_id, "first_delivery": first_delivery}
        if incoming.kind == "button":
            return InboundMessage.button(user_ref, incoming.payload, text=incoming.text, **extra)
        if incoming.kind == "text":
            pressed = await self._numbered_choice(user_ref, incoming.text)
            if pressed is not None:
                return InboundMessage.button(user_ref, pressed[0], text=pressed[1], **extra)
            return InboundMessage.text_message(user_ref, incoming.text, **extra)
        if incoming.kind == "file" and incoming.media is not None:
            return await self._file(user_ref, incoming, extra)
        return InboundMessage.unsupported(user_ref, incoming.what or "unknown", **extra)

    async def _numbered_choice(self, user_ref: str, text: str) -> tuple[str, str] | None:
        """A reply that is just a number presses that choice of the numbered list we sent last."""
        number = text.strip().rstrip(".")
        if not number.isdigit():
            return None
        choices = await self.notes.choices(user_ref)
        index = int(number) - 1
        if not 0 <= index < len(choices):
            return None
        await self.notes.forget_choices(user_ref)
        return choices[index].payload, choices[index].label

    async def _file(self, user_ref: str, incoming: Incoming, extra: dict[str, Any]) -> InboundMessage:
        """Fetch the photo or document (GET /{media-id}, then its URL with the token), within the size limit.

        A network failure raises, so the inbox tries again later; a refusal becomes an unreadable message.
        """
        media = incoming.media
        assert media is not None
        what = "image" if media.mime_type.startswith("image/") else "document"
        try:
            info = await self.client.media_info(media.media_id)
            too_big = info.file_size is not None and info.file_size > MAX_FILE_BYTES
            content = None if too_big else await self.client.download(info.url, MAX_FILE_BYTES)
        except GraphError as error:
            log.warning(
                "whatsapp_media_unavailable", user=anon_ref(user_ref), code=error.code, status=error.status
            )
            return InboundMessage.unsupported(user_ref, what, **extra)
        if content is None:
            return InboundMessage.unsupported(user_ref, FILE_TOO_LARGE, **extra)
        attachment = Attachment(media.filename, info.mime_type or media.mime_type, content)
        return InboundMessage.file(user_ref, attachment, incoming.text, **extra)

    async def aclose(self) -> None:
        await self.client.aclose()


def build_whatsapp(
    settings: Settings,
    *,
    engine: DialogEngine,
    translator: Translator,
    inbox: InboxProcessor,
    redis: Redis | None,
    limiter: RateLimiter | None = None,
    http: aiohttp.ClientSession | None = None,
) -> WhatsAppChannel:
    """The channel for a fully configured WHATSAPP_* set (Settings refuses a partial one).

    `limiter` is the assistant's outbound limiter: every message to WhatsApp takes the number's slot there.
    """
    token, phone = settings.whatsapp_access_token, settings.whatsapp_phone_number_id
    secret, verify_token = settings.whatsapp_app_secret, settings.whatsapp_verify_token
    if token is None or phone is None or secret is None or verify_token is None:
        raise ValueError("WhatsApp is not configured")
    client = GraphClient(settings.whatsapp_api_base, phone, token.get_secret_value(), http=http)
    notes: WhatsAppNotes = RedisWhatsAppNotes(redis) if redis is not None else MemoryWhatsAppNotes()
    pacing = WhatsAppPacing(limiter, phone, per_second=settings.whatsapp_messages_per_second)
    sender = WhatsAppSender(
        client, translator, inbox.store, notes, settings.whatsapp_templates, pacing=pacing
    )
    return WhatsAppChannel(
        verify_token=verify_token.get_secret_value(),
        app_secret=secret.get_secret_value(),
        client=client,
        sender=sender,
        notes=notes,
        engine=engine,
        inbox=inbox,
    )
