"""A clinic's own exercises (server mode): written in the browser, checked exactly as a content file
is (unknot.content.custom), stored as JSON, shared by the clinic's clinicians and played in their
programmes. Writing one is audited."""

from __future__ import annotations

from collections.abc import Mapping

from unknot.content.custom import FormCheck, check_form, exercise_json
from unknot.content.schema import Exercise
from unknot.core.errors import UserError
from unknot.services.clinic import Account, Clinic, clinic_library
from unknot.storage import programme_rows, server_repo


def customs(clinic: Clinic) -> list[Exercise]:
    library = clinic_library(clinic)
    return sorted((library.exercises[i] for i in library.clinic_exercises), key=lambda e: e.name)


def custom(clinic: Clinic, exercise_id: str) -> Exercise:
    library = clinic_library(clinic)
    if exercise_id not in library.clinic_exercises:
        raise UserError(f"exercise: there is no clinic exercise '{exercise_id}'")
    return library.exercises[exercise_id]


def check(clinic: Clinic, fields: Mapping[str, str | list[str]], editing: str | None) -> FormCheck:
    if editing is not None:
        custom(clinic, editing)
    return check_form(dict(fields), clinic_library(clinic), editing=editing)


def save(clinic: Clinic, clinician: Account, exercise: Exercise) -> None:
    data = exercise_json(exercise)
    with clinic.store.writing() as db:
        programme_rows.save_custom_exercise(db, exercise.id, clinician.id, data, clinic.now())
        server_repo.add_audit(db, clinic.now(), clinician, "custom_exercise", None, exercise.id)
