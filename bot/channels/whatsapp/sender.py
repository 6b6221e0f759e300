"""WhatsAppSender: replies inside the 24-hour window as text, buttons or lists; templates outside it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import aiohttp
import structlog

from bot.channels.base import (
    Channel,
    Outbound,
    RecipientUnreachable,
    RenderedChoice,
    SendResult,
    SendStatus,
    split_user_ref,
)
from bot.channels.whatsapp.client import Failure, GraphClient, GraphError
from bot.channels.whatsapp.notes import Flag, WhatsAppNotes
from bot.channels.whatsapp.pacing import WhatsAppPacing, throttle_seconds
from bot.channels.whatsapp.render import render_reply, shorten
from bot.core.pacing import MAX_ATTEMPTS
from bot.core.privacy import anon_ref
from bot.core.ratelimit import Rate
from bot.db.base import utcnow
from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from bot.inbox.store import InboxStore

log = structlog.get_logger(__name__)

# https://developers.facebook.com/docs/whatsapp/pricing#customer-service-windows
SERVICE_WINDOW = timedelta(hours=24)
FALLBACK_TEMPLATE_LANGUAGE = "en"
GENERIC_PURPOSE = "notice"
MAX_TEMPLATE_PARAMETER = 1024


class WhatsAppNotDelivered(Exception):
    """Sending failed for a reason other than an unreachable client (no template, token refused...)."""


@dataclass
class _Progress:
    """How far one outbound got; the broadcast outbox resumes a long one after its `skip` parts."""

    skip: int = 0
    reserved: bool = False  # the caller holds the first message's slot (the outbox reserved it)
    attempts: int = MAX_ATTEMPTS  # tries per message; a rate limit in between pauses the bucket
    index: int = 0
    sent: int = 0
    message_id: str | None = None

    def next_part(self) -> bool:
        """Count a part; False when an earlier attempt already sent it."""
        self.index += 1
        return self.index > self.skip


def recipient_fields(wa_user: str) -> dict[str, str]:
    """A phone number goes in `to`, a business-scoped user id (with its dot) in `recipient` (payloads.py)."""
    key = "recipient" if "." in wa_user else "to"
    return {"messaging_product": "whatsapp", "recipient_type": "individual", key: wa_user}


def purpose_of(outbound: Outbound) -> str:
    """The first message's Fluent group names the purpose: `reminder-day-before` -> `reminder`."""
    for reply in outbound.replies:
        for line in reply.lines:
            return line.msg.value.split("-", 1)[0]
    return GENERIC_PURPOSE


def template_parameter(text: str) -> str:
    """Template parameters may hold no newlines, tabs or runs of spaces (Graph error 132018)."""
    return shorten(" ".join(text.split()), MAX_TEMPLATE_PARAMETER)


