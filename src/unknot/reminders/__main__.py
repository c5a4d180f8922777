"""`python -m unknot.reminders`: the lean reminder daemon that `unknot breaks run` starts."""

from __future__ import annotations

import fcntl
import sys

from unknot.reminders.bus import BusError
from unknot.reminders.daemon import Daemon
from unknot.reminders.files import home
from unknot.reminders.idle import IdleUnavailableError, choose
from unknot.reminders.notify import Notifier


def main() -> int:
    folder = home()
    folder.mkdir(parents=True, exist_ok=True)
    lock = open(folder / "breaks.lock", "w")  # noqa: SIM115 - held for the life of the process
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print("breaks: the reminders are already running", file=sys.stderr)
        return 0
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
