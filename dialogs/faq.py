"""FAQ answers: the centre's knowledge in the client's language, each with its source and check date."""

from __future__ import annotations

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.i18n.sources import AnswerSource
from bot.nlu.intents import ANSWER_INTENTS, SMALL_TALK_INTENTS, Intent
from dialogs.common import back_to_menu, contact_args, menu_choices

# Answers after which the natural next step is an appointment at the centre.
BOOKABLE = frozenset(
    {
        Intent.SOCIAL_COUNSELLING,
        Intent.LEGAL_COUNSELLING,
        Intent.CENTRE_SERVICES,
        Intent.CZECH_COURSE_INFO,
        Intent.MOCK_EXAM,
        Intent.ADAPTATION_COURSE,
        Intent.RESIDENCE_EXTEND,
        Intent.RESIDENCE_PERMANENT,
        Intent.EMPLOYEE_CARD,
        Intent.FAMILY_REUNIFICATION,
        Intent.EDUCATION_COUNSELLING,
    }
)


def answer_msg(intent: Intent) -> Msg:
    return Msg(f"faq-{intent.value.replace('_', '-')}")


class Faq:
    def __init__(self, centre: CentreInfo, sources: dict[str, AnswerSource]) -> None:
        self._centre = centre
        self._sources = sources

    def register(self, router: DialogRouter) -> None:
        for intent in ANSWER_INTENTS:
            router.on_intent(intent.value, self.answer)
        router.on_intent(Intent.OUT_OF_SCOPE.value, self.out_of_scope)

    async def answer(self, ctx: DialogContext) -> Step:
        intent = Intent(ctx.arg)
        msg = answer_msg(intent)
        lines = [Text(msg, contact_args(self._centre, ctx.locale))]
        if intent is Intent.CENTRE_CONTACT_HOURS:
            lines += self._contact_lines()
        source = self._sources.get(msg.value)
        if source is not None:
            lines.append(Text(Msg.FAQ_SOURCE, {"url": source.url, "checked": source.checked_at}))
        if intent in SMALL_TALK_INTENTS:
            return Step([Reply(lines=tuple(lines), choices=menu_choices() if intent is Intent.GREET else ())])
        book = (choice("book", Msg.MENU_BOOK),) if intent in BOOKABLE else ()
        buttons: tuple[Choice, ...] = (*book, choice("human", Msg.MENU_COUNSELLOR), *back_to_menu())
        return Step([Reply(lines=tuple(lines), choices=buttons)])

    async def out_of_scope(self, ctx: DialogContext) -> Step:
        return Step.say(Msg.FAQ_OUT_OF_SCOPE, menu_choices(), **contact_args(self._centre, ctx.locale))

    def _contact_lines(self) -> list[Text]:
        lines = []
        if self._centre.phone:
            lines.append(Text(Msg.HELP_CONTACT_PHONE, {"phone": self._centre.phone}))
        if self._centre.email:
            lines.append(Text(Msg.HELP_CONTACT_EMAIL, {"email": self._centre.email}))
        return lines
