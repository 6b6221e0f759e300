"""Deep links: the payload a conversation is opened with, mapped to the dialog it names.

A link such as `https://t.me/<bot>?start=course_a1` (or the web chat's `/?start=course_a1`) arrives as an
InboundKind.START with payload `course_a1`. Payloads are `[A-Za-z0-9_-]{1,64}` (Telegram's rule), read
case-insensitively:

    menu                     the main menu
    book                     booking: the list of services
    book_<service code>      booking of that service, e.g. book_legal_counselling, book_mock_exam
                             (a code the scheduler does not offer: the list of services)
    course_a1, course_a2     Czech courses of that level: booking of the scheduler's `czech_a1` / `czech_a2`
                             service when it has one, else what the courses are, news about them and the
                             placement test
    courses                  course news: choose topics
    exams                    the A2 exam for permanent residence
    mock_exam                the centre's mock exam (with booking)
    adaptation               the adaptation-integration course "Vítejte v ČR"
    human                    a counsellor (opens a case)
    help                     help and the centre's contacts
    lang_<code>              the language, e.g. lang_uk; before consent the privacy notice is in it at once

A new client first goes through the privacy notice and the language (dialogs/first_contact.py keeps the
link in the conversation state) and then lands where the link points. Unknown links get the usual welcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import structlog

from bot.core.dialogs import DialogContext, DialogRouter, Step, split_payload
from bot.nlu.intents import Intent
from dialogs.booking_payloads import service_payload
from dialogs.common import main_menu
from scheduler.service import SlotScheduler

log = structlog.get_logger(__name__)

LINK_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# Service codes of scheduler YAML files (scheduler/examples/usti.yml).
_SERVICE_CODE = re.compile(r"^[a-z0-9_-]+$")
COURSE_LEVELS = ("a1", "a2")
# Links that open what a button of the same payload opens.
FIXED: dict[str, str] = {
    "menu": "menu",
    "book": "book",
    "courses": "courses",
    "human": "human",
    "help": "help",
    "exams": f"topic:{Intent.EXAM_PERMANENT_RESIDENCE.value}",
    "mock_exam": f"topic:{Intent.MOCK_EXAM.value}",
    "adaptation": f"topic:{Intent.ADAPTATION_COURSE.value}",
}


@dataclass(frozen=True)
class Link:
    """Where a link leads: a button payload, or booking `service` instead when the scheduler has it."""

    payload: str
    service: str | None = None
    locale: str | None = None  # a `lang_<code>` link


def resolve(raw: str, enabled_locales: tuple[str, ...]) -> Link | None:
    """The destination of a link payload; None for one we do not know (or that is not a payload)."""
    if not LINK_PATTERN.match(raw):
        return None
    link = raw.lower()
    if link in FIXED:
        return Link(FIXED[link])
    head, _, rest = link.partition("_")
    if head == "course" and rest in COURSE_LEVELS:
        return Link(f"czech:{rest}", service=f"czech_{rest}")
    if head == "lang" and rest in enabled_locales:
        return Link(f"lang:{rest}", locale=rest)
    if head == "book" and _SERVICE_CODE.match(rest):
        return Link("book", service=rest)
    return None


def recognise(raw: str, enabled_locales: tuple[str, ...]) -> Link | None:
    """resolve(), with a debug line for a link we do not know (it gets the usual welcome)."""
    link = resolve(raw, enabled_locales)
    if link is None:
        # Anyone can type `/start whatever`: only a well-formed payload is worth repeating in the log.
        log.debug("deep_link_unknown", link=raw if LINK_PATTERN.match(raw) else None)
    return link


class DeepLinks:
    """`/start` with or without a link, once the client has agreed to the privacy notice."""

    def __init__(self, router: DialogRouter, scheduler: SlotScheduler) -> None:
        self._router = router  # the dialogs a link opens are the ones its button payload opens
        self._scheduler = scheduler

    def register(self, router: DialogRouter) -> None:
        router.on_command("start", self.start)

    async def start(self, ctx: DialogContext) -> Step:
        if not ctx.arg:
            ctx.state.reset()
            return main_menu()
        return await self.follow(ctx, ctx.arg)

    async def follow(self, ctx: DialogContext, raw: str) -> Step:
        """Run the dialog `raw` names; the main menu for a link we do not know."""
        link = recognise(raw, ctx.enabled_locales)
        if link is None:
            ctx.state.reset()
            return main_menu()
        payload = link.payload
        if link.service is not None:
            service = await self._scheduler.service_by_code(ctx.session, link.service)
            payload = service_payload(service.id) if service is not None else payload
        prefix, ctx.arg = split_payload(payload)
        handler = self._router.payload_handler(prefix)
        if handler is None:  # a dialog left out of this build: the welcome rather than an error
            log.warning("deep_link_target_missing", link=raw.lower(), payload=payload)
            ctx.state.reset()
            return main_menu()
        log.debug("deep_link_followed", link=raw.lower())
        return await handler(ctx)
