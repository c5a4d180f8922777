"""The shape of every content file, as pydantic models that reject unknown fields.

Pure: no I/O happens here, so `unknot.core` may use these types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Text = Annotated[str, StringConstraints(min_length=3, max_length=600, strip_whitespace=True)]
Step = Annotated[str, StringConstraints(min_length=3, max_length=160, strip_whitespace=True)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Muscle(StrEnum):
    HAMSTRINGS = "hamstrings"
    QUADRICEPS = "quadriceps"
    LUMBAR = "lumbar"
    NECK = "neck"
    UPPER_BACK = "upper_back"
    HIP_FLEXORS = "hip_flexors"
    GLUTES = "glutes"
    CHEST = "chest"
    CALVES = "calves"


class ExerciseKind(StrEnum):
    STRETCH = "stretch"
    MOBILITY = "mobility"
    STRENGTH = "strength"
    MASSAGE = "massage"
    BREATHING = "breathing"


class Position(StrEnum):
    STANDING = "standing"
    SEATED = "seated"
    LYING = "lying"
    KNEELING = "kneeling"


class Level(StrEnum):
    GENTLE = "gentle"
    STANDARD = "standard"
    ADVANCED = "advanced"


Equipment = Literal["chair", "wall", "mat", "towel", "ball", "foam_roller", "table"]


class Source(Strict):
    id: Slug
    title: Text
    year: int = Field(ge=1950, le=2100)
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
    authors: str | None = None


class Dose(Strict):
    """How much of an exercise one level prescribes.

    Exactly one of `hold_seconds` (a static hold) or `reps` (repetitions of `rep_seconds` each).
    `sides` is 2 when the exercise is done on the left and then the right.
    """

    hold_seconds: int | None = Field(default=None, ge=5, le=120)
    reps: int | None = Field(default=None, ge=1, le=30)
    rep_seconds: int = Field(default=4, ge=1, le=20)
    sets: int = Field(ge=1, le=5)
    sides: Literal[1, 2] = 1
    rest_seconds: int = Field(default=10, ge=0, le=90)

    @model_validator(mode="after")
    def _hold_or_reps(self) -> Dose:
        if (self.hold_seconds is None) == (self.reps is None):
            raise ValueError("give exactly one of hold_seconds or reps")
        return self

    @property
    def work_seconds(self) -> int:
        """Seconds of one set on one side."""
        if self.hold_seconds is not None:
            return self.hold_seconds
        return (self.reps or 0) * self.rep_seconds

    @property
    def total_seconds(self) -> int:
        """Seconds for the whole dose: every set on every side, with rests between them."""
        blocks = self.sets * self.sides
        return blocks * self.work_seconds + (blocks - 1) * self.rest_seconds


class Doses(Strict):
    gentle: Dose | None = None
    standard: Dose
    advanced: Dose | None = None

    def for_level(self, level: Level) -> Dose | None:
        return {Level.GENTLE: self.gentle, Level.STANDARD: self.standard, Level.ADVANCED: self.advanced}[
            level
        ]


class Segment(StrEnum):
    """Body segments of the stick figure; each angle gives the segment's direction."""

    TRUNK = "trunk"
    HEAD = "head"
    UPPER_ARM_LEFT = "upper_arm_left"
    FOREARM_LEFT = "forearm_left"
    UPPER_ARM_RIGHT = "upper_arm_right"
    FOREARM_RIGHT = "forearm_right"
    THIGH_LEFT = "thigh_left"
    SHIN_LEFT = "shin_left"
    THIGH_RIGHT = "thigh_right"
    SHIN_RIGHT = "shin_right"


Angle = Annotated[float, Field(ge=-360, le=360)]


class Keyframe(Strict):
    """One pose: for every segment, its direction on screen in degrees, clockwise from straight up.

    0 points up, 90 right (the way a side-view figure faces), 180 down, 270 (or -90) left.
    The trunk runs from the hips to the base of the neck, the head from the neck to the crown,
    arms from the shoulder and legs from the hip.
    """

    label: Step
    angles: dict[Segment, Angle]
    hold: bool = False

    @model_validator(mode="after")
    def _every_segment(self) -> Keyframe:
        missing = [s.value for s in Segment if s not in self.angles]
        if missing:
            raise ValueError(f"keyframe '{self.label}' lacks angles for {', '.join(missing)}")
        return self


class Pose(Strict):
    view: Literal["side", "front"]
    keyframes: list[Keyframe] = Field(min_length=2, max_length=5)


class Exercise(Strict):
    id: Slug
    name: Annotated[str, StringConstraints(min_length=3, max_length=60)]
    kind: ExerciseKind
    targets: list[Muscle] = Field(min_length=1, max_length=4)
    position: Position
    equipment: list[Equipment] = Field(default_factory=list)
    purpose: Text
    steps: list[Step] = Field(min_length=1, max_length=5)
    feel: Text
    stop_if: list[Step] = Field(min_length=1)
    cautions: list[Step] = Field(min_length=1)
    regression: Text
    progression: Text
    dose: Doses
    pose: Pose
    sources: list[Slug] = Field(min_length=1)

    @property
    def desk_friendly(self) -> bool:
        """Doable seated at a desk: seated, needing nothing but a chair."""
        return self.position is Position.SEATED and set(self.equipment) <= {"chair"}


