"""the camera coach's counts per session, and the posture watch's days

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_coaching",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(length=64), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("hold_seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_coaching_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_coaching")),
    )
    with op.batch_alter_table("session_coaching", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_coaching_session_id"), ["session_id"], unique=False)
    op.create_table(
        "posture_days",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("watched_seconds", sa.Float(), nullable=False),
        sa.Column("slouch_seconds", sa.Float(), nullable=False),
        sa.Column("alerts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("date", name=op.f("pk_posture_days")),
    )


def downgrade() -> None:
    op.drop_table("posture_days")
    with op.batch_alter_table("session_coaching", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_coaching_session_id"))
    op.drop_table("session_coaching")
