"""`unknot exercises`: the JSON contract, the filters, and one exercise in full."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from unknot.cli.app import build_cli
from unknot.content.schema import Library

app = build_cli()

CONTRACT_FIELDS = {"id", "name", "kind", "targets", "position", "dose", "steps", "cautions", "sources"}


def test_json_lists_every_exercise_with_the_contract_fields(runner: CliRunner, library: Library) -> None:
    result = runner.invoke(app, ["exercises", "--json"])
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    assert {e["id"] for e in entries} == set(library.exercises)
    for entry in entries:
        assert set(entry) >= CONTRACT_FIELDS
        assert entry["kind"] in {"stretch", "mobility", "strength", "massage", "breathing"}
        assert entry["position"] in {"standing", "seated", "lying", "kneeling"}
        assert entry["sources"] and all("http" in s for s in entry["sources"])
        assert entry["dose"]["standard"]["sets"] >= 1


def test_filters_combine(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercises", "--json", "--target", "neck", "--position", "seated"])
    entries = json.loads(result.stdout)
    assert entries
    assert all("neck" in e["targets"] and e["position"] == "seated" for e in entries)
    assert "seated_neck_rolls" in {e["id"] for e in entries}


def test_kind_filter(runner: CliRunner) -> None:
    entries = json.loads(runner.invoke(app, ["exercises", "--json", "--kind", "massage"]).stdout)
    assert entries and all(e["kind"] == "massage" for e in entries)


def test_unknown_filter_value_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercises", "--target", "knee"])
    assert result.exit_code == 2


def test_table_lists_names(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercises", "--target", "hamstrings"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Seated hamstring stretch" in result.output
    assert "Cat-cow" not in result.output


def test_show_prints_steps_dose_stop_rules_and_sources(runner: CliRunner, library: Library) -> None:
    result = runner.invoke(app, ["exercises", "show", "seated_hamstring_stretch"], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    for words in (
        "Seated hamstring stretch",
        "Steps",
        "standard: hold 30 s x 2 sets, each side",
        "Stop if",
        "Evidence",
        "Sadler SG",  # a source, cited in full
    ):
        assert words in result.output
    general = library.exercises["seated_hamstring_stretch"].evidence == "general"
    assert ("No trial has tested this exercise" in result.output) is general
    walk = runner.invoke(app, ["exercises", "show", "easy_walk"], env={"COLUMNS": "400"})
    assert "No trial has tested this exercise on its own" in walk.output


def test_show_json_matches_the_listing(runner: CliRunner) -> None:
    one = json.loads(runner.invoke(app, ["exercises", "show", "cat_cow", "--json"]).stdout)
    listing = json.loads(runner.invoke(app, ["exercises", "--json"]).stdout)
    assert one == next(e for e in listing if e["id"] == "cat_cow")


def test_show_unknown_exercise(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercises", "show", "moonwalk"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "exercise: unknown id 'moonwalk'; 'unknot exercises' lists them"
    typo = runner.invoke(app, ["exercises", "show", "cat_co"])
    assert typo.stderr.strip() == "exercise: unknown id 'cat_co'; did you mean cat_cow?"


def test_a_narrow_table_shows_every_id_whole(runner: CliRunner, library: Library) -> None:
    result = runner.invoke(app, ["exercises"], env={"COLUMNS": "80"})
    assert result.exit_code == 0 and "\u2026" not in result.stdout
    for exercise_id in library.exercises:
        assert f" {exercise_id} " in result.stdout, exercise_id
