"""The 3D pose model seen by a camera: its landmarks as BlazePose's, in a picture. Pure.

Used for the coach's target ranges (an exercise's keyframes, seen from the view the coach needs) and
for synthetic landmark sequences in tests. The camera is orthographic and level: from the side it
stands at the person's right looking left (the person faces the picture's right); from the front it
faces the person (their left is on the picture's right).
"""

from __future__ import annotations

from dataclasses import dataclass

from unknot.core.coach.landmarks import NAMES, Frame, Landmark, Point
from unknot.core.pose.geometry import Vec
from unknot.core.pose.kinematics import Body

# BlazePose landmark -> the pose model's landmark that stands for it.
FROM_SKELETON: dict[str, str] = {
    "nose": "nose",
    "mouth_left": "chin",
    "mouth_right": "chin",
    **{f"{eye}_{side}": f"eye_{side}" for eye in ("eye_inner", "eye", "eye_outer")
       for side in ("left", "right")},
    **{
        f"{part}_{side}": f"{model}_{side}"
        for side in ("left", "right")
        for part, model in (
            ("ear", "ear"), ("shoulder", "shoulder"), ("elbow", "elbow"), ("wrist", "wrist"),
            ("pinky", "fingers"), ("index", "fingers"), ("thumb", "thumb"), ("hip", "hip"),
            ("knee", "knee"), ("ankle", "ankle"), ("heel", "heel"), ("foot", "toes"),
        )
    },
}  # fmt: skip


def seen_from(position: Vec, view: str) -> tuple[float, float, float]:
    """A room position (cm; x forward, y left, z up) as picture x, picture y (down) and depth."""
    x, y, z = position
    if view == "side":
        return (x, -z, y)
    return (y, -z, -x)


def picture_points(body: Body, view: str) -> dict[str, Point]:
    """Every BlazePose landmark of a model body in the picture (cm), for the camera angles."""
    out: dict[str, Point] = {}
    for name, model in FROM_SKELETON.items():
        u, v, _ = seen_from(body.points[model], view)
        out[name] = (u, v)
    return out


@dataclass(frozen=True)
class Camera:
    """A fixed camera: the view, the picture's size, and where and how large the room appears."""

    view: str
    width: int
    height: int
    scale: float  # pixels per cm
    centre: Point  # the room point (in picture cm) at the picture's centre


def camera_for(body: Body, view: str, width: int = 360, height: int = 640) -> Camera:
    """A camera that shows the body centred, filling 60 % of the picture (where a pose model finds
    people best: docs/pose-on-figures.md)."""
    seen = [seen_from(body.points[model], view) for model in FROM_SKELETON.values()]
    us, vs = [p[0] for p in seen], [p[1] for p in seen]
    scale = 0.6 * min(width / (max(us) - min(us) + 1e-9), height / (max(vs) - min(vs) + 1e-9))
    return Camera(view, width, height, scale, ((min(us) + max(us)) / 2, (min(vs) + max(vs)) / 2))


def frame_of(body: Body, camera: Camera, t: float) -> Frame:
    """The frame the camera gives of the body."""
    marks: list[Landmark] = []
    for name in NAMES:
        u, v, depth = seen_from(body.points[FROM_SKELETON[name]], camera.view)
        x = 0.5 + (u - camera.centre[0]) * camera.scale / camera.width
        y = 0.5 + (v - camera.centre[1]) * camera.scale / camera.height
        marks.append((x, y, depth * camera.scale / camera.width, 0.99))
    return Frame(t, tuple(marks), camera.width, camera.height)
