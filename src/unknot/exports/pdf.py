"""The clinician's report as a PDF, drawn with fpdf2 (pure Python: no browser, no system library)."""

from __future__ import annotations

import itertools

from fpdf import FPDF

from unknot.charts import rolling_mean, weekly_counts
from unknot.exports.report import fmt
from unknot.services.exports import ReportData

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
        self.cell(0, 5, "unknot self-care summary - self-reported, not a diagnosis", align="R")
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

    def rows(self, rows: list[tuple[str, str]], widths: tuple[float, float] = (95, 85)) -> None:
        for label, value in rows:
            self.set_font("Helvetica", "B", 10)
            self.cell(widths[0], 6, plain(label))
            self.set_font("Helvetica", "", 10)
            self.cell(widths[1], 6, plain(value), new_x="LMARGIN", new_y="NEXT")


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


def pain_chart(pdf: Report, data: ReportData) -> None:
    days = data.days[-90:]
    pains = [d.checkin.pain if d.checkin else None for d in days]
    if not any(p is not None for p in pains):
        return
    x, y, w, h = _chart_box(pdf, "Pain (0-10) by day, with its 7-day mean (thick line)")
    step = w / max(len(days) - 1, 1)
    for values, colour, width in ((pains, BLUE, 0.3), (rolling_mean(pains), ACCENT, 0.9)):
        points = [(x + i * step, y + h * (1 - v / 10)) for i, v in enumerate(values) if v is not None]
        _polyline(pdf, points, colour, width)


def sessions_chart(pdf: Report, data: ReportData) -> None:
    weeks = weekly_counts(data.days)
    if not weeks:
        return
    x, y, w, h = _chart_box(
        pdf, "Completed sessions per week (the top line is 7, i.e. every day; grid 0 / 3.5 / 7)"
    )
    slot = w / len(weeks)
    pdf.set_fill_color(*ACCENT)
    for i, (_, count) in enumerate(weeks):
        bar = h * min(count, 7) / 7
        pdf.rect(x + i * slot + 0.8, y + h - bar, slot - 1.6, bar, style="F")


def report_pdf(data: ReportData) -> bytes:
    pdf = Report(format="A4")
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(auto=True, margin=14)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, "unknot self-care summary", new_x="LMARGIN", new_y="NEXT")
    start = data.progress.start_date
    pdf.para(f"Generated {data.generated}" + (f"; journal from {start}." if start else "."))
    _sections(pdf, data)
    return bytes(pdf.output())


def _sections(pdf: Report, data: ReportData) -> None:
    escalation = data.progress.escalation
    if escalation.level != "none":
        pdf.heading(f"Escalation: {escalation.level.replace('_', ' ')}")
        for reason in escalation.reasons:
            pdf.para(f"- {reason}", "B")
    _assessment(pdf, data)
    _programme(pdf, data)
    pdf.heading("Pain and adherence")
    p = data.progress
    pdf.rows(
        [
            ("Pain at start (mean of first 3 check-ins)", fmt(p.baseline_pain)),
            ("Pain in the last 7 days (mean)", fmt(p.recent_pain)),
            ("Change", fmt(p.change_pct, " %")),
            ("Days with a completed session", f"{p.adherence:.0%}"),
        ]
    )
    pain_chart(pdf, data)
    sessions_chart(pdf, data)
    _questionnaires(pdf, data)


def _assessment(pdf: Report, data: ReportData) -> None:
    a = data.assessment
    pdf.heading("Assessment" + (f" ({data.assessed_on})" if data.assessed_on else ""))
    if a is None:
        pdf.para("No assessment recorded.")
        return
    flags = ", ".join(f.replace("_", " ") for f in a.red_flags) or "none"
    pdf.para(f"Triage: {a.triage.value.replace('_', ' ')}. Red flags reported: {flags}.")
    for reason in a.reasons:
        pdf.para(f"- {reason}")
    causes = "; ".join(c.name for c in a.causes) or "none identified"
    pdf.para(f"Possible contributing factors: {causes}.")
    if a.therapy:
        pdf.para(f"Relief suggested: {a.therapy.kind}, {a.therapy.minutes} minutes.")


def _programme(pdf: Report, data: ReportData) -> None:
    pdf.heading("Programme")
    if data.plan is None:
        pdf.para("No programme (none offered, or no assessment).")
        return
    pdf.rows(
        [(item.name, f"{item.level.value}, {item.minutes:g} min") for item in data.plan.items], (110, 70)
    )
    pdf.para(f"About {data.plan.total_minutes:g} minutes a day.")
    for day, reason in data.plan_changes:
        pdf.para(f"{day}: {reason}")


def _questionnaires(pdf: Report, data: ReportData) -> None:
    pdf.heading("Questionnaires")
    if not data.responses:
        pdf.para("No questionnaire answered yet.")
        return
    forms = data.library.questionnaires
    rows = []
    for r in data.responses[-16:]:
        form = forms[r.questionnaire]
        rows.append((f"{r.date}  {form.short_name}", f"{r.score:g} / {form.max_score:g}"))
    pdf.rows(rows)
    pdf.set_font("Helvetica", "I", 8)
    sources = "PEG: Krebs et al. 2009. Roland-Morris Disability Questionnaire: Roland and Morris 1983"
    pdf.multi_cell(0, 4, f"{sources}, as reproduced in Roland and Fairbank 2000.")
