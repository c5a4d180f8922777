"""A patient's data rights in server mode, and the one audited path to them: exporting everything
kept about a patient, and deleting the account with its journal. The patient, their clinician's
admin, or (for a record of who looked) the audit log: every read of another person's records and
every change is written to it."""

from __future__ import annotations

import json
from typing import Any

from unknot.core.errors import UserError
from unknot.services import backup
from unknot.services.clinic import Clinic, audit, patient_context
from unknot.services.exports import Export
from unknot.storage import programme_rows, server_repo
from unknot.storage.clinic import drop_journal
from unknot.storage.server_repo import Account

EXPORT_FORMAT = "unknot-patient-export"


def export_all(clinic: Clinic, actor: Account, patient: Account) -> dict[str, Any]:
    """Everything kept about the patient: the account, the journal (as `unknot export --format json`
    writes it), their programmes, and the audit log's entries about them."""
    ctx = patient_context(clinic, patient)
    journal = backup.export_document(ctx)
    with clinic.store.reading() as db:
        programmes = programme_rows.programmes_of(db, patient.id)
        entries = server_repo.audit_entries(db, patient.id)
    audit(clinic, actor, "export", patient.id, "everything")
    return {
        "format": EXPORT_FORMAT,
        "account": {"email": patient.email, "name": patient.name, "joined": patient.created_at.isoformat()},
        "journal": journal,
        "programmes": [
            {
                "programme": p.data,
                "assigned": p.created_at.isoformat(),
                "ended": p.ended_at.isoformat() if p.ended_at else None,
            }
            for p in programmes
        ],
        "audit": [
            {"at": e.at.isoformat(), "who": e.actor, "action": e.action, "detail": e.detail} for e in entries
        ],
    }


def export_file(clinic: Clinic, actor: Account, patient: Account) -> Export:
    """`export_all` as the JSON file to save."""
    body = json.dumps(export_all(clinic, actor, patient), ensure_ascii=False, indent=1).encode()
    return Export((body,), "application/json", f"unknot-account-{patient.id}-{clinic.now().date()}.json")


def delete_account(clinic: Clinic, actor: Account, patient: Account, confirm: str) -> None:
    """Remove the patient's account, sessions, programmes and journal, all in one transaction, once
    `confirm` is the account's address; their clinician is told; the audit log keeps that it
    happened (and who did it), not the data."""
    if patient.role != "patient" or patient.journal is None:
        raise UserError("account: only a patient's account can be deleted here")
    if confirm.strip().lower() != patient.email:
        raise UserError(f"confirm: type {patient.email} to delete this account and its journal")
    with clinic.store.writing() as db:
        drop_journal(db, patient.journal)
        server_repo.remove_account(db, patient.id)
        by = "the patient" if actor.id == patient.id else f"{actor.name} ({actor.role})"
        if patient.clinician_id is not None and patient.clinician_id != actor.id:
            text = (
                f"{patient.name} ({patient.email}) deleted their account"
                if actor.id == patient.id
                else (f"{by} deleted the account of {patient.name} ({patient.email})")
            )
            server_repo.add_notice(db, patient.clinician_id, text, clinic.now())
        server_repo.add_audit(
            db, clinic.now(), actor, "delete_account", patient.id, f"{patient.email}, by {by}"
        )
    clinic.store.kept.pop(patient.journal, None)
