"""DialogEngine: one inbound message in, replies out, in one lock and one transaction."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import InboundKind, InboundMessage, Outbound, RenderedReply, Reply
from bot.clients.repository import ClientRepository, TranscriptLine, inbound
from bot.clients.repository import outbound as outbound_line
from bot.core.conversations import Conversations, HeldConversation
from bot.core.dialogs import AfterCommit, DialogContext, DialogRouter, Step, parse_command
from bot.core.locale import resolve_locale
from bot.core.locks import LockTimeout
from bot.core.message_transaction import MessageTransactions
from bot.core.privacy import anon_ref
from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from bot.nlu.parser import NluParser, Parse

log = structlog.get_logger(__name__)

# Longer texts are refused politely instead of processed: no platform sends more in one message.
MAX_TEXT_CHARS = 10_000
# Below this, a detected language does not override the channel's hint (short texts are ambiguous).
DETECTION_TRUSTED = 0.75
# Before consent the state may hold the client's first question (to answer it after onboarding); it
# must not outlive the moment, so it expires after half an hour instead of the usual TTL.
PRE_CONSENT_STATE_SECONDS = 1800.0


class DialogEngine:
    """Runs dialogs for every channel; knows nothing about Telegram, WhatsApp or the web."""

    def __init__(
        self,
        *,
        router: DialogRouter,
        conversations: Conversations,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        enabled_locales: tuple[str, ...],
        default_locale: str,
        nlu: NluParser | None = None,
    ) -> None:
        self._router = router
        self._conversations = conversations
        self._sessions = session_factory
        self._transactions = MessageTransactions(session_factory)
        self._translator = translator
        self._enabled = enabled_locales
        self._default = default_locale
        self._nlu = nlu
        self._inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def handle(self, message: InboundMessage) -> Outbound:
        """Process one message; never raises for bad input, and answers in the client's language."""
        async with self._track():
            started = time.perf_counter()
            try:
                async with self._conversations.hold(message.user_ref) as held:
                    outbound = await self._handle_held(message, held)
            except LockTimeout:
                log.warning("conversation_busy", user=anon_ref(message.user_ref))
                locale = resolve_locale((message.locale_hint,), self._enabled, self._default)
                outbound = Outbound(message.user_ref, locale, (Reply.of(Msg.ERROR_BUSY),))
            log.info(
                "message_handled",
                user=anon_ref(message.user_ref),
                kind=message.kind.value,
                replies=len(outbound.replies),
                ms=round((time.perf_counter() - started) * 1000, 1),
            )
            return outbound

    async def _handle_held(self, message: InboundMessage, held: HeldConversation) -> Outbound:
        state = held.state
        message_id = message.platform_message_id
        if message_id and message_id in state.recent_message_ids:
            log.info("duplicate_message_ignored", user=anon_ref(message.user_ref))
            return Outbound(message.user_ref, self._default, ())
        # Before the transaction: on SQLite it holds the database's one write lock, which the other
        # clients' messages wait for, and the NLU needs no database.
        parse = self._understand(message)
        transaction = self._transactions.new()
        try:
            repeated = message_id if message_id and not message.first_delivery else None
            thread, seen = await transaction.start(message.user_ref, repeated)
            if seen:
                await transaction.commit(None, [])
                return Outbound(message.user_ref, thread.client.locale or self._default, ())
            ctx = DialogContext(
                message=message,
                state=state,
                thread=thread,
                open_session=lambda: transaction.session,
                locale=self._locale(thread.client.locale, parse, state.locale, message.locale_hint),
                enabled_locales=self._enabled,
                parse=parse,
            )
            step = await self._run(ctx)
            after_commit = step.after_commit
            lines, rendered = self._transcript(ctx, step)
            await transaction.commit(ctx.thread, lines)
            outbound = Outbound(message.user_ref, ctx.locale, tuple(step.replies), rendered)
            state.locale = ctx.locale
            state_ttl = PRE_CONSENT_STATE_SECONDS if ctx.client.consent_at is None else None
        except Exception:
            log.exception("message_failed", user=anon_ref(message.user_ref), kind=message.kind.value)
            await transaction.rollback()
            return await self._apologise(message)
        if message_id:
            state.remember_message_id(message_id)
        # Saved when the hold ends, after the follow-up jobs (one round trip with the unlock on Redis):
        # the conversation stays held throughout, so no other message of this client sees the old state.
        held.keep(state_ttl)
        await self._after_commit(message, after_commit)
        return outbound

    async def _after_commit(self, message: InboundMessage, jobs: list[AfterCommit]) -> None:
        """Run a step's follow-up work once its changes are saved; a failure costs only that job."""
        for job in jobs:
            try:
                await job()
            except Exception:
                log.exception("after_commit_failed", user=anon_ref(message.user_ref))

    def _understand(self, message: InboundMessage) -> Parse | None:
        """Parse free text (not commands, not button presses); None when there is nothing to parse."""
        text = message.text.strip()
        if (
            self._nlu is None
            or message.kind is not InboundKind.TEXT
            or not text
            or len(text) > MAX_TEXT_CHARS
        ):
            return None
        if parse_command(text) is not None:
            return None
        return self._nlu.parse(text)

    def _locale(self, stored: str | None, parse: Parse | None, ongoing: str | None, hint: str | None) -> str:
        """The client's choice, the language they write in, the conversation's so far, the channel's hint."""
        detected = parse.language.code if parse and parse.language.confidence >= DETECTION_TRUSTED else None
        return resolve_locale((stored, detected, ongoing, hint), self._enabled, self._default)

    async def _apologise(self, message: InboundMessage) -> Outbound:
        """After a failed step: keep the client's words (with consent) and apologise in their language."""
        stored: str | None = None
        try:
            async with self._sessions() as session, session.begin():
                clients = ClientRepository(session)
                thread = await clients.find(message.user_ref)
                if thread is not None:
                    stored = thread.client.locale
                    if thread.client.consent_at is not None and len(message.text) <= MAX_TEXT_CHARS:
                        await clients.record_inbound(thread, message.text, message.payload, None)
        except Exception:
            log.exception("message_not_saved", user=anon_ref(message.user_ref))
        locale = resolve_locale((stored, message.locale_hint), self._enabled, self._default)
        return Outbound(message.user_ref, locale, (Reply.of(Msg.ERROR_TRY_AGAIN),))

    async def _run(self, ctx: DialogContext) -> Step:
        text = ctx.message.text
        if ctx.message.kind is InboundKind.TEXT and len(text) > MAX_TEXT_CHARS:
            return Step.say(Msg.INPUT_TOO_LONG, length=len(text), limit=MAX_TEXT_CHARS)
        return await self._router.dispatch(ctx)

    def _transcript(
        self, ctx: DialogContext, step: Step
    ) -> tuple[list[TranscriptLine], tuple[RenderedReply, ...] | None]:
        """The lines the transcript keeps of this turn, only with consent (given before or during this
        very message), and the replies as rendered for it when it keeps the replies themselves."""
        if ctx.client.consent_at is None:
            return [], None
        message = ctx.message
        lines: list[TranscriptLine] = []
        if message.kind is not InboundKind.UNSUPPORTED and len(message.text) <= MAX_TEXT_CHARS:
            text = message.text if ctx.transcript_text is None else ctx.transcript_text
            lines.append(inbound(text, message.payload, message.platform_message_id))
        kept = step.replies if step.transcript is None else step.transcript
        rendered = tuple(self._translator.render(ctx.locale, reply) for reply in kept)
        lines += [outbound_line(reply) for reply in rendered]
        return lines, (rendered if step.transcript is None else None)

    @asynccontextmanager
    async def _track(self) -> AsyncIterator[None]:
        self._inflight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._inflight -= 1
            if self._inflight == 0:
                self._idle.set()

    @property
    def inflight(self) -> int:
        return self._inflight

    async def drain(self, grace_seconds: float) -> bool:
        """Wait for in-flight messages to finish (graceful shutdown); False if some did not."""
        try:
            await asyncio.wait_for(self._idle.wait(), grace_seconds)
        except TimeoutError:
            log.error("shutdown_drain_timeout", inflight=self._inflight)
            return False
        return True
