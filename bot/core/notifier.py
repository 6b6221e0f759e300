"""Notifier: bot-initiated messages (counsellor replies, reminders, broadcasts) to any client."""

from __future__ import annotations

from collections.abc import Sequence

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import Channel, ChannelSender, Outbound, Reply, split_user_ref
from bot.clients.repository import ClientRepository
from bot.core.privacy import anon_ref
from bot.i18n.translator import Translator

log = structlog.get_logger(__name__)


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
        channel, _ = split_user_ref(user_ref)
        async with self._sessions() as session, session.begin():
            clients = ClientRepository(session)
            thread = await clients.find(user_ref)
            if thread is None:
                log.warning("notify_unknown_client", user=anon_ref(user_ref))
                return False
            outbound = Outbound(user_ref, thread.client.locale or self._default, tuple(replies))
            if thread.client.consent_at is not None:
                await clients.record_outbound(thread, self._translator.render_outbound(outbound))
        sender = self._senders.get(channel)
        if sender is None:
            log.warning("notify_no_sender", channel=channel.value, user=anon_ref(user_ref))
            return False
        await sender.send(outbound)
        return True
