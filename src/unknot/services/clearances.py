"""A clinician's all-clear: `unknot cleared FLAG`, recorded in the journal."""

from __future__ import annotations

from unknot.core.answers import CLINICIAN_FLAGS, EMERGENCY_FLAGS
from unknot.core.checkins import parse_date
from unknot.core.errors import UserError
from unknot.core.progress import ESCALATION, Clearance
from unknot.services import preferences, reminders
from unknot.services.context import Context
from unknot.storage import repository


def record(ctx: Context, flag: str, date_text: str | None = None) -> Clearance:
    """A clinician checked the person for a red flag (or for an escalation) on a date."""
    if flag in EMERGENCY_FLAGS:
        raise UserError(
            f"flag: '{flag}' is an emergency sign: it cannot be cleared here; once you have been treated, "
            "answer the questions again ('unknot start')"
        )
    if flag not in (*CLINICIAN_FLAGS, ESCALATION):
        raise UserError(f"flag: unknown '{flag}' (known: {', '.join([*CLINICIAN_FLAGS, ESCALATION])})")
    clearance = Clearance(flag, parse_date(date_text, ctx.today()))
    with ctx.store.writing() as db:
        repository.add_clearance(db, clearance, ctx.now())
    reminders.refresh_config(ctx, preferences.get(ctx))
    return clearance
