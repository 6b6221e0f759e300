"""Tables of broadcasts: subscriptions, announcements and the outbox (one delivery row per recipient)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base, utcnow


class Topic(StrEnum):
    """What a client may subscribe to; the value is stored, so never rename one."""

    CZECH_COURSES = "czech_courses"
    ADAPTATION_COURSE = "adaptation_course"
    EXAMS = "exams"
    EVENTS = "events"
    NEWS = "news"


TOPICS = frozenset(t.value for t in Topic)


class BroadcastStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    PAUSED = "paused"
    CANCELLED = "cancelled"
    DONE = "done"


class DeliveryStatus(StrEnum):
    """`sending` means the platform may already have the message: such a row is never sent blindly again."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    BLOCKED = "blocked"
    SKIPPED = "skipped"


class EmptyLanguage(StrEnum):
    """What clients whose language has no text get: the fallback language's text, or nothing."""

    FALLBACK = "fallback"
    SKIP = "skip"


class Subscription(Base):
    """A client's opt-in to one topic, optionally for one branch; its creation time is the consent time."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("client_id", "topic"), Index("ix_subscriptions_topic", "topic"))

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(32))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id", ondelete="SET NULL"))
    consented_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when the platform told us the client blocked the bot or the chat is gone: nobody is messaged
    # again until they come back and subscribe (which clears it).
    unreachable_at: Mapped[datetime | None]


class Broadcast(Base):
    """An announcement: the coordinator's own words per language (never run through Fluent)."""

    __tablename__ = "broadcasts"
    __table_args__ = (Index("ix_broadcasts_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    texts: Mapped[dict[str, str]] = mapped_column(JSON)  # locale -> text
    empty_language: Mapped[str] = mapped_column(String(16), default=EmptyLanguage.FALLBACK.value)
    fallback_locale: Mapped[str] = mapped_column(String(8), default="cs")
    signup_payload: Mapped[str | None] = mapped_column(String(62))  # bk:svc:<service> or bk:w:<appointment>
    info_url: Mapped[str | None] = mapped_column(String(500))
    audience: Mapped[dict[str, Any]] = mapped_column(JSON)  # topics, locales, channels, location_ids
    status: Mapped[str] = mapped_column(String(16), default=BroadcastStatus.DRAFT.value)
    scheduled_at: Mapped[datetime | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class Delivery(Base):
    """The outbox: one row per recipient, claimed by one sender at a time (lease), sent at most once."""

    __tablename__ = "broadcast_deliveries"
    __table_args__ = (
        UniqueConstraint("broadcast_id", "client_id"),
        Index("ix_broadcast_deliveries_due", "status", "next_attempt_at"),
        Index("ix_broadcast_deliveries_client", "client_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    broadcast_id: Mapped[int] = mapped_column(ForeignKey("broadcasts.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    user_ref: Mapped[str] = mapped_column(String(160))
    channel: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(8))  # the language of the text this client gets
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.QUEUED.value)
    attempts: Mapped[int] = mapped_column(default=0)
    parts_sent: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    platform_message_id: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
