"""My appointments: the client's bookings ahead, cancelling (after a "really?"), and reminder answers."""

from __future__ import annotations

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from dialogs.booking_news import BookingNews
from dialogs.booking_payloads import MY_APPOINTMENTS, TargetRef, appointment_payload, days_payload, parse_id
from dialogs.booking_steps import BookingSteps
from dialogs.booking_view import my_appointments_choice, summary
from dialogs.common import back_to_menu
from scheduler.models import Booking, Location, Service


class MyAppointments:
    def __init__(self, steps: BookingSteps, news: BookingNews) -> None:
        self._steps = steps
        self._news = news

    def register(self, router: DialogRouter) -> None:
        router.on_payload("appt", self.dispatch)
        router.on_intent(Intent.MY_APPOINTMENTS.value, self.show)
        router.on_intent(Intent.CANCEL_APPOINTMENT.value, self.cancel_which)

    async def dispatch(self, ctx: DialogContext) -> Step:
        action, _, raw_id = ctx.arg.partition(":")
        if action == "list" and not raw_id:
            return await self.show(ctx)
        booking_id = parse_id(raw_id)
        if action not in ("confirm", "cancel", "cx") or booking_id is None:
            return Step.say(Msg.BOOKING_STALE).then(await self.show(ctx))
        booking = await self._steps.own_booking(ctx, booking_id)
        if booking is None:
            return self._steps.not_found(ctx)
        if action == "confirm":
            return await self._confirm(ctx, booking)
        if action == "cancel":
            return await self._ask(ctx, booking)
        return await self._cancel(ctx, booking)

    async def show(self, ctx: DialogContext, heading: Msg = Msg.BOOKING_MY_TITLE) -> Step:
        ctx.state.reset()
        bookings = await self._steps.scheduler.future_bookings(ctx.session, ctx.client.id)
        book_more: tuple[Choice, ...] = ()
        if len(bookings) < self._steps.scheduler.max_future_bookings:
            book_more = (choice("book", Msg.BOOKING_NEW_BUTTON),)
        if not bookings:
            return Step.say(Msg.BOOKING_MY_NONE, (*book_more, *back_to_menu()))
        lines = [Text(heading)]
        buttons: list[Choice] = []
        for booking in bookings:
            lines.append(await self._summary(ctx, booking))
            buttons.append(
                choice(
                    appointment_payload("cancel", booking.id), Msg.BOOKING_CANCEL_BUTTON, at=booking.starts_at
                )
            )
            buttons.append(
                choice(
                    days_payload(TargetRef(booking_id=booking.id)),
                    Msg.BOOKING_MOVE_BUTTON,
                    at=booking.starts_at,
                )
            )
        return Step([Reply(lines=tuple(lines), choices=(*buttons, *book_more, *back_to_menu()))])

    async def cancel_which(self, ctx: DialogContext) -> Step:
        """ "I want to cancel": straight to the question when there is one booking, else the list."""
        bookings = await self._steps.scheduler.future_bookings(ctx.session, ctx.client.id)
        if len(bookings) == 1:
            return await self._ask(ctx, bookings[0])
        return await self.show(ctx, Msg.BOOKING_MY_CANCEL_WHICH)

    async def _summary(self, ctx: DialogContext, booking: Booking) -> Text:
        service = await ctx.session.get(Service, booking.service_id)
        location = await ctx.session.get(Location, booking.location_id)
        # RESTRICT foreign keys keep both while a booking points at them.
        assert service is not None
        assert location is not None
        return summary(service, location, booking.starts_at, ctx.locale)

    async def _confirm(self, ctx: DialogContext, booking: Booking) -> Step:
        """The reminder's "I will come"."""
        ctx.state.reset()
        booking.confirmed_at = self._steps.scheduler.clock()
        return Step.say(
            Msg.BOOKING_SEE_YOU, (my_appointments_choice(), *back_to_menu()), at=booking.starts_at
        )

    async def _ask(self, ctx: DialogContext, booking: Booking) -> Step:
        ctx.state.reset()
        buttons = (
            choice(appointment_payload("cx", booking.id), Msg.BOOKING_CANCEL_YES),
            choice(MY_APPOINTMENTS, Msg.BOOKING_CANCEL_NO),
        )
        lines = (Text(Msg.BOOKING_CANCEL_QUESTION), await self._summary(ctx, booking))
        return Step([Reply(lines=lines, choices=buttons)])

    async def _cancel(self, ctx: DialogContext, booking: Booking) -> Step:
        ctx.state.reset()
        details = await self._summary(ctx, booking)
        result = await self._steps.scheduler.cancel(
            ctx.session, booking.id, client_id=ctx.client.id, by="client"
        )
        if result.cancelled is None:
            return self._steps.not_found(ctx)
        news = await self._news.seat_for_waiting(ctx.session, result.promoted)
        buttons = (choice("book", Msg.BOOKING_NEW_BUTTON), my_appointments_choice(), *back_to_menu())
        return Step([Reply(lines=(Text(Msg.BOOKING_CANCELLED), details), choices=buttons)], news)
