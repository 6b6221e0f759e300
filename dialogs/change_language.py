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


class ChangeLanguage:
    def __init__(self, answer_text: AnswerText | None = None) -> None:
        self._answer_text = answer_text

    def register(self, router: DialogRouter) -> None:
        router.on_payload("lang", self.handle)
        router.on_command("language", self.handle)
        router.on_intent(Intent.CHANGE_LANGUAGE.value, self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        code = "" if ctx.arg == Intent.CHANGE_LANGUAGE.value else ctx.arg.strip().lower()
        if code not in ctx.enabled_locales:
            return Step.say(Msg.LANGUAGE_CHOOSE, language_choices(ctx.enabled_locales, "lang", ctx.locale))
        ctx.set_locale(code)
        pending = ctx.state.data.get("pending") if ctx.state.dialog == PENDING_DIALOG else None
        ctx.state.reset()
        if pending and self._answer_text is not None:
            # The question they asked before the privacy notice, answered now in their language.
            return Step.say(Msg.LANGUAGE_CHANGED).then(await self._answer_text(ctx, str(pending)))
        return Step.say(Msg.LANGUAGE_CHANGED).then(main_menu())
