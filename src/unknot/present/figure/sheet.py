"""The contact sheet: every exercise's keyframes in one grid, each with its name, for review."""

from __future__ import annotations

from html import escape

from unknot.content.schema import Exercise
from unknot.present.figure.svg import Strip, strip

CELL_WIDTH = 420.0
CELL_HEIGHT = 150.0
TEXT = 16.0
COLUMNS = 3


def _cell(exercise: Exercise, drawn: Strip, x: float, y: float) -> str:
    room = CELL_HEIGHT - TEXT - 6
    k = min((CELL_WIDTH - 10) / drawn.width, room / drawn.height)
    views = ", ".join(exercise.pose.views)
    return (
        f'<g transform="translate({x:.1f} {y:.1f})">'
        f'<rect width="{CELL_WIDTH - 4:.0f}" height="{CELL_HEIGHT - 4:.0f}" rx="6" fill="#fbfaf8" '
        f'stroke="#d8d4cc"/>'
        f'<text x="8" y="{TEXT:.0f}" font-family="sans-serif" font-size="12" font-weight="600" '
        f'fill="#1d2f3b">{escape(exercise.name)}</text>'
        f'<text x="{CELL_WIDTH - 10:.0f}" y="{TEXT:.0f}" text-anchor="end" font-family="sans-serif" '
        f'font-size="10" fill="#5b6770">{escape(exercise.id)} · {escape(views)}</text>'
        f'<g transform="translate(5 {TEXT + 4:.0f}) scale({k:.4f})">{drawn.body}</g></g>'
    )


def sheet_svg(exercises: list[Exercise]) -> str:
    """All keyframes of each exercise, in its first view, in a grid of cells."""
    cells = []
    for index, exercise in enumerate(exercises):
        drawn = strip(exercise, range(len(exercise.pose.keyframes)))
        row, column = divmod(index, COLUMNS)
        cells.append(_cell(exercise, drawn, column * CELL_WIDTH, row * CELL_HEIGHT))
    rows = -(-len(exercises) // COLUMNS)
    width, height = COLUMNS * CELL_WIDTH, rows * CELL_HEIGHT
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}"><rect width="100%" height="100%" fill="#ffffff"/>'
        f"{''.join(cells)}</svg>"
    )
