"""The guided session, the interactive check-in and the therapy timer, in a real terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pexpect
import pytest

from tests.cli.helpers import (
    PLAIN_DETAILS,
    answer_details,
    answer_yes_no_until,
    ok_json,
    run_unknot,
    spawn_unknot,
)
from tests.strategies import base_answers

FAST = 0.002  # a 30 s hold plays in 0.06 s


def save_assessment(tmp_path: Path, **changes: object) -> dict[str, object]:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(base_answers(**changes)), encoding="utf-8")
    return ok_json("assess", "--answers", str(path), "--save", "--json")  # type: ignore[no-any-return]


def finish(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 0, output
    return output


def test_a_full_session_is_played_and_recorded(tmp_path: Path) -> None:
    result = save_assessment(tmp_path)
    plan = result["plan"]
    assert isinstance(plan, dict)
    child = spawn_unknot("session", time_scale=FAST)
    child.expect("Stop and seek advice if")
    child.expect("Pain before you start")
    child.sendline("4")
    child.expect("Pain now")
    child.sendline("3")
    child.expect("Session complete")
    finish(child)
    [session] = ok_json("export", "--format", "json")["sessions"]
    assert session["completed"] is True and session["source"] == "player"
    assert (session["pain_before"], session["pain_after"]) == (4, 3)
    assert session["items_done"] == [item["id"] for item in plan["items"]]
    assert ok_json("history", "--json")[-1]["sessions_completed"] == 1


def test_keys_pause_skip_and_quit(tmp_path: Path) -> None:
    result = save_assessment(tmp_path)
    first = result["plan"]["items"][0]  # type: ignore[index]
    child = spawn_unknot("session", time_scale=0.2)  # slow enough to press keys
    child.expect("Pain before you start")
    child.sendline("5")
    child.expect("Exercise 1 of")
    child.send(" ")
    child.expect("PAUSED")
    child.send(" ")
    child.send("n")  # skip the first exercise
    child.expect("Exercise 2 of")
    child.send("b")  # back to the start of the second... then to the first
    child.send("b")
    child.expect("Exercise 1 of")
    child.send("q")
    child.expect("Pain now")
    child.sendline("8")
    child.expect("Session stopped early")
    child.expect("worse than before")  # pain after is 3 points higher: ease off
    finish(child)
    [session] = ok_json("export", "--format", "json")["sessions"]
    assert session["completed"] is False
    assert first["id"] not in session["items_done"]
    assert ok_json("history", "--json")[-1]["sessions_completed"] == 0


def test_ctrl_c_says_that_nothing_was_saved(tmp_path: Path) -> None:
    save_assessment(tmp_path)
    child = spawn_unknot("session", time_scale=0.2)
    child.expect("Pain before you start")
    child.sendline("5")
    child.expect("Exercise 1 of")
    child.sendcontrol("c")
    child.expect("Stopped with Ctrl\\+C: nothing was saved \\(0 of \\d+ exercises played\\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert ok_json("export", "--format", "json")["sessions"] == []


def test_session_player_refuses_without_a_plan() -> None:
    done = run_unknot("session")
    assert done.returncode == 2
    assert "unknot start" in done.stderr


def test_interactive_checkin() -> None:
    child = spawn_unknot("checkin")
    child.expect("Pain today")
    child.sendline("12")
    child.expect("from 0 to 10")
    child.sendline("6")
    child.expect("Stiffness today")
    child.sendline("5")
    child.expect("A note")
    child.sendline("long drive")
    child.expect(r"new warning sign.*\[y/n\]")
    child.sendline("y")
    answer_yes_no_until(child, ["Saved your check-in"], yes_to="fever")
    child.expect("Time to see a professional")
    finish(child)
    [day] = ok_json("history", "--json")
    assert day["checkin"] == {
        "pain": 6,
        "stiffness": 5,
        "note": "long drive",
        "red_flags": ["fever_or_unwell"],
    }


def test_cold_timer_runs_and_reminds_the_gap() -> None:
    child = spawn_unknot("therapy", "cold", "--minutes", "1", time_scale=0.01)
    child.expect("safety first")
    child.expect("Raynaud")
    child.expect(r"\[y/n\]")
    child.sendline("y")
    child.expect("Time is up")
    child.expect("20 to 40 minutes")
    finish(child)


def test_therapy_never_runs_past_twenty_minutes() -> None:
    done = run_unknot("therapy", "heat", "--minutes", "25")
    assert done.returncode == 2
    assert done.stderr.strip() == "minutes: heat runs 1 to 20 minutes, never more; not 25"


def test_start_saves_the_assessment_for_today(tmp_path: Path) -> None:
    child = spawn_unknot("start")
    child.expect("Numbers, separated by spaces")
    child.sendline("2")
    child.expect("How old are you")
    child.sendline("35")
    child.expect("Choose")
    child.sendline("1")
    answer_yes_no_until(child, ["spread below your knee"])
    child.expect("Choose")
    child.sendline("1")
    answer_yes_no_until(child, ["How bad is the pain"])
    child.sendline("3")
    answer_details(child, PLAIN_DETAILS[1:])
    child.expect("Saved")
    finish(child)
    assert "Start your first session: 'unknot session'" in run_unknot("today").stdout  # day one


def play_quietly_through() -> None:
    child = spawn_unknot("session", time_scale=FAST)
    child.expect("Pain before you start")
    child.sendline("2")
    child.expect("Pain now")
    child.sendline("2")
    finish(child)


def test_cues_are_spoken_by_espeak_ng(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in espeak-ng on PATH records what the player asks it to say."""
    spoken = tmp_path / "spoken.txt"
    fake = tmp_path / "bin" / "espeak-ng"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\nfor last; do :; done\necho "$last" >> {spoken}\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    save_assessment(tmp_path)
    play_quietly_through()
    lines = spoken.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Get ready: ")
    assert any("hold for" in line or "repetitions" in line for line in lines)
    spoken.unlink()
    run_unknot("settings", "set", "voice", "off")
    play_quietly_through()
    assert not spoken.exists(), "voice off: nothing spoken"


