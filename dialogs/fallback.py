"""What happens with input no dialog claims: not understood, stale buttons, empty or unreadable input."""

from __future__ import annotations

from bot.channels.base import InboundKind, choice
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from dialogs.common import menu_choices


class Fallback:
    def register(self, router: DialogRouter) -> None:
        router.set_fallback(self.not_understood)
        router.set_input_handlers(stale=self.stale, empty=self.empty, unsupported=self.unsupported)

    async def not_understood(self, ctx: DialogContext) -> Step:
        ctx.state.misses += 1
        return Step.say(Msg.FALLBACK_NOT_UNDERSTOOD, menu_choices())

    async def stale(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        return Step.say(Msg.INPUT_STALE_BUTTON, menu_choices())

    async def empty(self, ctx: DialogContext) -> Step:
        return Step.say(Msg.INPUT_EMPTY, menu_choices())

    async def unsupported(self, ctx: DialogContext) -> Step:
        if ctx.message.kind is InboundKind.FILE:
            return Step.say(Msg.CASE_FILE_OUTSIDE, (choice("human", Msg.MENU_COUNSELLOR),))
        return Step.say(Msg.INPUT_UNSUPPORTED)
