"""A clinician's home programme: exercises from the library, each with the clinician's dose and note,
in their order; and the plan a patient follows when their clinician assigned one. Pure.

The programme replaces the automatic plan's exercises only: walking, habits and lessons stay, and a
programme is only ever offered where the assessment offers a plan (it never bypasses a red flag;
`services.plans` sees to that).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from unknot.content.schema import Dose, Exercise, Level, Library, Slug
from unknot.core.errors import UserError
from unknot.core.planning import CAP_TENTHS, item_tenths
from unknot.core.result import Plan, PlanItem

MOST_ITEMS = 12
# A programme is at most as long as the longest automatic plan (the planner's cap for its standard level).
CAP_LEVEL = Level.STANDARD
CLINICIAN_WHY = "From your clinician's programme."

ProgrammeName = Annotated[str, StringConstraints(min_length=1, max_length=80, strip_whitespace=True)]
ProgrammeNotes = Annotated[str, StringConstraints(max_length=1000, strip_whitespace=True)]
ItemNote = Annotated[str, StringConstraints(max_length=300, strip_whitespace=True)]


class ProgrammeError(UserError):
    """A programme that cannot be followed as given; the message names the item and the field."""


class ProgrammeItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    exercise_id: Slug
    dose: Dose
    note: ItemNote = ""


class Programme(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: ProgrammeName
    notes: ProgrammeNotes = ""
    items: list[ProgrammeItem] = Field(min_length=1, max_length=MOST_ITEMS)


def _label(number: int, exercise: Exercise | None = None) -> str:
    return f"programme item {number}" + (f" ({exercise.name})" if exercise else "")


def _checked_exercise(number: int, item: ProgrammeItem, library: Library, seen: dict[str, int]) -> Exercise:
    exercise = library.exercises.get(item.exercise_id)
    if exercise is None:
        raise ProgrammeError(
            f"{_label(number)}: exercise_id '{item.exercise_id}' is not in the exercise library"
        )
    if item.exercise_id in seen:
        raise ProgrammeError(
            f"{_label(number, exercise)}: exercise_id is already item {seen[item.exercise_id]}"
        )
    seen[item.exercise_id] = number
    return exercise


def _check_sides(number: int, item: ProgrammeItem, exercise: Exercise) -> None:
    library_sides = exercise.dose.standard.sides
    if item.dose.sides != library_sides:
        how = "on each side" if library_sides == 2 else "on one side (or both at once)"
        raise ProgrammeError(
            f"{_label(number, exercise)}: dose.sides is {item.dose.sides}, but this exercise is done {how}"
        )


def check_programme(programme: Programme, library: Library) -> None:
    """ProgrammeError naming the first item (numbered from 1) and field that is wrong: an exercise
    not in the library or given twice, sides that do not match the exercise, or a dose that takes the
    programme past the daily time cap the planner uses."""
    cap = CAP_TENTHS[CAP_LEVEL]
    seen: dict[str, int] = {}
    total = 0
    for number, item in enumerate(programme.items, start=1):
        exercise = _checked_exercise(number, item, library, seen)
        _check_sides(number, item, exercise)
        total += item_tenths(item.dose)
        if total > cap:
            raise ProgrammeError(
                f"{_label(number, exercise)}: dose brings the programme to {total / 10:g} minutes a day, "
                f"over the {cap / 10:g}-minute limit"
            )


def _to_item(item: ProgrammeItem, exercise: Exercise, level: Level) -> PlanItem:
    return PlanItem(
        id=exercise.id,
        name=exercise.name,
        kind=exercise.kind.value,
        minutes=item_tenths(item.dose) / 10,
        targets=[m.value for m in exercise.targets],
        position=exercise.position.value,
        stop_if=list(exercise.stop_if),
        level=level,
        why=CLINICIAN_WHY,
        dose=item.dose,
        note=item.note,
    )


def programme_plan(programme: Programme, library: Library, plan: Plan) -> Plan:
    """The plan a patient follows when their clinician assigned `programme`: its exercises in its
    order with the clinician's doses and notes; walking, habits and lessons from the automatic `plan`.
    ProgrammeError (see `check_programme`) when the programme does not fit the library."""
    check_programme(programme, library)
    level = Level(plan.level)
    items = [_to_item(item, library.exercises[item.exercise_id], level) for item in programme.items]
    tenths = sum(item_tenths(item.dose) for item in programme.items)
    return plan.model_copy(update={"items": items, "total_minutes": tenths / 10})