class WhatsAppSender:
    """The WhatsApp ChannelSender (bot-initiated messages) and the processor's way to answer a client."""

    def __init__(
        self,
        client: GraphClient,
        translator: Translator,
        inbox: InboxStore,
        notes: WhatsAppNotes,
        templates: Mapping[tuple[str, str], str],
        *,
        pacing: WhatsAppPacing | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._client = client
        self._translator = translator
        self._inbox = inbox
        self._notes = notes
        self._templates = dict(templates)
        # Every message takes its slot here (the composition root passes the shared limiter).
        self.pacing = pacing or WhatsAppPacing(None, "unpaced")
        self.clock = clock

    def limits(self, user_ref: str) -> tuple[Rate, ...]:
        """The buckets one message to `user_ref` takes (the broadcast outbox reserves them)."""
        return self.pacing.limits(split_user_ref(user_ref)[1])

    async def send(self, outbound: Outbound) -> None:
        """Bot-initiated (Notifier): free text inside the window, else the configured template.

        Raises RecipientUnreachable, or WhatsAppNotDelivered when it could not be sent at all.
        """
        try:
            await self._initiate(outbound, _Progress())
        except GraphError as error:
            raise self._mapped(error, anon_ref(outbound.user_ref)) from error

    async def deliver(self, outbound: Outbound, *, skip_parts: int = 0) -> SendResult:
        """The broadcast outbox's send (a ReportingSender): the outcome reported instead of raised.

        The outbox reserved the first message's slot; a rate limit pauses the bucket and comes back as
        RATE_LIMITED, so the outbox tries the row again after the pause instead of holding the wave.
        """
        progress = _Progress(skip=skip_parts, reserved=True, attempts=1)
        try:
            await self._initiate(outbound, progress)
        except RecipientUnreachable as error:
            return SendResult(SendStatus.BLOCKED, progress.sent, progress.message_id, detail=str(error))
        except WhatsAppNotDelivered as error:
            # No template for this purpose and language: a configuration matter, not the client's fault.
            return SendResult(SendStatus.UNAVAILABLE, progress.sent, progress.message_id, detail=str(error))
        except GraphError as error:
            return self._outcome(self._mapped(error, anon_ref(outbound.user_ref)), error, progress)
        except (aiohttp.ClientError, TimeoutError) as error:
            return SendResult(
                SendStatus.RETRY, progress.sent, progress.message_id, detail=type(error).__name__
            )
        return SendResult(SendStatus.SENT, progress.sent, progress.message_id)

    @staticmethod
    def _outcome(mapped: Exception, error: GraphError, progress: _Progress) -> SendResult:
        sent, message_id = progress.sent, progress.message_id
        if isinstance(mapped, RecipientUnreachable):
            return SendResult(SendStatus.BLOCKED, sent, message_id, detail=str(error))
        if error.failure is Failure.RATE_LIMITED:
            seconds = throttle_seconds(error, 1)
            return SendResult(SendStatus.RATE_LIMITED, sent, message_id, seconds, str(error))
        if error.failure is Failure.OTHER and error.status < 500:
            # A request Graph will never accept: failed at once, but "error:" keeps the client subscribed.
            return SendResult(SendStatus.GONE, sent, message_id, detail=f"error: {error}")
        return SendResult(SendStatus.RETRY, sent, message_id, detail=str(error))

    async def _initiate(self, outbound: Outbound, progress: _Progress) -> None:
        """Free text inside the window, else the template; Graph errors are the caller's to map."""
        wa_user = self._wa_user(outbound.user_ref)
        user = anon_ref(outbound.user_ref)
        flag = await self._notes.flag(outbound.user_ref)
        if flag is Flag.UNREACHABLE:
            log.warning("whatsapp_recipient_unreachable", user=user, reason="earlier delivery failed")
            raise RecipientUnreachable(user)
        if flag is not Flag.NEEDS_TEMPLATE and await self.window_open(outbound.user_ref):
            try:
                await self._deliver(wa_user, outbound, progress)
                return
            except GraphError as error:
                if error.failure is not Failure.REENGAGEMENT_REQUIRED:
                    raise
            log.info("whatsapp_window_closed", user=user)
        await self._send_template(wa_user, outbound, progress)

    async def reply(self, outbound: Outbound) -> None:
        """The answer to a message the client just sent (inside the window); failures are logged."""
        if not outbound.replies:
            return
        wa_user = self._wa_user(outbound.user_ref)
        try:
            await self._deliver(wa_user, outbound, _Progress())
        except GraphError as error:
            mapped = self._mapped(error, anon_ref(outbound.user_ref))
            if isinstance(mapped, RecipientUnreachable):
                await self._notes.set_flag(outbound.user_ref, Flag.UNREACHABLE)
        except (aiohttp.ClientError, TimeoutError) as error:
            # The engine has committed this message: trying it again would only be de-duplicated.
            log.warning("whatsapp_send_failed", user=anon_ref(outbound.user_ref), error=type(error).__name__)

    async def window_open(self, user_ref: str) -> bool:
        last = await self._inbox.last_sent_at(user_ref)
        return last is not None and self.clock() - last < SERVICE_WINDOW

    def _wa_user(self, user_ref: str) -> str:
        channel, external_id = split_user_ref(user_ref)
        if channel is not Channel.WHATSAPP:
            log.error("whatsapp_bad_user_ref", user=anon_ref(user_ref))
            raise WhatsAppNotDelivered("not a WhatsApp client")
        return external_id

    async def _post(self, wa_user: str, body: dict[str, Any], progress: _Progress) -> None:
        """One message in its slot; a rate limit pauses the bucket and it goes again after the pause."""
        reserved, progress.reserved = progress.reserved, False
        send = partial(self._client.send, {**recipient_fields(wa_user), **body})
        progress.message_id = await self.pacing.send(
            wa_user, send, reserved=reserved, attempts=progress.attempts
        )
        progress.sent += 1

    async def _deliver(self, wa_user: str, outbound: Outbound, progress: _Progress) -> None:
        list_button = self._translator.format(outbound.locale, Msg.WHATSAPP_LIST_BUTTON)
        number_hint = self._translator.format(outbound.locale, Msg.WHATSAPP_REPLY_WITH_NUMBER)
        numbered: tuple[RenderedChoice, ...] = ()
        for reply in self._translator.render_outbound(outbound):
            rendered = render_reply(reply, list_button=list_button, number_hint=number_hint)
            for body in rendered.messages:
                if progress.next_part():
                    await self._post(wa_user, body, progress)
            for attachment in reply.attachments:
                if not progress.next_part():
                    continue
                # Documents are sent by media id: upload first (https://developers.facebook.com/docs/
                # whatsapp/cloud-api/reference/media#upload-media), then a document message with its name.
                media_id = await self._client.upload(
                    attachment.filename, attachment.media_type, attachment.content
                )
                document = {"id": media_id, "filename": attachment.filename}
                await self._post(wa_user, {"type": "document", "document": document}, progress)
            if reply.choices:
                numbered = rendered.numbered
        # "3" answers the numbered list just sent, and nothing older.
        if numbered:
            await self._notes.remember_choices(outbound.user_ref, numbered)
        else:
            await self._notes.forget_choices(outbound.user_ref)

    def _template_name(self, purpose: str, locale: str) -> tuple[str, str] | None:
        for wanted in (purpose, GENERIC_PURPOSE):
            for language in (locale, FALLBACK_TEMPLATE_LANGUAGE):
                name = self._templates.get((wanted, language))
                if name:
                    return name, language
        return None

    async def _send_template(self, wa_user: str, outbound: Outbound, progress: _Progress) -> None:
        """The whole text as one template message (also when part of it went out before the window shut)."""
        user = anon_ref(outbound.user_ref)
        purpose = purpose_of(outbound)
        found = self._template_name(purpose, outbound.locale)
        if found is None:
            log.error("whatsapp_no_template", user=user, purpose=purpose, locale=outbound.locale)
            raise WhatsAppNotDelivered(f"outside the 24-hour window and no template for {purpose!r}")
        name, language = found
        text = "\n\n".join(r.text for r in self._translator.render_outbound(outbound))
        template = {
            "name": name,
            "language": {"code": language},
            "components": [
                {"type": "body", "parameters": [{"type": "text", "text": template_parameter(text)}]}
            ],
        }
        await self._post(wa_user, {"type": "template", "template": template}, progress)
        log.info("whatsapp_template_sent", user=user, template=name, language=language, purpose=purpose)

    def _mapped(self, error: GraphError, user: str) -> Exception:
        """Log a refused call once, clearly, and say what the caller should see."""
        if error.failure is Failure.UNREACHABLE:
            log.warning("whatsapp_recipient_unreachable", user=user, code=error.code)
            return RecipientUnreachable(user)
        if error.failure is Failure.AUTH:
            log.error(
                "whatsapp_token_refused",
                code=error.code,
                status=error.status,
                hint="WHATSAPP_ACCESS_TOKEN expired or was revoked",
            )
        else:
            log.warning(
                "whatsapp_send_failed",
                user=user,
                code=error.code,
                status=error.status,
                failure=error.failure.value,
            )
        return WhatsAppNotDelivered(str(error))
