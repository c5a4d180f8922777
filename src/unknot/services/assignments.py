"""A clinician's programmes in server mode: templates to reuse, and the programme a patient follows
(assign, change, end), each checked against the clinic's library (the content and the clinic's own
exercises) as `core.programme` checks it. Every change to a patient's programme is audited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import ValidationError

from unknot.content.schema import Dose, Library
from unknot.core.errors import UserError
from unknot.core.programme import Programme, ProgrammeItem, check_programme
from unknot.services import programme as handout
from unknot.services.clinic import Account, Clinic, audit, patient_context
from unknot.services.exports import Export
from unknot.storage import programme_rows, server_repo

BLANK_ROWS = 3  # empty rows the builder adds after the programme's items


@dataclass(frozen=True)
class Saved:
    id: int
    programme: Programme


def _programme(data: Mapping[str, object]) -> Programme:
    return Programme.model_validate(data)


def assigned(clinic: Clinic, patient_id: int) -> Programme | None:
    """The programme the patient follows now, if their clinician assigned one."""
    with clinic.store.reading() as db:
        found = programme_rows.assigned(db, patient_id)
    return None if found is None else _programme(found.data)


def templates(clinic: Clinic, clinician: Account) -> list[Saved]:
    with clinic.store.reading() as db:
        found = programme_rows.templates(db, clinician.id)
    return [Saved(t.id, _programme(t.data)) for t in found]


def template(clinic: Clinic, clinician: Account, template_id: int) -> Programme:
    with clinic.store.reading() as db:
        found = programme_rows.template(db, template_id)
    if found is None or (found.clinician_id != clinician.id and clinician.role != "admin"):
        raise UserError("template: there is no such template among yours")
    return _programme(found.data)


def save_template(clinic: Clinic, clinician: Account, programme: Programme, library: Library) -> None:
    check_programme(programme, library)
    with clinic.store.writing() as db:
        programme_rows.add_programme(db, clinician.id, None, programme.model_dump(mode="json"), clinic.now())


def assign(
    clinic: Clinic, clinician: Account, patient: Account, programme: Programme, library: Library
) -> None:
    """The patient follows this programme from now on (the one before it ends), in one transaction."""
    check_programme(programme, library)
    data = programme.model_dump(mode="json")
    with clinic.store.writing() as db:
        programme_rows.end_programmes(db, patient.id, clinic.now())
        programme_rows.add_programme(db, clinician.id, patient.id, data, clinic.now())
        server_repo.add_audit(db, clinic.now(), clinician, "assign_programme", patient.id, programme.name)


def end(clinic: Clinic, clinician: Account, patient: Account) -> bool:
    """The patient goes back to the automatic plan; False when no programme was assigned."""
    with clinic.store.writing() as db:
        ended = programme_rows.end_programmes(db, patient.id, clinic.now())
        if ended:
            server_repo.add_audit(db, clinic.now(), clinician, "end_programme", patient.id, "")
    return bool(ended)


# The builder's form: one row per item, fields named `<field>-<row>` (row from 0).
ROW_FIELDS = ("exercise", "sets", "reps", "hold_seconds", "sides", "rest_seconds", "note")


def _number(value: str, field: str, row: int) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise UserError(f"programme item {row + 1}: {field}: {value!r} is not a whole number") from None


def _row_item(fields: Mapping[str, str], row: int, library: Library) -> ProgrammeItem | None:
    exercise_id = fields.get(f"exercise-{row}", "").strip()
    if not exercise_id:
        return None
    exercise = library.exercises.get(exercise_id)
    if exercise is None:
        raise UserError(f"programme item {row + 1}: exercise: '{exercise_id}' is not in the library")
    given = {f: _number(fields.get(f"{f}-{row}", ""), f, row) for f in ROW_FIELDS[1:6]}
    standard = exercise.dose.standard.model_dump()
    if given["reps"] is not None or given["hold_seconds"] is not None:
        standard.update(reps=None, hold_seconds=None)  # the clinician chose one of the two
    dose_fields = {**standard, **{k: v for k, v in given.items() if v is not None}}
    try:
        dose = Dose.model_validate(dose_fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "dose"
        raise UserError(f"programme item {row + 1} ({exercise.name}): {where}: {first['msg']}") from None
    return ProgrammeItem(exercise_id=exercise_id, dose=dose, note=fields.get(f"note-{row}", "").strip())


def programme_from_form(fields: Mapping[str, str], library: Library) -> Programme:
    """The programme a builder form describes (rows without an exercise are left out; a dose field
    left empty takes the library's standard dose), checked as `check_programme` checks it."""
    rows = sorted({int(key[9:]) for key in fields if key.startswith("exercise-") and key[9:].isdigit()})
    items = [item for row in rows if (item := _row_item(fields, row, library)) is not None]
    if not items:
        raise UserError("programme: choose at least one exercise")
    try:
        programme = Programme(name=fields.get("name", ""), notes=fields.get("notes", ""), items=items)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise UserError(f"programme: {first['loc'][0]}: {first['msg']}") from None
    check_programme(programme, library)
    return programme


@dataclass(frozen=True)
class BuilderRow:
    """One row of the builder as shown: the exercise, each dose field as typed, the note."""

    exercise_id: str = ""
    dose: Mapping[str, str] = field(default_factory=dict)
    note: str = ""


def builder_rows(programme: Programme | None) -> list[BuilderRow]:
    """The builder's rows for a programme: its items, then a few empty ones."""
    rows = [
        BuilderRow(
            item.exercise_id,
            {
                f: "" if item.dose.model_dump()[f] is None else str(item.dose.model_dump()[f])
                for f in ROW_FIELDS[1:6]
            },
            item.note,
        )
        for item in (programme.items if programme else [])
    ]
    return [*rows, *([BuilderRow()] * BLANK_ROWS)]


def rows_as_posted(fields: Mapping[str, str]) -> list[BuilderRow]:
    """The builder's rows as the clinician typed them (shown again, unchanged, beside an error)."""
    numbers = sorted({int(key[9:]) for key in fields if key.startswith("exercise-") and key[9:].isdigit()})
    return [
        BuilderRow(
            fields.get(f"exercise-{n}", ""),
            {f: fields.get(f"{f}-{n}", "") for f in ROW_FIELDS[1:6]},
            fields.get(f"note-{n}", ""),
        )
        for n in numbers
    ]


def printable(clinic: Clinic, viewer: Account, patient: Account) -> Export:
    """The patient's programme to print, as the patient's own app prints it."""
    exported = handout.programme(patient_context(clinic, patient))
    audit(clinic, viewer, "read", patient.id, "printable programme")
    return exported
