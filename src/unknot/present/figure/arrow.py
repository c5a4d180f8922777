"""The arrow showing which way a figure moves: from where the part that moves most starts to where
it ends, curved away from the body."""

from __future__ import annotations

import math

from unknot.core.pose.kinematics import Body
from unknot.present.figure.camera import Camera

MOVERS = (
    "hand_left",
    "hand_right",
    "sole_left",
    "sole_right",
    "knee_left",
    "knee_right",
    "elbow_left",
    "elbow_right",
    "nose",
    "chest",
    "sacrum",
)
SHORTEST = 3.0  # cm on screen; less than this is not worth an arrow
COLOUR = "#d4632a"


def _f(v: float) -> str:
    return f"{v:.1f}"


def arrow_path(start: Body, end: Body, cam: Camera, follow: str | None = None) -> str:
    """The arrow from where a part starts to where it ends: `follow` (a landmark), or the mover that
    moves most on the screen; none when it moves less than SHORTEST."""

    def moved(name: str) -> float:
        (x1, y1), (x2, y2) = cam.project(start.points[name]), cam.project(end.points[name])
        return math.hypot(x2 - x1, y2 - y1)

    name = follow or max(MOVERS, key=moved)
    length = moved(name)
    if length < SHORTEST:
        return ""
    (x1, y1), (x2, y2) = cam.project(start.points[name]), cam.project(end.points[name])
    cx, cy = cam.project(end.points["chest"])
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    if (mx + nx - cx) ** 2 + (my + ny - cy) ** 2 < (mx - nx - cx) ** 2 + (my - ny - cy) ** 2:
        nx, ny = -nx, -ny
    bend = 0.25 * length + 4
    qx, qy = mx + nx * bend, my + ny * bend
    # Stop short of the end so the head sits at it, pointing along the curve's last direction.
    tx, ty = x2 - qx, y2 - qy
    norm = math.hypot(tx, ty) or 1.0
    tx, ty = tx / norm, ty / norm
    size = 4.0
    bx, by = x2 - tx * size, y2 - ty * size
    head = (
        f"M{_f(x2)} {_f(y2)}L{_f(bx - ty * size * 0.6)} {_f(by + tx * size * 0.6)}"
        f"L{_f(bx + ty * size * 0.6)} {_f(by - tx * size * 0.6)}Z"
    )
    return (
        f'<path class="arrow" d="M{_f(x1)} {_f(y1)}Q{_f(qx)} {_f(qy)} {_f(bx)} {_f(by)}" fill="none" '
        f'stroke="{COLOUR}" stroke-width="1.6" stroke-linecap="round" stroke-dasharray="3 2.5"/>'
        f'<path class="arrow-head" d="{head}" fill="{COLOUR}" stroke="none"/>'
    )
