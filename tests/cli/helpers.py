"""Running the real `unknot` program, as a script or a person would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect


def run_unknot(
    *args: str, stdin: str | None = None, home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = os.environ.copy()
    if home is not None:
        env["UNKNOT_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "unknot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def ok_json(*args: str, home: Path | None = None) -> Any:
    done = run_unknot(*args, home=home)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def spawn_unknot(*args: str, time_scale: float = 1.0) -> pexpect.spawn:
    """`unknot ARGS` in a real pseudo-terminal, without colour so the text can be matched."""
    env = {
        **os.environ,
        "COLUMNS": "110",
        "LINES": "45",
        "TERM": "xterm",
        "NO_COLOR": "1",
        "UNKNOT_TIME_SCALE": str(time_scale),
    }
    return pexpect.spawn(
        sys.executable, ["-m", "unknot", *args], env=env, encoding="utf-8", timeout=30, dimensions=(45, 110)
    )


def answer_yes_no_until(child: pexpect.spawn, stop: list[str], yes_to: str | None = None) -> int:
    """Answer each [y/n] question 'n' (or 'y' to the one containing `yes_to`) until a `stop` pattern
    shows; returns the index of the pattern that stopped it."""
    while True:
        index = child.expect([r"\[y/n\]", *stop])
        if index:
            return index - 1
        question = child.before or ""
        child.sendline("y" if yes_to and yes_to in question else "n")


# The answers after the safety questions, in the order `unknot start` asks them: pain, days ago,
# lifting, repeated loads, sitting hours, tight hamstrings, swelling, pregnant, floor, falls, morning
# stiffness, skin conditions (Enter for none).
PLAIN_DETAILS = ("3", "10", "n", "n", "8", "no", "n", "n", "y", "n", "n", "")


def answer_details(child: pexpect.spawn, answers: tuple[str, ...] = PLAIN_DETAILS) -> None:
    for answer in answers:
        child.expect(r"\?|:")
        child.sendline(answer)
