"""Tables of the counsellor queue: a case per hand-off and the entries of its timeline."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from bot.db.base import Base, utcnow


class CaseStatus(StrEnum):
    WAITING = "waiting"  # nobody has taken it yet
    ASSIGNED = "assigned"  # a counsellor has it; the client wrote last (or nobody has answered yet)
    WAITING_CLIENT = "waiting_client"  # the counsellor answered; the client's turn
    CLOSED = "closed"


OPEN_STATUSES = (CaseStatus.WAITING, CaseStatus.ASSIGNED, CaseStatus.WAITING_CLIENT)


class Priority(IntEnum):
    """Lower goes first; urgent cases also alert every counsellor on duty."""

    URGENT = 0
    HIGH = 1
    NORMAL = 2


class Reason(StrEnum):
    """Why the assistant handed the client over."""

    ESCALATION = "escalation"  # a legal_* topic the assistant must never answer itself
    REQUEST = "request"  # the client asked for a person
    FALLBACK = "fallback"  # the assistant did not understand twice in a row


class Resolution(StrEnum):
    ANSWERED = "answered"
    REFERRED = "referred"
    APPOINTMENT = "appointment"
    NO_RESPONSE = "no_response"
    OUT_OF_SCOPE = "out_of_scope"
    DUPLICATE = "duplicate"
    CLIENT_LEFT = "client_left"  # set only when the client leaves, never chosen by staff


STAFF_RESOLUTIONS = tuple(r for r in Resolution if r is not Resolution.CLIENT_LEFT)


class EntryKind(StrEnum):
    CLIENT = "client"  # the client's words or file
    COUNSELLOR = "counsellor"  # a reply delivered to the client
    NOTE = "note"  # internal: never shown to the client
    EVENT = "event"  # opened, claimed, transferred, closed...: text is an event code, detail in `detail`


class Delivery(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"  # the client blocked the bot or the chat is gone
    FAILED = "failed"  # no channel could take it now


class Case(Base):
    """One hand-off from the assistant to a counsellor; at most one open case per client."""

    __tablename__ = "cases"
    __table_args__ = (
        # The database, not the code, guarantees one open case per client.
        Index(
            "uq_cases_open_client",
            "client_id",
            unique=True,
            sqlite_where=text("status != 'closed'"),
            postgresql_where=text("status != 'closed'"),
        ),
        Index("ix_cases_queue", "status", "priority", "opened_at"),
        Index("ix_cases_closed_at", "closed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    # Where replies go: the identity the client wrote from when the case opened (or last wrote from).
    user_ref: Mapped[str] = mapped_column(String(160))
    channel: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(8))
    topic: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(16))
    priority: Mapped[int] = mapped_column(default=int(Priority.NORMAL))
    status: Mapped[str] = mapped_column(String(16), default=CaseStatus.WAITING.value)
    counsellor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    # For the counsellor: the last messages before the hand-off and the NLU's top intents.
    context: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
    first_response_at: Mapped[datetime | None]
    last_client_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(32))
    satisfaction: Mapped[int | None]
    unreachable_at: Mapped[datetime | None]  # the last reply could not be delivered: blocked or gone
    sla_alerted_at: Mapped[datetime | None]
    staff_topic_id: Mapped[int | None]  # the Telegram staff group's forum topic, when one is configured


# Which cases are open, for queries: what uq_cases_open_client's WHERE says in SQL.
CASE_IS_OPEN = Case.status != CaseStatus.CLOSED.value


class CaseEntry(Base):
    """One item of a case's timeline; files are kept in the row so they share the case's retention."""

    __tablename__ = "case_entries"
    __table_args__ = (Index("ix_case_entries_case", "case_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str | None] = mapped_column(String(255))
    delivery: Mapped[str | None] = mapped_column(String(16))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_type: Mapped[str | None] = mapped_column(String(127))
    file_size: Mapped[int | None]
    file_content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
