"""Notifier: bot-initiated messages (counsellor replies, reminders, broadcasts) to any client."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import (
    Channel,
    ChannelSender,
    Outbound,
    RecipientUnreachable,
    Reply,
    ReportingSender,
    SendResult,
    SendStatus,
    split_user_ref,
)
from bot.clients.repository import ClientRepository
from bot.core.privacy import anon_ref
from bot.core.ratelimit import Rate
from bot.i18n.translator import Translator

log = structlog.get_logger(__name__)


class Delivered(StrEnum):
    """What became of a bot-initiated message."""

    SENT = "sent"  # a sender took it (web chat: also kept for a client with no tab open)
    UNREACHABLE = "unreachable"  # the platform refuses: the client blocked the bot or the chat is gone
    NO_CHANNEL = "no_channel"  # this process has no sender for the client's channel
    FAILED = "failed"  # the sender failed for another reason; it may work later
    UNKNOWN_CLIENT = "unknown_client"


class Notifier:
    """Resolves the client's channel and language, keeps the transcript, and hands over to the sender."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        default_locale: str,
    ) -> None:
        self._sessions = session_factory
        self._translator = translator
        self._default = default_locale
        self._senders: dict[Channel, ChannelSender] = {}

    def register(self, channel: Channel, sender: ChannelSender) -> None:
        self._senders[channel] = sender

    async def notify(self, user_ref: str, replies: Sequence[Reply]) -> bool:
        """True when a sender took the message; a client we do not know is never messaged."""
        return await self.deliver(user_ref, replies) is Delivered.SENT

    async def deliver(self, user_ref: str, replies: Sequence[Reply]) -> Delivered:
        """Send, and say how it went, so callers can show an unreachable client or try again."""
        channel, _ = split_user_ref(user_ref)
        async with self._sessions() as session, session.begin():
            clients = ClientRepository(session)
            thread = await clients.find(user_ref)
            if thread is None:
                log.warning("notify_unknown_client", user=anon_ref(user_ref))
                return Delivered.UNKNOWN_CLIENT
            outbound = Outbound(user_ref, thread.client.locale or self._default, tuple(replies))
            if thread.client.consent_at is not None:
                await clients.record_outbound(thread, self._translator.render_outbound(outbound))
        sender = self._senders.get(channel)
        if sender is None:
            log.warning("notify_no_sender", channel=channel.value, user=anon_ref(user_ref))
            return Delivered.NO_CHANNEL
        try:
            await sender.send(outbound)
        except RecipientUnreachable:
            log.warning("notify_unreachable", channel=channel.value, user=anon_ref(user_ref))
            return Delivered.UNREACHABLE
        except Exception:
            log.exception("notify_failed", channel=channel.value, user=anon_ref(user_ref))
            return Delivered.FAILED
        return Delivered.SENT

    def _sender_of(self, user_ref: str) -> ChannelSender | None:
        try:
            channel, _ = split_user_ref(user_ref)
        except ValueError:
            return None
        return self._senders.get(channel)

    def can_deliver(self, user_ref: str) -> bool:
        """Whether this process has a sender for the client's channel (WhatsApp only when configured)."""
        return self._sender_of(user_ref) is not None

    def limits(self, user_ref: str) -> tuple[Rate, ...]:
        """The rate buckets one message to this client takes (none for the web chat)."""
        sender = self._sender_of(user_ref)
        return sender.limits(user_ref) if isinstance(sender, ReportingSender) else ()

    async def deliver_reporting(
        self, user_ref: str, locale: str, replies: Sequence[Reply], *, skip_parts: int = 0
    ) -> SendResult:
        """Send in the given locale and say what happened (the broadcast outbox needs the outcome).

        A reporting sender (Telegram, WhatsApp) answers for itself; the web chat cannot fail: the reply is
        kept in the transcript, where the client reads it on return, and pushed to any open tab.
        """
        sender = self._sender_of(user_ref)
        if sender is None:
            return SendResult(SendStatus.UNAVAILABLE, detail=f"no_sender:{user_ref.partition(':')[0]}")
        outbound = Outbound(user_ref, locale, tuple(replies))
        if isinstance(sender, ReportingSender):
            return await sender.deliver(outbound, skip_parts=skip_parts)
        async with self._sessions() as session, session.begin():
            clients = ClientRepository(session)
            thread = await clients.find(user_ref)
            if thread is None:
                return SendResult(SendStatus.GONE, detail="unknown client")
            if thread.client.consent_at is not None:
                await clients.record_outbound(thread, self._translator.render_outbound(outbound))
        try:
            await sender.send(outbound)
        except RecipientUnreachable as error:
            return SendResult(SendStatus.BLOCKED, detail=str(error) or "unreachable")
        except Exception as error:
            # WhatsApp outside its 24-hour window without a template, Graph API errors: try again later.
            log.warning(
                "notify_failed", channel=outbound.user_ref.partition(":")[0], error=type(error).__name__
            )
            return SendResult(SendStatus.RETRY, detail=type(error).__name__)
        return SendResult(SendStatus.SENT, parts_sent=len(replies))
