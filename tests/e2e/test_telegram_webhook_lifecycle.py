"""Telegram webhook mode, start and stop: setWebhook as documented, and a stop that drains and leaves it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.channels.telegram import router as telegram_router
from bot.channels.telegram.webhook import derive_secret
from bot.i18n.msg import Msg
from bot.nlu.service import Understanding
from tests.e2e.telegram_webhook_app import (
    BACKENDS,
    PATH,
    TelegramClient,
    backend,
    running,
    telegram_standin,
    wait_until,
)
from tests.fakes import FAKE_TELEGRAM_TOKEN
from tests.standins.telegram_updates import person


@pytest.mark.parametrize("kind", BACKENDS)
async def test_start_sets_the_webhook_and_stop_drains_and_leaves_it(
    kind: str, tmp_path: Path, understanding: Understanding, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "typing…" at once: its request tells the test that the update is being handled.
    monkeypatch.setattr(telegram_router, "TYPING_AFTER_SECONDS", 0.0)
    async with (
        telegram_standin() as telegram,
        backend(kind, tmp_path) as stack,
    ):
        async with running(stack, understanding, telegram) as assistant:
            [hook] = telegram.calls_of("setWebhook")
            assert hook["url"].endswith(PATH)
            assert hook["secret_token"] == derive_secret(FAKE_TELEGRAM_TOKEN)
            assert hook["allowed_updates"] == ["callback_query", "message"]  # what the Dispatcher handles
            assert hook["drop_pending_updates"] is False  # what came while no process served is wanted
            olena = TelegramClient(assistant, telegram, person(5550001, "Olena", "uk"))
            assert await telegram.post_update(olena.update(text="Добрий день")) == (200, "ok")
            # Stop while the update is being handled: its answer still goes out before the session closes.
            await wait_until(lambda: bool(telegram.calls_of("sendChatAction")))
        assert olena.uk(Msg.FIRST_CONTACT_CONSENT_QUESTION) in olena.chat[0]["text"]
        assert telegram.calls_of("deleteWebhook") == []  # another process may be serving it
