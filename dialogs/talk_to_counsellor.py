"""Talk to a counsellor: until the counsellor queue lands (issue 5), how to reach one now."""

from __future__ import annotations

from bot.channels.base import Reply, Text
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from dialogs.common import back_to_menu, contact_args


class TalkToCounsellor:
    def __init__(self, centre: CentreInfo) -> None:
        self._centre = centre

    def register(self, router: DialogRouter) -> None:
        router.on_payload("human", self.handle)
        router.on_command("human", self.handle)
        router.on_intent(Intent.TALK_TO_HUMAN.value, self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        lines = (
            Text(Msg.COUNSELLOR_HOW_TO, contact_args(self._centre, ctx.locale)),
            Text(Msg.COUNSELLOR_EMERGENCY),
        )
        return Step([Reply(lines=lines, choices=back_to_menu())])
