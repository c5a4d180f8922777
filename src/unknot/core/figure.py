"""Stick-figure geometry from an exercise's pose keyframes: joint positions per keyframe. Pure.

Angles are screen directions, clockwise from straight up (see docs/content.md). The hips are the
root; the figure is then moved so its lowest point rests on the floor (y grows downwards, as in SVG).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from unknot.content.schema import Keyframe, Pose, Segment

LENGTHS = {
    Segment.TRUNK: 52.0,
    Segment.HEAD: 14.0,
    Segment.UPPER_ARM_LEFT: 27.0,
    Segment.FOREARM_LEFT: 25.0,
    Segment.UPPER_ARM_RIGHT: 27.0,
    Segment.FOREARM_RIGHT: 25.0,
    Segment.THIGH_LEFT: 42.0,
    Segment.SHIN_LEFT: 40.0,
    Segment.THIGH_RIGHT: 42.0,
    Segment.SHIN_RIGHT: 40.0,
}
HEAD_RADIUS = 9.0
MARGIN = 12.0
Point = tuple[float, float]


@dataclass(frozen=True)
class Bone:
    name: str
    start: Point
    end: Point


@dataclass(frozen=True)
class Frame:
    bones: tuple[Bone, ...]
    head: Point


@dataclass(frozen=True)
class Figure:
    frames: tuple[Frame, ...]
    width: float
    height: float
    holds: tuple[bool, ...]


def _step(origin: Point, angle: float, length: float) -> Point:
    radians = math.radians(angle)
    return origin[0] + length * math.sin(radians), origin[1] - length * math.cos(radians)


def _chain(origin: Point, frame: Keyframe, first: Segment, second: Segment, name: str) -> list[Bone]:
    middle = _step(origin, frame.angles[first], LENGTHS[first])
    end = _step(middle, frame.angles[second], LENGTHS[second])
    return [Bone(f"{name}-upper", origin, middle), Bone(f"{name}-lower", middle, end)]


def frame_bones(frame: Keyframe) -> Frame:
    hips: Point = (0.0, 0.0)
    neck = _step(hips, frame.angles[Segment.TRUNK], LENGTHS[Segment.TRUNK])
    head_end = _step(neck, frame.angles[Segment.HEAD], LENGTHS[Segment.HEAD])
    head = _step(neck, frame.angles[Segment.HEAD], LENGTHS[Segment.HEAD] + HEAD_RADIUS - 4)
    shoulders = _step(hips, frame.angles[Segment.TRUNK], LENGTHS[Segment.TRUNK] - 6)
    bones = [Bone("trunk", hips, neck), Bone("neck", neck, head_end)]
    bones += _chain(shoulders, frame, Segment.UPPER_ARM_LEFT, Segment.FOREARM_LEFT, "arm-left")
    bones += _chain(shoulders, frame, Segment.UPPER_ARM_RIGHT, Segment.FOREARM_RIGHT, "arm-right")
    bones += _chain(hips, frame, Segment.THIGH_LEFT, Segment.SHIN_LEFT, "leg-left")
    bones += _chain(hips, frame, Segment.THIGH_RIGHT, Segment.SHIN_RIGHT, "leg-right")
    return Frame(tuple(bones), head)


def _points(frame: Frame) -> list[Point]:
    return [p for b in frame.bones for p in (b.start, b.end)]


def _shift(frame: Frame, dx: float, dy: float) -> Frame:
    def move(p: Point) -> Point:
        return p[0] + dx, p[1] + dy

    return Frame(tuple(Bone(b.name, move(b.start), move(b.end)) for b in frame.bones), move(frame.head))


def figure(pose: Pose) -> Figure:
    """Every keyframe placed on one shared canvas, each resting on the floor."""
    frames = [frame_bones(k) for k in pose.keyframes]
    grounded = []
    for frame in frames:
        lowest = max([p[1] for p in _points(frame)] + [frame.head[1] + HEAD_RADIUS])
        grounded.append(_shift(frame, 0, -lowest))
    xs = [x for f in grounded for x, _ in _points(f)] + [f.head[0] + s for f in grounded for s in (-9, 9)]
    top = min([y for f in grounded for _, y in _points(f)] + [f.head[1] - HEAD_RADIUS for f in grounded])
    dx, dy = MARGIN - min(xs), MARGIN - top
    placed = tuple(_shift(f, dx, dy) for f in grounded)
    return Figure(
        frames=placed,
        width=round(max(xs) - min(xs) + 2 * MARGIN, 1),
        height=round(-top + 2 * MARGIN, 1),
        holds=tuple(k.hold for k in pose.keyframes),
    )
