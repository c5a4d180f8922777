"""The clinician's report as a PDF, drawn with fpdf2 (pure Python: no browser, no system library)."""

from __future__ import annotations

import io

from fpdf import FPDF

from unknot.content.schema import Exercise
from unknot.present.chart_svg import WIDTH, chart_height, chart_svg
from unknot.present.charts import Chart
from unknot.present.figure.svg import pair_drawing
from unknot.present.report import NOT_A_DIAGNOSIS, TITLE, ReportView, Section

ACCENT = (11, 93, 87)
GREY = (120, 128, 134)
CHART_WIDTH = 90  # mm: the drawing's text at about 9 pt
CAPTION_HEIGHT = 6
FIGURE_HEIGHT = 16  # mm: the programme's figures, small
FIGURE_GAP = 3
# Typographic marks the built-in PDF fonts lack, by code point, and what to show instead.
PLAIN = str.maketrans(
    {
        0x2018: "'",
        0x2019: "'",
        0x201C: '"',
        0x201D: '"',
        0x2013: "-",
        0x2014: "-",
        0x2022: "-",
        0x00B7: "-",
        0x2026: "...",
        0x2265: ">=",
        0x2264: "<=",
        0x00D7: "x",
        0x00A0: " ",
    }
)


def plain(text: str) -> str:
    """Text the PDF's built-in fonts can show (Latin-1), with typographic marks made plain."""
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


class Report(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "B", 9)
        self.set_text_color(*GREY)
        self.cell(0, 5, plain(f"{TITLE}: {NOT_A_DIAGNOSIS}"), align="R")
        self.ln(7)
        self.set_text_color(0, 0, 0)

    def heading(self, text: str) -> None:
        self.ln(2)
        self.set_font("Helvetica", "B", 12)
        self.set_text_color(*ACCENT)
        self.cell(0, 7, plain(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.set_font("Helvetica", "", 10)

    def para(self, text: str, style: str = "") -> None:
        self.set_font("Helvetica", style, 10)
        self.multi_cell(0, 5, plain(text), new_x="LMARGIN", new_y="NEXT")

    def row(self, cells: tuple[str, ...]) -> None:
        """One table row: the first cell in bold, the others sharing the rest of the width."""
        first = self.epw * (0.55 if len(cells) == 2 else 0.5)
        rest = (self.epw - first) / max(len(cells) - 1, 1)
        for index, cell in enumerate(cells):
            self.set_font("Helvetica", "B" if index == 0 else "", 10)
            last = index == len(cells) - 1
            self.cell(
                first if index == 0 else rest,
                6,
                plain(cell),
                new_x="LMARGIN" if last else "RIGHT",
                new_y="NEXT" if last else "TOP",
            )

    def section(self, section: Section, style: str = "") -> None:
        self.heading(section.heading)
        for paragraph in section.paragraphs:
            self.para(paragraph)
        for bullet in section.bullets:
            self.para(f"- {bullet}", style)
        if section.table:
            for cells in section.table.rows:
                self.row(cells)
        if section.figures:
            self.figures(section.figures)
        for note in section.notes:
            self.para(note)

    def figures(self, exercises: list[Exercise]) -> None:
        """Each exercise's start and end, small, in rows across the page, its name beneath."""
        columns = 5
        width = (self.epw - (columns - 1) * FIGURE_GAP) / columns
        for start in range(0, len(exercises), columns):
            if self.will_page_break(FIGURE_HEIGHT + 8):
                self.add_page()
            top = self.get_y() + 1
            for index, exercise in enumerate(exercises[start : start + columns]):
                x = self.l_margin + index * (width + FIGURE_GAP)
                place_figure(self, exercise, x, top, width, FIGURE_HEIGHT)
                self.set_xy(x, top + FIGURE_HEIGHT + 0.5)
                self.set_font("Helvetica", "", 7)
                self.cell(width, 3.5, plain(exercise.name), align="C")
            self.set_xy(self.l_margin, top + FIGURE_HEIGHT + 5)
        self.set_font("Helvetica", "", 10)


def place_figure(pdf: FPDF, exercise: Exercise, x: float, y: float, width: float, height: float) -> float:
    """The exercise's start and end figures (the web's SVG, as vector graphics) fitted into a box,
    centred across it; returns the height they take."""
    drawing = pair_drawing(exercise, labelled=False)
    scale = min(width / drawing.width, height / drawing.height)
    w, h = drawing.width * scale, drawing.height * scale
    pdf.image(io.BytesIO(drawing.svg.encode()), x=x + (width - w) / 2, y=y, w=w, h=h)
    return h


def chart(pdf: Report, drawn: Chart) -> None:
    """A chart's caption, then its drawing (the web's SVG, as vector graphics), on one page; or the
    sentence that stands for it."""
    pdf.ln(2)
    height = CHART_WIDTH * chart_height(drawn) / WIDTH if not drawn.is_empty else 0
    if pdf.will_page_break(CAPTION_HEIGHT + height):
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, CAPTION_HEIGHT, plain(drawn.caption), new_x="LMARGIN", new_y="NEXT")
    if drawn.is_empty:
        pdf.para(drawn.empty)
        return
    pdf.image(io.BytesIO(plain(chart_svg(drawn, labelled=False)).encode()), w=CHART_WIDTH, h=height)
    pdf.ln(2)


def report_pdf(view: ReportView) -> bytes:
    pdf = Report(format="A4")
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(auto=True, margin=14)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, plain(view.title), new_x="LMARGIN", new_y="NEXT")
    pdf.para(view.generated)
    if view.escalation:
        pdf.section(view.escalation, "B")
    for section in view.sections:
        pdf.section(section)
    for drawn in view.charts:  # the scores are in the questionnaires' table: two pages at most
        chart(pdf, drawn)
    pdf.section(view.questionnaires)
    return bytes(pdf.output())
