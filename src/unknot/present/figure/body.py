"""The figure's parts in one view: outlines of the body's volume, the target muscles, the face."""

from __future__ import annotations

import math
from dataclasses import dataclass

from unknot.core.pose.geometry import Vec, add, apply, dot, sided
from unknot.core.pose.kinematics import Body
from unknot.present.figure.camera import Camera, Point, outline

SIDES = ("left", "right")
# part -> the landmarks (a trailing _S takes the side) and the radius drawn round each.
CORE_PARTS: dict[str, list[tuple[str, float]]] = {
    "torso_lower": [
        ("hip_left", 10),
        ("hip_right", 10),
        ("sacrum", 9),
        ("pelvis_front", 9),
        ("belly", 9),
        ("t12", 7),
    ],
    "torso_upper": [
        ("t12", 7),
        ("belly", 9),
        ("chest", 11),
        ("rib_left", 9),
        ("rib_right", 9),
        ("upper_back", 8),
        ("c7", 6),
        ("shoulder_left", 5.5),
        ("shoulder_right", 5.5),
    ],
    "neck": [("c7", 5), ("c1", 4.5)],
    "head": [("head_centre", 10), ("chin", 4.5), ("nose", 1.6)],
}
LIMB_PARTS: dict[str, list[tuple[str, float]]] = {
    "upper_arm": [("shoulder_S", 5), ("elbow_S", 4)],
    "forearm": [("elbow_S", 4), ("wrist_S", 3)],
    "hand": [("wrist_S", 2.8), ("hand_S", 3.8), ("fingers_S", 2.2), ("thumb_S", 1.8)],
    "thigh": [("hip_S", 8), ("knee_S", 5.5)],
    "shin": [("knee_S", 5), ("calf_S", 5.2), ("ankle_S", 3.6)],
    "foot": [("heel_S", 3.5), ("ankle_S", 3.6), ("ball_S", 3), ("toes_S", 2)],
}
ARM_PARTS = ("upper_arm", "forearm", "hand")
# muscle -> (segment frame, its origin landmark, from, to, radius); sided unless the segment is core.
PATCHES: dict[str, list[tuple[str, str, Vec, Vec, float]]] = {
    "hamstrings": [("thigh", "hip", (-4.0, 0.0, -9.0), (-3.5, 0.0, -34.0), 4.5)],
    "quadriceps": [("thigh", "hip", (4.0, 0.0, -9.0), (3.5, 0.0, -34.0), 4.5)],
    "hip_flexors": [("thigh", "hip", (4.5, 0.0, -1.0), (4.0, 0.0, -13.0), 4.5)],
    "glutes": [("pelvis", "pelvis", (-8.0, 5.5, -1.0), (-8.0, 5.5, -3.0), 7.0)],
    "calves": [("shin", "knee", (-3.0, 0.0, -8.0), (-2.5, 0.0, -22.0), 4.0)],
    "lumbar": [("lumbar", "sacrum", (-4.0, 0.0, 1.0), (-4.0, 0.0, 15.0), 5.5)],
    "upper_back": [("thorax", "t12", (-2.0, 0.0, 8.0), (-2.0, 0.0, 24.0), 7.0)],
    "neck": [("neck", "c7", (-2.0, 0.0, 0.0), (-2.0, 0.0, 9.0), 4.2)],
    "chest": [("thorax", "t12", (13.0, 5.0, 18.0), (13.0, -5.0, 18.0), 6.0)],
}
CORE_SEGMENTS = {"pelvis", "lumbar", "thorax", "neck"}
HIDDEN_TARGET = 0.35  # the opacity of a target muscle on the far side of the body


@dataclass(frozen=True)
class Shape:
    key: str  # the same element in every frame of one drawing
    role: str  # near, far, core, target, face, or a prop's kind
    points: list[Point]
    depth: float
    layer: int = 1  # 0: behind everything (the room), 1: sorted by depth, 2: on top
    opacity: float = 1.0  # a target muscle on the far side shows faintly through the body


def _circles(body: Body, cam: Camera, marks: list[tuple[str, float]], side: str) -> list[tuple[Point, float]]:
    return [(cam.project(body.points[name.replace("_S", f"_{side}")]), r) for name, r in marks]


