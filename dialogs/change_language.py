"""Change language: from the menu, /language or a language button."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from dialogs.common import main_menu
from dialogs.first_contact import PENDING_DIALOG
from dialogs.language_names import language_choices

AnswerText = Callable[[DialogContext, str], Awaitable[Step]]
FollowLink = Callable[[DialogContext, str], Awaitable[Step]]


class ChangeLanguage:
    def __init__(self, answer_text: AnswerText | None = None, follow_link: FollowLink | None = None) -> None:
        self._answer_text = answer_text
        self._follow_link = follow_link

    def register(self, router: DialogRouter) -> None:
        router.on_payload("lang", self.handle)
        router.on_command("language", self.handle)
        router.on_intent(Intent.CHANGE_LANGUAGE.value, self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        code = "" if ctx.arg == Intent.CHANGE_LANGUAGE.value else ctx.arg.strip().lower()
        if code not in ctx.enabled_locales:
            return Step.say(Msg.LANGUAGE_CHOOSE, language_choices(ctx.enabled_locales, "lang", ctx.locale))
        ctx.set_locale(code)
        waiting = ctx.state.data if ctx.state.dialog == PENDING_DIALOG else {}
        pending, link = waiting.get("pending"), waiting.get("link")
        ctx.state.reset()
        if pending and self._answer_text is not None:
            # The question they asked before the privacy notice, answered now in their language.
            return Step.say(Msg.LANGUAGE_CHANGED).then(await self._answer_text(ctx, str(pending)))
        if link and self._follow_link is not None:
            # The deep link they came with (`course_a1`), opened now that they have agreed.
            return Step.say(Msg.LANGUAGE_CHANGED).then(await self._follow_link(ctx, str(link)))
        return Step.say(Msg.LANGUAGE_CHANGED).then(main_menu())
