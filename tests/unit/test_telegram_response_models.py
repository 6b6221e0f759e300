"""aiogram's response models are built once per process, not again after every garbage collection."""

from __future__ import annotations

import gc

from aiogram.methods.base import Response
from aiogram.types import Message

from bot.channels.telegram.methods import SentMessage
from bot.channels.telegram.response_models import pin_response_models


def test_the_models_a_reply_needs_survive_garbage_collection() -> None:
    assert pin_response_models() > 100  # every Bot API method
    # sendMessage's answer, sendChatAction's, and the sender's SendText's.
    before = (Response[Message], Response[bool], Response[SentMessage])
    gc.collect()
    after = (Response[Message], Response[bool], Response[SentMessage])
    # The same classes: pydantic did not build them again (a few milliseconds a call on a busy bot).
    assert all(a is b for a, b in zip(before, after, strict=True))
