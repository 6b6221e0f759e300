"""While a case is open the assistant is quiet: the client's words and files go to the counsellor."""

from __future__ import annotations

from bot.channels.base import InboundKind
from bot.core.dialogs import (
    DialogContext,
    DialogRouter,
    Step,
    opens_conversation,
    parse_command,
    split_payload,
)
from bot.i18n.msg import Msg
from counselling import queue
from counselling.desk import CaseDesk, leave_choice
from counselling.models import Case
from dialogs.common import main_menu, menu_choices
from dialogs.link_redeem import COMMAND as CONNECT

# What a channel adapter names a file it did not download because it is over queue.MAX_FILE_BYTES.
FILE_TOO_LARGE = "file_too_large"
# Buttons that still work during a case: leaving it, rating, booking (offered out of hours), and the
# connected apps (a code sent from another app passes anyway: dialogs/link_redeem.py is an earlier gate).
PASS_THROUGH = frozenset({"case", "book", "bk", "appt", "link"})
# Typed commands are words for the counsellor, except asking for a code to connect another app, which
# nobody would say to a person (and the other app then joins this very conversation).
PASS_COMMANDS = frozenset({CONNECT})


class CaseRelay:
    def __init__(self, desk: CaseDesk) -> None:
        self._desk = desk

    def register(self, router: DialogRouter) -> None:
        router.add_gate(self.applies, self.relay)
        router.on_payload("case", self.case_button)

    async def applies(self, ctx: DialogContext) -> bool:
        message = ctx.message
        if message.kind is InboundKind.PAYLOAD and split_payload(message.payload)[0] in PASS_THROUGH:
            return False
        command = parse_command(message.text.strip()) if message.kind is InboundKind.TEXT else None
        if command is not None and command[0] in PASS_COMMANDS:
            return False
        # Read with the client, in the engine's first statement of this transaction.
        return ctx.thread.open_case_id is not None

    async def relay(self, ctx: DialogContext) -> Step:
        assert ctx.thread.open_case_id is not None  # the gate just found it, inside this transaction
        case = await ctx.session.get(Case, ctx.thread.open_case_id)
        if case is None:  # erased with its client by a counsellor this very moment: nothing to relay to
            return main_menu()
        message, now = ctx.message, self._desk.now()
        if message.kind is InboundKind.PAYLOAD or opens_conversation(message):
            # An old button, or /start and deep links (a course announcement's link): the menu is paused.
            return Step.say(Msg.CASE_BUTTON_DURING, (leave_choice(),))
        if message.kind is InboundKind.UNSUPPORTED:
            await queue.note_unreadable(ctx.session, case, message.payload or "unknown", now)
            if message.payload == FILE_TOO_LARGE:
                megabytes = queue.MAX_FILE_BYTES // (1024 * 1024)
                step = Step.say(Msg.CASE_FILE_TOO_LARGE, (leave_choice(),), megabytes=megabytes)
            else:
                step = Step.say(Msg.CASE_ONLY_WORDS, (leave_choice(),))
            return self._after(step, case.id, case.priority, None)
        if message.kind is InboundKind.FILE and message.attachment is not None:
            file = message.attachment
            entry = await queue.add_client_message(
                ctx.session,
                case,
                message.text,
                now=now,
                user_ref=message.user_ref,
                file=(file.filename, file.media_type, file.content),
            )
            step = Step()
            if len(file.content) > queue.MAX_FILE_BYTES:  # kept as an event, so the counsellor knows
                megabytes = queue.MAX_FILE_BYTES // (1024 * 1024)
                step = Step.say(Msg.CASE_FILE_TOO_LARGE, (leave_choice(),), megabytes=megabytes)
            return self._after(step, case.id, case.priority, entry.id)
        text = message.text.strip()
        if not text:
            return Step()
        entry = await queue.add_client_message(ctx.session, case, text, now=now, user_ref=message.user_ref)
        return self._after(Step(), case.id, case.priority, entry.id)

    async def case_button(self, ctx: DialogContext) -> Step:
        """`case:leave` and `case:rate:<case>:<score>`."""
        action, _, rest = ctx.arg.partition(":")
        if action == "leave":
            return await self._leave(ctx)
        if action == "rate":
            case_text, _, score_text = rest.partition(":")
            if case_text.isdigit() and score_text.isdigit():
                rated = await queue.rate(
                    ctx.session, int(case_text), ctx.client.id, int(score_text), self._desk.now()
                )
                return Step.say(Msg.CASE_RATED if rated else Msg.CASE_RATE_STALE, menu_choices())
        ctx.state.reset()
        return Step.say(Msg.INPUT_STALE_BUTTON, menu_choices())

    async def _leave(self, ctx: DialogContext) -> Step:
        case = await queue.open_case_of(ctx.session, ctx.client.id)
        if case is None:  # already closed by the counsellor: the client simply gets the menu
            return main_menu()
        await queue.leave(ctx.session, case, self._desk.now())
        ctx.state.reset()
        case_id, priority = case.id, case.priority

        async def announce() -> None:
            await self._desk.client_left(case_id, priority)

        step = Step.say(Msg.CASE_LEFT).then(main_menu())
        step.after_commit.append(announce)
        return step

    def _after(self, step: Step, case_id: int, priority: int, entry_id: int | None) -> Step:
        async def announce() -> None:
            await self._desk.client_wrote(case_id, priority, entry_id)

        step.after_commit.append(announce)
        return step
