"""The printable home-exercise programme, as a view: what the sheet a physiotherapist hands out holds.

`unknot.exports.programme` lays it out as a PDF; the words come from here and from the content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unknot.content.schema import Exercise, Library
from unknot.core.result import Plan
from unknot.present.care import STOP_RULES_HEADING
from unknot.present.words import NOTE_WORDS, PROGRAMME_NOTES_WORDS, about_minutes, item_dose, long_date

TITLE = "Your home exercise programme"
KEY_STEPS = 3
HOW_TO_USE = (
    "Once a day, in this order. Move slowly and breathe; a gentle stretch or effort is fine, "
    "sharp pain is not."
)


@dataclass(frozen=True)
class HandoutItem:
    number: int
    exercise: Exercise
    dose: str
    note: str  # the clinician's note with its lead, or ""
    steps: list[str]  # the key steps: the first few of the exercise's steps
    stop_if: list[str]


@dataclass(frozen=True)
class Handout:
    title: str
    subtitle: str
    how_to_use: str
    notes: str  # the clinician's notes on the whole programme with their lead, or ""
    items: list[HandoutItem]
    walking: str | None
    stop_heading: str
    stop_rules: list[str]
    notice: str


def handout(plan: Plan, library: Library, today: dt.date, notes: str = "") -> Handout:
    """The sheet for `plan`; `notes`: the clinician's notes on their programme, when it is theirs."""
    items = [
        HandoutItem(
            number=index,
            exercise=(exercise := library.exercises[item.id]),
            dose=item_dose(item, exercise),
            note=f"{NOTE_WORDS} {item.note}" if item.note else "",
            steps=exercise.steps[:KEY_STEPS],
            stop_if=list(exercise.stop_if),
        )
        for index, item in enumerate(plan.items, start=1)
    ]
    walking = f"And walk {about_minutes(plan.walking.minutes_per_day)} a day." if plan.walking else None
    return Handout(
        title=TITLE,
        subtitle=f"{plan.level.capitalize()} level, {about_minutes(plan.total_minutes)} a day. "
        f"Made on {long_date(today)}.",
        how_to_use=HOW_TO_USE,
        notes=f"{PROGRAMME_NOTES_WORDS} {notes}" if notes else "",
        items=items,
        walking=walking,
        stop_heading=STOP_RULES_HEADING,
        stop_rules=list(library.safety.stop_rules),
        notice=library.safety.notice,
    )
