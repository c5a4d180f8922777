"""`python -m unknot.reminders`: the lean reminder daemon that `unknot breaks run` starts."""

from __future__ import annotations

import sys
from pathlib import Path

from unknot.reminders import files
from unknot.reminders.bus import BusError
from unknot.reminders.daemon import Daemon
from unknot.reminders.idle import IdleUnavailableError, choose
from unknot.reminders.notify import Notifier

ALREADY_RUNNING = "breaks: the reminders are already running"


def _lock(folder: Path) -> bool | None:
    """Take the single-instance lock (or the one `unknot breaks run` handed over): True when taken,
    False when another daemon holds it, None when it cannot be made here (said in one line)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = files.take_over(folder)
        if descriptor is None:
            descriptor = files.lock_daemon(folder)
    except files.UnsafeFileError:
        raise
    except OSError as exc:
        where = files.describe(exc, folder / files.DAEMON_LOCK)
        print(f"breaks: cannot lock {where}; running without the single-instance lock", file=sys.stderr)
        return None
    return descriptor is not None  # an open descriptor keeps the lock until the process ends


def main() -> int:
    folder = files.home()
    try:
        if _lock(folder) is False:
            print(ALREADY_RUNNING, file=sys.stderr)
            return 0
    except files.UnsafeFileError as exc:
        print(f"breaks: {files.describe(exc)}", file=sys.stderr)
        return 2
    try:
        source = choose()
        notifier = Notifier()
    except (IdleUnavailableError, BusError) as exc:
        print(f"breaks: {exc}", file=sys.stderr)
        return 2
    print(f"unknot reminders running; idle time from {source.name}. Ctrl+C to stop.", flush=True)
    Daemon(folder, source, notifier).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
