"""Questions: tells the client which topics they can ask about in their own words."""

from __future__ import annotations

from bot.channels.base import Reply, Text, choice
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from dialogs.common import back_to_menu


class Questions:
    def register(self, router: DialogRouter) -> None:
        router.on_payload("faq", self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        lines = (Text(Msg.QUESTIONS_INTRO), Text(Msg.QUESTIONS_TOPICS), Text(Msg.QUESTIONS_URGENT))
        buttons = (choice("human", Msg.MENU_COUNSELLOR), *back_to_menu())
        return Step([Reply(lines=lines, choices=buttons)])
