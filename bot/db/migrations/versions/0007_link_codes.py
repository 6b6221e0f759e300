"""link codes: one person joins their chat apps with a short code (issue 6, point 8)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 00:37:19.658172
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "link_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("identity_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", bot.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", bot.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_link_codes_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["identity_id"],
            ["client_identities.id"],
            name=op.f("fk_link_codes_identity_id_client_identities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_codes")),
        sa.UniqueConstraint("client_id", name=op.f("uq_link_codes_client_id")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_link_codes_code_hash")),
    )
    op.create_table(
        "link_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity_id", sa.Integer(), nullable=False),
        sa.Column("at", bot.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["identity_id"],
            ["client_identities.id"],
            name=op.f("fk_link_failures_identity_id_client_identities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_failures")),
    )
    with op.batch_alter_table("link_failures", schema=None) as batch_op:
        batch_op.create_index("ix_link_failures_identity_at", ["identity_id", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("link_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_link_failures_identity_at")

    op.drop_table("link_failures")
    op.drop_table("link_codes")
