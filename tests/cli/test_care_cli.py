"""Safety drives every command: a warning sign at a check-in, a clinician's all-clear, heat and cold
after an emergency or with numb skin, and the lessons."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import ok_json, run_unknot
from tests.strategies import base_answers
from unknot.present.words import SEEK_CARE_WORDS


def one_error(done: object) -> str:
    assert done.returncode == 2, done.stdout  # type: ignore[attr-defined]
    lines = done.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, done.stderr  # type: ignore[attr-defined]
    return lines[0]


def save(tmp_path: Path, **changes: object) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(base_answers(**changes)), encoding="utf-8")
    assert run_unknot("assess", "--answers", str(path), "--save").returncode == 0


def test_a_warning_sign_blocks_sessions_until_a_clinicians_all_clear(tmp_path: Path) -> None:
    save(tmp_path)
    run_unknot("checkin", "--pain", "4", "--red-flag", "fever_or_unwell")
    today = run_unknot("today").stdout
    assert "unknot session" not in today, "no session offered while a warning sign waits"
    assert " ".join(SEEK_CARE_WORDS.split()[:4]) in " ".join(today.split())
    assert "warning sign needs care first" in one_error(run_unknot("session", "--done"))
    cleared = run_unknot("cleared", "fever_or_unwell")
    assert cleared.returncode == 0 and "What still applies" in cleared.stdout
    assert run_unknot("session", "--done").returncode == 0
    assert ok_json("progress", "--json")["escalation"]["blocks_sessions"] is False
    [record] = ok_json("export", "--format", "json")["cleared"]
    assert record["flag"] == "fever_or_unwell"


def test_an_emergency_sign_cannot_be_cleared_and_bad_flags_are_named() -> None:
    assert "emergency sign" in one_error(run_unknot("cleared", "saddle_numbness"))
    assert one_error(run_unknot("cleared", "headache")).startswith("flag: unknown 'headache'")
    assert one_error(run_unknot("cleared", "cancer_history", "--date", "2020-02-30")).startswith("date")
    assert ok_json("export", "--format", "json")["cleared"] == [], "nothing written"


def test_no_heat_after_an_emergency_intake(tmp_path: Path) -> None:
    save(tmp_path, red_flags=["saddle_numbness"])
    assert "get care first" in one_error(run_unknot("therapy", "heat"))
    assert "get care first" in one_error(run_unknot("therapy", "cold"))


def test_no_heat_or_cold_on_numb_skin_and_no_cold_with_raynauds(tmp_path: Path) -> None:
    save(tmp_path, skin_conditions=["numb_skin"])
    assert "as you answered: Numb" in one_error(run_unknot("therapy", "heat"))
    save(tmp_path, skin_conditions=["raynauds"])
    assert "as you answered: Raynaud's" in one_error(run_unknot("therapy", "cold"))


def test_lessons_are_listed_read_and_remembered(tmp_path: Path) -> None:
    listed = ok_json("lessons", "--json")
    assert len(listed) >= 10 and set(listed[0]) >= {"id", "title", "minutes", "summary", "sources"}
    assert all(2 <= lesson["minutes"] <= 4 for lesson in listed)
    save(tmp_path, pain_now=8, duration_days=120)
    assert "lessons show hurt_not_harm" in " ".join(run_unknot("today").stdout.split())
    read = run_unknot("lessons", "show", "hurt_not_harm")
    assert read.returncode == 0 and "Hurt does not always mean harm" in read.stdout
    assert "lessons show hurt_not_harm" not in " ".join(run_unknot("today").stdout.split()), "read: next"
    assert one_error(run_unknot("lessons", "show", "astrology")).startswith("lesson: unknown id 'astrology'")