def test_a_neck_session_shows_stop_rules_and_skipping_everything_is_not_counted(tmp_path: Path) -> None:
    plan = save_assessment(tmp_path, regions=["neck"])["plan"]
    count = len(plan["items"])  # type: ignore[index]
    child = spawn_unknot("session", time_scale=1)
    child.expect("Pain before you start")
    child.sendline("3")
    shown = ""
    for number in range(1, count + 1):
        child.expect(f"Exercise {number} of {count}")
        child.expect("this hurts")  # the whole panel is drawn
        shown += (child.before or "").replace("\r\n", " ")
        child.send("n")
    child.expect("Pain now")
    child.sendline("3")
    child.expect("Session stopped early")
    child.expect("0 of")
    finish(child)
    assert "Dizziness" in shown, "a neck exercise's own stop rule is on screen while it plays"
    assert ok_json("history", "--json")[-1]["sessions_completed"] == 0


def test_this_hurts_offers_the_easier_version_then_leaves_the_exercise(tmp_path: Path) -> None:
    first = save_assessment(tmp_path)["plan"]["items"][0]["id"]  # type: ignore[index]
    child = spawn_unknot("session", time_scale=1)
    child.expect("Pain before you start")
    child.sendline("3")
    child.expect("Exercise 1 of")
    child.send("h")
    child.expect("Try the easier version")
    child.send("h")
    child.expect("Exercise 2 of")
    child.send("q")
    child.expect("Pain now")
    child.sendline("3")
    finish(child)
    [session] = ok_json("export", "--format", "json")["sessions"]
    assert session["hurt"] == [first] and first not in session["items_done"]
