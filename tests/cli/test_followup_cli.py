"""Progress, questionnaires, exports and the report through the real program."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest
from pypdf import PdfReader

from tests.cli.helpers import ok_json, run_unknot, spawn_unknot
from tests.strategies import base_answers


def one_error(done: object) -> str:
    assert done.returncode == 2  # type: ignore[attr-defined]
    lines = done.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and done.stdout == "", done.stderr  # type: ignore[attr-defined]
    return lines[0]


def save(tmp_path: Path, **changes: object) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(base_answers(**changes)), encoding="utf-8")
    assert run_unknot("assess", "--answers", str(path), "--save").returncode == 0


def test_progress_json_follows_the_contract() -> None:
    for day, pain in (
        ("2026-03-01", 4),
        ("2026-03-02", 4),
        ("2026-03-03", 4),
        ("2026-03-06", 8),
        ("2026-03-07", 9),
        ("2026-03-08", 8),
    ):
        run_unknot("checkin", "--pain", str(pain), "--date", day)
    report = ok_json("progress", "--json", "--today", "2026-03-08")
    assert report["start_date"] == "2026-03-01" and report["baseline_pain"] == 4
    assert report["recent_pain"] == pytest.approx(6.6)
    assert report["change_pct"] == pytest.approx(65.0)
    assert report["adherence"] == 0
    assert report["escalation"] == {
        "level": "see_clinician",
        "reasons": [
            "Your pain has risen from about 4.0 to 6.6 over the last week.",
            "Your pain has been 8 or more at three check-ins this week.",
        ],
        "blocks_sessions": False,
    }
    early = ok_json("progress", "--json", "--today", "2026-03-02")
    assert early["recent_pain"] == 4 and early["escalation"]["level"] == "none"


def test_progress_bad_date() -> None:
    assert one_error(run_unknot("progress", "--json", "--today", "03/08/2026")).startswith("today: ")


def test_escalation_shows_first_in_today_and_blocks_a_session_when_urgent(tmp_path: Path) -> None:
    save(tmp_path)
    run_unknot("checkin", "--pain", "4", "--red-flag", "saddle_numbness")
    today = run_unknot("today").stdout
    assert today.index("Get urgent help now") < today.index("Next step")
    session = run_unknot("session")
    assert session.returncode == 2 and "a warning sign needs care first" in session.stderr
    assert "Go to an emergency department now" in session.stdout


def test_questionnaires_are_scored_stored_and_due(tmp_path: Path) -> None:
    save(tmp_path)
    done = run_unknot("questionnaire", "peg", "--answers", "5,6,4")
    assert done.returncode == 0 and "score 5 of 10" in done.stdout
    assert "score 3 of 24" in run_unknot("questionnaire", "rmdq", "--ticked", "2,13,18").stdout
    assert one_error(run_unknot("questionnaire", "peg", "--answers", "5,6")).startswith("answers: ")
    assert one_error(run_unknot("questionnaire", "peg", "--answers", "5,6,11")).startswith("answers: ")
    assert one_error(run_unknot("questionnaire", "rmdq", "--ticked", "30")).startswith("answers: ")
    assert one_error(run_unknot("questionnaire", "oswestry", "--answers", "1")).startswith("questionnaire: ")
    assert one_error(run_unknot("questionnaire", "rmdq", "--answers", "1,2")).startswith("answers: ")
    exported = ok_json("export", "--format", "json")["questionnaires"]
    assert [(r["questionnaire"], r["score"]) for r in exported] == [("peg", 5.0), ("rmdq", 3.0)]
    progress = run_unknot("progress").stdout
    assert "PEG scores: 5" in progress and "Questionnaires" in progress


def test_interactive_peg_in_a_terminal() -> None:
    child = spawn_unknot("questionnaire", "peg")
    for answer in ("7", "11", "5", "3"):
        child.expect(r"\d\. What number|from 0 to 10")
        child.sendline(answer)
    child.expect("score 5 of 10")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_export_formats_and_report_files(tmp_path: Path) -> None:
    save(tmp_path)
    run_unknot("checkin", "--pain", "5", "--stiffness", "4")
    fhir = ok_json("export", "--format", "fhir")
    assert fhir["resourceType"] == "Bundle" and fhir["type"] == "collection"
    assert run_unknot("export", "--format", "ics").stdout.startswith("BEGIN:VCALENDAR")
    assert run_unknot("export", "--format", "csv").stdout.startswith("date,pain,stiffness")
    pdf = tmp_path / "report.pdf"
    assert run_unknot("report", "--out", str(pdf)).returncode == 0
    assert "unknot self-care summary" in PdfReader(pdf).pages[0].extract_text()
    html = tmp_path / "report.html"
    assert run_unknot("report", "--out", str(html)).returncode == 0
    assert "<svg" in html.read_text(encoding="utf-8")
    assert one_error(run_unknot("report", "--out", str(tmp_path / "r.docx"))).startswith("out: ")
    assert one_error(run_unknot("report", "--out", str(tmp_path / "no" / "r.pdf"))).startswith("out: ")
    written = sorted(p.name for p in tmp_path.iterdir() if p.name != "unknot-home")
    assert written == ["a.json", "report.html", "report.pdf"], "refused reports leave nothing behind"
