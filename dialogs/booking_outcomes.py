"""Confirming and booking a time, and what the client hears for each outcome (taken, full, limit...)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.dialogs import DialogContext, Step
from bot.i18n.msg import Msg
from dialogs.booking_news import BookingNews
from dialogs.booking_payloads import (
    TargetRef,
    TimeRef,
    confirm_payload,
    days_payload,
    service_payload,
    waitlist_payload,
)
from dialogs.booking_steps import BookingSteps, Target
from dialogs.booking_view import (
    after_booking_choices,
    alternative_choices,
    booked_reply,
    my_appointments_choice,
    other_day,
    summary,
)
from dialogs.common import back_to_menu
from scheduler.models import Appointment, Booking
from scheduler.service import BookingResult, Outcome, SlotScheduler
from scheduler.slots import Slot, load_scope


class BookingOutcomes:
    def __init__(self, steps: BookingSteps, news: BookingNews) -> None:
        self._steps = steps
        self._news = news

    @property
    def _scheduler(self) -> SlotScheduler:
        return self._steps.scheduler

    def _slot(self, target: Target, time: TimeRef) -> Slot:
        ends = time.starts_at + timedelta(minutes=target.service.duration_min)
        return Slot(time.counsellor_id, target.service.id, target.location.id, time.starts_at, ends, 0)

    async def confirm(
        self, ctx: DialogContext, target: Target, time: TimeRef, lead: tuple[Text, ...] = ()
    ) -> Step:
        """Everything in the client's language before anything is booked: Confirm or Change."""
        if target.moving is not None and time.starts_at == target.moving.starts_at:
            return await self._steps.days(ctx, target, (Text(Msg.BOOKING_SAME_TIME),))
        day = self._steps.local(time.starts_at).date()
        free = await self._steps.free_slots(ctx, target, day)
        if not any(s.starts_at == time.starts_at for s in free):
            return await self.slot_gone(ctx, target, self._slot(target, time))
        self._steps.enter(ctx, "confirm")
        details = summary(target.service, target.location, time.starts_at, ctx.locale)
        ok = confirm_payload(target.ref, time.counsellor_id, time.starts_at)
        if target.moving is not None:
            lines = (*lead, Text(Msg.BOOKING_MOVE_CHECK, {"at": target.moving.starts_at}), details)
            buttons = (
                choice(ok, Msg.BOOKING_MOVE_CONFIRM),
                choice(days_payload(target.ref), Msg.BOOKING_CHANGE),
            )
        else:
            lines = (*lead, Text(Msg.BOOKING_CHECK), details)
            buttons = (
                choice(ok, Msg.BOOKING_CONFIRM),
                choice(service_payload(target.service.id), Msg.BOOKING_CHANGE),
            )
        return Step([Reply(lines=lines, choices=(*buttons, *back_to_menu()))])

    async def book(self, ctx: DialogContext, target: Target, time: TimeRef) -> Step:
        """Book (or move); the scheduler re-derives the slot, so an old or forged button books nothing."""
        slot = self._slot(target, time)
        moving = target.moving
        if moving is not None:
            if time.starts_at == moving.starts_at:
                return await self._steps.days(ctx, target, (Text(Msg.BOOKING_SAME_TIME),))
            result = await self._scheduler.reschedule(
                ctx.session, moving.id, ctx.client.id, slot, target.language
            )
        else:
            result = await self._scheduler.book(ctx.session, ctx.client.id, slot, target.language)
        return await self._outcome(ctx, target, slot, result)

    async def _outcome(self, ctx: DialogContext, target: Target, slot: Slot, result: BookingResult) -> Step:
        if result.outcome is Outcome.BOOKED and result.booking is not None:
            ctx.state.reset()
            heading = Msg.BOOKING_MOVED if target.moving is not None else Msg.BOOKING_BOOKED
            reply = booked_reply(
                heading, result.booking, target.service, target.location, self._steps.centre, ctx.locale
            )
            news = await self._news.seat_for_waiting(ctx.session, result.promoted)
            return Step([reply], news)
        if result.outcome is Outcome.TAKEN:
            return await self._taken(ctx, target, result.alternatives)
        if result.outcome is Outcome.FULL and result.appointment_id is not None:
            return self.waitlist_offer(ctx, target, result.appointment_id)
        if result.outcome is Outcome.LIMIT:
            return self._steps.limit(ctx)
        return await self._unavailable(ctx, target)

    async def slot_gone(self, ctx: DialogContext, target: Target, slot: Slot) -> Step:
        """The time is not free (any more): a full session, a taken time, or one we never offered."""
        earliest, _ = self._scheduler.finder.bounds(target.service, self._scheduler.clock())
        if target.service.is_group and target.moving is None and slot.starts_at >= earliest:
            appointment_id = await ctx.session.scalar(
                select(Appointment.id).where(
                    Appointment.service_id == slot.service_id,
                    Appointment.location_id == slot.location_id,
                    Appointment.starts_at == slot.starts_at,
                )
            )
            if appointment_id is not None:
                return self.waitlist_offer(ctx, target, appointment_id)
        scope = await load_scope(ctx.session, target.service, target.location.id, target.language)
        day = self._steps.local(slot.starts_at).date()
        offered = await self._scheduler.finder.offered_times(scope, self._scheduler.clock(), day)
        if slot.starts_at not in offered:
            return await self._unavailable(ctx, target)
        nearest = await self._scheduler.nearest_free(ctx.session, slot, target.language)
        return await self._taken(ctx, target, nearest)

    async def _taken(self, ctx: DialogContext, target: Target, alternatives: tuple[Slot, ...]) -> Step:
        moving = target.moving
        options = [s for s in alternatives if moving is None or s.starts_at != moving.starts_at]
        if not options:
            return await self._steps.days(ctx, target, (Text(Msg.BOOKING_TAKEN_NOTHING_NEAR),))
        self._steps.enter(ctx, "time", target=target.ref.token)
        buttons = (*alternative_choices(target.ref, options), other_day(target.ref), *back_to_menu())
        return Step([Reply(lines=(Text(Msg.BOOKING_TAKEN),), choices=buttons)])

    async def _unavailable(self, ctx: DialogContext, target: Target) -> Step:
        lead = (Text(Msg.BOOKING_UNAVAILABLE),)
        if target.moving is not None:
            return await self._steps.days(ctx, target, lead)
        ctx.state.reset()
        return await self._steps.services(ctx, lead)

    def waitlist_offer(self, ctx: DialogContext, target: Target, appointment_id: int) -> Step:
        self._steps.enter(ctx, "waitlist", target=target.ref.token)
        buttons = (choice(waitlist_payload(appointment_id), Msg.BOOKING_JOIN_WAITLIST), other_day(target.ref))
        return Step([Reply(lines=(Text(Msg.BOOKING_FULL),), choices=(*buttons, *back_to_menu()))])

    async def join_waitlist(self, ctx: DialogContext, appointment_id: int) -> Step | None:
        """None when the payload names no group session ahead (an old or forged button)."""
        session = ctx.session
        appointment = await session.get(Appointment, appointment_id)
        if (
            appointment is None
            or appointment.capacity <= 1
            or appointment.starts_at <= self._scheduler.clock()
        ):
            return None
        target = await self._steps.resolve(ctx, TargetRef(appointment.service_id, appointment.location_id))
        if target is None:
            return None
        seats = select(Booking.id).where(Booking.appointment_id == appointment.id)
        if await session.scalar(seats.where(Booking.client_id == ctx.client.id)) is not None:
            return self._said(ctx, Msg.BOOKING_WAITLIST_HAS_SEAT, (my_appointments_choice(), *back_to_menu()))
        taken = await session.scalar(select(func.count()).select_from(seats.subquery())) or 0
        if taken < appointment.capacity:
            lead = (Text(Msg.BOOKING_WAITLIST_OPEN),)
            return await self.confirm(
                ctx, target, TimeRef(appointment.counsellor_id, appointment.starts_at), lead
            )
        joined = await self._scheduler.join_waitlist(session, ctx.client.id, appointment.id, ctx.locale)
        ctx.state.reset()
        details = summary(target.service, target.location, appointment.starts_at, ctx.locale)
        msg = Msg.BOOKING_WAITLIST_JOINED if joined else Msg.BOOKING_WAITLIST_ALREADY
        return Step([Reply(lines=(Text(msg), details), choices=after_booking_choices())])

    @staticmethod
    def _said(ctx: DialogContext, msg: Msg, buttons: tuple[Choice, ...]) -> Step:
        ctx.state.reset()
        return Step.say(msg, buttons)
