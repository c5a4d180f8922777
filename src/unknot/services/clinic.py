"""Server mode's context: the server's store, the clock, the content, and who may see which patient.

`Clinic` is built once per process (`open_clinic`); `patient_context` gives the `Context` of one
patient's journal, with the programme their clinician assigned, for the local app's use cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from unknot.content.custom import library_with
from unknot.content.schema import Exercise, Library
from unknot.core.clock import Clock
from unknot.core.errors import UserError
from unknot.core.programme import Programme, check_programme
from unknot.services.context import Context
from unknot.settings import Settings
from unknot.storage import programme_rows, server_repo
from unknot.storage.clinic import (
    ServerStore,
    journals,
    journals_behind,
    migrate_journal,
    open_server_store,
    ping,
)
from unknot.storage.server_repo import Account, Link

ROLES = ("admin", "clinician", "patient")
__all__ = ["ROLES", "Account", "Clinic", "Link", "NotYoursError"]


class NotYoursError(UserError):
    """A patient this account may not see: answered as "not found", so it does not say who exists."""


@dataclass(frozen=True)
class Clinic:
    settings: Settings
    store: ServerStore
    clock: Clock
    library: Library
    # The clinic's library by the version of its own exercises (clinic_library): made from the
    # database, so every worker process makes the same; the newest one only is kept.
    libraries: dict[tuple[int, int], Library] = field(default_factory=dict)

    def now(self) -> dt.datetime:
        return self.clock.now()

    def close(self) -> None:
        self.store.close()


def open_clinic(settings: Settings, clock: Clock, library: Library, *, migrate: bool = True) -> Clinic:
    return Clinic(settings, open_server_store(settings.database_url, migrate=migrate), clock, library)


def upgrade_all(clinic: Clinic) -> tuple[int, int]:
    """Every journal schema to the newest version (`unknot server migrate`): how many there are, and
    how many were upgraded."""
    behind = journals_behind(clinic.store.engine)
    for name in behind:
        migrate_journal(clinic.store.engine, name)
    return len(journals(clinic.store.engine)), len(behind)


def may_see(viewer: Account, patient: Account) -> bool:
    """A patient sees only themselves; a clinician their own patients; an admin every patient."""
    if patient.role != "patient":
        return False
    if viewer.role == "admin":
        return True
    if viewer.role == "clinician":
        return patient.clinician_id == viewer.id
    return viewer.id == patient.id


def patient_for(clinic: Clinic, viewer: Account, patient_id: int) -> Account:
    """The patient, when the viewer may see them; otherwise NotYoursError (as if there were none)."""
    with clinic.store.reading() as db:
        patient = server_repo.account(db, patient_id)
    if patient is None or not may_see(viewer, patient):
        raise NotYoursError("patient: there is no such patient among yours")
    return patient


def patient_context(clinic: Clinic, patient: Account) -> Context:
    """The patient's journal as the local app's use cases take it (with their clinician's programme)."""
    if patient.journal is None:
        raise NotYoursError("patient: this account has no journal")
    # A folder of the patient's own under the server's: server mode writes no file there (no break
    # reminders run on a server), so nothing of one patient can reach another's.
    settings = clinic.settings.model_copy(
        update={"home": clinic.settings.home / "patients" / str(patient.id)}
    )
    library = clinic_library(clinic)
    programme, _ = assigned_programme(clinic, patient.id, library)
    return Context(settings, clinic.store.journal(patient.journal), clinic.clock, library, programme)


def assigned_programme(clinic: Clinic, patient_id: int, library: Library) -> tuple[Programme | None, str]:
    """The programme the patient follows, and "" ; or, when it no longer fits the library (a clinic
    exercise changed under it), None (the automatic plan, so the patient's app keeps working) and why."""
    with clinic.store.reading() as db:
        assigned = programme_rows.assigned(db, patient_id)
    if assigned is None:
        return None, ""
    programme = Programme.model_validate(assigned.data)
    try:
        check_programme(programme, library)
    except UserError as exc:
        return None, str(exc)
    return programme, ""


def clinic_library(clinic: Clinic) -> Library:
    """The content library with the clinic's own exercises (programme_rows.custom_exercises), built
    again only when they change: every worker reads the same rows, so every worker builds the same."""
    with clinic.store.reading() as db:
        revision = programme_rows.custom_revision(db)
        built = clinic.libraries.get(revision)
        if built is None:
            customs = [Exercise.model_validate(data) for data in programme_rows.custom_exercises(db)]
            built = library_with(clinic.library, customs)
            clinic.libraries.clear()
            clinic.libraries[revision] = built
    return built


def notices_of(clinic: Clinic, account: Account) -> list[tuple[dt.datetime, str]]:
    with clinic.store.reading() as db:
        return server_repo.notices(db, account.id)


def accounts_by_role(clinic: Clinic) -> dict[str, list[Account]]:
    with clinic.store.reading() as db:
        every = server_repo.accounts(db)
    return {role: [a for a in every if a.role == role] for role in ROLES}


def audit_log(clinic: Clinic, viewer: Account) -> list[server_repo.AuditEntry]:
    """The newest entries of the audit log (an admin's page; reading it is itself recorded)."""
    with clinic.store.writing() as db:
        entries = server_repo.audit_entries(db)
        server_repo.add_audit(db, clinic.now(), viewer, "read_audit", None, "")
    return entries


def healthy(clinic: Clinic) -> bool:
    """The database answers (the health check of a container or a load balancer)."""
    return ping(clinic.store.engine)


def audit(
    clinic: Clinic, actor: Account | None, action: str, patient_id: int | None, detail: str = ""
) -> None:
    with clinic.store.writing() as db:
        server_repo.add_audit(db, clinic.now(), actor, action, patient_id, detail)
