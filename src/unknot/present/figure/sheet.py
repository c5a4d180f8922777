"""The contact sheet: every exercise's keyframes in one grid, each with its name, for review."""

from __future__ import annotations

from html import escape

from unknot.content.schema import Exercise
from unknot.present.figure.svg import strip

CELL_WIDTH = 420.0
CELL_HEIGHT = 150.0
TEXT = 16.0
COLUMNS = 3


def _entries(exercises: list[Exercise]) -> list[tuple[Exercise, str]]:
    """One cell per exercise and view (an exercise may be drawn from two sides)."""
    return [(exercise, view) for exercise in exercises for view in exercise.pose.views]


def _cell(exercise: Exercise, view: str, x: float, y: float, with_text: bool = True) -> str:
    drawn = strip(exercise, range(len(exercise.pose.keyframes)), view)
    room = CELL_HEIGHT - TEXT - 6
    k = min((CELL_WIDTH - 10) / drawn.width, room / drawn.height)
    views = view.replace("_", " ")
    text = (
        f'<text x="8" y="{TEXT:.0f}" font-family="sans-serif" font-size="12" font-weight="600" '
        f'fill="#1d2f3b">{escape(exercise.name)}</text>'
        f'<text x="{CELL_WIDTH - 10:.0f}" y="{TEXT:.0f}" text-anchor="end" font-family="sans-serif" '
        f'font-size="10" fill="#5b6770">{escape(exercise.id)} · {escape(views)}</text>'
    )
    return (
        f'<g transform="translate({x:.1f} {y:.1f})">'
        f'<rect width="{CELL_WIDTH - 4:.0f}" height="{CELL_HEIGHT - 4:.0f}" rx="6" fill="#fbfaf8" '
        f'stroke="#d8d4cc"/>{text if with_text else ""}'
        f'<g transform="translate(5 {TEXT + 4:.0f}) scale({k:.4f})">{drawn.body}</g></g>'
    )


def sheet_svg(exercises: list[Exercise], with_text: bool = True) -> str:
    """All keyframes of each exercise, in each of its views, in a grid of cells."""
    cells = []
    entries = _entries(exercises)
    for index, (exercise, view) in enumerate(entries):
        row, column = divmod(index, COLUMNS)
        cells.append(_cell(exercise, view, column * CELL_WIDTH, row * CELL_HEIGHT, with_text))
    rows = -(-len(entries) // COLUMNS)
    width, height = COLUMNS * CELL_WIDTH, rows * CELL_HEIGHT
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}"><rect width="100%" height="100%" fill="#ffffff"/>'
        f"{''.join(cells)}</svg>"
    )


def sheet_png(exercises: list[Exercise], zoom: float = 2.0) -> bytes:
    """The sheet as a PNG. The names are written with Pillow's own font, so they show on a machine
    without any system font (where an SVG renderer would leave them out)."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from unknot.present.figure.render import png_bytes

    image = Image.open(io.BytesIO(png_bytes(sheet_svg(exercises, with_text=False), zoom=zoom)))
    draw = ImageDraw.Draw(image)
    bold = ImageFont.load_default(12 * zoom)
    small = ImageFont.load_default(10 * zoom)
    for index, (exercise, view) in enumerate(_entries(exercises)):
        row, column = divmod(index, COLUMNS)
        x, y = column * CELL_WIDTH * zoom, row * CELL_HEIGHT * zoom
        draw.text((x + 8 * zoom, y + TEXT * zoom), exercise.name, fill="#1d2f3b", font=bold, anchor="ls")
        right = x + (CELL_WIDTH - 10) * zoom
        label = f"{exercise.id} - {view.replace('_', ' ')}"
        draw.text((right, y + TEXT * zoom), label, fill="#5b6770", font=small, anchor="rs")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
