"""`unknot assess` as a script would use it: exit codes, one-line errors, JSON on stdout only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.cli.helpers import run_unknot
from tests.contract import check_result
from tests.strategies import base_answers
from unknot.cli.app import build_cli

app = build_cli()


def write(tmp_path: Path, data: Any, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def exercises_by_id() -> dict[str, dict[str, Any]]:
    done = run_unknot("exercises", "--json")
    assert done.returncode == 0, done.stderr
    return {e["id"]: e for e in json.loads(done.stdout)}


def test_real_process_prints_contract_json(tmp_path: Path, home: Path) -> None:
    answers = base_answers(regions=["lower_back", "neck"], sitting_hours=8, hamstrings_tight="yes")
    done = run_unknot("assess", "--answers", str(write(tmp_path, answers)), "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    check_result(answers, json.loads(done.stdout), exercises_by_id())
    assert not home.exists(), "assess without --save writes nothing to the user's data"


def test_reads_answers_from_stdin() -> None:
    answers = base_answers(red_flags=["saddle_numbness"])
    done = run_unknot("assess", "--answers", "-", "--json", stdin=json.dumps(answers))
    assert done.returncode == 0
    result = json.loads(done.stdout)
    assert result["triage"] == "emergency"
    assert result["plan"] is None


@pytest.mark.parametrize(
    ("payload", "first_words"),
    [
        (base_answers(regions=["knee"]), "regions: unknown region 'knee'"),
        (base_answers(age=12), "age: "),
        ({k: v for k, v in base_answers().items() if k != "trauma"}, "trauma: missing"),
        (base_answers(extra=True), "extra: unknown field"),
        ("{not json", "answers: not valid JSON"),
        ("", "answers: not valid JSON"),
    ],
)
def test_invalid_answers_exit_2_with_one_line(tmp_path: Path, payload: Any, first_words: str) -> None:
    done = run_unknot("assess", "--answers", str(write(tmp_path, payload)), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(first_words), done.stderr
    assert "Traceback" not in done.stderr


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    done = run_unknot("assess", "--answers", str(tmp_path / "nope.json"), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == f"answers: cannot read {tmp_path / 'nope.json'}: No such file or directory"


def test_human_output_shows_plan_reasons_and_stop_rules(tmp_path: Path, runner: CliRunner) -> None:
    answers = base_answers(sitting_hours=9)
    result = runner.invoke(app, ["assess", "--answers", str(write(tmp_path, answers))])
    assert result.exit_code == 0, result.output
    assert "Self-care looks reasonable" in result.output
    assert "Long hours of sitting" in result.output
    assert "Your daily programme" in result.output
    assert "Stop and seek advice if" in result.output


def test_human_output_for_emergency_offers_no_programme(tmp_path: Path, runner: CliRunner) -> None:
    answers = base_answers(red_flags=["bladder_bowel_change"])
    result = runner.invoke(app, ["assess", "--answers", str(write(tmp_path, answers))])
    assert result.exit_code == 0
    assert "emergency department" in result.output.lower()
    assert "Your daily programme" not in result.output
