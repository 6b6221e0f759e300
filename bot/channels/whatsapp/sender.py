"""WhatsAppSender: replies inside the 24-hour window as text, buttons or lists; templates outside it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

import httpx
import structlog

from bot.channels.base import Channel, Outbound, RecipientUnreachable, RenderedChoice, split_user_ref
from bot.channels.whatsapp.client import Failure, GraphClient, GraphError
from bot.channels.whatsapp.notes import Flag, WhatsAppNotes
from bot.channels.whatsapp.render import render_reply, shorten
from bot.core.privacy import anon_ref
from bot.db.base import utcnow
from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from bot.inbox.store import InboxStore

log = structlog.get_logger(__name__)

# "May I send to this number now?": the seam for the shared outbound limiter (issue 7). Default: always.
Acquire = Callable[[str], Awaitable[None]]
# https://developers.facebook.com/docs/whatsapp/pricing#customer-service-windows
SERVICE_WINDOW = timedelta(hours=24)
FALLBACK_TEMPLATE_LANGUAGE = "en"
GENERIC_PURPOSE = "notice"
MAX_TEMPLATE_PARAMETER = 1024


class WhatsAppNotDelivered(Exception):
    """Sending failed for a reason other than an unreachable client (no template, token refused...)."""


async def _always(_user_ref: str) -> None:
    return None


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
        acquire: Acquire | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._client = client
        self._translator = translator
        self._inbox = inbox
        self._notes = notes
        self._templates = dict(templates)
        self.acquire = acquire or _always
        self.clock = clock

    async def send(self, outbound: Outbound) -> None:
        """Bot-initiated (Notifier): free text inside the window, else the configured template.

        Raises RecipientUnreachable, or WhatsAppNotDelivered when it could not be sent at all.
        """
        wa_user = self._wa_user(outbound.user_ref)
        user = anon_ref(outbound.user_ref)
        flag = await self._notes.flag(outbound.user_ref)
        if flag is Flag.UNREACHABLE:
            log.warning("whatsapp_recipient_unreachable", user=user, reason="earlier delivery failed")
            raise RecipientUnreachable(user)
        if flag is not Flag.NEEDS_TEMPLATE and await self.window_open(outbound.user_ref):
            try:
                await self._deliver(wa_user, outbound)
                return
            except GraphError as error:
                if error.failure is not Failure.REENGAGEMENT_REQUIRED:
                    raise self._mapped(error, user) from error
            log.info("whatsapp_window_closed", user=user)
        await self._send_template(wa_user, outbound)

    async def reply(self, outbound: Outbound) -> None:
        """The answer to a message the client just sent (inside the window); failures are logged."""
        if not outbound.replies:
            return
        wa_user = self._wa_user(outbound.user_ref)
        try:
            await self._deliver(wa_user, outbound)
        except GraphError as error:
            mapped = self._mapped(error, anon_ref(outbound.user_ref))
            if isinstance(mapped, RecipientUnreachable):
                await self._notes.set_flag(outbound.user_ref, Flag.UNREACHABLE)
        except httpx.HTTPError as error:
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

    async def _post(self, user_ref: str, wa_user: str, body: dict[str, Any]) -> None:
        await self.acquire(user_ref)
        await self._client.send({**recipient_fields(wa_user), **body})

    async def _deliver(self, wa_user: str, outbound: Outbound) -> None:
        list_button = self._translator.format(outbound.locale, Msg.WHATSAPP_LIST_BUTTON)
        number_hint = self._translator.format(outbound.locale, Msg.WHATSAPP_REPLY_WITH_NUMBER)
        numbered: tuple[RenderedChoice, ...] = ()
        for reply in self._translator.render_outbound(outbound):
            rendered = render_reply(reply, list_button=list_button, number_hint=number_hint)
            for body in rendered.messages:
                await self._post(outbound.user_ref, wa_user, body)
            for attachment in reply.attachments:
                # Documents are sent by media id: upload first (https://developers.facebook.com/docs/
                # whatsapp/cloud-api/reference/media#upload-media), then a document message with its name.
                media_id = await self._client.upload(
                    attachment.filename, attachment.media_type, attachment.content
                )
                document = {"id": media_id, "filename": attachment.filename}
                await self._post(outbound.user_ref, wa_user, {"type": "document", "document": document})
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

    async def _send_template(self, wa_user: str, outbound: Outbound) -> None:
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
        try:
            await self._post(outbound.user_ref, wa_user, {"type": "template", "template": template})
        except GraphError as error:
            raise self._mapped(error, user) from error
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
