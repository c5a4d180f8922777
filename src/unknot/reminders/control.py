"""Controlling the reminder daemon from unknot's commands: its status, pausing and resuming it.

Only the files in the data folder are read and written (the daemon shares nothing else).
"""

from __future__ import annotations

import datetime as dt
import os
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
    if not isinstance(pid, int):
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def status(folder: Path) -> DaemonStatus:
    """Whether the daemon runs (its state file names a live process), and what it last reported."""
    state = files.read_json(folder / files.STATE) or {}
    running = _alive(state.get("pid"))
    pause = files.read_json(folder / files.PAUSE) or {}
    until = float(pause.get("until", 0))
    return DaemonStatus(
        running=running,
        source=state.get("source") if running else None,
        minutes_since_break=round(float(state.get("work_seconds", 0)) / 60, 1) if running else None,
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
