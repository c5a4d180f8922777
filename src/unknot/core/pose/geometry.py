"""Small 3D vector and rotation helpers for the pose model (pure; x forward, y left, z up, in cm)."""

from __future__ import annotations

import math

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # rows

IDENTITY: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
MIRROR: Mat = ((1.0, 0.0, 0.0), (0.0, -1.0, 0.0), (0.0, 0.0, 1.0))  # left side to right side


def add(a: Vec, b: Vec) -> Vec:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def sub(a: Vec, b: Vec) -> Vec:
    return a[0] - b[0], a[1] - b[1], a[2] - b[2]


def scale(a: Vec, k: float) -> Vec:
    return a[0] * k, a[1] * k, a[2] * k


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]


def norm(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    length = norm(a)
    if length < 1e-9:
        raise ValueError("a zero-length vector has no direction")
    return scale(a, 1 / length)


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    return add(a, scale(sub(b, a), t))


def apply(m: Mat, v: Vec) -> Vec:
    return dot(m[0], v), dot(m[1], v), dot(m[2], v)


def transpose(m: Mat) -> Mat:
    return (m[0][0], m[1][0], m[2][0]), (m[0][1], m[1][1], m[2][1]), (m[0][2], m[1][2], m[2][2])


def compose(a: Mat, b: Mat) -> Mat:
    """a then b in a's frame: the matrix a·b."""
    columns = transpose(b)
    return (
        (dot(a[0], columns[0]), dot(a[0], columns[1]), dot(a[0], columns[2])),
        (dot(a[1], columns[0]), dot(a[1], columns[1]), dot(a[1], columns[2])),
        (dot(a[2], columns[0]), dot(a[2], columns[1]), dot(a[2], columns[2])),
    )


def chain(*matrices: Mat) -> Mat:
    result = IDENTITY
    for m in matrices:
        result = compose(result, m)
    return result


def rot_x(degrees: float) -> Mat:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c)


def rot_y(degrees: float) -> Mat:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c)


def rot_z(degrees: float) -> Mat:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0)


def columns(m: Mat) -> Mat:
    """The frame's axes (x, y, z) as vectors in the parent frame."""
    return transpose(m)


def frame_from_axes(x: Vec, y: Vec, z: Vec) -> Mat:
    """The rotation whose columns are the given axes."""
    return transpose((x, y, z))


def sided(v: Vec, side: str) -> Vec:
    """A left-side offset as it is on `side` (mirrored across the body's midline for the right)."""
    return (v[0], -v[1], v[2]) if side == "right" else v


def sided_turn(m: Mat, side: str) -> Mat:
    """A left-side rotation as it is on `side`: the same movement, mirrored, for the right."""
    return chain(MIRROR, m, MIRROR) if side == "right" else m


def angle_between(a: Vec, b: Vec) -> float:
    cosine = max(-1.0, min(1.0, dot(unit(a), unit(b))))
    return math.degrees(math.acos(cosine))
