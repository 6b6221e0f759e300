"""Change language: from the menu, /language or a language button."""

from __future__ import annotations

from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from dialogs.common import main_menu
from dialogs.language_names import language_choices


class ChangeLanguage:
    def register(self, router: DialogRouter) -> None:
        router.on_payload("lang", self.handle)
        router.on_command("language", self.handle)
        router.on_intent(Intent.CHANGE_LANGUAGE.value, self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        code = "" if ctx.arg == Intent.CHANGE_LANGUAGE.value else ctx.arg.strip().lower()
        if code not in ctx.enabled_locales:
            return Step.say(Msg.LANGUAGE_CHOOSE, language_choices(ctx.enabled_locales, "lang", ctx.locale))
        ctx.set_locale(code)
        ctx.state.reset()
        return Step.say(Msg.LANGUAGE_CHANGED).then(main_menu())
