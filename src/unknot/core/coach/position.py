"""Is the person where the camera can coach them? What to say when not. Pure.

Only the landmarks the tracked angles need must be seen inside the picture; the view and the
distance are advice (a squat seen from the front still counts), said when nothing else is wrong.
"""

from __future__ import annotations

import math

from unknot.core.coach.angles import TRIPLES, Points
from unknot.core.coach.landmarks import Frame, in_picture, points
from unknot.core.coach.spec import CoachSpec

SIDE_ON = 0.35  # seen from the side, the shoulders are apart by less than this share of the trunk
FACING = 0.45  # seen from the front, by more
SMALL = 0.3  # a body spanning less of the picture's height than this is too far away
LARGE = 0.95  # and more than this, too close (a pose model finds people best with room around them)
WHOLE_BODY = ("hip", "shoulder", "ear")
PARTS = {
    "hip": "hips", "knee": "knees", "ankle": "feet", "foot": "feet", "heel": "feet",
    "shoulder": "shoulders", "elbow": "elbows", "wrist": "hands", "ear": "head",
}  # fmt: skip


def needed(spec: CoachSpec) -> set[str]:
    """The body parts (landmark names without a side) the spec's angles are read from."""
    parts: set[str] = set()
    for track in spec.tracks:
        parts |= set(TRIPLES.get(track.angle, WHOLE_BODY))
    return parts


def missing(spec: CoachSpec, frame: Frame) -> list[str]:
    """The needed parts seen on neither side, as people name them."""
    seen = {name.rsplit("_", 1)[0] for name in in_picture(frame)}
    return sorted({PARTS[part] for part in needed(spec) - seen})


def _spread(found: Points, name: str) -> float | None:
    left, right = found.get(f"{name}_left"), found.get(f"{name}_right")
    return None if left is None or right is None else abs(left[0] - right[0])


def _trunk_length(found: Points) -> float | None:
    ends = [found.get(n) for n in ("shoulder_left", "shoulder_right", "hip_left", "hip_right")]
    if any(p is None for p in ends):
        return None
    sl, sr, hl, hr = ends
    assert sl is not None and sr is not None and hl is not None and hr is not None
    return math.dist(((sl[0] + sr[0]) / 2, (sl[1] + sr[1]) / 2), ((hl[0] + hr[0]) / 2, (hl[1] + hr[1]) / 2))


def view_advice(spec: CoachSpec, frame: Frame) -> str | None:
    found = points(frame)
    spread, trunk = _spread(found, "shoulder"), _trunk_length(found)
    if spread is None or not trunk:
        return None
    if spec.view == "side" and spread > SIDE_ON * trunk:
        return "Turn side-on to the camera."
    if spec.view == "front" and spread < FACING * trunk:
        return "Turn to face the camera."
    heights = [p[1] for p in found.values()]
    if max(heights) - min(heights) < SMALL * frame.height:
        return "Come a little closer to the camera."
    if max(heights) - min(heights) > LARGE * frame.height:
        return "Step back a little from the camera."
    return None


WHOLE = ("ear", "shoulder", "hip", "knee", "ankle")  # what the camera check asks to see


def whole_body_advice(frame: Frame) -> str | None:
    """The camera check's: what to change so the whole body is seen, or None when it is."""
    if not frame.has_person:
        return "Step into the picture."
    seen = {name.rsplit("_", 1)[0] for name in in_picture(frame)}
    gone = sorted({PARTS[part] for part in WHOLE if part not in seen})
    return f"Move so the camera sees your {' and '.join(gone)}." if gone else None


def advice(spec: CoachSpec, frame: Frame) -> str | None:
    """What to change to be coached, or None when all is well."""
    if not frame.has_person:
        return "Step into the picture."
    gone = missing(spec, frame)
    if gone:
        return f"Move so the camera sees your {' and '.join(gone)}."
    return view_advice(spec, frame)
