"""Czech courses: what they are at a level, news when one opens, the placement test (`czech:<level>`)."""

from __future__ import annotations

from bot.channels.base import Choice, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.i18n.msg import Msg
from broadcasts.models import Topic
from broadcasts.subscriptions import SubscriptionBook
from dialogs.booking_payloads import service_payload
from dialogs.common import back_to_menu, contact_args
from scheduler.service import SlotScheduler

LEVELS = frozenset({"a1", "a2"})
# The scheduler's service for the test that places a newcomer in a course (scheduler/examples/usti.yml).
PLACEMENT_SERVICE = "czech_placement"


class CzechCourses:
    """Opened by the `course_a1` deep link (and `czech:<level>` buttons); news go through subscriptions."""

    def __init__(self, centre: CentreInfo, scheduler: SlotScheduler) -> None:
        self._centre = centre
        self._scheduler = scheduler

    def register(self, router: DialogRouter) -> None:
        router.on_payload("czech", self.show)

    async def show(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        level = ctx.arg if ctx.arg in LEVELS else "other"
        subscribed = Topic.CZECH_COURSES in await SubscriptionBook(ctx.session).topics(ctx.client.id)
        args = {"level": level, "subscribed": "yes" if subscribed else "no"}
        text = Text(Msg.COURSES_CZECH, {**args, **contact_args(self._centre, ctx.locale)})
        buttons: list[Choice] = [
            # The subscription dialog's own toggle: pressing it subscribes and shows every topic.
            choice(
                f"sub:t:{Topic.CZECH_COURSES.value}",
                Msg.SUBSCRIPTIONS_TOPIC,
                topic=Topic.CZECH_COURSES.value,
                on=args["subscribed"],
            )
        ]
        placement = await self._scheduler.service_by_code(ctx.session, PLACEMENT_SERVICE)
        if placement is not None:
            buttons.append(
                choice(
                    service_payload(placement.id), Msg.BOOKING_SERVICE_BUTTON, name=placement.name(ctx.locale)
                )
            )
        return Step([Reply(lines=(text,), choices=(*buttons, *back_to_menu()))])