def _depth(body: Body, cam: Camera, marks: list[tuple[str, float]], side: str) -> float:
    return sum(cam.depth(body.points[n.replace("_S", f"_{side}")]) for n, _ in marks) / len(marks)


def _near_side(body: Body, cam: Camera, joint: str) -> str | None:
    """Which side is nearer the camera (None when both are about as near)."""
    gap = cam.depth(body.points[f"{joint}_left"]) - cam.depth(body.points[f"{joint}_right"])
    return None if abs(gap) < 4 else ("left" if gap < 0 else "right")


def body_shapes(body: Body, cam: Camera, targets: list[str], working: str) -> list[Shape]:
    shapes = [
        Shape(name, "core", outline(_circles(body, cam, marks, "")), _depth(body, cam, marks, ""))
        for name, marks in CORE_PARTS.items()
    ]
    for part, marks in LIMB_PARTS.items():
        near = _near_side(body, cam, "shoulder" if part in ARM_PARTS else "hip")
        for side in SIDES:
            role = "near" if near in (None, side) else "far"
            shapes.append(
                Shape(
                    f"{part}_{side}",
                    role,
                    outline(_circles(body, cam, marks, side)),
                    _depth(body, cam, marks, side),
                )
            )
    shapes += _patches(body, cam, targets, working, {s.key: s.depth for s in shapes})
    return shapes + _face(body, cam)


def _patch_point(body: Body, segment: str, origin: str, offset: Vec, side: str) -> Vec:
    local = sided(offset, side)
    if segment in CORE_SEGMENTS:
        return add(body.points[origin], apply(body.frames[segment], local))
    return add(body.points[f"{origin}_{side}"], apply(body.frames[f"{segment}_{side}"], local))


def _patches(
    body: Body, cam: Camera, targets: list[str], working: str, depths: dict[str, float]
) -> list[Shape]:
    found = []
    sides = SIDES if working == "both" else (working,)
    for muscle in targets:
        for segment, origin, start, end, radius in PATCHES.get(muscle, []):
            for side in sides if segment not in CORE_SEGMENTS or segment == "pelvis" else ("",):
                ends = [_patch_point(body, segment, origin, p, side) for p in (start, end)]
                circles = [(cam.project(p), radius) for p in ends]
                faint = HIDDEN_TARGET if _faces_away(body, cam, segment, start, side) else 1.0
                key = f"target_{muscle}_{segment}_{side}"
                depth = depths[_host(segment, side)] - 0.01
                found.append(Shape(key, "target", outline(circles, 14), depth, opacity=faint))
    return found


def _faces_away(body: Body, cam: Camera, segment: str, offset: Vec, side: str) -> bool:
    """Whether a muscle on this side of its segment is turned away from the camera (and so hidden)."""
    across = sided(offset, side)
    local = (across[0], across[1], 0.0)  # the muscle's side of its segment, not along it
    frame = body.frames[segment if segment in CORE_SEGMENTS else f"{segment}_{side}"]
    outward = apply(frame, local)
    length = math.hypot(*outward) or 1.0
    return dot(outward, cam.forward) / length > 0.4


def _host(segment: str, side: str) -> str:
    return {
        "pelvis": "torso_lower",
        "lumbar": "torso_lower",
        "thorax": "torso_upper",
        "neck": "neck",
    }.get(segment, f"{segment}_{side}")


def _face(body: Body, cam: Camera) -> list[Shape]:
    """The eyes, drawn when they face the camera, so the figure shows where the head turns."""
    centre = cam.depth(body.points["head_centre"])
    shapes = []
    for side in SIDES:
        eye = body.points[f"eye_{side}"]
        x, y = cam.project(eye)
        seen = cam.depth(eye) < centre - 3
        radius = 1.3 if seen else 0.0
        dot = [(x + radius * dx, y + radius * dy) for dx, dy in ((1, 0), (0, 1), (-1, 0), (0, -1))]
        shapes.append(Shape(f"eye_{side}", "face", dot, centre - 20, layer=1))
    return shapes
