"""ChatDriver: talks to the real engine like a channel would and keeps what the client saw."""

from __future__ import annotations

from bot.app import Assistant
from bot.channels.base import InboundMessage, Outbound, RenderedReply


class ChatDriver:
    def __init__(self, assistant: Assistant, user_ref: str, locale_hint: str | None = None) -> None:
        self.assistant = assistant
        self.user_ref = user_ref
        self.locale_hint = locale_hint
        self.last: Outbound | None = None

    async def send(self, text: str, message_id: str | None = None) -> list[RenderedReply]:
        msg = InboundMessage.text_message(
            self.user_ref, text, locale_hint=self.locale_hint, platform_message_id=message_id
        )
        return await self._handle(msg)

    async def open(self, link: str = "") -> list[RenderedReply]:
        """Open the chat as a deep link does (`t.me/<bot>?start=<link>`)."""
        return await self._handle(InboundMessage.opened(self.user_ref, link, locale_hint=self.locale_hint))

    async def press(self, payload: str) -> list[RenderedReply]:
        return await self._handle(InboundMessage.button(self.user_ref, payload, locale_hint=self.locale_hint))

    async def press_label(self, label_part: str) -> list[RenderedReply]:
        """Press the button of the last reply whose label contains `label_part`."""
        for reply in reversed(self.rendered()):
            for choice in reply.choices:
                if label_part in choice.label:
                    return await self.press(choice.payload)
        raise AssertionError(f"no button containing {label_part!r} in {self.rendered()!r}")

    async def onboard(self, locale: str = "en") -> list[RenderedReply]:
        """First contact done the way a client does it: agree, then pick the language."""
        await self.send("hello")
        await self.press("start:agree")
        return await self.press(f"lang:{locale}")

    def rendered(self) -> list[RenderedReply]:
        return self.assistant.translator.render_outbound(self.last) if self.last else []

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.rendered())

    @property
    def payloads(self) -> list[str]:
        return [c.payload for r in self.rendered() for c in r.choices]

    async def _handle(self, message: InboundMessage) -> list[RenderedReply]:
        self.last = await self.assistant.engine.handle(message)
        return self.rendered()
