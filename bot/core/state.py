"""ConversationState: what the engine remembers between two messages of one client."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot import json_codec

# Enough to recognise a message re-sent after a reconnect, small enough to store every time.
RECENT_IDS_KEPT = 50


@dataclass
class ConversationState:
    """Serialisable to JSON so that Redis and memory stores behave the same."""

    user_ref: str
    dialog: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    misses: int = 0
    locale: str | None = None  # the language of this conversation so far, before one is stored
    recent_message_ids: list[str] = field(default_factory=list)
    version: int = 0

    def remember_message_id(self, message_id: str) -> None:
        self.recent_message_ids.append(message_id)
        del self.recent_message_ids[:-RECENT_IDS_KEPT]

    def enter(self, dialog: str | None, step: str | None = None, **data: Any) -> None:
        """Move to a dialog step, dropping the data of the previous one."""
        self.dialog, self.step, self.data = dialog, step, dict(data)

    def reset(self) -> None:
        self.enter(None)
        self.misses = 0

    def to_json(self) -> str:
        return json_codec.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str | bytes) -> ConversationState:
        data = json_codec.loads(raw)
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)
