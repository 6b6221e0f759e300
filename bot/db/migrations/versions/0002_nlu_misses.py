"""nlu misses for the learning loop

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 19:58:50.859508
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "nlu_misses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("top_intents", sa.JSON(), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("created_at", bot.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_nlu_misses_client_id_clients"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nlu_misses")),
    )
    with op.batch_alter_table("nlu_misses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_nlu_misses_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_nlu_misses_created_at", ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("nlu_misses", schema=None) as batch_op:
        batch_op.drop_index("ix_nlu_misses_created_at")
        batch_op.drop_index(batch_op.f("ix_nlu_misses_client_id"))

    op.drop_table("nlu_misses")
