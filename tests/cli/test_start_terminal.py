"""`unknot start` in a real terminal (a pty driven by pexpect), answered as a person would."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pexpect

from tests.cli.helpers import answer_yes_no_until, ok_json, run_unknot
from tests.strategies import base_answers


def spawn() -> pexpect.spawn:
    env = {**os.environ, "COLUMNS": "120", "LINES": "50", "TERM": "xterm", "NO_COLOR": "1"}
    return pexpect.spawn(
        sys.executable, ["-m", "unknot", "start"], env=env, encoding="utf-8", timeout=20, dimensions=(50, 120)
    )


def answer_safety_questions(child: pexpect.spawn, yes_to: str | None = None) -> None:
    """Answer the red-flag questions 'n' (or 'y' to the one containing `yes_to`); then, unless that
    was an emergency sign, the questions on legs, arms and bones: none of them."""
    child.expect("safety questions")
    stop = ["Go to an emergency", "spread below your knee"]
    if answer_yes_no_until(child, stop, yes_to) == 0:
        return
    child.expect("Choose")
    child.sendline("1")
    answer_yes_no_until(child, ["How bad is the pain"])


def first_step(child: pexpect.spawn, regions: str, age: str, injury: str) -> None:
    """Where it hurts (numbers), the age, and the injury (a number: 1 none, 2 minor, 3 major)."""
    child.expect("Numbers, separated by spaces")
    child.sendline(regions)
    child.expect("How old are you")
    child.sendline(age)
    child.expect("Choose")
    child.sendline(injury)


def test_intake_to_a_self_care_plan() -> None:
    child = spawn()
    child.expect("Before you start")
    child.expect("Numbers, separated by spaces")
    child.sendline("3 9")
    child.expect("Please type one or more of 1, 2 and 3")
    child.sendline("1 3")
    child.expect("How old are you")
    child.sendline("200")
    child.expect("from 0 to 110")
    child.sendline("44")
    child.expect("Choose")
    child.sendline("1")
    answer_safety_questions(child)
    child.sendline("5")  # how bad is the pain
    child.expect("How many days ago")
    child.sendline("30")
    child.expect("lifting")
    child.sendline("n")
    child.expect("repeated motions")
    child.sendline("n")
    child.expect("hours a day do you sit")
    child.sendline("9")
    child.expect("tight hamstrings")
    child.sendline("maybe")
    child.expect("Please type yes, no or ")  # the short answers are named, and their start is enough
    child.sendline("Y")
    child.expect("swelling")
    child.sendline("n")
    for question, answer in [
        ("pregnant", "n"),
        ("down to the floor", "y"),
        ("fallen", "n"),
        ("stiff for more than 30 minutes", "n"),
        ("Enter for none", ""),
    ]:
        child.expect(question)
        child.sendline(answer)
    child.expect("Self-care looks reasonable")
    child.expect("Long hours of sitting")
    child.expect("Your daily programme")
    child.expect("Stop and seek advice if")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_an_emergency_sign_stops_the_intake_and_says_what_to_do() -> None:
    child = spawn()
    first_step(child, "3", "52", "2")
    answer_safety_questions(child, yes_to="genitals")
    child.expect("Go to an emergency department now")
    child.expect("cauda equina")
    output = child.read()
    child.close()
    assert "Your daily programme" not in output
    assert "How bad is the pain" not in output
    assert child.exitstatus == 0


def test_symptoms_in_both_legs_stop_the_intake_as_an_emergency() -> None:
    child = spawn()
    first_step(child, "3", "47", "1")
    child.expect("safety questions")
    answer_yes_no_until(child, ["spread below your knee"])
    child.expect("Choose")
    child.sendline("3")
    child.expect("Go to an emergency department now")
    output = child.read()
    child.close()
    assert "How bad is the pain" not in output and "Your daily programme" not in output
    assert child.exitstatus == 0


def test_under_16_is_sent_to_a_doctor_before_any_question() -> None:
    child = spawn()
    child.expect("Numbers, separated by spaces")
    child.sendline("1")
    child.expect("How old are you")
    child.sendline("14")
    child.expect("children and young people under 16 needs a doctor")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


def test_answering_again_starts_from_the_last_answers_but_asks_the_safety_questions_afresh(
    tmp_path: Path,
) -> None:
    last = base_answers(regions=["neck", "lower_back"], age=63, sitting_hours=9.5, hamstrings_tight="yes")
    (tmp_path / "answers.json").write_text(json.dumps(last), encoding="utf-8")
    assert run_unknot("assess", "--answers", str(tmp_path / "answers.json"), "--save").returncode == 0
    child = spawn()
    child.expect("Your last answers are filled in")
    for default in ("(1 3)", "(63)", "(1)"):  # where, age, no injury: Enter keeps each
        child.expect(re.escape(default) + r"\S*: ")
        child.sendline("")
    child.expect(r"\[y/n\]")
    child.sendline("")  # a warning sign has no default: Enter is no answer
    child.expect("Please enter Y or N")
    answer_yes_no_until(child, ["spread below your knee"])
    child.expect("Choose")
    child.sendline("")
    child.expect("Please select one of the available options")
    child.sendline("1")
    answer_yes_no_until(child, ["How bad is the pain"])
    child.expect(r"\(4\)")
    child.sendline("6")  # the one answer that changed
    for default in (
        "(14)",
        "(n)",
        "(n)",
        "(9.5)",
        "[yes/no/unknown]",
        "(yes)",
        "(n)",
        "(n)",
        "(y)",
        "(n)",
        "(n)",
    ):
        child.expect(re.escape(default))
        if default != "[yes/no/unknown]":
            child.sendline("")
    child.expect("Enter for none")
    child.sendline("")
    child.expect("Your daily programme")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = ok_json("export", "--format", "json")["assessments"]
    assert len(saved) == 2 and saved[-1]["answers"] == {**last, "pain_now": 6, "cleared_flags": []}
