"""Exercise illustrations: an SVG stick figure drawn from the content's keyframes, animated with SMIL.

No script is needed to animate (the page's CSP allows none inline); a reduced-motion preference
pauses the animation (static/common.js) and the first keyframe is the still picture.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from unknot.content.schema import Exercise
from unknot.core.figure import HEAD_RADIUS, Figure, Frame, figure

HOLD_SECONDS = 1.6
PAUSE_SECONDS = 0.4
MOVE_SECONDS = 1.2


def _timeline(holds: tuple[bool, ...]) -> tuple[list[int], list[float]]:
    """Which frame is shown at each key time (as indexes), and the key times from 0 to 1."""
    order: list[int] = []
    times: list[float] = []
    clock = 0.0
    for index, hold in enumerate(holds):
        order += [index, index]
        times += [clock, clock + (HOLD_SECONDS if hold else PAUSE_SECONDS)]
        clock = times[-1] + MOVE_SECONDS
    order.append(0)
    times.append(clock)
    return order, [round(t / clock, 4) for t in times]


def _animate(attribute: str, values: list[float], key_times: str, duration: float) -> str:
    if len(set(values)) == 1:
        return ""
    joined = ";".join(f"{v:.1f}" for v in values)
    return (
        f'<animate attributeName="{attribute}" values="{joined}" keyTimes="{key_times}" '
        f'dur="{duration:.1f}s" repeatCount="indefinite"/>'
    )


def _bone_svg(
    index: int, frames: tuple[Frame, ...], order: list[int], key_times: str, duration: float
) -> str:
    first = frames[0].bones[index]
    side = "left" if "left" in first.name else "right" if "right" in first.name else "core"
    parts = [
        f'<line class="bone {side}" x1="{first.start[0]:.1f}" y1="{first.start[1]:.1f}" '
        f'x2="{first.end[0]:.1f}" y2="{first.end[1]:.1f}">'
    ]
    for attribute, pick in (("x1", 0), ("y1", 1), ("x2", 2), ("y2", 3)):
        values = []
        for frame_index in order:
            bone = frames[frame_index].bones[index]
            values.append((bone.start[0], bone.start[1], bone.end[0], bone.end[1])[pick])
        parts.append(_animate(attribute, values, key_times, duration))
    parts.append("</line>")
    return "".join(parts)


def _head_svg(drawing: Figure, order: list[int], key_times: str, duration: float) -> str:
    x, y = drawing.frames[0].head
    moves = [
        _animate(a, [drawing.frames[i].head[k] for i in order], key_times, duration)
        for a, k in (("cx", 0), ("cy", 1))
    ]
    return f'<circle class="head" cx="{x:.1f}" cy="{y:.1f}" r="{HEAD_RADIUS:.0f}">{"".join(moves)}</circle>'


# Drawing a figure takes about half a millisecond and the library page shows forty, so each drawing is
# kept. The key is the exercise object itself (checked by identity), so a reloaded library is redrawn.
_DRAWN_LIMIT = 512
_drawn: dict[tuple[int, str], tuple[Exercise, Markup]] = {}


def exercise_svg(exercise: Exercise, size: str = "medium") -> Markup:
    """The animated figure for an exercise, with a title and description for screen readers."""
    key = (id(exercise), size)
    kept = _drawn.get(key)
    if kept is not None and kept[0] is exercise:
        return kept[1]
    if len(_drawn) >= _DRAWN_LIMIT:
        _drawn.clear()
    svg = _draw(exercise, size)
    _drawn[key] = (exercise, svg)
    return svg


def _draw(exercise: Exercise, size: str) -> Markup:
    drawing = figure(exercise.pose)
    order, times = _timeline(drawing.holds)
    key_times = ";".join(f"{t:g}" for t in times)
    duration = sum(HOLD_SECONDS if h else PAUSE_SECONDS for h in drawing.holds) + MOVE_SECONDS * len(
        drawing.holds
    )
    labels = "; then ".join(k.label for k in exercise.pose.keyframes)
    ident = f"fig-{exercise.id}-{size}"
    bones = "".join(
        _bone_svg(i, drawing.frames, order, key_times, duration) for i in range(len(drawing.frames[0].bones))
    )
    ground = drawing.height - 11
    floor = f'<line class="floor" x1="0" y1="{ground:.1f}" x2="{drawing.width:.1f}" y2="{ground:.1f}"/>'
    return Markup(
        f'<svg class="figure {size}" viewBox="0 0 {drawing.width:.1f} {drawing.height:.1f}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-t">{escape(exercise.name)}</title>'
        f'<desc id="{ident}-d">{escape(labels)}</desc>'
        f"{floor}{bones}{_head_svg(drawing, order, key_times, duration)}</svg>"
    )
