"""An exercise: what it is for, how to do it, its dose per level, and its pose for the figure."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from unknot.content.schema.base import Muscle, Name, Slug, Step, Strict, Text
from unknot.content.schema.coach import Coaching
from unknot.content.schema.pose import Pose


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


Equipment = Literal["chair", "wall", "mat", "towel", "ball", "foam_roller", "table"]
# Tags the planning rules use.
# balance, sit_to_stand: whole-body function; nerve_tension: pulls on the sciatic nerve (left out with
# symptoms below one knee); arm_nerve_tension: pulls on the nerves of the arm (left out with arm
# symptoms).
Tag = Literal["balance", "sit_to_stand", "nerve_tension", "arm_nerve_tension"]


class Level(StrEnum):
    GENTLE = "gentle"
    STANDARD = "standard"
    ADVANCED = "advanced"


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


class Exercise(Strict):
    id: Slug
    name: Name
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
    pattern: Slug  # the movement it trains: two exercises with one pattern are never both planned
    tags: list[Tag] = Field(default_factory=list)
    spinal_flexion: bool  # it bends the spine forward, under load or held (not with osteoporosis)
    # "own": its sources tested this kind of exercise for what its purpose claims; "general": the
    # evidence is for exercise in general, and the purpose says so.
    evidence: Literal["own", "general"]
    # The harder version (same pattern) a plan moves on to once this one's hardest dose is reached.
    harder: Slug | None = None
    coach: Coaching | None = None  # how the camera coach follows it; None: it cannot
    sources: list[Slug] = Field(min_length=1)

    @model_validator(mode="after")
    def _coach_keyframes(self) -> Exercise:
        if self.coach is not None:
            count = len(self.pose.keyframes)
            for name in ("start", "target"):
                index = getattr(self.coach, name)
                if index is not None and index >= count:
                    raise ValueError(f"coach.{name} {index}: the pose has keyframes 0 to {count - 1}")
        return self

    @property
    def desk_friendly(self) -> bool:
        """Doable seated at a desk: seated, needing nothing but a chair."""
        return self.position is Position.SEATED and set(self.equipment) <= {"chair"}
