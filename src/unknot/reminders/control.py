"""Controlling the reminder daemon from unknot's commands: its status, pausing and resuming it.

Only the files in the data folder are read and written (the daemon shares nothing else).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from unknot.reminders import autostart, files


@dataclass(frozen=True)
class DaemonStatus:
    running: bool
    source: str | None  # where it reads idle time from
    minutes_since_break: float | None
    paused_until: str | None  # local time, YYYY-MM-DDTHH:MM
    autostart: bool

    def as_json(self) -> dict[str, object]:
        return {
            "running": self.running,
            "source": self.source,
            "minutes_since_break": self.minutes_since_break,
            "paused_until": self.paused_until,
            "autostart": self.autostart,
        }


def _alive(pid: object) -> bool:
    if isinstance(pid, bool) or not isinstance(pid, int) or not 0 < pid < 2**31:
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def _seconds(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return 0.0
    return float(value)


def paused_until(folder: Path) -> float:
    """The pause's end as a Unix time (0: none); a pause file that makes no sense is no pause, said in
    one line on stderr."""
    try:
        return files.read_pause(folder)
    except files.BadFileError as exc:
        print(f"breaks: {exc}; taken as no pause", file=sys.stderr)
        return 0.0


def status(folder: Path) -> DaemonStatus:
    """Whether the daemon runs (its state file names a live process), and what it last reported."""
    state = files.read_json(folder / files.STATE)
    state = state if isinstance(state, dict) else {}
    running = _alive(state.get("pid"))
    source = state.get("source")
    until = paused_until(folder)
    return DaemonStatus(
        running=running,
        source=str(source) if running and source is not None else None,
        minutes_since_break=round(_seconds(state.get("work_seconds")) / 60, 1) if running else None,
        paused_until=dt.datetime.fromtimestamp(until).isoformat(timespec="minutes")
        if until > time.time()
        else None,
        autostart=autostart.installed(),
    )


def pause(folder: Path, minutes: int) -> dt.datetime:
    """Pause the reminders (activity does not count towards a break) until the moment returned."""
    until = time.time() + minutes * 60
    files.write_json(folder / files.PAUSE, {"until": until})
    return dt.datetime.fromtimestamp(until)


def resume(folder: Path) -> None:
    (folder / files.PAUSE).unlink(missing_ok=True)
