"""contract version 2: clearances, session tokens and what hurt, plans' walking and lessons;
answers and sessions upgraded

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Data: answers saved under version 1 get the version 2 answers that change nothing (the old
osteoporosis-or-steroids red flag becomes the `osteoporosis` answer); a check-in's old
osteoporosis flag moves into its note; a session counts as completed when at least half of its
plan's exercises were done. The rules are written out here, as they stood, so later code changes
cannot change what this migration did.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_FLAG = "osteoporosis_or_steroids"
OLD_FLAG_NOTE = "(Reported then: osteoporosis or long-term steroid tablets.)"
NEW_ANSWERS = {
    "leg_symptoms": "none",
    "arm_symptoms": False,
    "pregnant": False,
    "floor_ok": True,
    "falls_last_year": False,
    "morning_stiffness": False,
    "skin_conditions": [],
}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def upgrade_answers(answers: dict[str, Any]) -> dict[str, Any]:
    if "leg_symptoms" in answers:
        return answers
    flags = answers.get("red_flags", [])
    kept = [f for f in flags if f != OLD_FLAG]
    return {**answers, **NEW_ANSWERS, "osteoporosis": OLD_FLAG in flags, "red_flags": kept}


def _upgrade_rows(connection: sa.Connection) -> None:
    meta = sa.MetaData()
    assessments = sa.Table("assessments", meta, autoload_with=connection)
    checkins = sa.Table("checkins", meta, autoload_with=connection)
    sessions = sa.Table("sessions", meta, autoload_with=connection)
    plans = sa.Table("plans", meta, autoload_with=connection)
    for key, answers in connection.execute(sa.select(assessments.c.id, assessments.c.answers)).all():
        upgraded = upgrade_answers(_json(answers))
        connection.execute(assessments.update().where(assessments.c.id == key).values(answers=upgraded))
    marked = sa.select(checkins.c.id, checkins.c.red_flags, checkins.c.note)
    for key, flags, note in connection.execute(marked).all():
        if OLD_FLAG in _json(flags):
            kept = [f for f in _json(flags) if f != OLD_FLAG]
            values = {"red_flags": kept, "note": f"{note} {OLD_FLAG_NOTE}".strip()}
            connection.execute(checkins.update().where(checkins.c.id == key).values(**values))
    plan_items = connection.execute(sa.select(plans.c.id, plans.c["items"])).all()
    planned = {key: len(_json(items)) for key, items in plan_items}
    played = sa.select(sessions.c.id, sessions.c.plan_id, sessions.c.items_done)
    for key, plan_id, done in connection.execute(played).all():
        if plan_id in planned:
            completed = planned[plan_id] > 0 and 2 * len(_json(done)) >= planned[plan_id]
            connection.execute(sessions.update().where(sessions.c.id == key).values(completed=completed))


def upgrade() -> None:
    op.create_table(
        "clearances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flag", sa.String(length=60), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearances")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hurt", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("token", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_sessions_token"), ["token"])
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.alter_column("hurt", server_default=None)
    # Plain ADD COLUMN, never a batch copy: on SQLite a copy drops `plans`, and its ON DELETE SET NULL
    # would cut every session off from its plan. The server default stays for the same reason.
    op.add_column("plans", sa.Column("walking", sa.JSON(), nullable=True))
    op.add_column("plans", sa.Column("lessons", sa.JSON(), nullable=False, server_default="[]"))
    _upgrade_rows(op.get_bind())


def downgrade() -> None:
    op.drop_column("plans", "lessons")
    op.drop_column("plans", "walking")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_sessions_token"), type_="unique")
        batch_op.drop_column("token")
        batch_op.drop_column("hurt")
    op.drop_table("clearances")
