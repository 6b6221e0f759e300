"""Course news: what the centre offers; subscriptions arrive with broadcasts (issue 7)."""

from __future__ import annotations

from bot.channels.base import Reply, Text
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from dialogs.common import back_to_menu, contact_args


class CourseNews:
    def __init__(self, centre: CentreInfo) -> None:
        self._centre = centre

    def register(self, router: DialogRouter) -> None:
        router.on_payload("courses", self.handle)
        router.on_intent(Intent.SUBSCRIBE_COURSES.value, self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        lines = (
            Text(Msg.COURSES_INFO, contact_args(self._centre, ctx.locale)),
            Text(Msg.COURSES_SUBSCRIBE_SOON),
        )
        return Step([Reply(lines=lines, choices=back_to_menu())])
