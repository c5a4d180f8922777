"""The dose a person actually does: their clinician's dose for a plan item when set, else the
content's dose for a level, adjusted for their age. Pure.

ACSM's flexibility guidance: hold a stretch 10-30 s, and 30-60 s for older adults (65 and over).
So from 65 every static stretch holds for at least 30 s, at every level.
"""

from __future__ import annotations

from unknot.content.schema import Dose, Exercise, ExerciseKind, Level
from unknot.core.result import PlanItem

OLDER_ADULT_AGE = 65
OLDER_ADULT_HOLD_SECONDS = 30
LONGER_HOLDS_WHY = "Each hold lasts at least 30 seconds, as advised for people 65 and over."


def needs_longer_holds(exercise: Exercise, age: int) -> bool:
    return age >= OLDER_ADULT_AGE and exercise.kind is ExerciseKind.STRETCH


def adjusted(dose: Dose, *, longer_holds: bool) -> Dose:
    """The dose with holds of 30 s or more when `longer_holds`; reps are left alone."""
    if not longer_holds or dose.hold_seconds is None:
        return dose
    return dose.model_copy(update={"hold_seconds": max(dose.hold_seconds, OLDER_ADULT_HOLD_SECONDS)})


def prescribed_dose(exercise: Exercise, level: Level, *, longer_holds: bool) -> Dose | None:
    """The dose at `level` (None when the content has none there), adjusted."""
    dose = exercise.dose.for_level(level)
    return None if dose is None else adjusted(dose, longer_holds=longer_holds)


def item_dose(item: PlanItem, exercise: Exercise) -> Dose:
    """What a plan item asks for: the clinician's dose when they set one (as given: it is theirs),
    else its level's dose (the standard one when the level has none), held longer from 65.
    Every interface (players, plan tables, the printable programme) asks this one function."""
    if item.dose is not None:
        return item.dose
    dose = exercise.dose.for_level(Level(item.level)) or exercise.dose.standard
    return adjusted(dose, longer_holds=item.longer_holds)
