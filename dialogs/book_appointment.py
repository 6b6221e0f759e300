"""Book an appointment: from the menu, /book or free text, through service, place, day and time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.channels.base import Text
from bot.core.dialogs import DialogContext, DialogRouter, Handler, Step
from bot.i18n.msg import Msg
from bot.nlu.entities import Gazetteer, extract_when
from bot.nlu.intents import ESCALATION_INTENTS, Intent
from bot.nlu.parser import Parse
from dialogs.booking_outcomes import BookingOutcomes
from dialogs.booking_payloads import (
    parse_day,
    parse_id,
    parse_instant,
    parse_target,
    parse_time,
)
from dialogs.booking_steps import DIALOG, BookingSteps, Target
from scheduler.models import Service

# NLU intents that name a bookable service (the codes of scheduler/examples/usti.yml).
SERVICE_OF_INTENT: dict[Intent, str] = {
    **dict.fromkeys(ESCALATION_INTENTS, "legal_counselling"),
    Intent.LEGAL_COUNSELLING: "legal_counselling",
    Intent.SOCIAL_COUNSELLING: "social_counselling",
    Intent.CZECH_COURSE_INFO: "czech_placement",
    Intent.ADAPTATION_COURSE: "adaptation_course",
    Intent.MOCK_EXAM: "mock_exam",
}
# A runner-up intent this likely still tells which service a booking request is about.
SERVICE_HINT_FLOOR = 0.10

# "30 February", "the 31st of June": a short text with a number is an attempt at a date.
SHORT_DATE_WORDS = 4

PayloadStep = Callable[[DialogContext, list[str]], Awaitable[Step | None]]


def service_code(gazetteer: Gazetteer, text: str, parse: Parse | None, intent: str) -> str | None:
    """The service a request names: by name first, then by what the NLU thinks it is about."""
    named = gazetteer.service(text) if text else None
    if named is not None:
        return named
    if intent in SERVICE_OF_INTENT:
        return SERVICE_OF_INTENT[Intent(intent)]
    for ranked, probability in parse.ranking if parse else ():
        if probability < SERVICE_HINT_FLOOR:
            break
        if ranked in SERVICE_OF_INTENT:
            return SERVICE_OF_INTENT[ranked]
    return None


def looks_like_a_date(text: str, parse: Parse | None) -> bool:
    """A date we could not read ("30 February", "31.4.") rather than a question with a number in it."""
    if not any(ch.isdigit() for ch in text):
        return False
    short = len(text.split()) <= SHORT_DATE_WORDS
    return short or (parse is not None and parse.top[0] is Intent.BOOK_APPOINTMENT)


class BookAppointment:
    def __init__(
        self, steps: BookingSteps, outcomes: BookingOutcomes, gazetteer: Gazetteer, free_text: Handler
    ) -> None:
        self._steps = steps
        self._outcomes = outcomes
        self._gazetteer = gazetteer
        self._free_text = free_text  # words that are not a date go to the understanding as usual
        self._actions: dict[str, PayloadStep] = {
            "svc": self._service,
            "days": self._days,
            "d": self._day,
            "m": self._more,
            "t": self._time,
            "ok": self._book,
            "w": self._waitlist,
        }

    def register(self, router: DialogRouter) -> None:
        router.on_payload("book", self.start)
        router.on_command("book", self.start)
        router.on_intent(Intent.BOOK_APPOINTMENT.value, self.start)
        router.on_payload("bk", self.dispatch)
        router.on_text(DIALOG, "day", self.typed)
        router.on_text(DIALOG, "time", self.typed)

    async def start(self, ctx: DialogContext) -> Step:
        """Pre-select what the client already said: the service, the branch, the day and time of day."""
        text = ctx.parse.text if ctx.parse is not None else ctx.arg
        ctx.state.reset()
        said: dict[str, str] = {}
        when = extract_when(text, self._steps.local_now()) if text else None
        if when is not None:
            said |= {"day": when.day.isoformat()} if when.day else {}
            said |= {"part": when.part_of_day} if when.part_of_day else {}
            said |= {"at": when.at.isoformat("minutes")} if when.at else {}
        location = self._gazetteer.location(text) if text else None
        said |= {"loc": location} if location else {}
        ctx.state.enter(DIALOG, "service", **said)
        code = service_code(self._gazetteer, text, ctx.parse, ctx.arg)
        service = await self._steps.scheduler.service_by_code(ctx.session, code) if code else None
        if service is not None:
            return await self._steps.choose_service(ctx, service)
        return await self._steps.services(ctx)

    async def dispatch(self, ctx: DialogContext) -> Step:
        action, *parts = ctx.arg.split(":")
        handler = self._actions.get(action)
        step = await handler(ctx, parts) if handler is not None else None
        return step if step is not None else await self._stale(ctx)

    async def _stale(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        return await self._steps.services(ctx, (Text(Msg.BOOKING_STALE),))

    async def _target(self, ctx: DialogContext, token: str) -> Target | None:
        ref = parse_target(token)
        return await self._steps.resolve(ctx, ref) if ref is not None else None

    async def _service(self, ctx: DialogContext, parts: list[str]) -> Step | None:
        service_id = parse_id(parts[0]) if len(parts) == 1 else None
        service = await ctx.session.get(Service, service_id) if service_id else None
        if service is None or not service.active:
            return None
        return await self._steps.choose_service(ctx, service)

    async def _days(self, ctx: DialogContext, parts: list[str]) -> Step | None:
        target = await self._target(ctx, parts[0]) if len(parts) == 1 else None
        if target is None:
            return await self._not_found(ctx, parts)
        asked = self._steps.pending(ctx, "day", ("location",))
        day = parse_day(asked.replace("-", "")) if asked else None
        return await (self._steps.go_to_day(ctx, target, day) if day else self._steps.days(ctx, target))

    async def _day(self, ctx: DialogContext, parts: list[str]) -> Step | None:
        target = await self._target(ctx, parts[0]) if len(parts) == 2 else None
        day = parse_day(parts[1]) if len(parts) == 2 else None
        if target is None or day is None:
            return await self._not_found(ctx, parts)
        return await self._steps.go_to_day(ctx, target, day)

    async def _more(self, ctx: DialogContext, parts: list[str]) -> Step | None:
        target = await self._target(ctx, parts[0]) if len(parts) == 2 else None
        after = parse_instant(parts[1]) if len(parts) == 2 else None
        if target is None or after is None:
            return await self._not_found(ctx, parts)
        return await self._steps.times(ctx, target, self._steps.local(after).date(), from_at=after)

    async def _time(self, ctx: DialogContext, parts: list[str]) -> Step | None:
        target = await self._target(ctx, parts[0]) if len(parts) == 3 else None
        time = parse_time(parts[1], parts[2]) if len(parts) == 3 else None
        if target is None or time is None:
            return await self._not_found(ctx, parts)
        return await self._outcomes.confirm(ctx, target, time)

    async def _book(self, ctx: DialogContext, parts: list[str]) -> Step | None:
        target = await self._target(ctx, parts[0]) if len(parts) == 3 else None
        time = parse_time(parts[1], parts[2]) if len(parts) == 3 else None
        if target is None or time is None:
            return await self._not_found(ctx, parts)
        return await self._outcomes.book(ctx, target, time)

    async def _waitlist(self, ctx: DialogContext, parts: list[str]) -> Step | None:
        appointment_id = parse_id(parts[0]) if len(parts) == 1 else None
        return await self._outcomes.join_waitlist(ctx, appointment_id) if appointment_id else None

    async def _not_found(self, ctx: DialogContext, parts: list[str]) -> Step | None:
        """A booking being moved that is no longer the client's to move gets its own message."""
        ref = parse_target(parts[0]) if parts else None
        if ref is None or ref.booking_id is None:
            return None
        return self._steps.not_found(ctx)

    async def typed(self, ctx: DialogContext) -> Step:
        """A day or time the client wrote while choosing one; other words go to the understanding."""
        text = ctx.message.text
        ref = parse_target(str(ctx.state.data.get("target", "")))
        target = await self._steps.resolve(ctx, ref) if ref is not None else None
        if target is None:
            ctx.state.reset()
            return await self._free_text(ctx)
        when = extract_when(text, self._steps.local_now())
        if when is None:
            if looks_like_a_date(text, ctx.parse):
                return await self._steps.days(ctx, target, (Text(Msg.BOOKING_DAY_UNREADABLE),))
            return await self._free_text(ctx)
        if when.part_of_day or when.at:
            ctx.state.data.pop("part", None)
            ctx.state.data.pop("at", None)
            ctx.state.data |= {"part": when.part_of_day} if when.part_of_day else {}
            ctx.state.data |= {"at": when.at.isoformat("minutes")} if when.at else {}
        if when.day is not None:
            return await self._steps.go_to_day(ctx, target, when.day)
        shown = parse_day(str(ctx.state.data.get("day", "")).replace("-", ""))
        if ctx.state.step == "time" and shown is not None:
            return await self._steps.times(ctx, target, shown)
        return await self._steps.days(ctx, target)
