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
    split_user_ref,
)
from bot.clients.repository import ClientRepository
from bot.core.privacy import anon_ref
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