class CauseId(StrEnum):
    TRAUMA = "trauma"
    OVERUSE = "overuse"
    TIGHT_HAMSTRINGS = "tight_hamstrings"
    SITTING_POSTURE = "sitting_posture"


class Cause(Strict):
    id: CauseId
    name: Annotated[str, StringConstraints(min_length=3, max_length=60)]
    explanation: Text
    targets: list[Muscle] = Field(min_length=1)
    habits: list[Slug] = Field(default_factory=list)
    sources: list[Slug] = Field(min_length=1)


class TherapyId(StrEnum):
    HEAT = "heat"
    COLD = "cold"
    SELF_MASSAGE = "self_massage"


class Therapy(Strict):
    id: TherapyId
    name: Annotated[str, StringConstraints(min_length=3, max_length=60)]
    use_for: Text
    evidence: Text
    default_minutes: int = Field(ge=1, le=20)
    max_minutes: int = Field(ge=1, le=20)
    steps: list[Step] = Field(min_length=1, max_length=6)
    safety_checks: list[Step] = Field(min_length=2)
    do_not_use_if: list[Step] = Field(min_length=1)
    sources: list[Slug] = Field(min_length=1)

    @model_validator(mode="after")
    def _default_within_cap(self) -> Therapy:
        if self.default_minutes > self.max_minutes:
            raise ValueError("default_minutes must not exceed max_minutes")
        return self


class Habit(Strict):
    id: Slug
    name: Annotated[str, StringConstraints(min_length=3, max_length=60)]
    why: Text
    tips: list[Step] = Field(min_length=1, max_length=6)
    sources: list[Slug] = Field(min_length=1)


class Urgency(StrEnum):
    EMERGENCY = "emergency"
    SEE_CLINICIAN = "see_clinician"


class RedFlag(Strict):
    id: Slug
    urgency: Urgency
    question: Text
    reason: Text


class Advisory(Strict):
    """Advice shown with a result, never a gate (e.g. new pain after 50)."""

    id: Slug
    text: Text


class Safety(Strict):
    """Red flags and the words unknot uses when it sends someone to a clinician."""

    notice: Text
    stop_rules: list[Step] = Field(min_length=3)
    actions: dict[Urgency, Text]  # after an assessment, before any exercise
    follow_up_actions: dict[Urgency, Text]  # during the programme: a check-in flag or an escalation
    major_trauma_reason: Text
    flags: list[RedFlag] = Field(min_length=1)
    advisories: list[Advisory]
    sources: list[Slug] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_urgency_has_words(self) -> Safety:
        for name in ("actions", "follow_up_actions"):
            missing = [u.value for u in Urgency if u not in getattr(self, name)]
            if missing:
                raise ValueError(f"{name} needs words for {', '.join(missing)}")
        return self


class QuestionItem(Strict):
    id: Slug
    text: Annotated[str, StringConstraints(min_length=3, max_length=200)]
    low: str | None = None
    high: str | None = None


class Questionnaire(Strict):
    """A short validated questionnaire, reproduced as its authors allow (see each file's licence)."""

    id: Slug
    name: Annotated[str, StringConstraints(min_length=3, max_length=80)]
    short_name: Annotated[str, StringConstraints(min_length=2, max_length=20)]
    instructions: Annotated[str, StringConstraints(min_length=3, max_length=1000)]
    response: Literal["scale_0_10", "tick"]
    items: list[QuestionItem] = Field(min_length=1, max_length=40)
    scoring: Literal["mean", "count"]
    every_days: int = Field(ge=1, le=90)
    licence: Text
    sources: list[Slug] = Field(min_length=1)

    @property
    def max_score(self) -> float:
        return 10 if self.scoring == "mean" else len(self.items)


@dataclass(frozen=True)
class Library:
    """All shipped content, indexed by id."""

    sources: dict[str, Source]
    exercises: dict[str, Exercise]
    causes: dict[CauseId, Cause]
    therapies: dict[TherapyId, Therapy]
    habits: dict[str, Habit]
    safety: Safety
    questionnaires: dict[str, Questionnaire] = field(default_factory=dict)
    files: tuple[str, ...] = field(default=())

    def citations(self, source_ids: Iterable[str]) -> list[str]:
        """Human-readable citations, in the order given."""
        return [format_citation(self.sources[s]) for s in source_ids]


def format_citation(source: Source) -> str:
    who = f"{source.authors.rstrip('.')}. " if source.authors else ""
    return f"{who}{source.title} ({source.year}). {source.url}"
