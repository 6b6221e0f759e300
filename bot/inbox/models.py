"""The inbox table: one row per platform message, kept (without its content) while the platform may retry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base, utcnow


class InboxMessage(Base):
    """A message a webhook accepted; `body` is cleared once processed, the ids stay for de-duplication."""

    __tablename__ = "inbox"
    __table_args__ = (
        # A webhook retried by the platform inserts nothing: this key is the exactly-once guarantee.
        UniqueConstraint("channel", "platform_message_id"),
        Index("ix_inbox_pending", "processed_at", "user_ref", "id"),
        # The waiting rows alone, without the processed ones kept for de-duplication, which claims
        # (statements.CLAIM_HEADS) otherwise read through on PostgreSQL.
        Index(
            "ix_inbox_waiting",
            "id",
            postgresql_where=text("processed_at IS NULL"),
            sqlite_where=text("processed_at IS NULL"),
        ),
        Index("ix_inbox_user_sent", "user_ref", "sent_at"),
        Index("ix_inbox_received_at", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    platform_message_id: Mapped[str] = mapped_column(String(255))
    user_ref: Mapped[str] = mapped_column(String(160))
    body: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    sent_at: Mapped[datetime]  # when the client sent it, by the platform's clock
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    processed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))  # "done", or "failed" after every attempt
