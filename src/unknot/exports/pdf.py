"""The clinician's report as a PDF, drawn with fpdf2 (pure Python: no browser, no system library)."""

from __future__ import annotations

import itertools

from fpdf import FPDF

from unknot.present.charts import DAYS_IN_WEEK, rolling_mean
from unknot.present.report import NOT_A_DIAGNOSIS, TITLE, ReportView, Section

ACCENT = (11, 93, 87)
BLUE = (75, 108, 183)
GREY = (120, 128, 134)
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
        for note in section.notes:
            self.para(note)


def _chart_box(
    pdf: Report, title: str, top: float = 10, height: float = 38
) -> tuple[float, float, float, float]:
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, plain(title), new_x="LMARGIN", new_y="NEXT")
    x, y, w = pdf.l_margin + 8, pdf.get_y() + 1, pdf.epw - 10
    pdf.set_draw_color(210, 214, 217)
    pdf.set_font("Helvetica", "", 7)
    for frac in (0.0, 0.5, 1.0):
        pdf.line(x, y + height * (1 - frac), x + w, y + height * (1 - frac))
        pdf.text(x - 6, y + height * (1 - frac) + 1, f"{top * frac:g}")
    pdf.set_y(y + height + 3)
    return x, y, w, height


def _polyline(
    pdf: Report, points: list[tuple[float, float]], colour: tuple[int, int, int], width: float
) -> None:
    pdf.set_draw_color(*colour)
    pdf.set_line_width(width)
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        pdf.line(x1, y1, x2, y2)
    pdf.set_line_width(0.2)


def pain_chart(pdf: Report, view: ReportView) -> None:
    pains = view.pain_values
    if not any(p is not None for p in pains):
        return
    x, y, w, h = _chart_box(pdf, "Pain (0-10) by day, with its 7-day mean (thick line)")
    step = w / max(len(pains) - 1, 1)
    for values, colour, width in ((pains, BLUE, 0.3), (rolling_mean(pains), ACCENT, 0.9)):
        points = [(x + i * step, y + h * (1 - v / 10)) for i, v in enumerate(values) if v is not None]
        _polyline(pdf, points, colour, width)


def sessions_chart(pdf: Report, view: ReportView) -> None:
    weeks = view.weekly_sessions
    if not weeks:
        return
    x, y, w, h = _chart_box(pdf, "Completed sessions per week (the top line is every day)", top=DAYS_IN_WEEK)
    slot = w / len(weeks)
    pdf.set_fill_color(*ACCENT)
    for i, (_, count) in enumerate(weeks):
        bar = h * min(count, DAYS_IN_WEEK) / DAYS_IN_WEEK
        pdf.rect(x + i * slot + 0.8, y + h - bar, slot - 1.6, bar, style="F")


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
    pain_chart(pdf, view)
    sessions_chart(pdf, view)
    pdf.section(view.questionnaires)
    return bytes(pdf.output())
