"""Booking steps: service, location, day and time, shared by a new booking and moving one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, Step
from bot.i18n.msg import Msg
from dialogs.booking_payloads import TargetRef, days_payload, service_payload, waitlist_payload
from dialogs.booking_view import day_choices, my_appointments_choice, time_choices
from dialogs.common import back_to_menu, contact_args
from scheduler.models import Appointment, Booking, Location, Service
from scheduler.service import SlotScheduler
from scheduler.slots import Slot, czech_holidays, load_scope

DIALOG = "booking"
DAYS_SHOWN = 6
FULL_SESSIONS_SHOWN = 3
SLOTS_PER_DAY = 500
# Local hours a part of the day covers when a client says "in the afternoon".
PARTS = {"morning": (time(0), time(12)), "afternoon": (time(12), time(17)), "evening": (time(17), time.max)}
# Kept in the conversation state while the client books; everything else lives in the payloads.
PREFERENCE_KEYS = ("part", "at")


@dataclass(frozen=True)
class Target:
    """What is being booked, loaded and checked: a new booking, or `moving` an existing one."""

    ref: TargetRef
    service: Service
    location: Location
    language: str | None  # an interpreter's language when one serves it here, else None (any)
    moving: Booking | None = None


class BookingSteps:
    def __init__(self, scheduler: SlotScheduler, centre: CentreInfo) -> None:
        self.scheduler = scheduler
        self.centre = centre

    def local_now(self) -> datetime:
        return self.scheduler.clock().astimezone(self.scheduler.finder.tz)

    def local(self, at: datetime) -> datetime:
        return at.astimezone(self.scheduler.finder.tz)

    # Loading what a payload names -------------------------------------------------------------------

    async def own_booking(self, ctx: DialogContext, booking_id: int) -> Booking | None:
        """The client's own booking still ahead; None for someone else's, a past or a cancelled one."""
        booking = await ctx.session.get(Booking, booking_id)
        if (
            booking is None
            or booking.client_id != ctx.client.id
            or booking.status != "booked"
            or booking.starts_at <= self.scheduler.clock()
        ):
            return None
        return booking

    async def resolve(self, ctx: DialogContext, ref: TargetRef) -> Target | None:
        moving: Booking | None = None
        service_id, location_id = ref.service_id, ref.location_id
        if ref.booking_id is not None:
            moving = await self.own_booking(ctx, ref.booking_id)
            if moving is None:
                return None
            service_id, location_id = moving.service_id, moving.location_id
        service = await ctx.session.get(Service, service_id)
        location = await ctx.session.get(Location, location_id)
        if service is None or not service.active or location is None or not location.active:
            return None
        language = await self.language_for(ctx, service, location.id)
        return Target(ref, service, location, language, moving)

    async def language_for(self, ctx: DialogContext, service: Service, location_id: int) -> str | None:
        """Prefer counsellors who speak the client's language; where none works here, any counsellor."""
        scope = await load_scope(ctx.session, service, location_id, ctx.locale)
        serves = scope.rules or any(e.kind == "extra" for e in scope.exceptions)
        return ctx.locale if serves else None

    async def offering_locations(self, ctx: DialogContext, service: Service) -> list[Location]:
        scope = await load_scope(ctx.session, service, None, None)
        ids = {r.location_id for r in scope.rules} | {
            e.location_id for e in scope.exceptions if e.kind == "extra" and e.location_id is not None
        }
        return [loc for loc in await self.scheduler.locations(ctx.session) if loc.id in ids]

    def not_found(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        return Step.say(Msg.BOOKING_NOT_FOUND, (my_appointments_choice(), *back_to_menu()))

    # State --------------------------------------------------------------------------------------------

    def enter(self, ctx: DialogContext, step: str, **data: Any) -> None:
        """Move to a booking step, keeping what the client said about the time of day."""
        state = ctx.state
        kept = {k: state.data[k] for k in PREFERENCE_KEYS if state.dialog == DIALOG and k in state.data}
        state.enter(DIALOG, step, **kept, **data)

    def pending(self, ctx: DialogContext, key: str, steps: tuple[str, ...]) -> Any:
        """A value the client gave early (a day, a branch), while the flow has not used it yet."""
        state = ctx.state
        return state.data.get(key) if state.dialog == DIALOG and state.step in steps else None

    # Steps --------------------------------------------------------------------------------------------

    async def held(self, ctx: DialogContext) -> int:
        """How many bookings ahead the client holds."""
        return len(await self.scheduler.future_bookings(ctx.session, ctx.client.id))

    def limit(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        text = Text(Msg.BOOKING_LIMIT, {"max": self.scheduler.max_future_bookings})
        return Step([Reply(lines=(text,), choices=(my_appointments_choice(), *back_to_menu()))])

    async def services(self, ctx: DialogContext, lead: tuple[Text, ...] = ()) -> Step:
        held = await self.held(ctx)
        if held >= self.scheduler.max_future_bookings:
            return self.limit(ctx)
        services = await self.scheduler.services(ctx.session)
        if not services:
            ctx.state.reset()
            lines = (*lead, Text(Msg.BOOKING_NO_SERVICES, contact_args(self.centre, ctx.locale)))
            return Step([Reply(lines=lines, choices=back_to_menu())])
        if ctx.state.dialog != DIALOG or ctx.state.step != "service":
            self.enter(ctx, "service")
        buttons: tuple[Choice, ...] = tuple(
            choice(service_payload(s.id), Msg.BOOKING_SERVICE_BUTTON, name=s.name(ctx.locale))
            for s in services
        )
        if held:
            buttons += (my_appointments_choice(),)
        lines = (*lead, Text(Msg.BOOKING_CHOOSE_SERVICE))
        return Step([Reply(lines=lines, choices=(*buttons, *back_to_menu()))])

    async def choose_service(self, ctx: DialogContext, service: Service) -> Step:
        """Ask for the branch only when more than one offers the service (on the day asked for)."""
        if await self.held(ctx) >= self.scheduler.max_future_bookings:
            return self.limit(ctx)
        locations = await self.offering_locations(ctx, service)
        if not locations:
            ctx.state.reset()
            text = Text(
                Msg.BOOKING_NO_FREE_DAYS,
                {"service": service.name(ctx.locale), **contact_args(self.centre, ctx.locale)},
            )
            return Step(
                [Reply(lines=(text,), choices=(choice("book", Msg.BOOKING_OTHER_SERVICE), *back_to_menu()))]
            )
        asked_code = self.pending(ctx, "loc", ("service",))
        raw_day = self.pending(ctx, "day", ("service",))
        day = date.fromisoformat(raw_day) if raw_day else None
        chosen = next((loc for loc in locations if loc.code == asked_code), None)
        if chosen is None and len(locations) > 1 and day is not None:
            with_time = [loc for loc in locations if await self._free_on(ctx, service, loc, day)]
            chosen = with_time[0] if len(with_time) == 1 else None
        if chosen is None and len(locations) == 1:
            chosen = locations[0]
        if chosen is None:
            self.enter(ctx, "location", **({"day": raw_day} if raw_day else {}))
            buttons = tuple(
                choice(
                    days_payload(TargetRef(service.id, loc.id)), Msg.BOOKING_LOCATION_BUTTON, name=loc.name
                )
                for loc in locations
            )
            reply = Reply.of(
                Msg.BOOKING_CHOOSE_LOCATION, (*buttons, *back_to_menu()), service=service.name(ctx.locale)
            )
            return Step([reply])
        target = Target(
            TargetRef(service.id, chosen.id),
            service,
            chosen,
            await self.language_for(ctx, service, chosen.id),
        )
        return await (self.go_to_day(ctx, target, day) if day else self.days(ctx, target))

    async def _free_on(self, ctx: DialogContext, service: Service, location: Location, day: date) -> bool:
        language = await self.language_for(ctx, service, location.id)
        return bool(
            await self.scheduler.find_free(
                ctx.session, service, location_id=location.id, language=language, day=day, limit=1
            )
        )

    async def days(self, ctx: DialogContext, target: Target, lead: tuple[Text, ...] = ()) -> Step:
        service, location = target.service, target.location
        free = await self.scheduler.free_days(
            ctx.session, service, location_id=location.id, language=target.language, days=DAYS_SHOWN
        )
        full = await self._full_sessions(ctx, target) if service.is_group and target.moving is None else []
        self.enter(ctx, "day", target=target.ref.token)
        names = {"service": service.name(ctx.locale), "place": location.name}
        tail = (my_appointments_choice(),) if target.moving else (choice("book", Msg.BOOKING_OTHER_SERVICE),)
        if not free and not full:
            ctx.state.reset()
            text = Text(Msg.BOOKING_NO_FREE_DAYS, {**names, **contact_args(self.centre, ctx.locale)})
            return Step([Reply(lines=(*lead, text), choices=(*tail, *back_to_menu()))])
        if target.moving is not None:
            heading = Text(Msg.BOOKING_CHOOSE_NEW_DAY, {**names, "at": target.moving.starts_at})
        else:
            heading = Text(Msg.BOOKING_CHOOSE_DAY, names)
        lines = [*lead, heading]
        buttons = day_choices(target.ref, free)
        if full:
            lines.append(Text(Msg.BOOKING_FULL_SESSIONS))
            buttons += tuple(
                choice(waitlist_payload(a.id), Msg.BOOKING_WAITLIST_BUTTON, at=a.starts_at) for a in full
            )
        return Step([Reply(lines=tuple(lines), choices=(*buttons, *tail, *back_to_menu()))])

    async def _full_sessions(self, ctx: DialogContext, target: Target) -> list[Appointment]:
        """Group sessions ahead without a free seat: shown so that a client can join the waiting list."""
        earliest, latest = self.scheduler.finder.bounds(target.service, self.scheduler.clock())
        taken = func.count(Booking.id)
        rows = await ctx.session.execute(
            select(Appointment)
            .join(Booking, Booking.appointment_id == Appointment.id)
            .where(
                Appointment.service_id == target.service.id,
                Appointment.location_id == target.location.id,
                Appointment.starts_at >= earliest,
                Appointment.starts_at <= latest,
            )
            .group_by(Appointment.id)
            .having(taken >= Appointment.capacity)
            .order_by(Appointment.starts_at)
            .limit(FULL_SESSIONS_SHOWN)
        )
        return list(rows.scalars().all())

    def day_problem(self, target: Target, day: date) -> Text | None:
        """Why a day the client named cannot be booked, before looking for free times."""
        if day < self.local_now().date():
            return Text(Msg.BOOKING_DAY_PASSED, {"day": day})
        if day in czech_holidays(day.year):
            return Text(Msg.BOOKING_DAY_HOLIDAY, {"day": day})
        _, latest = self.scheduler.finder.bounds(target.service, self.scheduler.clock())
        if day > self.local(latest).date():
            return Text(Msg.BOOKING_DAY_TOO_FAR, {"days": target.service.horizon_days})
        return None

    async def go_to_day(self, ctx: DialogContext, target: Target, day: date) -> Step:
        problem = self.day_problem(target, day)
        if problem is not None:
            return await self.days(ctx, target, (problem,))
        return await self.times(ctx, target, day)

    async def free_slots(self, ctx: DialogContext, target: Target, day: date) -> list[Slot]:
        slots = await self.scheduler.find_free(
            ctx.session,
            target.service,
            location_id=target.location.id,
            language=target.language,
            day=day,
            limit=SLOTS_PER_DAY,
        )
        moving = target.moving
        return [s for s in slots if moving is None or s.starts_at != moving.starts_at]

    async def times(
        self, ctx: DialogContext, target: Target, day: date, *, from_at: datetime | None = None
    ) -> Step:
        slots = await self.free_slots(ctx, target, day)
        if not slots:
            return await self.days(ctx, target, (Text(Msg.BOOKING_DAY_NO_TIMES, {"day": day}),))
        lines: list[Text] = []
        if from_at is not None:
            slots = [s for s in slots if s.starts_at >= from_at] or slots
        elif ctx.state.dialog == DIALOG and ("part" in ctx.state.data or "at" in ctx.state.data):
            preferred = self._preferred(ctx.state.data, slots)
            if preferred:
                slots = preferred
            else:
                lines.append(Text(Msg.BOOKING_NO_TIME_THEN, {"part": ctx.state.data.get("part") or "other"}))
        self.enter(ctx, "time", target=target.ref.token, day=day.isoformat())
        names = {"day": day, "service": target.service.name(ctx.locale), "place": target.location.name}
        lines.append(Text(Msg.BOOKING_CHOOSE_TIME, names))
        buttons = (*time_choices(target.ref, slots), choice(days_payload(target.ref), Msg.BOOKING_OTHER_DAY))
        return Step([Reply(lines=tuple(lines), choices=(*buttons, *back_to_menu()))])

    def _preferred(self, data: dict[str, Any], slots: list[Slot]) -> list[Slot]:
        """From the time asked for onwards; for a part of the day, starting within that part."""
        if data.get("at"):
            at = time.fromisoformat(data["at"])
            return [s for s in slots if self.local(s.starts_at).time() >= at]
        first, end = PARTS.get(data.get("part") or "", (time.min, time.max))
        start = next((i for i, s in enumerate(slots) if first <= self.local(s.starts_at).time() < end), None)
        return [] if start is None else slots[start:]
