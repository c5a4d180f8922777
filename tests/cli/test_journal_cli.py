"""The scriptable journal commands of docs/contracts/journal.md, through the real program."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.cli.helpers import ok_json, run_unknot
from tests.strategies import base_answers
from unknot.content.loader import default_library
from unknot.core.clock import SystemClock
from unknot.services import checkins, open_context
from unknot.settings import Settings


def one_error_line(done: object) -> str:
    assert done.returncode == 2, done.stdout  # type: ignore[attr-defined]
    lines = done.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, done.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in lines[0] and "\x1b" not in lines[0]
    return lines[0]


def save_assessment(tmp_path: Path, **changes: object) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(base_answers(**changes)), encoding="utf-8")
    done = run_unknot("assess", "--answers", str(path), "--save")
    assert done.returncode == 0, done.stderr


def test_checkin_then_history(home: Path) -> None:
    today = dt.date.today().isoformat()
    first = run_unknot("checkin", "--pain", "6", "--stiffness", "7", "--note", "after moving boxes")
    assert first.returncode == 0 and "Saved" in first.stdout
    second = run_unknot(
        "checkin", "--pain", "5", "--red-flag", "fever_or_unwell", "--red-flag", "cancer_history"
    )
    assert second.returncode == 0
    assert f"Replaced the check-in for {today}" in second.stdout
    assert "Time to see a professional" in second.stdout
    words = " ".join(second.stdout.replace("│", " ").split())
    assert "take your unknot report" in words and "before starting exercises" not in words
    run_unknot("checkin", "--pain", "2", "--date", "2026-01-02")
    history = ok_json("history", "--json")
    assert history[0] == {
        "date": "2026-01-02",
        "checkin": {"pain": 2, "stiffness": None, "note": "", "red_flags": []},
        "sessions_completed": 0,
    }
    assert history[-1]["date"] == today
    assert history[-1]["checkin"] == {
        "pain": 5,
        "stiffness": None,
        "note": "",
        "red_flags": ["fever_or_unwell", "cancer_history"],
    }


def test_history_shows_notes_verbatim_and_the_recent_days(home: Path) -> None:
    ctx = open_context(Settings(home=home), SystemClock(), default_library())
    note = "knees [bold]ok[/] and [/red] stiff"
    first = dt.date(2026, 1, 1)
    checkins.log(ctx, 3, note=note, date_text=first.isoformat())
    for n in range(1, 35):
        checkins.log(ctx, 4, date_text=(first + dt.timedelta(days=n)).isoformat())
    ctx.close()
    shown = run_unknot("history")
    assert shown.returncode == 0, shown.stderr
    assert "2026-01-01" not in shown.stdout and "2026-01-06" in shown.stdout and "2026-02-04" in shown.stdout
    assert "The 30 most recent of 35 days" in " ".join(shown.stdout.split())
    everything = run_unknot("history", "--days", "0")
    assert everything.returncode == 0, everything.stderr
    assert "2026-01-01" in everything.stdout and "most recent" not in everything.stdout
    assert "[bold]ok[/]" in everything.stdout and "[/red]" in everything.stdout


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--pain", "11"], "pain"),
        (["--pain", "abc"], "pain"),
        (["--pain", "3", "--stiffness", "12"], "stiffness"),
        (["--pain", "3", "--note", "x" * 2001], "note"),
        (["--pain", "3", "--red-flag", "headache"], "red_flag"),
        (["--pain", "3", "--date", "2999-01-01"], "date"),
        (["--pain", "3", "--date", "yesterday"], "date"),
        (["--stiffness", "3"], "pain"),
        (["--pain", "²"], "pain"),
        (["--pain", "1" * 5000], "pain"),
        (["--pain", "3", "--date", "2026-W01-1"], "date"),
        (["--pain", "5\n6\x1b[2J"], "pain"),  # quoted in the error: still one line, no escape code
    ],
)
def test_invalid_checkin_exits_2_naming_the_field_and_writes_nothing(args: list[str], field: str) -> None:
    line = one_error_line(run_unknot("checkin", *args))
    assert line.startswith(f"{field}: ")
    assert ok_json("history", "--json") == []


def test_interactive_checkin_without_a_terminal_says_what_to_do() -> None:
    line = one_error_line(run_unknot("checkin", stdin=""))
    assert line.startswith("pain: missing")


def test_session_done_needs_a_self_care_assessment(tmp_path: Path) -> None:
    assert "unknot start" in one_error_line(run_unknot("session", "--done"))
    save_assessment(tmp_path, trauma="major")
    assert "see a clinician" in one_error_line(run_unknot("session", "--done"))
    save_assessment(tmp_path)
    done = run_unknot("session", "--done", "--date", "2026-03-04")
    assert done.returncode == 0, done.stderr
    history = ok_json("history", "--json")
    assert history == [{"date": "2026-03-04", "checkin": None, "sessions_completed": 1}]


def test_session_done_rejects_a_future_date(tmp_path: Path) -> None:
    save_assessment(tmp_path)
    assert one_error_line(run_unknot("session", "--done", "--date", "2999-01-01")).startswith("date: ")


def test_assess_save_also_prints_json(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(base_answers()), encoding="utf-8")
    result = ok_json("assess", "--answers", str(path), "--json", "--save")
    assert result["triage"] == "self_care"
    exported = ok_json("export", "--format", "json")
    assert exported["assessments"][0]["result"] == result
    assert exported["plans"][0]["items"] == result["plan"]["items"]


def test_export_import_round_trip_into_a_new_home(tmp_path: Path, home: Path) -> None:
    save_assessment(tmp_path, sitting_hours=9)
    for day in ("2026-02-01", "2026-02-02", "2026-02-03"):
        run_unknot("checkin", "--pain", "4", "--note", f"on {day}", "--date", day)
    run_unknot("session", "--done", "--date", "2026-02-02")
    run_unknot("settings", "set", "voice", "off")
    exported = run_unknot("export", "--format", "json").stdout
    (tmp_path / "journal.json").write_text(exported, encoding="utf-8")
    new_home = tmp_path / "new-home"
    done = run_unknot("import", str(tmp_path / "journal.json"), home=new_home)
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert said.startswith("Imported 1 assessment, 1 plan, 3 check-ins, 1 session, 0 questionnaires answered")
    assert said.endswith("0 camera counts and 0 posture watch days.")
    assert run_unknot("export", "--format", "json", home=new_home).stdout == exported
    again = run_unknot("import", str(tmp_path / "journal.json"), home=new_home)
    assert "already has a journal" in one_error_line(again)


def test_import_of_a_broken_document_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"format": "unknot-journal", "version": 1, "assessments": [', "utf-8")
    assert one_error_line(run_unknot("import", str(tmp_path / "bad.json"))).startswith("import: ")
    assert ok_json("export", "--format", "json")["checkins"] == []


def test_export_unknown_format() -> None:
    assert one_error_line(run_unknot("export", "--format", "xml")).startswith("format: ")


def test_export_of_an_empty_journal_is_a_valid_empty_document() -> None:
    assert ok_json("export", "--format", "json") == {
        "format": "unknot-journal",
        "version": 2,
        "assessments": [],
        "plans": [],
        "checkins": [],
        "sessions": [],
        "settings": {},
        "questionnaires": [],
        "cleared": [],
        "coaching": [],
        "posture": [],
    }


def test_settings_set_and_show() -> None:
    assert run_unknot("settings", "set", "theme", "dark").returncode == 0
    assert ok_json("settings", "--json")["theme"] == "dark"
    assert one_error_line(run_unknot("settings", "set", "theme", "pink")).startswith("theme: ")


def test_today_guides_the_next_step(tmp_path: Path) -> None:
    assert "unknot start" in run_unknot("today").stdout
    save_assessment(tmp_path)
    first_day = run_unknot("today").stdout
    assert "Start your first session: 'unknot session'." in first_day and "Next step" not in first_day
    assert first_day.index("Your first session") < first_day.index("Later this week")
    assert "('unknot checkin')" in first_day.split("Later this week")[1]
    run_unknot("session", "--done")
    assert "Check in: 'unknot checkin'." in run_unknot("today").stdout
    run_unknot("checkin", "--pain", "3")
    assert "All done for today" in run_unknot("today").stdout


def test_bad_environment_setting_is_one_line() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "UNKNOT_TIME_SCALE": "fast"}
    done = subprocess.run(
        [sys.executable, "-m", "unknot", "today"], capture_output=True, text=True, env=env, check=False
    )
    assert one_error_line(done).startswith("UNKNOT_TIME_SCALE: ")
