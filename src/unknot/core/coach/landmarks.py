"""A camera frame's landmarks, as the landmarks file of the coach contract gives them. Pure.

33 BlazePose landmarks per frame: x and y normalised to the picture (0..1, y down), z on the scale of
x, visibility 0..1. Angles are read in pixels, so a frame carries the picture's size when known.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

NAMES: tuple[str, ...] = (
    "nose",
    "eye_inner_left", "eye_left", "eye_outer_left",
    "eye_inner_right", "eye_right", "eye_outer_right",
    "ear_left", "ear_right", "mouth_left", "mouth_right",
    "shoulder_left", "shoulder_right", "elbow_left", "elbow_right", "wrist_left", "wrist_right",
    "pinky_left", "pinky_right", "index_left", "index_right", "thumb_left", "thumb_right",
    "hip_left", "hip_right", "knee_left", "knee_right", "ankle_left", "ankle_right",
    "heel_left", "heel_right", "foot_left", "foot_right",
)  # fmt: skip
COUNT = len(NAMES)
INDEX = {name: i for i, name in enumerate(NAMES)}
SEEN = 0.5  # a landmark with a lower visibility is treated as not seen
MOST_SECONDS = 24 * 3600.0

Landmark = tuple[float, float, float, float]
Point = tuple[float, float]  # in pixels (or any units equal on both axes), y down


@dataclass(frozen=True)
class Frame:
    t: float
    landmarks: tuple[Landmark, ...] | None  # None: no person in the picture
    width: int = 1
    height: int = 1

    @property
    def has_person(self) -> bool:
        return self.landmarks is not None


def points(frame: Frame) -> dict[str, Point]:
    """The seen landmarks of a frame, in pixels (in picture units when its size is not known)."""
    if frame.landmarks is None:
        return {}
    return {
        name: (x * frame.width, y * frame.height)
        for name, (x, y, _z, seen) in zip(NAMES, frame.landmarks, strict=True)
        if seen >= SEEN
    }


def in_picture(frame: Frame) -> set[str]:
    """The landmarks seen and inside the picture."""
    if frame.landmarks is None:
        return set()
    return {
        name
        for name, (x, y, _z, seen) in zip(NAMES, frame.landmarks, strict=True)
        if seen >= SEEN and 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0
    }


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{what} is not a number")
    return float(value)


def _landmark(value: Any, i: int) -> Landmark:
    if type(value) is not list or len(value) != 4:
        raise ValueError(f"landmark {i} is not [x, y, z, visibility]")
    if not all(type(v) in (int, float) for v in value) or not math.isfinite(sum(value)):
        raise ValueError(f"landmark {i} is not four numbers")
    x, y, z, seen = (float(v) for v in value)
    if not 0.0 <= seen <= 1.0:
        raise ValueError(f"landmark {i}: visibility {seen} is not between 0 and 1")
    return (x, y, z, seen)


def _size(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key, 1)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100_000:
        raise ValueError(f"{key} is not a whole number of pixels")
    return value


def frame_from_json(data: Any) -> Frame:
    """A frame from its JSON object; ValueError names what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("a frame is not a JSON object")
    if "t" not in data:
        raise ValueError("t is missing")
    t = _number(data["t"], "t")
    if not 0.0 <= t <= MOST_SECONDS:
        raise ValueError(f"t {t} is not between 0 and {MOST_SECONDS:.0f} seconds")
    if "landmarks" not in data:
        raise ValueError("landmarks is missing (null when no person is seen)")
    raw = data["landmarks"]
    if raw is None:
        return Frame(t, None)
    if not isinstance(raw, list) or len(raw) != COUNT:
        raise ValueError(f"landmarks is not a list of {COUNT} landmarks")
    found = tuple(_landmark(value, i) for i, value in enumerate(raw))
    return Frame(t, found, _size(data, "width"), _size(data, "height"))
