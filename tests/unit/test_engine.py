"""The engine's guarantees: order per client, no duplicates, one transaction, clean shutdown, quiet logs."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from bot.app import Assistant
from bot.channels.base import InboundMessage, RenderedReply, Reply
from bot.clients.models import Client, Message
from bot.core.dialogs import DialogContext, Step
from bot.i18n.msg import Msg
from tests.driver import ChatDriver


async def transcript(assistant: Assistant) -> list[tuple[str, str]]:
    async with assistant.sessions() as session:
        rows = await session.execute(select(Message.direction, Message.text).order_by(Message.id))
        return [(d, t) for d, t in rows.all()]


async def test_resent_message_is_handled_once(chat: ChatDriver) -> None:
    await chat.onboard("en")
    first = await chat.send("question one", message_id="web-1")
    again = await chat.send("question one", message_id="web-1")
    assert first
    assert again == []
    inbound = [t for d, t in await transcript(chat.assistant) if d == "in" and t == "question one"]
    assert len(inbound) == 1


async def test_a_message_answered_before_a_restart_is_not_answered_again_when_redelivered(
    chat: ChatDriver,
) -> None:
    """The inbox hands a row over again when its worker died before marking it done; by then the
    conversation state (in memory) is gone, and only the transcript knows the message was answered."""
    await chat.onboard("en")
    stored = InboundMessage.text_message(
        chat.user_ref, "question one", platform_message_id="wamid.R1", first_delivery=True
    )
    assert (await chat.assistant.engine.handle(stored)).replies
    await chat.assistant.states.delete(chat.user_ref)  # the restart
    again = await chat.assistant.engine.handle(replace(stored, first_delivery=False))
    assert again.replies == ()
    inbound = [t for d, t in await transcript(chat.assistant) if d == "in" and t == "question one"]
    assert len(inbound) == 1


async def test_the_channel_sends_the_text_the_transcript_kept_translated_once(
    chat: ChatDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.onboard("en")
    translator = chat.assistant.translator
    renders: list[object] = []
    real_render = translator.render

    def counting_render(locale: str, reply: Reply) -> RenderedReply:
        renders.append(reply)
        return real_render(locale, reply)

    monkeypatch.setattr(translator, "render", counting_render)
    outbound = await chat.assistant.engine.handle(
        InboundMessage.text_message(chat.user_ref, "What are your opening hours?")
    )
    sent = translator.render_outbound(outbound)  # what a channel does with it
    assert len(renders) == len(outbound.replies) > 0  # for the transcript, not again for the channel
    kept = [t for d, t in await transcript(chat.assistant) if d == "out"][-len(sent) :]
    assert [reply.text for reply in sent] == kept


async def test_messages_of_one_client_are_handled_in_order(chat: ChatDriver) -> None:
    await chat.onboard("en")
    texts = [f"message {i}" for i in range(8)]
    await asyncio.gather(*(chat.send(text) for text in texts))
    inbound = [t for d, t in await transcript(chat.assistant) if d == "in" and t.startswith("message ")]
    assert inbound == texts


async def test_a_failing_dialog_rolls_back_and_apologises(assistant: Assistant) -> None:
    chat = ChatDriver(assistant, "console:bob")
    await chat.onboard("cs")

    async def broken(ctx: DialogContext) -> Step:
        ctx.client.locale = "vi"  # a change that must not survive the failure
        raise RuntimeError("boom")

    assistant.router.on_payload("broken", broken)
    await chat.press("broken")
    assert chat.text == assistant.translator.format("cs", Msg.ERROR_TRY_AGAIN)
    async with assistant.sessions() as session:
        assert await session.scalar(select(Client.locale)) == "cs"
    await chat.send("/menu")
    assert assistant.translator.format("cs", Msg.MENU_TITLE) in chat.text


async def test_shutdown_waits_for_messages_in_flight(assistant: Assistant) -> None:
    chat = ChatDriver(assistant, "console:slow")
    await chat.onboard("en")
    release = asyncio.Event()

    async def slow(ctx: DialogContext) -> Step:
        await release.wait()
        return Step.say(Msg.MENU_TITLE)

    assistant.router.on_payload("slow", slow)
    handling = asyncio.create_task(chat.press("slow"))
    await asyncio.sleep(0.05)
    assert assistant.engine.inflight == 1
    assert not await assistant.engine.drain(grace_seconds=0.1)  # still busy: drain reports it
    asyncio.get_running_loop().call_later(0.1, release.set)
    assert await assistant.engine.drain(grace_seconds=5)
    assert (await handling)[0].text == assistant.translator.format("en", Msg.MENU_TITLE)
    async with assistant.sessions() as session:
        stored = await session.scalar(
            select(func.count()).select_from(Message).where(Message.payload == "slow")
        )
    assert stored == 1  # the message was committed, not lost


async def test_message_texts_never_reach_info_logs(
    chat: ChatDriver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    secret = "my residence card number is XY-998877"
    await chat.onboard("en")
    await chat.send(secret)
    await chat.assistant.engine.handle(InboundMessage.text_message(chat.user_ref, secret + "!"))
    records = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert records, "the engine logs each handled message"
    assert all("XY-998877" not in r.getMessage() and "alice" not in r.getMessage() for r in records)
