"""The figure of an exercise a clinician is writing, drawn as the app draws every exercise."""

from __future__ import annotations

from markupsafe import Markup

from unknot.content.schema import Exercise
from unknot.present.figure.svg import animated_svg, pair_svg


def preview_svg(exercise: Exercise) -> Markup:
    """The moving figure, then the start and end positions from each of its views (the exercise page's
    figures). Markup: the drawing is ours and escapes every word in it, so a page puts it in as it is."""
    pairs = "".join(pair_svg(exercise, "pair", view) for view in exercise.pose.views)
    return Markup(animated_svg(exercise, "animated") + pairs)
