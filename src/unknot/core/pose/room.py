"""The props as solids in the room, and how far a body part is from one (for the contact checks). Pure."""

from __future__ import annotations

import math

from unknot.content.schema.pose import Pose, Prop
from unknot.core.pose.geometry import Vec, norm, sub
from unknot.core.pose.kinematics import DEFAULT_HEIGHT, Body
from unknot.core.pose.skeleton import radius

Box = tuple[float, float, float, float, float, float]  # x0, x1, y0, y1, z0, z1
YAW = {"forward": 0.0, "left": 90.0, "back": 180.0, "right": -90.0}
SEAT_DEPTH = {"chair": 44.0, "table": 60.0}
ROOM_PROPS = frozenset({"mat", "wall", "door_frame", "chair", "bed", "table"})  # boxes standing in the room
FLOOR_PROPS = ROOM_PROPS - {"wall"}  # the ones whose footprint the floor must cover
BALL_RADIUS = 4.0
ROLLER_RADIUS = 7.5
ROLLER_HALF_LENGTH = 45.0
# body part -> the landmark at its centre (and so its radius)
PART_LANDMARK = {
    "foot": "sole",
    "back": "upper_back",
    "buttocks": "sacrum",
    "head": "head_centre",
    "neck_back": "c7",
}


# A limb a hand or foot may rest anywhere along: its two ends and its mean radius.
LIMBS = {"thigh": ("hip", "knee", 6.5), "shin": ("knee", "ankle", 4.5), "forearm": ("elbow", "wrist", 3.5)}


def landmark(part: str) -> str:
    base, _, side = part.rpartition("_") if part.endswith(("_left", "_right")) else (part, "", "")
    name = PART_LANDMARK.get(base, base)
    return f"{name}_{side}" if side else name


def turn(p: Vec, centre: tuple[float, float], degrees: float) -> Vec:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    dx, dy = p[0] - centre[0], p[1] - centre[1]
    return centre[0] + c * dx - s * dy, centre[1] + s * dx + c * dy, p[2]


def pivot(prop: Prop) -> tuple[float, float]:
    """The point a seat turns round when it faces another way: its middle."""
    return (prop.x or 0.0) - SEAT_DEPTH.get(prop.kind, 0.0) / 2, prop.y or 0.0


def boxes(prop: Prop) -> list[Box]:
    """The boxes a room prop is made of, before turning it to face its way."""
    x, y = prop.x or 0.0, prop.y or 0.0
    if prop.kind == "mat":
        return [(x - 95, x + 95, y - 32, y + 32, 0.0, 1.0)]
    if prop.kind == "wall":
        if prop.x is not None:
            return [(x, x + 4, -90, 90, 0.0, 210.0)]
        return [(-110, 110, y, y + 4, 0.0, 210.0)] if y > 0 else [(-110, 110, y - 4, y, 0.0, 210.0)]
    if prop.kind == "door_frame":
        return [
            (x - 4, x + 4, y + 45, y + 53, 0, 205),
            (x - 4, x + 4, y - 53, y - 45, 0, 205),
            (x - 4, x + 4, y - 53, y + 53, 205, 213),
        ]
    height = prop.height or DEFAULT_HEIGHT[prop.kind]
    if prop.kind == "bed":
        return [(x - 200, x, y - 50, y + 50, 0.0, height)]
    depth = SEAT_DEPTH[prop.kind]
    top = [(x - depth, x, y - 22, y + 22, height - 4, height)]
    legs = [(lx, lx + 3, ly, ly + 3, 0.0, height - 4) for lx in (x - depth, x - 3) for ly in (y - 22, y + 19)]
    back = [(x - depth - 3, x - depth, y - 22, y + 22, height, height + 44)] if prop.kind == "chair" else []
    return top + legs + back


def _box_distance(p: Vec, box: Box) -> float:
    x0, x1, y0, y1, z0, z1 = box
    d = [max(lo - v, 0.0, v - hi) for v, lo, hi in ((p[0], x0, x1), (p[1], y0, y1), (p[2], z0, z1))]
    outside = math.sqrt(sum(c * c for c in d))
    if outside > 0:
        return outside
    return -min(p[0] - x0, x1 - p[0], p[1] - y0, y1 - p[1], p[2] - z0, z1 - p[2])


def _segment_distance(p: Vec, a: Vec, b: Vec) -> float:
    ab, ap = sub(b, a), sub(p, a)
    length = sum(c * c for c in ab) or 1.0
    t = max(0.0, min(1.0, sum(x * y for x, y in zip(ab, ap, strict=True)) / length))
    return norm(sub(p, (a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t)))


def distance(prop: Prop, p: Vec, body: Body) -> float:
    """How far a point is from the prop's surface (negative inside it)."""
    if prop.kind == "ball":
        return norm(sub(p, (prop.x or 0.0, prop.y or 0.0, prop.z or 0.0))) - (prop.radius or BALL_RADIUS)
    if prop.kind == "foam_roller":
        axis = (p[0] - (prop.x or 0.0), 0.0, p[2] - (prop.z or 0.0))
        return norm(axis) - (prop.radius or ROLLER_RADIUS)
    if prop.kind == "towel":
        around = body.points[landmark(prop.around or "foot_left")]
        hands = body.points["hand_left"], body.points["hand_right"]
        return min(_segment_distance(p, h, around) for h in hands)
    turned = turn(p, pivot(prop), -YAW[prop.facing])
    return min(_box_distance(turned, box) for box in boxes(prop))


def gap(pose: Pose, body: Body, part: str, target: str) -> float:
    """Surface to surface, in cm, between a body part and what it touches (negative: sunk into it)."""
    name = landmark(part)
    centre = body.points[name]
    if target == "floor":
        return centre[2] - radius(name)
    if target in {p.kind for p in pose.props}:
        return min(distance(p, centre, body) for p in pose.props if p.kind == target) - radius(name)
    if target.startswith(tuple(LIMBS)):  # anywhere along the limb, not only at its middle
        part, _, side = target.rpartition("_")
        start, end, width = LIMBS[part]
        ends = body.points[f"{start}_{side}"], body.points[f"{end}_{side}"]
        return _segment_distance(centre, *ends) - radius(name) - width
    other = landmark(target)
    return norm(sub(centre, body.points[other])) - radius(name) - radius(other)
