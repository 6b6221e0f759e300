"""Main menu: questions, booking, a counsellor, course news, language and help (`/start` is deep_links.py)."""

from __future__ import annotations

from bot.core.dialogs import DialogContext, DialogRouter, Step
from dialogs.common import main_menu


class MainMenu:
    def register(self, router: DialogRouter) -> None:
        router.on_payload("menu", self.handle)
        router.on_command("menu", self.handle)

    async def handle(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        return main_menu()
