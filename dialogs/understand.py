"""Free text: the policy turns a parse into an answer, a flow, a person, or a clarifying question."""

from __future__ import annotations

from bot.channels.base import Choice, choice
from bot.core.dialogs import DialogContext, DialogRouter, Handler, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import SMALL_TALK_INTENTS, Intent
from bot.nlu.parser import NluParser
from bot.nlu.policy import Action, Decision, Policy
from bot.nlu.repository import NluMissRepository
from dialogs.common import back_to_menu, main_menu, menu_choices
from dialogs.language_names import language_choices


def topic_label(intent: Intent) -> Msg:
    return Msg(f"topic-{intent.value.replace('_', '-')}")


class Understand:
    """Registered as the router's text handler; intent handlers come from the dialogs that own them."""

    def __init__(self, parser: NluParser, policy: Policy, router: DialogRouter, handoff: Handler) -> None:
        self._parser = parser
        self._policy = policy
        self._router = router
        self._handoff = handoff  # two misunderstandings in a row: a person reads it

    def register(self, router: DialogRouter) -> None:
        router.set_text_handler(self.handle)
        router.on_payload("topic", self.topic)

    async def handle(self, ctx: DialogContext) -> Step:
        if ctx.parse is None:
            return Step.say(Msg.INPUT_EMPTY, back_to_menu())
        decision = self._policy.decide(ctx.parse, ctx.state.misses)
        if decision.action is Action.UNSUPPORTED_LANGUAGE:
            return Step.say(Msg.FAQ_UNSUPPORTED_LANGUAGE, language_choices(ctx.enabled_locales, "lang"))
        if decision.action is Action.NO_WORDS:
            # Often a menu number typed from memory: the menu again, and not counted as a miss.
            return Step.say(Msg.INPUT_NO_WORDS, menu_choices())
        if decision.action in (Action.CLARIFY, Action.HANDOFF):
            await NluMissRepository(ctx.session).record(ctx.client.id, ctx.parse, ctx.parse.language.code)
            if decision.action is Action.HANDOFF:
                ctx.state.misses = 0
                return await self._handoff(ctx)
            return self._did_you_mean(ctx, decision)
        assert decision.intent is not None
        return await self.run_intent(ctx, decision.intent)

    async def answer_text(self, ctx: DialogContext, text: str) -> Step:
        """Answer a question asked before consent; a greeting or an unclear text gets the menu."""
        ctx.parse = self._parser.parse(text)
        decision = self._policy.decide(ctx.parse, misses_before=0)
        answerable = decision.action in (Action.ANSWER, Action.FLOW, Action.ESCALATE)
        if not answerable or decision.intent is None or decision.intent in SMALL_TALK_INTENTS:
            return main_menu()
        return await self.run_intent(ctx, decision.intent)

    async def topic(self, ctx: DialogContext) -> Step:
        """A "did you mean" button: `topic:<intent>`."""
        if ctx.arg not in Intent.__members__.values() or self._router.intent_handler(ctx.arg) is None:
            return await self._stale(ctx)
        return await self.run_intent(ctx, Intent(ctx.arg))

    async def run_intent(self, ctx: DialogContext, intent: Intent) -> Step:
        handler = self._router.intent_handler(intent.value)
        if handler is None:
            return await self._stale(ctx)
        ctx.state.misses = 0
        ctx.arg = intent.value
        return await handler(ctx)

    def _did_you_mean(self, ctx: DialogContext, decision: Decision) -> Step:
        ctx.state.misses = 1
        buttons: tuple[Choice, ...] = (
            *(choice(f"topic:{i.value}", topic_label(i)) for i in decision.suggestions),
            choice("human", Msg.MENU_COUNSELLOR),
        )
        return Step.say(Msg.FAQ_DID_YOU_MEAN, buttons)

    async def _stale(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        return Step.say(Msg.INPUT_STALE_BUTTON, menu_choices())
