"""Tables for clients, their channel identities, conversations and messages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.db.base import Base, utcnow


class Client(Base):
    """A person who writes to the centre; only what the features need, no names or documents."""

    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    locale: Mapped[str | None] = mapped_column(String(8))
    consent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    identities: Mapped[list[ClientIdentity]] = relationship(back_populates="client")


class ClientIdentity(Base):
    """One channel account of a client: `tg` + chat id, `web` + browser uuid, ..."""

    __tablename__ = "client_identities"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    client: Mapped[Client] = relationship(back_populates="identities")


class LinkCode(Base):
    """A short code that joins another chat app to this client; only its hash is kept, and it works once."""

    __tablename__ = "link_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique: asking again replaces the client's code, so at most one is live.
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), unique=True)
    # The identity that asked: the same one sending it back is told to use the other app.
    identity_id: Mapped[int] = mapped_column(ForeignKey("client_identities.id", ondelete="CASCADE"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class LinkFailure(Base):
    """A wrong link code sent from an identity; a few in the last hour stop it guessing for a while."""

    __tablename__ = "link_failures"
    __table_args__ = (Index("ix_link_failures_identity_at", "identity_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    identity_id: Mapped[int] = mapped_column(ForeignKey("client_identities.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Conversation(Base):
    """The thread between the centre and one client identity."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    identity_id: Mapped[int] = mapped_column(
        ForeignKey("client_identities.id", ondelete="CASCADE"), unique=True
    )
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)


class Message(Base):
    """One message of a transcript, kept only with the client's consent and only for the retention period."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("conversation_id", "platform_message_id"),
        Index("ix_messages_conversation_created", "conversation_id", "created_at"),
        Index("ix_messages_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(3))  # "in" or "out"
    text: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str | None] = mapped_column(String(64))
    choices: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    platform_message_id: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
