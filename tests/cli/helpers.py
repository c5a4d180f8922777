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
