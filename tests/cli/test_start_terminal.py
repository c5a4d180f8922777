"""`unknot start` in a real terminal (a pty driven by pexpect), answered as a person would."""

from __future__ import annotations

import os
import sys

import pexpect


def spawn() -> pexpect.spawn:
    env = {**os.environ, "COLUMNS": "120", "LINES": "50", "TERM": "xterm", "NO_COLOR": "1"}
    return pexpect.spawn(
        sys.executable, ["-m", "unknot", "start"], env=env, encoding="utf-8", timeout=20, dimensions=(50, 120)
    )


def answer_safety_questions(child: pexpect.spawn, yes_to: str | None = None) -> None:
    """Answer the ten red-flag questions: 'n' to each, or 'y' to the one containing `yes_to`."""
    child.expect("safety questions")
    for _ in range(10):
        index = child.expect([r"\[y/n\]", "What may be contributing", "How bad is the pain"])
        if index:
            return
        question = child.before or ""
        child.sendline("y" if yes_to and yes_to in question else "n")
        if yes_to and yes_to in question:
            return


def test_intake_to_a_self_care_plan() -> None:
    child = spawn()
    child.expect("Before you start")
    child.expect("Numbers, separated by spaces")
    child.sendline("3 9")
    child.expect("Please type one or more of 1, 2 and 3")
    child.sendline("1 3")
    child.expect("How old are you")
    child.sendline("200")
    child.expect("from 16 to 110")
    child.sendline("44")
    child.expect("Choose")
    child.sendline("1")
    answer_safety_questions(child)
    child.expect("How bad is the pain")
    child.sendline("5")
    child.expect("How many days ago")
    child.sendline("30")
    child.expect("lifting")
    child.sendline("n")
    child.expect("repeated motions")
    child.sendline("n")
    child.expect("hours a day do you sit")
    child.sendline("9")
    child.expect("tight hamstrings")
    child.sendline("yes")
    child.expect("swelling")
    child.sendline("n")
    child.expect("Self-care looks reasonable")
    child.expect("Long hours of sitting")
    child.expect("Your daily programme")
    child.expect("Stop and seek advice if")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_an_emergency_sign_stops_the_intake_and_says_what_to_do() -> None:
    child = spawn()
    child.expect("Numbers, separated by spaces")
    child.sendline("3")
    child.expect("How old are you")
    child.sendline("52")
    child.expect("Choose")
    child.sendline("2")
    answer_safety_questions(child, yes_to="genitals")
    child.expect("Go to an emergency department now")
    child.expect("cauda equina")
    output = child.read()
    child.close()
    assert "Your daily programme" not in output
    assert "How bad is the pain" not in output
    assert child.exitstatus == 0
