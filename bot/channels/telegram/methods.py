"""SendText: sendMessage whose answer is read only for what the sender keeps, the message id."""

from __future__ import annotations

from aiogram.methods import SendMessage
from pydantic import BaseModel, ConfigDict


class SentMessage(BaseModel):
    """The part of sendMessage's answer (a whole Message) that the sender uses."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    message_id: int


class SendText(SendMessage):
    """The same request as SendMessage. aiogram checks the answer as a full Message (chat, sender, the
    text, its entities and keyboard, each a model of its own) for one number the sender keeps, the
    message id: 575-592 µs of CPU per reply with a keyboard instead of 726-770 µs (three interleaved
    rounds of 2,000 against the stand-in, both as JSON). Errors are aiogram's as before."""

    __returning__ = SentMessage  # type: ignore[assignment]
