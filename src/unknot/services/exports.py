"""Exports and the clinician's report: the journal in formats other tools and people can read."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from unknot.content.schema import Library
from unknot.core.errors import UserError
from unknot.core.journal import HistoryDay
from unknot.core.progress import Progress
from unknot.core.questionnaires import Response
from unknot.core.result import Assessment, Plan
from unknot.exports.calendar import session_calendar
from unknot.exports.fhir import journal_bundle
from unknot.exports.tables import journal_csv
from unknot.services import followup
from unknot.storage import repository

if TYPE_CHECKING:
    from unknot.services.journal import Journal

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


def export(journal: Journal, format_: str) -> Export:
    """The whole journal in one format: json (re-importable), csv, fhir or ics."""
    if format_ not in FORMATS:
        raise UserError(f"format: must be one of {', '.join(FORMATS)}, not '{format_}'")
    media_type, filename = FORMATS[format_]
    return Export(_body(journal, format_), media_type, filename)


def _body(journal: Journal, format_: str) -> bytes:
    if format_ == "json":
        return (json.dumps(journal.export_document(), indent=2, ensure_ascii=False) + "\n").encode()
    if format_ == "csv":
        return journal_csv(journal.history(), followup.responses(journal)).encode()
    if format_ == "fhir":
        with journal.store.sessions() as db:
            checkins = repository.checkins(db)
        bundle = journal_bundle(checkins, followup.responses(journal), journal.clock.now())
        return (json.dumps(bundle, indent=2) + "\n").encode()
    current = journal.current()
    plan = current.plan if current else None
    return session_calendar(plan, journal.prefs().session_time, journal.today(), journal.clock.now())


@dataclass(frozen=True)
class ReportData:
    """Everything the clinician's report shows, gathered once."""

    generated: dt.date
    assessed_on: dt.date | None
    assessment: Assessment | None
    plan: Plan | None
    plan_changes: list[tuple[dt.date, str]]
    progress: Progress
    days: list[HistoryDay]
    responses: list[Response]
    library: Library


def report_data(journal: Journal) -> ReportData:
    current = journal.current()
    assessed_on, changes = None, []
    with journal.store.sessions() as db:
        row = repository.current_assessment(db)
        if row is not None:
            zone = journal.clock.now().tzinfo
            assessed_on = row.created_at.astimezone(zone).date()
            plans = repository.plan_history(db, row.id)
            changes = [(p.created_at.astimezone(zone).date(), p.reason) for p in plans[1:]]
    return ReportData(
        generated=journal.today(),
        assessed_on=assessed_on,
        assessment=current.assessment if current else None,
        plan=current.plan if current else None,
        plan_changes=changes,
        progress=followup.progress(journal),
        days=journal.history(),
        responses=followup.responses(journal),
        library=journal.library,
    )
