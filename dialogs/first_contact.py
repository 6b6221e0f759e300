"""First contact: privacy notice, consent, then the language (and then the deep link they came by)."""

from __future__ import annotations

from bot.channels.base import Choice, InboundKind, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step, start_link
from bot.db.base import utcnow
from bot.i18n.msg import Msg
from dialogs.common import contact_args
from dialogs.deep_links import recognise
from dialogs.language_names import language_choices

PENDING_DIALOG = "first_contact"


class FirstContact:
    """Until a client consents, every message lands here; nothing of theirs is stored before that."""

    def __init__(self, centre: CentreInfo, retention_days: int) -> None:
        self._centre = centre
        self._retention_days = retention_days

    def register(self, router: DialogRouter) -> None:
        router.add_gate(self.applies, self.handle)

    @staticmethod
    async def applies(ctx: DialogContext) -> bool:
        """Nothing else happens before the client has read the privacy notice and agreed."""
        return ctx.client.consent_at is None

    async def handle(self, ctx: DialogContext) -> Step:
        raw_link = start_link(ctx.message)
        link = recognise(raw_link, ctx.enabled_locales) if raw_link else None
        if ctx.parse is not None:
            # Their question is answered once they have agreed and chosen a language (state only).
            ctx.state.enter(PENDING_DIALOG, "notice", pending=ctx.parse.text)
        elif link is not None and link.locale is not None:
            ctx.set_locale(link.locale)  # `lang_uk`: the notice itself in Ukrainian
        elif link is not None:
            # A deep link (`course_a1`): where they land once they have agreed and chosen a language.
            ctx.state.enter(PENDING_DIALOG, "notice", link=raw_link)
        payload = ctx.message.payload if ctx.message.kind is InboundKind.PAYLOAD else ""
        if payload == "start:agree":
            return self._agree(ctx)
        if payload == "start:decline":
            ctx.state.reset()
            return Step.say(Msg.FIRST_CONTACT_DECLINED, (), **contact_args(self._centre, ctx.locale))
        if payload == "start:languages":
            return Step.say(Msg.LANGUAGE_CHOOSE, language_choices(ctx.enabled_locales, "start:lang"))
        # `lang:xx` too: the web page's language picker sends it before consent as well.
        code = payload.removeprefix("start:lang:").removeprefix("lang:")
        if code != payload and code in ctx.enabled_locales:
            ctx.set_locale(code)
        return self.notice()

    def notice(self) -> Step:
        buttons: tuple[Choice, ...] = (
            choice("start:agree", Msg.FIRST_CONTACT_AGREE),
            choice("start:decline", Msg.FIRST_CONTACT_DECLINE),
            choice("start:languages", Msg.FIRST_CONTACT_OTHER_LANGUAGE),
        )
        lines = (
            Text(Msg.FIRST_CONTACT_WELCOME, {"centre": self._centre.name}),
            Text(Msg.FIRST_CONTACT_PRIVACY, {"days": self._retention_days}),
            Text(Msg.FIRST_CONTACT_CONSENT_QUESTION),
        )
        return Step([Reply(lines=lines, choices=buttons)])

    def _agree(self, ctx: DialogContext) -> Step:
        ctx.client.consent_at = utcnow()
        ctx.set_locale(ctx.locale)
        waiting = ctx.state.data if ctx.state.dialog == PENDING_DIALOG else {}
        kept = {key: waiting[key] for key in ("pending", "link") if waiting.get(key)}
        ctx.state.reset()
        if kept:
            ctx.state.enter(PENDING_DIALOG, "language", **kept)
        return Step.say(
            Msg.FIRST_CONTACT_CHOOSE_LANGUAGE, language_choices(ctx.enabled_locales, "lang", ctx.locale)
        )
