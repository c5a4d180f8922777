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


def _ray(hull: list[Point], centre: Point, angle: float) -> Point:
    """Where a ray from the centre at an angle leaves the convex outline."""
    dx, dy = math.cos(angle), math.sin(angle)
    best = 0.0
    for (x1, y1), (x2, y2) in zip(hull, hull[1:] + hull[:1], strict=True):
        ex, ey = x2 - x1, y2 - y1
        det = dx * -ey + dy * ex
        if abs(det) < 1e-12:
            continue
        ox, oy = x1 - centre[0], y1 - centre[1]
        t = (ox * -ey + oy * ex) / det
        u = (dx * oy - dy * ox) / det
        if t > best and -1e-9 <= u <= 1 + 1e-9:
            best = t
    return centre[0] + dx * best, centre[1] + dy * best


def outline(circles: list[tuple[Point, float]], count: int = OUTLINE_POINTS) -> list[Point]:
    """The convex outline round some circles, as `count` points (the same count in every frame, so an
    animation can move one outline into the next)."""
    samples = [
        (x + r * math.cos(2 * math.pi * k / 16), y + r * math.sin(2 * math.pi * k / 16))
        for (x, y), r in circles
        for k in range(16)
    ]
    hull = _hull(samples)
    centre = (sum(p[0] for p in hull) / len(hull), sum(p[1] for p in hull) / len(hull))
    return [_ray(hull, centre, 2 * math.pi * k / count) for k in range(count)]
