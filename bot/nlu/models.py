"""The learning loop's table: messages the assistant did not understand, kept to become training data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base, utcnow


class NluMiss(Base):
    """Stored only for clients who consented, and deleted with their transcript."""

    __tablename__ = "nlu_misses"
    __table_args__ = (Index("ix_nlu_misses_created_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    top_intents: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    reviewed: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
