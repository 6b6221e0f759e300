"""Sending a link code from another app: check it, ask before joining, then join the two clients.

A router gate, asked before first contact and the case relay: the person already agreed to the privacy
notice in the app that made the code, and a code must not end up in a counsellor's case as words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from bot.channels.base import Choice, InboundKind, Reply, Text, choice
from bot.clients.linking import CODE_LIFETIME, MASK, Attempt, LinkCodes, Redeem, candidate, looks_like_code
from bot.clients.merge import MergeReport, holdings, merge_clients
from bot.clients.models import Client, ClientIdentity
from bot.clients.repository import ClientThread
from bot.core.dialogs import AfterCommit, DialogContext, Step, parse_command
from bot.core.locale import resolve_locale
from bot.core.notifier import Notifier
from bot.db.base import utcnow
from bot.i18n.msg import Msg
from counselling import queue
from counselling.desk import CaseDesk, leave_choice
from dialogs.booking_news import BookingNews
from dialogs.common import menu_choices
from scheduler.service import SlotScheduler

DIALOG = "link_accounts"
COMMAND = "connect"
JOIN = "link:join"
KEEP = "link:keep"
REFUSALS = {
    Redeem.INVALID: Msg.LINK_INVALID,
    Redeem.EXPIRED: Msg.LINK_EXPIRED,
    Redeem.OWN: Msg.LINK_OWN,
    Redeem.ALREADY: Msg.LINK_ALREADY,
    Redeem.THROTTLED: Msg.LINK_THROTTLED,
}


class LinkRedeem:
    def __init__(
        self,
        scheduler: SlotScheduler,
        notifier: Notifier,
        desk: CaseDesk,
        news: BookingNews,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._scheduler = scheduler
        self._notifier = notifier
        self._desk = desk
        self._news = news
        self.clock = clock

    async def applies(self, ctx: DialogContext) -> bool:
        """A code alone, `/connect <code>`, or the answer to "connect these apps?"."""
        message = ctx.message
        if message.kind is InboundKind.PAYLOAD:
            return message.payload in (JOIN, KEEP)
        if message.kind is not InboundKind.TEXT:
            return False
        text = message.text.strip()
        command = parse_command(text)
        if command is not None:
            return command[0] == COMMAND and bool(command[1])
        if looks_like_code(text):
            return True
        # Most messages cannot spell a code: they are told apart without opening the ORM session.
        return candidate(text) is not None and await LinkCodes(ctx.session, self.clock).live(text) is not None

    async def handle(self, ctx: DialogContext) -> Step:
        message = ctx.message
        if message.kind is InboundKind.PAYLOAD:
            return await self._join(ctx) if message.payload == JOIN else self._keep(ctx)
        command = parse_command(message.text.strip())
        text = command[1] if command is not None else message.text
        ctx.transcript_text = f"/{COMMAND} {MASK}" if command is not None else MASK
        # A code's letters say nothing of the client's language: the detector's guess on them is noise.
        known = (ctx.client.locale, ctx.state.locale, message.locale_hint)
        ctx.locale = resolve_locale(known, ctx.enabled_locales, ctx.locale)
        identity = await self._identity(ctx)
        attempt = await LinkCodes(ctx.session, self.clock).check(identity, text)
        if attempt.outcome is not Redeem.OK or attempt.code is None:
            return self._refused(attempt)
        issuer = await ctx.session.get(ClientIdentity, attempt.code.identity_id)
        assert issuer is not None  # the code goes with its identity (ON DELETE CASCADE)
        ctx.state.enter(DIALOG, "confirm", code=attempt.code.id)
        lines = [Text(Msg.LINK_CONFIRM, {"channel": issuer.channel})]
        mine = await holdings(ctx.session, self._scheduler, ctx.client.id)
        if not mine.empty:
            lines.append(
                Text(
                    Msg.LINK_CONFIRM_MOVES,
                    {"bookings": mine.bookings, "topics": mine.topics, "cases": mine.cases},
                )
            )
        buttons: tuple[Choice, ...] = (choice(JOIN, Msg.LINK_JOIN_BUTTON), choice(KEEP, Msg.LINK_KEEP_BUTTON))
        return Step([Reply(lines=tuple(lines), choices=buttons)])

    def _keep(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        return Step.say(Msg.LINK_CANCELLED)

    async def _join(self, ctx: DialogContext) -> Step:
        asked = ctx.state.dialog == DIALOG and ctx.state.step == "confirm"
        code_id = ctx.state.data.get("code") if asked else None
        ctx.state.reset()
        if not isinstance(code_id, int):  # an old button, or a forged one: the code must be sent again
            return Step.say(Msg.LINK_STALE)
        identity = await self._identity(ctx)
        attempt = await LinkCodes(ctx.session, self.clock).take(code_id, identity)
        if attempt.outcome is not Redeem.OK or attempt.code is None:
            return self._refused(attempt)
        keep = await ctx.session.get(Client, attempt.code.client_id)
        issuer = await ctx.session.get(ClientIdentity, attempt.code.identity_id)
        assert keep is not None  # the code goes with its client and its identity (ON DELETE CASCADE)
        assert issuer is not None
        here, there = identity.channel, issuer.channel
        issuer_ref = f"{issuer.channel}:{issuer.external_id}"
        report = await merge_clients(ctx.session, self._scheduler, keep, ctx.client, self.clock())
        # From here on this conversation is the kept client's: the engine records and answers for it.
        ctx.thread = ClientThread(keep, ctx.thread.conversation)
        if keep.locale in ctx.enabled_locales:
            ctx.locale = keep.locale
        lines = [Text(Msg.LINK_DONE, {"channel": there})]
        buttons = menu_choices()
        if await queue.open_case_of(ctx.session, keep.id) is not None:
            lines.append(Text(Msg.LINK_DONE_CASE))
            buttons = (leave_choice(),)
        step = Step([Reply(lines=tuple(lines), choices=buttons)])
        step.after_commit.append(partial(self._tell_other_app, issuer_ref, here))
        step.after_commit.extend(await self._news.seat_for_waiting(ctx.session, report.bookings.promoted))
        step.after_commit.extend(self._case_news(report))
        return step

    async def _tell_other_app(self, user_ref: str, channel: str) -> None:
        await self._notifier.notify(user_ref, [Reply.of(Msg.LINK_DONE, menu_choices(), channel=channel)])

    def _case_news(self, report: MergeReport) -> list[AfterCommit]:
        closed, joined = report.cases.closed, report.cases.joined
        if closed is None or joined is None:
            return []
        return [partial(self._desk.cases_joined, closed.id, closed.priority, joined.id, joined.priority)]

    @staticmethod
    def _refused(attempt: Attempt) -> Step:
        args: dict[str, object] = {"minutes": int(CODE_LIFETIME.total_seconds() // 60)}
        if attempt.retry_at is not None:
            args["at"] = attempt.retry_at
        return Step([Reply.of(REFUSALS[attempt.outcome], (), **args)])

    @staticmethod
    async def _identity(ctx: DialogContext) -> ClientIdentity:
        identity = await ctx.session.get(ClientIdentity, ctx.thread.conversation.identity_id)
        assert identity is not None  # the engine found the client through it in this transaction
        return identity
