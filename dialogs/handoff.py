"""Hand-off to a person: legal escalations, a request for a counsellor, or the assistant lost twice."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import ESCALATION_INTENTS, Intent
from counselling import queue
from counselling.desk import CaseDesk, leave_choice
from counselling.hours import is_open, next_opening
from counselling.models import Case, Priority, Reason

TOPIC_LINES = {
    Intent.LEGAL_PERMIT_REFUSED_APPEAL: (Msg.ESCALATION_DEADLINE,),
    Intent.LEGAL_EXPULSION: (Msg.ESCALATION_DEADLINE,),
    Intent.LEGAL_DETENTION: (Msg.ESCALATION_DETENTION,),
    Intent.LEGAL_LABOUR_EXPLOITATION: (Msg.ESCALATION_EXPLOITATION,),
    Intent.LEGAL_DOMESTIC_VIOLENCE: (Msg.ESCALATION_VIOLENCE,),
    Intent.LEGAL_ASYLUM: (Msg.ESCALATION_ASYLUM,),
}
# The violence line already gives 112 / 158 / 116 006. Urgent topics get the numbers at once, and so does
# a client who asks for a person: they may be in danger and not have said so.
NUMBERS_GIVEN = frozenset({Intent.LEGAL_DOMESTIC_VIOLENCE})
# What the counsellor sees of the conversation before the hand-off.
CONTEXT_MESSAGES = 10
CONTEXT_CHARS = 500
TOP_INTENTS = 3


class Handoff:
    """Opens (or adds to) the client's case and tells them what happens next, in their language."""

    def __init__(self, desk: CaseDesk, centre: CentreInfo) -> None:
        self._desk = desk
        self._centre = centre
        self._tz = ZoneInfo(centre.timezone)

    def register(self, router: DialogRouter) -> None:
        for intent in ESCALATION_INTENTS:
            router.on_intent(intent.value, self.escalate)
        router.on_payload("human", self.request)
        router.on_command("human", self.request)
        router.on_intent(Intent.TALK_TO_HUMAN.value, self.request)

    async def escalate(self, ctx: DialogContext) -> Step:
        intent = Intent(ctx.arg)
        lead = (Msg.ESCALATION_INTRO, *TOPIC_LINES[intent])
        return await self._hand_off(ctx, intent.value, Reason.ESCALATION, lead)

    async def request(self, ctx: DialogContext) -> Step:
        return await self._hand_off(ctx, Intent.TALK_TO_HUMAN.value, Reason.REQUEST, ())

    async def fallback(self, ctx: DialogContext) -> Step:
        """The assistant did not understand twice in a row: a person reads it instead."""
        return await self._hand_off(ctx, None, Reason.FALLBACK, (Msg.FAQ_STILL_NOT_UNDERSTOOD,))

    async def _hand_off(
        self, ctx: DialogContext, topic: str | None, reason: Reason, lead: tuple[Msg, ...]
    ) -> Step:
        ctx.state.reset()
        now = self._desk.now()
        opened = await queue.open_case(
            ctx.session,
            client_id=ctx.client.id,
            user_ref=ctx.message.user_ref,
            channel=ctx.message.channel.value,
            locale=ctx.locale,
            topic=topic,
            reason=reason,
            context=await self._context(ctx),
            now=now,
        )
        case = opened.case
        words = ctx.message.text.strip() if ctx.message.payload == "" else ""
        if words:
            # The words that triggered the hand-off open the case's transcript.
            await queue.add_client_message(ctx.session, case, words, now=now)
        lines = [Text(m) for m in lead]
        urgent = case.priority == Priority.URGENT
        if (urgent or reason is Reason.REQUEST) and topic not in NUMBERS_GIVEN:
            lines.append(Text(Msg.COUNSELLOR_EMERGENCY))  # before anything about waiting
        if opened.created:
            lines.append(Text(Msg.CASE_OPENED))
            lines.append(await self._when(ctx, case, now))
            lines.append(Text(Msg.CASE_HOW_IT_WORKS))
        else:
            lines.append(Text(Msg.CASE_ADDED))
        buttons: tuple[Choice, ...] = (leave_choice(),)
        if not is_open(self._centre.opening_hours, self._tz, now):
            buttons = (choice("book", Msg.MENU_BOOK), *buttons)
        case_id, priority = case.id, case.priority

        async def announce() -> None:
            await self._desk.opened(case_id, priority, created=opened.created, raised=opened.raised)

        return Step([Reply(lines=tuple(lines), choices=buttons)], after_commit=[announce])

    async def _when(self, ctx: DialogContext, case: Case, now: datetime) -> Text:
        """The expected wait from the current queue, or when the centre opens again."""
        if not is_open(self._centre.opening_hours, self._tz, now):
            opens = next_opening(self._centre.opening_hours, self._tz, now)
            return Text(Msg.CASE_CLOSED_HOURS, {"when": opens}) if opens else Text(Msg.CASE_CLOSED_NO_HOURS)
        wait = await self._desk.expected_wait(ctx.session, case)
        return wait_text(wait)

    async def _context(self, ctx: DialogContext) -> dict[str, object]:
        before = await ctx.clients.history(ctx.thread, CONTEXT_MESSAGES)
        intents = [(i.value, round(p, 3)) for i, p in (ctx.parse.ranking[:TOP_INTENTS] if ctx.parse else [])]
        return {
            "before": [
                {"direction": m.direction, "text": m.text[:CONTEXT_CHARS], "at": m.created_at.isoformat()}
                for m in before
            ],
            "intents": intents,
            "language": ctx.parse.language.code if ctx.parse else None,
        }


def wait_text(wait: timedelta) -> Text:
    """About 5, 10, 15... minutes up to an hour and a half, then whole hours, always rounded up."""
    minutes = max(5, math.ceil(wait.total_seconds() / 300) * 5)
    if minutes <= 90:
        return Text(Msg.CASE_WAIT_MINUTES, {"minutes": minutes})
    return Text(Msg.CASE_WAIT_HOURS, {"hours": math.ceil(minutes / 60)})
