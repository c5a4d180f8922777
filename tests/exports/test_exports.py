"""Exports a clinician's system can read: FHIR validated with fhir.resources, ics with icalendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from icalendar import Calendar
from pypdf import PdfReader

from tests.strategies import base_answers
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.exports.pdf import report_pdf
from unknot.exports.report import report_html
from unknot.services import (
    Context,
    checkins,
    clearances,
    exports,
    intake,
    preferences,
    progress,
    reports,
    sessions,
)


def fill(ctx: Context) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers(sitting_hours=9, hamstrings_tight="yes")))
    for n in range(1, 15):
        day = f"2026-11-{n:02d}"
        checkins.log(
            ctx, 7 - n // 3, 4 if n % 2 else None, f"note {n}", ("fever_or_unwell",) if n == 3 else (), day
        )
        if n == 4:
            clearances.record(ctx, "fever_or_unwell", day)  # a doctor saw them: sessions may go on
        if n % 3:
            sessions.record(ctx, date_text=day, pain_before=4, pain_after=3)
    checkins.log(ctx, 5, None, "feverish", ("fever_or_unwell",), "2026-11-22")
    progress.answer(ctx, "peg", [6, 5, 4], "2026-11-02")
    progress.answer(ctx, "rmdq", [1] * 7 + [0] * 17, "2026-11-03")


def test_fhir_bundle_validates_and_codes_pain_with_loinc(ctx: Context) -> None:
    fill(ctx)
    document = json.loads(exports.export(ctx, "fhir").body)
    bundle = Bundle.model_validate(document)
    assert bundle.type == "collection"
    observations = [e.resource for e in bundle.entry if e.resource.__resource_type__ == "Observation"]
    pains = [o for o in observations if o.code.coding and o.code.coding[0].code == "72514-3"]
    assert len(pains) == 15 and all(o.code.coding[0].system == "http://loinc.org" for o in pains)
    assert {o.valueInteger for o in pains} <= set(range(11))
    texts = {o.code.text for o in observations}
    assert any("stiffness" in t.lower() for t in texts)
    assert any(t.startswith("PEG-3") for t in texts) and any(t.startswith("Roland-Morris") for t in texts)
    again = json.loads(exports.export(ctx, "fhir").body)
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in document["entry"]]


def test_empty_journal_exports_are_valid_and_empty(ctx: Context) -> None:
    bundle = Bundle.model_validate(json.loads(exports.export(ctx, "fhir").body))
    assert not bundle.entry
    calendar = Calendar.from_ical(exports.export(ctx, "ics").body)
    assert calendar.walk("VEVENT") == []
    assert exports.export(ctx, "csv").body.decode().splitlines() == [
        "date,pain,stiffness,sessions_completed,peg,rmdq,red_flags,note"
    ]


def test_calendar_has_the_daily_session_with_an_alarm(ctx: Context) -> None:
    fill(ctx)
    preferences.change(ctx, {"session_time": "07:15"})
    calendar = Calendar.from_ical(exports.export(ctx, "ics").body)
    [event] = calendar.walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["DAILY"]
    assert event.decoded("DTSTART").time() == dt.time(7, 15)
    [alarm] = event.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and alarm.decoded("TRIGGER") == -dt.timedelta(minutes=5)
    assert "Seated" in str(event["DESCRIPTION"]) or "stretch" in str(event["DESCRIPTION"]).lower()


def test_the_calendar_event_keeps_its_uid_from_day_to_day(ctx: Context, clock: FixedClock) -> None:
    """Importing a newer export updates the event in the calendar instead of adding a second one."""
    fill(ctx)
    [first] = Calendar.from_ical(exports.export(ctx, "ics").body).walk("VEVENT")
    later_ctx = Context(ctx.settings, ctx.store, FixedClock(clock.moment + dt.timedelta(days=3)), ctx.library)
    [later] = Calendar.from_ical(exports.export(later_ctx, "ics").body).walk("VEVENT")
    assert later.decoded("DTSTART").date() == first.decoded("DTSTART").date() + dt.timedelta(days=3)
    assert str(later["UID"]) == str(first["UID"])


def test_csv_has_a_row_per_day_with_scores(ctx: Context) -> None:
    fill(ctx)
    rows = list(csv.DictReader(io.StringIO(exports.export(ctx, "csv").body.decode())))
    assert len(rows) == 15
    assert rows[1]["peg"] == "5" and rows[2]["rmdq"] == "7" and rows[2]["red_flags"] == "fever_or_unwell"


def test_unknown_format(ctx: Context) -> None:
    with pytest.raises(Exception, match="format: must be one of json, csv, fhir, ics"):
        exports.export(ctx, "xml")


def test_pdf_report_reads_as_a_summary(ctx: Context) -> None:
    fill(ctx)
    pdf = report_pdf(reports.report(ctx))
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in (
        "unknot self-care summary",
        "Assessment",
        "Triage: self care",
        "Long hours of sitting",
        "Programme",
        "Days with a completed session",
        "PEG-3",
        "RMDQ",
        "7 / 24",
        "Escalation: see clinician",
    ):
        assert words in text, words

    # The charts are the web's SVG drawn as PDF text and paths: captions, axes, dated ticks, legend.
    pain = text[text.index("Pain by day, 1 Nov to 22 Nov 2026") : text.index("Completed sessions,")]
    assert pain.split("\n")[1:5] == ["Pain (0-10)", "0", "5", "10"]
    assert "2 Nov 9 Nov 16 Nov" in pain and "Daily pain 7-day mean" in pain
    sessions = text[
        text.index("Completed sessions, weeks of 26 Oct to 16 Nov 2026") : text.index("Questionnaires")
    ]
    assert sessions.split("\n")[1:10] == ["Sessions per week", *map(str, range(8))]
    assert "26 Oct 2 Nov 9 Nov 16 Nov" in sessions


def test_pdf_report_of_an_empty_journal(ctx: Context) -> None:
    text = PdfReader(io.BytesIO(report_pdf(reports.report(ctx)))).pages[0].extract_text()
    assert "No assessment recorded" in text and "No questionnaire answered yet" in text


def test_html_report_has_charts_and_scores(ctx: Context) -> None:
    fill(ctx)
    html = report_html(reports.report(ctx))
    assert html.count('<svg class="chart"') == 4
    assert "Roland-Morris" in html and "Escalation: see clinician" in html
    assert "http" not in html.split("<body>")[1].replace("http://www.w3.org", "")
