"""The choices of the custom exercise form, in words a clinician reads (the page is
web/templates/server/exercise_form.html; the form is read by unknot.content.custom)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from unknot.content.schema import Equipment, ExerciseKind, Library, Muscle, Position, Tag

TAG_HINTS: dict[str, str] = {
    "balance": "Trains balance: a plan may use it for whole-body function.",
    "sit_to_stand": "Practises getting up from a chair: a plan may use it for whole-body function.",
    "nerve_tension": "Pulls on the sciatic nerve: left out for people with symptoms below one knee.",
    "arm_nerve_tension": "Pulls on the nerves of the arm: left out for people with arm symptoms.",
}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    hint: str = ""


def _words(value: str) -> str:
    return value.replace("_", " ")


def form_choices(library: Library) -> dict[str, list[Choice]]:
    """Every list the form offers, by field name (`exercises` serves "drawn like" and "harder")."""
    exercises = sorted(library.exercises.values(), key=lambda e: e.name.lower())
    patterns: dict[str, list[str]] = {}
    for exercise in exercises:
        patterns.setdefault(exercise.pattern, []).append(exercise.name)
    return {
        "kind": [Choice(k.value, _words(k.value)) for k in ExerciseKind],
        "position": [Choice(p.value, _words(p.value)) for p in Position],
        "targets": [Choice(m.value, m.words) for m in Muscle],
        "equipment": [Choice(e, _words(e)) for e in get_args(Equipment)],
        "tags": [Choice(t, _words(t), TAG_HINTS[t]) for t in get_args(Tag)],
        "sources": [
            Choice(s.id, f"{s.title} ({s.year})")
            for s in sorted(library.sources.values(), key=lambda s: s.title.lower())
        ],
        "exercises": [Choice(e.id, e.name) for e in exercises],
        "pattern": [Choice(p, ", ".join(names)) for p, names in sorted(patterns.items())],
        "evidence": [
            Choice("general", "General exercise evidence", "Its sources support exercise in general."),
            Choice("own", "Its own evidence", "Its sources tested this exercise for what its purpose says."),
        ],
        "sides": [Choice("1", "Both sides at once, or no sides"), Choice("2", "Left, then right")],
        "spinal_flexion": [Choice("yes", "Yes"), Choice("no", "No")],
    }
