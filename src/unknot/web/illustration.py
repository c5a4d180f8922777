"""Exercise figures for the pages: drawn once per exercise and kind, from the 3D pose model.

`animated` loops through the keyframes (SMIL, no script; a reduced-motion preference pauses it on the
first keyframe, see static/common.js); `pair` shows the start and the held position side by side.
"""

from __future__ import annotations

from markupsafe import Markup

from unknot.content.schema import Exercise
from unknot.present.figure.svg import animated_svg, pair_svg

# The key is the exercise object itself (checked by identity), so a reloaded library is redrawn.
_DRAWN_LIMIT = 1024
_drawn: dict[tuple[int, str, str | None], tuple[Exercise, Markup]] = {}


def exercise_svg(exercise: Exercise, kind: str = "pair", view: str | None = None) -> Markup:
    """The figure of one kind: "animated" (large, moving), "pair" (start and end) or "small" (a pair)."""
    key = (id(exercise), kind, view)
    kept = _drawn.get(key)
    if kept is not None and kept[0] is exercise:
        return kept[1]
    if len(_drawn) >= _DRAWN_LIMIT:
        _drawn.clear()
    if kind == "animated":
        svg = Markup(animated_svg(exercise, "animated", view))
    elif kind in {"pair", "small"}:  # a small one sits beside the exercise's name: decorative
        svg = Markup(pair_svg(exercise, kind, view, labelled=kind == "pair"))
    else:
        raise ValueError(f"no figure kind '{kind}'")
    _drawn[key] = (exercise, svg)
    return svg
