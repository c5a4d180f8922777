"""The printable home-exercise programme as a PDF: each exercise's start and end figures (the same
SVG the web shows), its dose, key steps and stop-if lines, on one or two A4 pages."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import MethodReturnValue

from unknot.exports.pdf import ACCENT, GREY, place_figure, plain
from unknot.present.programme import Handout, HandoutItem

FIGURE_WIDTH = 66.0  # mm
FIGURE_HEIGHT = 38.0  # at most
GAP = 5.0
LINE = 4.3


class Sheet(FPDF):
    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, plain(f"unknot - not a medical device - page {self.page_no()}"), align="C")


def _text(pdf: Sheet, item: HandoutItem, x: float, width: float, dry: bool) -> float:
    """The item's words in the right-hand column; returns their height."""
    parts = [
        ("B", 11, f"{item.number}. {item.exercise.name}", ACCENT),
        ("B", 9, item.dose, (0, 0, 0)),
        *([("I", 9, item.note, (0, 0, 0))] if item.note else []),
        *[("", 9, f"{n}. {step}", (0, 0, 0)) for n, step in enumerate(item.steps, start=1)],
        ("B", 9, "Stop if:", (0, 0, 0)),
        *[("", 9, f"- {line}", (0, 0, 0)) for line in item.stop_if],
    ]
    total = 0.0
    for style, size, words, colour in parts:
        pdf.set_font("Helvetica", style, size)
        pdf.set_text_color(*colour)
        pdf.set_x(x)
        height = pdf.multi_cell(
            width,
            LINE,
            plain(words),
            align="L",
            new_x="LEFT",
            new_y="NEXT",
            dry_run=dry,
            output=MethodReturnValue.HEIGHT,
        )
        assert isinstance(height, float)
        total += height
    pdf.set_text_color(0, 0, 0)
    return total


def _item(pdf: Sheet, item: HandoutItem) -> None:
    text_x = pdf.l_margin + FIGURE_WIDTH + GAP
    text_width = pdf.epw - FIGURE_WIDTH - GAP
    words = _text(pdf, item, text_x, text_width, dry=True)
    if pdf.will_page_break(max(FIGURE_HEIGHT, words) + GAP):
        pdf.add_page()
    top = pdf.get_y()
    figure = place_figure(pdf, item.exercise, pdf.l_margin, top, FIGURE_WIDTH, FIGURE_HEIGHT)
    needed = max(figure, words)
    pdf.set_y(top)
    _text(pdf, item, text_x, text_width, dry=False)
    pdf.set_y(top + needed + GAP / 2)
    pdf.set_draw_color(220, 220, 220)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
    pdf.set_y(pdf.get_y() + GAP / 2)


def _safety(pdf: Sheet, handout: Handout) -> None:
    lines = len(handout.stop_rules) + 6
    if pdf.will_page_break(lines * LINE):
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, plain(handout.stop_heading), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for rule in handout.stop_rules:
        pdf.multi_cell(0, LINE, plain(f"- {rule}"), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(0, 3.8, plain(handout.notice), align="L", new_x="LMARGIN", new_y="NEXT")


def programme_pdf(handout: Handout) -> bytes:
    pdf = Sheet(format="A4")
    pdf.set_title(handout.title)
    pdf.set_margins(14, 12, 14)
    pdf.set_auto_page_break(auto=True, margin=14)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 8, plain(handout.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    intro = plain(f"{handout.subtitle} {handout.how_to_use}")
    pdf.multi_cell(0, LINE, intro, align="L", new_x="LMARGIN", new_y="NEXT")
    if handout.notes:
        pdf.set_font("Helvetica", "I", 9)
        pdf.multi_cell(0, LINE, plain(handout.notes), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for item in handout.items:
        _item(pdf, item)
    if handout.walking:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, plain(handout.walking), new_x="LMARGIN", new_y="NEXT")
    _safety(pdf, handout)
    return bytes(pdf.output())
