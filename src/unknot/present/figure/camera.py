"""Views of the figure: orthographic cameras, and convex outlines of projected spheres."""

from __future__ import annotations

import math
from dataclasses import dataclass

from unknot.core.pose.geometry import Vec, cross, dot, unit

Point = tuple[float, float]
# Where the camera stands: (azimuth from the person's front towards their left, elevation), degrees.
VIEWS: dict[str, tuple[float, float]] = {
    "side": (-80.0, 9.0),  # from the person's right, a little ahead: they face screen-right
    "front": (0.0, 8.0),
    "three_quarter": (-50.0, 16.0),
    "back": (180.0, 8.0),
    "above": (-90.0, 62.0),
}
OUTLINE_POINTS = 18
_UNIT_CIRCLE = [(math.cos(math.tau * k / 12), math.sin(math.tau * k / 12)) for k in range(12)]


@dataclass(frozen=True)
class Camera:
    right: Vec
    up: Vec
    forward: Vec  # from the camera into the scene: larger depth is further away

    def project(self, p: Vec) -> Point:
        return dot(p, self.right), -dot(p, self.up)

    def depth(self, p: Vec) -> float:
        return dot(p, self.forward)


def camera(view: str) -> Camera:
    azimuth, elevation = (math.radians(a) for a in VIEWS[view])
    towards = (
        math.cos(elevation) * math.cos(azimuth),
        math.cos(elevation) * math.sin(azimuth),
        math.sin(elevation),
    )
    forward = (-towards[0], -towards[1], -towards[2])
    right = unit(cross(forward, (0.0, 0.0, 1.0)))
    return Camera(right, cross(right, forward), forward)


def _hull(points: list[Point]) -> list[Point]:
    ordered = sorted(set(points))
    if len(ordered) < 3:
        return ordered

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    upper: list[Point] = []
    for p in ordered:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(ordered):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _cross_at(a: Point, b: Point, centre: Point, angle: float) -> Point:
    """Where a ray from the centre at an angle crosses the line through a and b."""
    dx, dy = math.cos(angle), math.sin(angle)
    ex, ey = b[0] - a[0], b[1] - a[1]
    det = dx * -ey + dy * ex
    if abs(det) < 1e-12:
        return a
    ox, oy = a[0] - centre[0], a[1] - centre[1]
    t = (ox * -ey + oy * ex) / det
    return centre[0] + dx * t, centre[1] + dy * t


def _resample(hull: list[Point], count: int) -> list[Point]:
    """The convex outline as `count` points at even angles round its centre (one pass round it)."""
    cx = sum(p[0] for p in hull) / len(hull)
    cy = sum(p[1] for p in hull) / len(hull)
    turn = math.tau
    around = sorted(((math.atan2(y - cy, x - cx) % turn, (x, y)) for x, y in hull), key=lambda v: v[0])
    ring = [(around[-1][0] - turn, around[-1][1]), *around, (around[0][0] + turn, around[0][1])]
    out = []
    j = 0
    for k in range(count):
        angle = turn * k / count
        while j < len(ring) - 2 and ring[j + 1][0] < angle:
            j += 1
        out.append(_cross_at(ring[j][1], ring[j + 1][1], (cx, cy), angle))
    return out


def _arc(centre: Point, radius: float, start: float, end: float, count: int) -> list[Point]:
    step = (end - start) / (count - 1)
    return [
        (centre[0] + radius * math.cos(start + k * step), centre[1] + radius * math.sin(start + k * step))
        for k in range(count)
    ]


def _capsule(first: tuple[Point, float], second: tuple[Point, float], count: int) -> list[Point]:
    """The outline round two circles: an arc of each joined by their common tangents."""
    (a, ra), (b, rb) = first, second
    distance = math.hypot(b[0] - a[0], b[1] - a[1])
    if distance <= abs(ra - rb) + 1e-6:
        centre, radius = (a, ra) if ra >= rb else (b, rb)
        return _arc(centre, radius, 0.0, math.tau * (count - 1) / count, count)
    towards = math.atan2(b[1] - a[1], b[0] - a[0])
    spread = math.acos((ra - rb) / distance)
    half = count // 2
    return _arc(b, rb, towards - spread, towards + spread, half) + _arc(
        a, ra, towards + spread, towards + math.tau - spread, count - half
    )


def outline(circles: list[tuple[Point, float]], count: int = OUTLINE_POINTS) -> list[Point]:
    """The convex outline round some circles, as `count` points (the same count in every frame, so an
    animation can move one outline into the next)."""
    if len(circles) == 2:
        return _capsule(circles[0], circles[1], count)
    samples = [(x + r * c, y + r * s) for (x, y), r in circles for c, s in _UNIT_CIRCLE]
    return _resample(_hull(samples), count)
