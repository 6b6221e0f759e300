"""Help: what the assistant does, the centre's contacts, and privacy (consent and deletion)."""

from __future__ import annotations

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.db.base import utcnow
from bot.i18n.msg import Msg
from bot.nlu.repository import NluMissRepository
from counselling.queue import forget_client as forget_cases
from dialogs.common import back_to_menu, contact_args


class Help:
    def __init__(self, centre: CentreInfo, retention_days: int) -> None:
        self._centre = centre
        self._retention_days = retention_days

    def register(self, router: DialogRouter) -> None:
        router.on_payload("help", self.show)
        router.on_command("help", self.show)
        router.on_payload("privacy", self.privacy)

    async def show(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        args = contact_args(self._centre, ctx.locale)
        lines = [
            Text(Msg.HELP_TEXT, {"centre": self._centre.name}),
            Text(Msg.HELP_CONTACT_ADDRESS, {"address": args["address"]}),
            Text(Msg.HELP_CONTACT_HOURS, {"hours": args["hours"]}),
        ]
        if self._centre.phone:
            lines.append(Text(Msg.HELP_CONTACT_PHONE, {"phone": self._centre.phone}))
        if self._centre.email:
            lines.append(Text(Msg.HELP_CONTACT_EMAIL, {"email": self._centre.email}))
        buttons = (
            choice("privacy", Msg.HELP_PRIVACY_BUTTON),
            choice("link", Msg.LINK_APPS_BUTTON),
            *back_to_menu(),
        )
        return Step([Reply(lines=tuple(lines), choices=buttons)])

    async def privacy(self, ctx: DialogContext) -> Step:
        if ctx.arg == "forget":
            buttons = (choice("privacy:forget-yes", Msg.COMMON_YES), choice("privacy", Msg.COMMON_NO))
            return Step.say(Msg.HELP_PRIVACY_FORGET_CONFIRM, buttons)
        if ctx.arg == "forget-yes":
            deleted = await ctx.clients.forget(ctx.client)
            await NluMissRepository(ctx.session).forget_client(ctx.client.id)
            await forget_cases(ctx.session, ctx.client.id, utcnow())
            ctx.state.reset()
            return Step.say(Msg.HELP_PRIVACY_FORGET_DONE, count=deleted)
        privacy_buttons: tuple[Choice, ...] = (
            choice("privacy:forget", Msg.HELP_PRIVACY_FORGET_BUTTON),
            *back_to_menu(),
        )
        return Step.say(
            Msg.HELP_PRIVACY, privacy_buttons, consented_at=ctx.client.consent_at, days=self._retention_days
        )
