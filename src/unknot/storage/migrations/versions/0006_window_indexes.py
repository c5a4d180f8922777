"""indexes for the windows pages read

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FLAGGED = sa.text("CAST(red_flags AS TEXT) != '[]'")


def upgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkins_recorded_at"), ["recorded_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_checkins_flagged"),
            ["date"],
            unique=False,
            sqlite_where=FLAGGED,
            postgresql_where=FLAGGED,
        )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_recorded_at"), ["recorded_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sessions_completed"), ["completed", "date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_completed"))
        batch_op.drop_index(batch_op.f("ix_sessions_recorded_at"))
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkins_flagged"))
        batch_op.drop_index(batch_op.f("ix_checkins_recorded_at"))
