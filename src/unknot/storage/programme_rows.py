"""Reading and writing server mode's programmes (templates and assigned ones) and the clinic's own
exercises (storage.server_tables), one function per question."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from unknot.storage.server_tables import CustomExerciseRow, ProgrammeRow


@dataclass(frozen=True)
class StoredProgramme:
    id: int
    clinician_id: int | None
    patient_id: int | None
    data: dict[str, Any]
    created_at: dt.datetime
    ended_at: dt.datetime | None


def _programme(row: ProgrammeRow) -> StoredProgramme:
    return StoredProgramme(row.id, row.clinician_id, row.patient_id, row.data, row.created_at, row.ended_at)


def add_programme(
    db: Session, clinician_id: int, patient_id: int | None, data: dict[str, Any], at: dt.datetime
) -> StoredProgramme:
    row = ProgrammeRow(clinician_id=clinician_id, patient_id=patient_id, data=data, created_at=at)
    db.add(row)
    db.flush()
    return _programme(row)


def templates(db: Session, clinician_id: int) -> list[StoredProgramme]:
    query = select(ProgrammeRow).where(
        ProgrammeRow.patient_id.is_(None), ProgrammeRow.clinician_id == clinician_id
    )
    return [_programme(row) for row in db.scalars(query.order_by(ProgrammeRow.id))]


def template(db: Session, programme_id: int) -> StoredProgramme | None:
    row = db.get(ProgrammeRow, programme_id)
    return None if row is None or row.patient_id is not None else _programme(row)


def assigned(db: Session, patient_id: int) -> StoredProgramme | None:
    """The programme a patient follows now (the newest not ended)."""
    query = select(ProgrammeRow).where(ProgrammeRow.patient_id == patient_id, ProgrammeRow.ended_at.is_(None))
    row = db.scalars(query.order_by(ProgrammeRow.id.desc())).first()
    return None if row is None else _programme(row)


def end_programmes(db: Session, patient_id: int, at: dt.datetime) -> int:
    result = db.execute(
        update(ProgrammeRow)
        .where(ProgrammeRow.patient_id == patient_id, ProgrammeRow.ended_at.is_(None))
        .values(ended_at=at)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def programmes_of(db: Session, patient_id: int) -> list[StoredProgramme]:
    query = select(ProgrammeRow).where(ProgrammeRow.patient_id == patient_id).order_by(ProgrammeRow.id)
    return [_programme(row) for row in db.scalars(query)]


def custom_exercises(db: Session) -> list[dict[str, Any]]:
    return [row.data for row in db.scalars(select(CustomExerciseRow).order_by(CustomExerciseRow.exercise_id))]


def custom_revision(db: Session) -> tuple[int, int]:
    """Changes whenever a custom exercise is added or changed (the clinic's library is rebuilt)."""
    found = db.execute(select(func.count(), func.coalesce(func.sum(CustomExerciseRow.version), 0))).one()
    return int(found[0]), int(found[1])


def save_custom_exercise(
    db: Session, exercise_id: str, clinician_id: int, data: dict[str, Any], at: dt.datetime
) -> None:
    row = db.scalars(select(CustomExerciseRow).where(CustomExerciseRow.exercise_id == exercise_id)).first()
    if row is None:
        db.add(
            CustomExerciseRow(
                exercise_id=exercise_id, clinician_id=clinician_id, data=data, updated_at=at, version=1
            )
        )
        return
    row.data = data
    row.updated_at = at
    row.version += 1
