"""An exercise's figure as SVG: its start and end positions side by side, or animated between its
keyframes (SMIL, no script). Fills are attributes, so a PDF or PNG shows the same colours; the web's
stylesheet may refine them by class.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from unknot.content.schema import Exercise
from unknot.core.pose.kinematics import Body, rest
from unknot.core.pose.motion import timeline
from unknot.core.pose.room import FLOOR_PROPS, ROOM_PROPS, YAW, boxes, landmark, pivot, turn
from unknot.present.figure.arrow import arrow_path
from unknot.present.figure.body import Shape, body_shapes
from unknot.present.figure.camera import Camera, Point, camera
from unknot.present.figure.props import room_shapes, small_shapes

FILL = {
    "near": "#3b5b70",
    "far": "#a9bfcd",
    "core": "#5f8399",
    "target": "#ef8a4c",
    "face": "#1d2f3b",
    "mat": "#9fd3c2",
    "wall": "#e7e1d6",
    "door_frame": "#c9a27a",
    "chair": "#c79a6b",
    "bed": "#d6d2e6",
    "table": "#c9a27a",
    "ball": "#e0605a",
    "foam_roller": "#7fa9d8",
    "towel": "none",
    "floor": "#eceae6",
}
TINT = {"top": 1.08, "side": 0.92, "end": 0.8}
STROKE = "#1d2f3b"
MARGIN = 8.0


def _fill(role: str) -> str:
    kind, _, shade = role.partition(" ")
    colour = FILL[kind]
    if not shade or colour == "none":
        return colour
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    k = TINT[shade]
    return "#" + "".join(f"{min(255, round(c * k)):02x}" for c in (r, g, b))


def scene(exercise: Exercise, body: Body, cam: Camera) -> list[Shape]:
    pose = exercise.pose
    targets = [t.value for t in exercise.targets]
    shapes = room_shapes(pose.props, cam) + body_shapes(body, cam, targets, pose.side)
    shapes += small_shapes(pose.props, body, cam)
    return sorted(shapes, key=lambda s: (s.layer, -s.depth))


def _num(v: float, digits: int = 1) -> str:
    if digits == 0:
        return str(round(v))
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _d(points: Sequence[Point], shape: str = "round", digits: int = 1) -> str:
    """A path through the points: a polyline ("open"), a polygon ("straight"), or an outline rounded
    through the midpoints of its sides (the same commands in every frame, so an animation can morph
    it). A small figure needs no tenths of a centimetre (`digits` 0)."""

    def xy(p: Point) -> str:
        return f"{_num(p[0], digits)} {_num(p[1], digits)}"

    if digits == 0:
        return _small_d(points, shape)
    if shape != "round":
        head, *tail = points
        return f"M{xy(head)}" + "".join(f"L{xy(p)}" for p in tail) + ("Z" if shape == "straight" else "")
    start, *curve = _rounded(points)
    pairs = zip(curve[::2], curve[1::2], strict=True)
    return f"M{xy(start)}" + "".join(f"Q{xy(c)} {xy(m)}" for c, m in pairs) + "Z"


def _rounded(points: Sequence[Point]) -> list[Point]:
    """A closed outline as a start (the last side's middle), then each corner and its side's middle."""
    count = len(points)
    mids = [
        ((points[i][0] + points[(i + 1) % count][0]) / 2, (points[i][1] + points[(i + 1) % count][1]) / 2)
        for i in range(count)
    ]
    return [mids[-1], *(p for pair in zip(points, mids, strict=True) for p in pair)]


def _small_d(points: Sequence[Point], shape: str) -> str:
    """As _d, in whole centimetres and relative moves (a small figure's path is half as long)."""
    ordered = _rounded(points) if shape == "round" else list(points)
    whole = [(round(x), round(y)) for x, y in ordered]
    path = [f"M{whole[0][0]} {whole[0][1]}"]
    step = 2 if shape == "round" else 1
    for index in range(1, len(whole), step):
        here = whole[index - 1]
        moves = whole[index : index + step]
        text = " ".join(f"{x - here[0]} {y - here[1]}" for x, y in moves)
        path.append(("q" if shape == "round" else "l") + text)
    return "".join(path) + ("" if shape == "open" else "z")


# Every outline's ink, set once on the drawing's group; the parts without one say so.
INK = f'stroke="{STROKE}" stroke-width="0.7" stroke-linejoin="round"'
UNINKED = {"target", "face", "floor"}


def _element(shape: Shape, d: str, inner: str = "") -> str:
    kind = shape.role.partition(" ")[0]
    if kind == "towel":
        return (
            f'<path class="towel" d="{d}" fill="none" stroke="#d9a521" stroke-width="2.6" '
            f'stroke-linecap="round">{inner}</path>'
        )
    ink = ' stroke="none"' if kind in UNINKED else ' stroke-width="0.5"' if kind in ROOM else ""
    if shape.opacity < 1:
        ink += f' fill-opacity="{shape.opacity:g}"'
    end = f">{inner}</path>" if inner else "/>"
    return f'<path class="{kind}" d="{d}" fill="{_fill(shape.role)}"{ink}{end}'


def _bounds(frames: list[list[Shape]]) -> tuple[float, float, float, float]:
    points = [p for shapes in frames for s in shapes for p in s.points]
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs) - MARGIN, min(ys) - MARGIN, max(xs) + MARGIN, max(ys) + MARGIN


FLOOR_MARGIN = 18.0  # cm of floor round everything that stands on it


def _floor(bodies: list[Body], exercise: Exercise, cam: Camera) -> Shape:
    """The floor under the body and the room's props, seen from the camera (drawn first)."""
    xs = [p[0] for b in bodies for p in b.points.values()]
    ys = [p[1] for b in bodies for p in b.points.values()]
    for prop in exercise.pose.props:
        if prop.kind in FLOOR_PROPS:
            for box in boxes(prop):
                for x, y in ((x, y) for x in box[:2] for y in box[2:4]):
                    corner = turn((x, y, 0.0), pivot(prop), YAW[prop.facing])
                    xs.append(corner[0])
                    ys.append(corner[1])
    x0, x1 = min(xs) - FLOOR_MARGIN, max(xs) + FLOOR_MARGIN
    y0, y1 = min(ys) - FLOOR_MARGIN, max(ys) + FLOOR_MARGIN
    quad = [cam.project((x, y, 0.0)) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    return Shape("floor", "floor", quad, float("inf"), layer=-1)


ROOM = ROOM_PROPS | {"floor"}  # drawn with straight sides


def _outline(shape: Shape) -> str:
    kind = shape.role.partition(" ")[0]
    return "open" if kind == "towel" else "straight" if kind in ROOM else "round"


def _still(shapes: list[Shape], digits: int = 1) -> str:
    """The shapes of one still drawing; a small one (`digits` 0) with every other outline point."""
    drawn = []
    for shape in shapes:
        if len(set(shape.points)) < 2:
            continue  # an eye out of sight
        kind = _outline(shape)
        points = shape.points[::2] if digits == 0 and kind == "round" else shape.points
        drawn.append(_element(shape, _d(points, kind, digits)))
    return "".join(drawn)


def _svg(
    width: float, height: float, view_box: str, words: tuple[str, str] | None, body: str, css: str
) -> str:
    """The drawing; with words (its name and what it shows) named for screen readers."""
    size = f'viewBox="{view_box}" width="{_num(width)}" height="{_num(height)}"'
    if words is None:  # beside the exercise's name, or in a PDF (whose renderer has no <title>)
        hidden = 'aria-hidden="true" focusable="false"'
        return f'<svg class="figure {css}" {size} {hidden} xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    name, desc = words
    ident = "fig-" + "".join(c if c.isalnum() else "-" for c in f"{name} {css}".lower())
    return (
        f'<svg class="figure {css}" {size} role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}-t">{escape(name)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>{body}</svg>'
    )


def key_frames(exercise: Exercise) -> tuple[int, int]:
    """The start position and the position that matters most (the first held one, else the last)."""
    frames = exercise.pose.keyframes
    held = next((i for i, k in enumerate(frames) if k.hold and i > 0), len(frames) - 1)
    return 0, held


@dataclass(frozen=True)
class Strip:
    """Keyframes side by side on one scale: the inner SVG, its size, and what it shows in words."""

    body: str
    width: float
    height: float
    desc: str


def strip(exercise: Exercise, indexes: Sequence[int], view: str | None = None, digits: int = 1) -> Strip:
    """Some keyframes side by side, with an arrow on the last for the movement from the first."""
    cam = camera(view or exercise.pose.views[0])
    bodies = [rest(exercise.pose, exercise.pose.keyframes[i]) for i in indexes]
    floor = _floor(bodies, exercise, cam)
    frames = [[floor, *scene(exercise, b, cam)] for b in bodies]
    left, top, right, bottom = _bounds(frames)
    width, gap = right - left, 6.0
    panels = []
    for index, shapes in enumerate(frames):
        follow = landmark(exercise.pose.arrow) if exercise.pose.arrow else None
        extra = arrow_path(bodies[0], bodies[-1], cam, follow) if index == len(frames) - 1 and index else ""
        panels.append(
            f'<g transform="translate({_num(index * (width + gap) - left)} {_num(-top)})" {INK}>'
            f"{_still(shapes, digits)}{extra}</g>"
        )
    desc = "; then ".join(exercise.pose.keyframes[i].label for i in indexes)
    total = len(frames) * width + (len(frames) - 1) * gap
    return Strip("".join(panels), total, bottom - top, desc)


@dataclass(frozen=True)
class Drawing:
    """An SVG and its size (its units are centimetres of the room), for placing it in a page."""

    svg: str
    width: float
    height: float


def pair_drawing(
    exercise: Exercise, css: str = "pair", view: str | None = None, labelled: bool = True
) -> Drawing:
    """Start and end positions side by side, on one scale, with an arrow for the movement."""
    drawn = strip(exercise, key_frames(exercise), view, digits=0 if css == "small" else 1)
    box = f"0 0 {_num(drawn.width)} {_num(drawn.height)}"
    css = f"{css} {view}" if view else css
    seen = f", from the {(view or '').replace('_', ' ')}" if view and len(exercise.pose.views) > 1 else ""
    words = (f"{exercise.name}: start and end{seen}", drawn.desc) if labelled else None
    return Drawing(_svg(drawn.width, drawn.height, box, words, drawn.body, css), drawn.width, drawn.height)


def pair_svg(exercise: Exercise, css: str = "pair", view: str | None = None, labelled: bool = True) -> str:
    return pair_drawing(exercise, css, view, labelled).svg


def animated_svg(exercise: Exercise, css: str = "large", view: str | None = None) -> str:
    """The figure moving through its keyframes, looping; a reduced-motion page shows the first."""
    cam = camera(view or exercise.pose.views[0])
    moments, duration = timeline(exercise.pose)
    floor = _floor([m.body for m in moments], exercise, cam)
    frames = [[floor, *scene(exercise, m.body, cam)] for m in moments]
    order = _order(frames)
    left, top, right, bottom = _bounds(frames)
    times = ";".join(f"{m.seconds / duration:.4f}".rstrip("0").rstrip(".") or "0" for m in moments)
    parts = []
    for key in order:
        shapes = [next(s for s in f if s.key == key) for f in frames]
        paths = [_d(s.points, _outline(s)) for s in shapes]
        inner = ""
        if len(set(paths)) > 1:
            inner = _animate("d", paths, times, duration)
        opacities = [f"{s.opacity:g}" for s in shapes]
        if len(set(opacities)) > 1:
            inner += _animate("fill-opacity", opacities, times, duration)
        parts.append(_element(shapes[0], paths[0], inner))
    labels = "; then ".join(k.label for k in exercise.pose.keyframes)
    view_box = f"{_num(left)} {_num(top)} {_num(right - left)} {_num(bottom - top)}"
    css = f"{css} {view}" if view else css
    words = (f"{exercise.name}: the movement", labels)
    return _svg(right - left, bottom - top, view_box, words, f"<g {INK}>{''.join(parts)}</g>", css)


def _animate(attribute: str, values: list[str], times: str, duration: float) -> str:
    return (
        f'<animate attributeName="{attribute}" values="{";".join(values)}" keyTimes="{times}" '
        f'dur="{duration:.1f}s" repeatCount="indefinite"/>'
    )


def _order(frames: list[list[Shape]]) -> list[str]:
    """One drawing order for an animation: by each element's mean depth over the loop."""
    depth: dict[str, list[float]] = {}
    layer: dict[str, int] = {}
    for shapes in frames:
        for s in shapes:
            depth.setdefault(s.key, []).append(s.depth)
            layer[s.key] = s.layer
    return sorted(depth, key=lambda k: (layer[k], -sum(depth[k]) / len(depth[k])))
