"""The shape of every content file, as pydantic models that reject unknown fields, and the Library.

Pure: no I/O happens here, so `unknot.core` may use these types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from unknot.content.schema.base import (
    CareLevel,
    Muscle,
    Slug,
    Source,
    Step,
    Strict,
    Text,
    format_citation,
)
from unknot.content.schema.care import (
    THERAPY_CAP_MINUTES,
    Advisory,
    CareAdvice,
    Cause,
    CauseId,
    Habit,
    RedFlag,
    Safety,
    Therapy,
    TherapyId,
    TherapyTimer,
    TriageRule,
)
from unknot.content.schema.exercise import (
    Dose,
    Doses,
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Position,
    Tag,
)
from unknot.content.schema.lesson import Lesson
from unknot.content.schema.pose import Keyframe, Orientation, Pose, Prop
from unknot.content.schema.questionnaire import QuestionItem, Questionnaire


@dataclass(frozen=True)
class Library:
    """All content, indexed by id."""

    sources: dict[str, Source]
    exercises: dict[str, Exercise]
    causes: dict[CauseId, Cause]
    therapies: dict[TherapyId, Therapy]
    habits: dict[str, Habit]
    safety: Safety
    questionnaires: dict[str, Questionnaire] = field(default_factory=dict)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    files: tuple[str, ...] = field(default=())
    # Exercises a clinic wrote (server mode): played in its clinicians' programmes, never picked or
    # swapped in by the automatic plan, whose choices rest on the content's sources.
    clinic_exercises: frozenset[str] = field(default=frozenset())

    @property
    def planned_exercises(self) -> dict[str, Exercise]:
        """The exercises the automatic plan may choose from."""
        if not self.clinic_exercises:
            return self.exercises
        return {key: e for key, e in self.exercises.items() if key not in self.clinic_exercises}

    def citations(self, source_ids: Iterable[str]) -> list[str]:
        """Human-readable citations, in the order given."""
        return [format_citation(self.sources[s]) for s in source_ids]

    @property
    def timed_therapies(self) -> dict[TherapyId, Therapy]:
        """The therapies unknot times (heat and cold)."""
        return {key: t for key, t in self.therapies.items() if t.timer is not None}


__all__ = [
    "THERAPY_CAP_MINUTES",
    "Advisory",
    "CareAdvice",
    "CareLevel",
    "Cause",
    "CauseId",
    "Dose",
    "Doses",
    "Equipment",
    "Exercise",
    "ExerciseKind",
    "Habit",
    "Keyframe",
    "Lesson",
    "Level",
    "Library",
    "Muscle",
    "Orientation",
    "Pose",
    "Position",
    "Prop",
    "QuestionItem",
    "Questionnaire",
    "RedFlag",
    "Safety",
    "Slug",
    "Source",
    "Step",
    "Strict",
    "Tag",
    "Text",
    "Therapy",
    "TherapyId",
    "TherapyTimer",
    "TriageRule",
    "format_citation",
]
