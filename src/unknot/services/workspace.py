"""The clinician's workspace: their patients at a glance (escalations first), one patient's record,
and recording a clinician's all-clear. Every look at a patient's records is written to the audit log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unknot.core.answers import CLINICIAN_FLAGS
from unknot.core.care import CareNow
from unknot.core.history import HistoryDay
from unknot.core.progress import ESCALATION, Progress
from unknot.core.questionnaires import Response
from unknot.services import care, checkins, clearances, progress, reports
from unknot.services.clinic import Clinic, assigned_programme, audit, patient_context
from unknot.services.exports import Export
from unknot.storage import programme_rows, repository, server_repo
from unknot.storage.server_repo import Account

# What a clinician may clear: a warning sign that needs a clinician's check, or the pain rules.
FLAGS = (*CLINICIAN_FLAGS, ESCALATION)


@dataclass(frozen=True)
class PatientRow:
    """One line of the patient list."""

    patient: Account
    last_checkin: dt.date | None
    progress: Progress | None  # None before the first assessment
    scores: tuple[Response, ...]  # the newest answer to each questionnaire
    care: CareNow | None
    programme: str | None  # the name of the programme assigned, if any

    @property
    def needs_attention(self) -> bool:
        """An escalation, a warning sign or a triage that says to see a clinician."""
        return self.care is not None and self.care.level.needs_care


def _newest_scores(responses: list[Response]) -> tuple[Response, ...]:
    newest: dict[str, Response] = {}
    for response in sorted(responses, key=lambda r: r.date):
        newest[response.questionnaire] = response
    return tuple(newest[name] for name in sorted(newest))


def _row(clinic: Clinic, patient: Account) -> PatientRow:
    ctx = patient_context(clinic, patient)
    with ctx.one_session():
        with ctx.store.reading() as db:
            last = repository.last_checkin_date(db)
        now = care.now(ctx)
        assessed = now.triage is not None
        measured = progress.progress(ctx) if assessed else None
        scores = _newest_scores(progress.responses(ctx))
    with clinic.store.reading() as db:
        assigned = programme_rows.assigned(db, patient.id)
    programme = str(assigned.data.get("name", "")) if assigned is not None else None
    _, unfit = assigned_programme(clinic, patient.id, ctx.library)
    if programme and unfit:
        programme = f"{programme} (paused: it no longer fits the library; {unfit})"
    return PatientRow(patient, last, measured, scores, now if assessed else None, programme)


def patient_list(clinic: Clinic, viewer: Account) -> list[PatientRow]:
    """The viewer's patients (an admin's: every patient), those needing attention first, then the
    longest without a check-in."""
    with clinic.store.reading() as db:
        patients = server_repo.accounts(db, "patient", None if viewer.role == "admin" else viewer.id)
    rows = [_row(clinic, patient) for patient in patients if patient.journal is not None]
    audit(clinic, viewer, "read_list", None, f"{len(rows)} patients")
    return sorted(rows, key=lambda r: (not r.needs_attention, r.last_checkin or dt.date.min, r.patient.name))


RECORD_DAYS = 28  # the journal days a patient's record shows


def patient_row(clinic: Clinic, viewer: Account, patient: Account) -> PatientRow:
    audit(clinic, viewer, "read", patient.id, "record")
    return _row(clinic, patient)


def journal_days(clinic: Clinic, patient: Account) -> list[HistoryDay]:
    """The patient's latest days with a check-in or a session, newest first (their record's journal)."""
    days = checkins.recent_history(patient_context(clinic, patient), entries=RECORD_DAYS, weeks=1)
    return sorted(days, key=lambda d: d.date, reverse=True)[:RECORD_DAYS]


def record_cleared(clinic: Clinic, viewer: Account, patient: Account, flag: str) -> None:
    """A clinician's all-clear for a warning sign or the pain rules, in the patient's journal."""
    ctx = patient_context(clinic, patient)
    clearances.record(ctx, flag)
    audit(clinic, viewer, "cleared", patient.id, flag)


def report(clinic: Clinic, viewer: Account, patient: Account, suffix: str) -> Export:
    """The clinician's report of the patient's journal (`pdf` or `html`), as the local app makes it."""
    exported = reports.render(patient_context(clinic, patient), suffix)
    audit(clinic, viewer, "read", patient.id, f"report.{suffix}")
    return exported
