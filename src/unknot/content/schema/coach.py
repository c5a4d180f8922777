"""What the camera coach watches in an exercise: the view it needs, the angles that matter and the
form cues it may give. The target ranges come from the exercise's own keyframes (core.coach.spec).

The camera angles are read in the picture from the 33 landmarks a pose model finds (BlazePose):
- knee: hip, knee, ankle (180 straight); hip: shoulder, hip, knee (180 standing straight);
  elbow: shoulder, elbow, wrist; shoulder: hip, shoulder, elbow (0 arm down, 180 overhead);
  ankle: knee, ankle, foot tip (larger as the heel rises);
- trunk_lean: the line from mid-hips to mid-shoulders against the vertical, forward positive (the
  way the person faces), backward negative;
- head_drop: how far the head bends below the line of the trunk (hips to shoulders, carried on
  past the shoulder to the ear), in degrees, negative when it lifts above it (on hands and knees);
- head_forward: how far the ear is ahead of the shoulder, in percent of the trunk's length
  (hips to shoulders); a chin tuck makes it smaller.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from unknot.content.schema.base import Step, Strict

CameraAngle = Literal["knee", "hip", "elbow", "shoulder", "ankle", "trunk_lean", "head_drop", "head_forward"]
SIDELESS: frozenset[str] = frozenset({"trunk_lean", "head_drop", "head_forward"})
# Which leg or arm an angle is read on: the working one (sided exercises: the one that moves; others:
# both, averaged), or the other one (a sided exercise's standing or resting limb).
Limb = Literal["working", "other"]


class Cue(Strict):
    """A form cue, said when the angle stays beyond its limit while the person is in position. A cue
    that `blocks` also means the position is not reached while its fault lasts (standing on one leg
    with both knees bent is a squat, not the stance)."""

    angle: CameraAngle
    limb: Limb = "working"
    below: float | None = Field(default=None, ge=-180, le=180)
    above: float | None = Field(default=None, ge=-180, le=180)
    blocks: bool = False
    say: Step

    @model_validator(mode="after")
    def _one_limit(self) -> Cue:
        if (self.below is None) == (self.above is None):
            raise ValueError("give exactly one of below or above")
        return self


class Tracked(Strict):
    angle: CameraAngle
    limb: Limb = "working"


class Coaching(Strict):
    """How the camera coach follows an exercise (reps or hold come from its dose)."""

    view: Literal["front", "side"]
    track: list[Tracked] = Field(min_length=1, max_length=3)
    start: int = Field(default=0, ge=0)  # the keyframe of the starting position
    target: int | None = Field(default=None, ge=0)  # the goal keyframe; default: the held one, else the last
    cues: list[Cue] = Field(default_factory=list, max_length=6)
