"""Urgent legal matters: always a person, never a canned answer (the queue itself arrives with issue 5)."""

from __future__ import annotations

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import ESCALATION_INTENTS, Intent
from dialogs.common import back_to_menu, contact_args

TOPIC_LINES = {
    Intent.LEGAL_PERMIT_REFUSED_APPEAL: (Msg.ESCALATION_DEADLINE,),
    Intent.LEGAL_EXPULSION: (Msg.ESCALATION_DEADLINE,),
    Intent.LEGAL_DETENTION: (Msg.ESCALATION_DETENTION,),
    Intent.LEGAL_LABOUR_EXPLOITATION: (Msg.ESCALATION_EXPLOITATION,),
    Intent.LEGAL_DOMESTIC_VIOLENCE: (Msg.ESCALATION_VIOLENCE,),
    Intent.LEGAL_ASYLUM: (Msg.ESCALATION_ASYLUM,),
}


class Escalation:
    def __init__(self, centre: CentreInfo) -> None:
        self._centre = centre

    def register(self, router: DialogRouter) -> None:
        for intent in ESCALATION_INTENTS:
            router.on_intent(intent.value, self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        intent = Intent(ctx.arg)
        ctx.state.reset()
        lines = [Text(Msg.ESCALATION_INTRO)]
        lines += [Text(msg) for msg in TOPIC_LINES[intent]]
        lines.append(Text(Msg.ESCALATION_HOW_TO_REACH, contact_args(self._centre, ctx.locale)))
        if self._centre.phone:
            lines.append(Text(Msg.HELP_CONTACT_PHONE, {"phone": self._centre.phone}))
        if self._centre.email:
            lines.append(Text(Msg.HELP_CONTACT_EMAIL, {"email": self._centre.email}))
        buttons: tuple[Choice, ...] = (choice("book", Msg.MENU_BOOK), *back_to_menu())
        return Step([Reply(lines=tuple(lines), choices=buttons)])
