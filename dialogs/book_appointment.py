"""Book an appointment: until the slot scheduler lands (issue 4), how to book with the centre directly."""

from __future__ import annotations

from bot.channels.base import Reply, Text
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from dialogs.common import back_to_menu, contact_args


class BookAppointment:
    def __init__(self, centre: CentreInfo) -> None:
        self._centre = centre

    def register(self, router: DialogRouter) -> None:
        router.on_payload("book", self.handle)
        router.on_command("book", self.handle)
        for intent in (Intent.BOOK_APPOINTMENT, Intent.CANCEL_APPOINTMENT, Intent.MY_APPOINTMENTS):
            router.on_intent(intent.value, self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        lines = (
            Text(Msg.BOOKING_HOW_TO, contact_args(self._centre, ctx.locale)),
            Text(Msg.BOOKING_ONLINE_SOON),
        )
        return Step([Reply(lines=lines, choices=back_to_menu())])
