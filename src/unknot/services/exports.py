"""The journal in formats other tools read: json (re-importable), csv, fhir and ics."""

from __future__ import annotations

import json
from dataclasses import dataclass

from unknot.core.errors import UserError
from unknot.exports.calendar import session_calendar
from unknot.exports.fhir import journal_bundle
from unknot.exports.tables import journal_csv
from unknot.services import backup, checkins, plans, preferences, progress
from unknot.services.context import Context
from unknot.storage import repository

FORMATS = {
    "json": ("application/json", "unknot-journal.json"),
    "csv": ("text/csv", "unknot-journal.csv"),
    "fhir": ("application/fhir+json", "unknot-fhir-bundle.json"),
    "ics": ("text/calendar", "unknot-daily-session.ics"),
}


@dataclass(frozen=True)
class Export:
    body: bytes
    media_type: str
    filename: str


def export(ctx: Context, format_: str) -> Export:
    """The whole journal in one format."""
    if format_ not in FORMATS:
        raise UserError(f"format: must be one of {', '.join(FORMATS)}, not '{format_}'")
    media_type, filename = FORMATS[format_]
    return Export(_body(ctx, format_), media_type, filename)


def _body(ctx: Context, format_: str) -> bytes:
    forms = ctx.library.questionnaires
    if format_ == "json":
        return (json.dumps(backup.export_document(ctx), indent=2, ensure_ascii=False) + "\n").encode()
    if format_ == "csv":
        return journal_csv(checkins.history(ctx), progress.responses(ctx), list(forms)).encode()
    if format_ == "fhir":
        with ctx.store.reading() as db:
            bundle = journal_bundle(repository.checkins(db), repository.responses(db), forms, ctx.now())
        return (json.dumps(bundle, indent=2) + "\n").encode()
    now = plans.current(ctx)
    plan = now.plan if now else None
    return session_calendar(plan, preferences.get(ctx).session_time, ctx.today(), ctx.now())
