"""Synthetic landmark sequences from the 3D pose model, for the coach's and the posture watch's
tests and benchmarks: a known number of repetitions and seconds in position, seen by a fixed
camera, with noise and dropped frames. Pure (its randomness is seeded).

A test's expectations come from how a sequence is made (how many repetitions were played, how long
the target keyframe was held), not from the rules under test.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

from unknot.content.schema.exercise import Exercise
from unknot.content.schema.pose import Keyframe
from unknot.core.coach.landmarks import Frame, Landmark
from unknot.core.coach.model import Camera, frame_of
from unknot.core.pose.kinematics import Body, rest
from unknot.core.pose.motion import blend


def mirrored(body: Body) -> Body:
    """The same position on the other side (the body's left and right swapped)."""
    points = {}
    for name, (x, y, z) in body.points.items():
        other = name.replace("_left", "_TMP").replace("_right", "_left").replace("_TMP", "_right")
        points[other] = (x, -y, z)
    return Body(points, body.frames)


@dataclass
class Film:
    """Frames being recorded at a fixed rate, with noise and dropped frames."""

    camera: Camera
    fps: float
    noise_px: float = 0.0
    drop: float = 0.0  # the chance a frame has no person (a dropped detection)
    seed: int = 0
    t: float = 0.0
    frames: list[Frame] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def _noisy(self, frame: Frame) -> Frame:
        assert frame.landmarks is not None
        sx, sy = self.noise_px / frame.width, self.noise_px / frame.height
        marks: list[Landmark] = [
            (x + self._random.gauss(0, sx), y + self._random.gauss(0, sy), z, v)
            for x, y, z, v in frame.landmarks
        ]
        return Frame(frame.t, tuple(marks), frame.width, frame.height)

    def shoot(self, body: Body, seconds: float) -> None:
        """Film the body still for some seconds."""
        end = self.t + seconds
        while self.t < end - 1e-9:
            if self._random.random() < self.drop:
                self.frames.append(Frame(self.t, None))
            else:
                self.frames.append(self._noisy(frame_of(body, self.camera, self.t)))
            self.t += 1 / self.fps

    def away(self, seconds: float) -> None:
        end = self.t + seconds
        while self.t < end - 1e-9:
            self.frames.append(Frame(self.t, None))
            self.t += 1 / self.fps


def lines(frames: list[Frame]) -> list[str]:
    """The frames as a landmarks file (the coach contract's JSON lines)."""
    out = []
    for f in frames:
        marks = None if f.landmarks is None else [list(m) for m in f.landmarks]
        record = {"t": round(f.t, 6), "landmarks": marks}
        if marks is not None:
            record |= {"width": f.width, "height": f.height}
        out.append(json.dumps(record))
    return out


def keyframes(exercise: Exercise) -> tuple[Keyframe, Keyframe]:
    """The coach's start and target keyframes of an exercise."""
    coach = exercise.coach
    assert coach is not None
    frames = exercise.pose.keyframes
    held = [k for k in frames if k.hold]
    target = frames[coach.target] if coach.target is not None else (held[0] if held else frames[-1])
    return frames[coach.start], target


def movement(exercise: Exercise, steps: int = 6) -> list[Body]:
    """The bodies from the start keyframe to the target (both included)."""
    start, target = keyframes(exercise)
    return [blend(exercise.pose, start, target, i / steps) for i in range(steps + 1)]


def start_body(exercise: Exercise) -> Body:
    return rest(exercise.pose, keyframes(exercise)[0])
