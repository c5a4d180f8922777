"""The camera angles (content.schema.coach.CameraAngle), read from landmark points in the picture.

A limb's angle is read on one side ("left" or "right", or None for both sides averaged); the trunk's
and the head's on the whole body. None when a landmark it needs is not seen.
"""

from __future__ import annotations

import math

from unknot.core.coach.landmarks import Point

Points = dict[str, Point]
TRIPLES: dict[str, tuple[str, str, str]] = {
    "knee": ("hip", "knee", "ankle"),
    "hip": ("shoulder", "hip", "knee"),
    "elbow": ("shoulder", "elbow", "wrist"),
    "shoulder": ("hip", "shoulder", "elbow"),
    "ankle": ("knee", "ankle", "foot"),
}
CLEAR_NOSE = 0.1  # the nose must be this far ahead of the ears (of the trunk's length) to tell facing


def _vector(a: Point, b: Point) -> Point:
    return (b[0] - a[0], b[1] - a[1])


def _turn(u: Point, v: Point) -> float | None:
    """The signed angle from u to v in degrees (clockwise on the picture positive, y being down)."""
    if math.hypot(*u) == 0 or math.hypot(*v) == 0:
        return None
    return math.degrees(math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1]))


def _middle(points: Points, name: str) -> Point | None:
    seen = [p for side in ("left", "right") if (p := points.get(f"{name}_{side}")) is not None]
    if not seen:
        return None
    return (sum(p[0] for p in seen) / len(seen), sum(p[1] for p in seen) / len(seen))


def _trunk(points: Points) -> tuple[Point, Point] | None:
    hips, shoulders = _middle(points, "hip"), _middle(points, "shoulder")
    if hips is None or shoulders is None or hips == shoulders:
        return None
    return hips, shoulders


def facing(points: Points) -> float:
    """+1 when the person faces the picture's right, -1 its left: from the nose ahead of the ears,
    else from the toes ahead of the heels."""
    nose, ears, trunk = points.get("nose"), _middle(points, "ear"), _trunk(points)
    size = math.dist(*trunk) if trunk else 0.0
    if nose is not None and ears is not None and abs(nose[0] - ears[0]) >= CLEAR_NOSE * size:
        return 1.0 if nose[0] > ears[0] else -1.0
    toes, heels = _middle(points, "foot"), _middle(points, "heel")
    if toes is not None and heels is not None and toes[0] != heels[0]:
        return 1.0 if toes[0] > heels[0] else -1.0
    return 1.0


def trunk_lean(points: Points) -> float | None:
    trunk = _trunk(points)
    if trunk is None:
        return None
    hips, shoulders = trunk
    ahead, up = (shoulders[0] - hips[0]) * facing(points), hips[1] - shoulders[1]
    return math.degrees(math.atan2(ahead, up))


def head_drop(points: Points) -> float | None:
    trunk, ears = _trunk(points), _middle(points, "ear")
    if trunk is None or ears is None:
        return None
    line = _vector(*trunk)
    turn = _turn(line, _vector(trunk[1], ears))
    if turn is None:
        return None
    return turn if line[0] >= 0 else -turn  # below the line is clockwise when the trunk points right


def head_forward(points: Points) -> float | None:
    trunk, ears = _trunk(points), _middle(points, "ear")
    if trunk is None or ears is None:
        return None
    return 100 * (ears[0] - trunk[1][0]) * facing(points) / math.dist(*trunk)


WHOLE = {"trunk_lean": trunk_lean, "head_drop": head_drop, "head_forward": head_forward}


def _limb(points: Points, name: str, side: str) -> float | None:
    a, b, c = (points.get(f"{part}_{side}") for part in TRIPLES[name])
    if a is None or b is None or c is None:
        return None
    turn = _turn(_vector(b, a), _vector(b, c))
    return None if turn is None else abs(turn)


def angle(points: Points, name: str, side: str | None = None) -> float | None:
    """One camera angle: a limb's on `side` (None: both sides averaged, those seen), or the body's."""
    if name in WHOLE:
        return WHOLE[name](points)
    if side is not None:
        return _limb(points, name, side)
    read = [a for s in ("left", "right") if (a := _limb(points, name, s)) is not None]
    return sum(read) / len(read) if read else None
