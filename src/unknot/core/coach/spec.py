"""What the coach checks in one exercise, built from its content: the tracked angles' start and
target values read from the exercise's keyframes, seen from the view the coach needs. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from unknot.content.schema.coach import Cue
from unknot.content.schema.exercise import Exercise
from unknot.core.coach.angles import angle
from unknot.core.coach.model import picture_points
from unknot.core.errors import UserError
from unknot.core.pose.kinematics import rest

MIN_SPAN = 8.0  # a tracked angle must move at least this much between start and target


class NotCoachableError(UserError):
    """The camera cannot coach this exercise."""


@dataclass(frozen=True)
class Track:
    angle: str
    limb: str  # "working" or "other"
    start: float
    target: float

    def progress(self, value: float) -> float:
        """0 at the start position, 1 at the target, beyond 1 past it."""
        return (value - self.start) / (self.target - self.start)


@dataclass(frozen=True)
class CoachSpec:
    exercise: str
    name: str
    view: Literal["front", "side"]
    mode: Literal["reps", "hold"]
    sided: bool  # done on one side and then the other
    tracks: tuple[Track, ...]
    cues: tuple[Cue, ...]
    reps: int | None  # the standard dose, per set and side
    hold_seconds: int | None


def _model_side(exercise: Exercise, limb: str) -> str | None:
    working = exercise.pose.side if exercise.pose.side in ("left", "right") else None
    if working is None or limb == "working":
        return working
    return "left" if working == "right" else "right"


def _target_index(exercise: Exercise) -> int:
    assert exercise.coach is not None
    if exercise.coach.target is not None:
        return exercise.coach.target
    held = [i for i, k in enumerate(exercise.pose.keyframes) if k.hold]
    return held[0] if held else len(exercise.pose.keyframes) - 1


def _value(exercise: Exercise, index: int, name: str, limb: str) -> float:
    assert exercise.coach is not None
    points = picture_points(rest(exercise.pose, exercise.pose.keyframes[index]), exercise.coach.view)
    value = angle(points, name, _model_side(exercise, limb))
    if value is None:
        raise NotCoachableError(f"{exercise.id}: {name} cannot be read in keyframe {index}")
    return value


def coach_spec(exercise: Exercise) -> CoachSpec:
    """The coach's checks for an exercise; NotCoachableError when its content has none."""
    coaching = exercise.coach
    if coaching is None:
        raise NotCoachableError(f"{exercise.id}: the camera cannot coach this one")
    target = _target_index(exercise)
    tracks = []
    for tracked in coaching.track:
        start = _value(exercise, coaching.start, tracked.angle, tracked.limb)
        goal = _value(exercise, target, tracked.angle, tracked.limb)
        if abs(goal - start) < MIN_SPAN:
            raise NotCoachableError(
                f"{exercise.id}: {tracked.angle} moves {abs(goal - start):.0f} between its keyframes"
                f" {coaching.start} and {target}, under {MIN_SPAN:.0f}"
            )
        tracks.append(Track(tracked.angle, tracked.limb, start, goal))
    dose = exercise.dose.standard
    return CoachSpec(
        exercise=exercise.id,
        name=exercise.name,
        view=coaching.view,
        mode="hold" if dose.hold_seconds is not None else "reps",
        sided=dose.sides == 2,
        tracks=tuple(tracks),
        cues=tuple(coaching.cues),
        reps=dose.reps,
        hold_seconds=dose.hold_seconds,
    )
