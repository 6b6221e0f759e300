"""broadcasts: subscriptions, broadcasts and their delivery outbox

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 22:13:09.481605
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.base

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "broadcasts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("empty_language", sa.String(length=16), nullable=False),
        sa.Column("fallback_locale", sa.String(length=8), nullable=False),
        sa.Column("signup_payload", sa.String(length=62), nullable=True),
        sa.Column("info_url", sa.String(length=500), nullable=True),
        sa.Column("audience", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("scheduled_at", bot.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", bot.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("started_at", bot.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("finished_at", bot.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["staff_users.id"],
            name=op.f("fk_broadcasts_created_by_staff_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
    )
    with op.batch_alter_table("broadcasts", schema=None) as batch_op:
        batch_op.create_index("ix_broadcasts_status", ["status"], unique=False)

    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("consented_at", bot.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("unreachable_at", bot.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_subscriptions_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_subscriptions_location_id_locations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.UniqueConstraint("client_id", "topic", name=op.f("uq_subscriptions_client_id_topic")),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.create_index("ix_subscriptions_topic", ["topic"], unique=False)

    op.create_table(
        "broadcast_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("broadcast_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("user_ref", sa.String(length=160), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("parts_sent", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", bot.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("lease_until", bot.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("sent_at", bot.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("platform_message_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["broadcast_id"],
            ["broadcasts.id"],
            name=op.f("fk_broadcast_deliveries_broadcast_id_broadcasts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_broadcast_deliveries_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcast_deliveries")),
        sa.UniqueConstraint(
            "broadcast_id", "client_id", name=op.f("uq_broadcast_deliveries_broadcast_id_client_id")
        ),
    )
    with op.batch_alter_table("broadcast_deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_broadcast_deliveries_client", ["client_id"], unique=False)
        batch_op.create_index("ix_broadcast_deliveries_due", ["status", "next_attempt_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("broadcast_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_broadcast_deliveries_due")
        batch_op.drop_index("ix_broadcast_deliveries_client")

    op.drop_table("broadcast_deliveries")
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_index("ix_subscriptions_topic")

    op.drop_table("subscriptions")
    with op.batch_alter_table("broadcasts", schema=None) as batch_op:
        batch_op.drop_index("ix_broadcasts_status")

    op.drop_table("broadcasts")
