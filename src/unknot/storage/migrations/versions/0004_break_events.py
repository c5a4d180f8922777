"""break reminder events

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "break_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_events")),
        sa.UniqueConstraint("key", name=op.f("uq_break_events_key")),
    )
    with op.batch_alter_table("break_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_break_events_date"), ["date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("break_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_break_events_date"))
    op.drop_table("break_events")
