"""Real processes: two writers at once lose nothing; a kill in the middle of writing corrupts nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from unknot.content.loader import default_library
    from unknot.core.clock import SystemClock
    from unknot.services import checkins, open_context
    from unknot.settings import Settings

    ctx = open_context(Settings(), SystemClock(), default_library())
    start, count = int(sys.argv[1]), int(sys.argv[2])
    for n in range(start, start + count):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=n)
        checkins.log(ctx, n % 11, None, "x" * 500, (), day.isoformat())
        print(day.isoformat(), flush=True)  # only after the commit returned
    """
)


def writer(home: Path, start: int, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "UNKNOT_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(start), str(count)], env=env, stdout=subprocess.PIPE, text=True
    )


def stored_dates(home: Path) -> set[str]:
    with sqlite3.connect(home / "unknot.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {row[0] for row in db.execute("SELECT date FROM checkins")}


def test_two_processes_writing_at_once_lose_nothing(home: Path) -> None:
    first, second = writer(home, 0, 150), writer(home, 1000, 150)
    out_first, _ = first.communicate(timeout=120)
    out_second, _ = second.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0
    reported = set(out_first.split()) | set(out_second.split())
    assert len(reported) == 300
    assert stored_dates(home) == reported


def test_a_killed_writer_keeps_every_committed_checkin(home: Path) -> None:
    process = writer(home, 0, 100_000)
    assert process.stdout is not None
    committed = [process.stdout.readline().strip() for _ in range(40)]
    time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    rest, _ = process.communicate(timeout=30)
    committed += rest.split()
    stored = stored_dates(home)
    assert set(committed) <= stored
    assert len(stored) - len(committed) <= 1, "at most the write in flight when killed, whole or not at all"
