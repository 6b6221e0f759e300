"""Connected apps: get a code to connect another chat app, see the connected ones, disconnect one.

Payloads: `link` (the list), `link:code`, `link:drop:<identity id>` (asks), `link:dropok:<identity id>`;
also /connect and a typed keyword in any language. Sending the code from the other app is
dialogs/link_redeem.py (`link:join`, `link:keep`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from bot.channels.base import Choice, Reply, Text, choice
from bot.clients.linking import CODE_LIFETIME, MASK, LinkCodes
from bot.clients.merge import detach_identity, identities_of
from bot.clients.models import ClientIdentity
from bot.core.dialogs import DialogContext, DialogRouter, Step
from bot.db.base import utcnow
from bot.i18n.msg import Msg
from dialogs.booking_payloads import parse_id
from dialogs.common import back_to_menu
from dialogs.link_redeem import COMMAND, LinkRedeem


def link_words(words_per_locale: Iterable[str]) -> set[str]:
    """`connect, link apps` from each locale's link-keywords, as one set of words."""
    return {w.strip() for line in words_per_locale for w in line.split(",") if w.strip()}


class LinkAccounts:
    def __init__(
        self, redeem: LinkRedeem, words: Iterable[str] = (), clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.redeem = redeem
        self._words = tuple(words)
        self.clock = clock

    def register(self, router: DialogRouter) -> None:
        # Must be the first gate: a code from another app counts before consent and during a case.
        router.add_gate(self.redeem.applies, self.redeem.handle)
        router.on_payload("link", self.handle)
        router.on_command(COMMAND, self.issue)
        router.on_keywords(self._words, self.issue)

    async def handle(self, ctx: DialogContext) -> Step:
        action, _, raw_id = ctx.arg.partition(":")
        if action == "code":
            return await self.issue(ctx)
        identity_id = parse_id(raw_id)
        if action in ("drop", "dropok") and identity_id is not None:
            identities = await identities_of(ctx.session, ctx.client.id)
            target = next((i for i in identities if i.id == identity_id), None)
            current = ctx.thread.conversation.identity_id
            if target is not None and target.id != current:
                if action == "drop":
                    return self._ask_drop(identities, target)
                return await self._drop(ctx, target)
        return await self.show(ctx)

    async def issue(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        codes = LinkCodes(ctx.session, self.clock)
        code, _ = await codes.issue(ctx.client.id, ctx.thread.conversation.identity_id)
        buttons = (choice("link", Msg.LINK_APPS_BUTTON), *back_to_menu())
        minutes = int(CODE_LIFETIME.total_seconds() // 60)
        step = Step.say(Msg.LINK_CODE, buttons, code=code, minutes=minutes)
        step.transcript = [Reply.of(Msg.LINK_CODE, buttons, code=MASK, minutes=minutes)]
        return step

    async def show(self, ctx: DialogContext) -> Step:
        ctx.state.reset()
        identities = await identities_of(ctx.session, ctx.client.id)
        current = ctx.thread.conversation.identity_id
        lines = [Text(Msg.LINK_APPS_TITLE)]
        lines += [
            Text(
                Msg.LINK_APPS_ITEM,
                {
                    "number": number,
                    "channel": identity.channel,
                    "since": identity.created_at,
                    "this": "yes" if identity.id == current else "no",
                },
            )
            for number, identity in enumerate(identities, start=1)
        ]
        drops = [
            choice(f"link:drop:{identity.id}", Msg.LINK_DROP_BUTTON, number=number, channel=identity.channel)
            for number, identity in enumerate(identities, start=1)
            if identity.id != current
        ]
        lines.append(Text(Msg.LINK_APPS_DROP_HINT if drops else Msg.LINK_APPS_ONLY_THIS))
        buttons: tuple[Choice, ...] = (choice("link:code", Msg.LINK_CODE_BUTTON), *drops, *back_to_menu())
        return Step([Reply(lines=tuple(lines), choices=buttons)])

    @staticmethod
    def _ask_drop(identities: list[ClientIdentity], target: ClientIdentity) -> Step:
        number = identities.index(target) + 1
        buttons = (choice(f"link:dropok:{target.id}", Msg.COMMON_YES), choice("link", Msg.COMMON_NO))
        return Step.say(
            Msg.LINK_DROP_CONFIRM, buttons, number=number, channel=target.channel, since=target.created_at
        )

    async def _drop(self, ctx: DialogContext, target: ClientIdentity) -> Step:
        channel = target.channel
        if not await detach_identity(ctx.session, ctx.client, target.id, self.clock()):
            return await self.show(ctx)
        ctx.state.reset()
        return Step.say(
            Msg.LINK_DROPPED, (choice("link", Msg.LINK_APPS_BUTTON), *back_to_menu()), channel=channel
        )
