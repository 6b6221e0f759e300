"""Course news: subscribe and unsubscribe per topic and branch, see the list, stop everything at once.

Payloads: `courses` and `sub` (the menu), `sub:t:<topic>` (toggle), `sub:list`, `sub:loc`,
`sub:loc:<location id or 0 for any>`, `sub:stop`. Also /stop and a typed stop word in any language.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from bot.nlu.intents import Intent
from broadcasts.models import TOPICS, Topic
from broadcasts.subscriptions import SubscriptionBook
from dialogs.booking_payloads import parse_id
from dialogs.common import back_to_menu, contact_args
from scheduler.service import SlotScheduler


def stop_words(words_per_locale: Iterable[str]) -> set[str]:
    """`stop, unsubscribe` from each locale's subscriptions-stop-words, as one set of words."""
    return {w.strip() for line in words_per_locale for w in line.split(",") if w.strip()}


class ManageSubscriptions:
    def __init__(
        self, centre: CentreInfo, scheduler: SlotScheduler, words: Iterable[str] = ("stop",)
    ) -> None:
        self._centre = centre
        self._scheduler = scheduler
        self._words = tuple(words)

    def register(self, router: DialogRouter) -> None:
        router.on_payload("courses", self.show)
        router.on_payload("sub", self.handle)
        router.on_intent(Intent.SUBSCRIBE_COURSES.value, self.show)
        router.on_command("stop", self.stop)
        router.on_keywords(self._words, self.stop)

    async def handle(self, ctx: DialogContext) -> Step:
        action, _, arg = ctx.arg.partition(":")
        if action == "t" and arg in TOPICS:
            return await self.toggle(ctx, Topic(arg))
        if action == "list":
            return await self.listing(ctx)
        if action == "loc":
            return await self.location(ctx, arg)
        if action == "stop":
            return await self.stop(ctx)
        return await self.show(ctx)

    async def show(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        book = SubscriptionBook(ctx.session)
        mine = await book.topics(ctx.client.id)
        lines = (
            Text(Msg.COURSES_INFO, contact_args(self._centre, ctx.locale)),
            Text(Msg.SUBSCRIPTIONS_INTRO),
        )
        return Step([Reply(lines=lines, choices=self._menu(mine))])

    def _menu(self, mine: set[Topic]) -> tuple[Choice, ...]:
        toggles = [
            choice(
                f"sub:t:{topic.value}",
                Msg.SUBSCRIPTIONS_TOPIC,
                topic=topic.value,
                on="yes" if topic in mine else "no",
            )
            for topic in Topic
        ]
        extra = [
            choice("sub:loc", Msg.SUBSCRIPTIONS_LOCATION_BUTTON),
            choice("sub:list", Msg.SUBSCRIPTIONS_LIST_BUTTON),
        ]
        if mine:
            extra.append(choice("sub:stop", Msg.SUBSCRIPTIONS_STOP_BUTTON))
        return (*toggles, *extra, *back_to_menu())

    async def toggle(self, ctx: DialogContext, topic: Topic) -> Step:
        book = SubscriptionBook(ctx.session)
        if topic in await book.topics(ctx.client.id):
            await book.unsubscribe(ctx.client.id, topic)
            said = Text(Msg.SUBSCRIPTIONS_UNSUBSCRIBED, {"topic": topic.value})
        else:
            await book.subscribe(ctx.client.id, topic, ctx.message.received_at)
            said = Text(Msg.SUBSCRIPTIONS_SUBSCRIBED, {"topic": topic.value, "at": ctx.message.received_at})
        mine = await book.topics(ctx.client.id)
        return Step([Reply(lines=(said,), choices=self._menu(mine))])

    async def listing(self, ctx: DialogContext) -> Step:
        subscriptions = await SubscriptionBook(ctx.session).of(ctx.client.id)
        if not subscriptions:
            return Step.say(
                Msg.SUBSCRIPTIONS_NONE, (choice("sub", Msg.SUBSCRIPTIONS_CHOOSE_BUTTON), *back_to_menu())
            )
        lines = [Text(Msg.SUBSCRIPTIONS_LIST_TITLE)]
        lines.extend(
            Text(Msg.SUBSCRIPTIONS_LIST_ITEM, {"topic": s.topic, "since": s.consented_at})
            for s in subscriptions
        )
        location_id = subscriptions[0].location_id
        names = {loc.id: loc.name for loc in await self._scheduler.locations(ctx.session)}
        if location_id is not None and location_id in names:
            lines.append(Text(Msg.SUBSCRIPTIONS_LIST_LOCATION, {"place": names[location_id]}))
        buttons = (
            choice("sub", Msg.SUBSCRIPTIONS_CHOOSE_BUTTON),
            choice("sub:stop", Msg.SUBSCRIPTIONS_STOP_BUTTON),
            *back_to_menu(),
        )
        return Step([Reply(lines=tuple(lines), choices=buttons)])

    async def location(self, ctx: DialogContext, arg: str) -> Step:
        book = SubscriptionBook(ctx.session)
        locations = await self._scheduler.locations(ctx.session)
        if arg == "0" or (parse_id(arg) is not None and any(loc.id == int(arg) for loc in locations)):
            location_id = None if arg == "0" else int(arg)
            await book.set_location(ctx.client.id, location_id)
            place = next((loc.name for loc in locations if loc.id == location_id), "")
            said = Text(Msg.SUBSCRIPTIONS_LOCATION_SET, {"place": place or "any"})
            return Step([Reply(lines=(said,), choices=self._menu(await book.topics(ctx.client.id)))])
        buttons = [
            choice(f"sub:loc:{loc.id}", Msg.SUBSCRIPTIONS_LOCATION_ITEM, place=loc.name) for loc in locations
        ]
        buttons.append(choice("sub:loc:0", Msg.SUBSCRIPTIONS_LOCATION_ANY))
        return Step.say(Msg.SUBSCRIPTIONS_LOCATION_CHOOSE, tuple(buttons))

    async def stop(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        count = await SubscriptionBook(ctx.session).stop_all(ctx.client.id)
        if not count:
            return Step.say(
                Msg.SUBSCRIPTIONS_NONE, (choice("sub", Msg.SUBSCRIPTIONS_CHOOSE_BUTTON), *back_to_menu())
            )
        return Step.say(
            Msg.SUBSCRIPTIONS_STOPPED, (choice("sub", Msg.SUBSCRIPTIONS_CHOOSE_BUTTON), *back_to_menu())
        )
