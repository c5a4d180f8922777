"""What the daemon writes, and what it says when it cannot: a full or read-only disk, a symbolic link
in the way or unknot moving the outbox into the journal only delays its events, never loses them."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from unknot.reminders import files

MOST_WAITING = 10_000  # events kept in memory while the outbox cannot be written (about a megabyte)


class Problems:
    """Each problem said once, in one line on stderr, until it is over."""

    def __init__(self) -> None:
        self.current: set[str] = set()

    def report(self, key: str, message: str) -> None:
        if key not in self.current:
            self.current.add(key)
            print(f"breaks: {message}", file=sys.stderr, flush=True)

    def clear(self, key: str) -> None:
        self.current.discard(key)


class Outbox:
    """The daemon's events on their way to the outbox file, in order, each once."""

    def __init__(self, folder: Path, problems: Problems) -> None:
        self.folder, self.problems = folder, problems
        self.waiting: list[str] = []

    def add(self, event: dict[str, Any]) -> None:
        self.waiting.append(json.dumps(event, separators=(",", ":")) + "\n")
        del self.waiting[:-MOST_WAITING]
        self.flush()

    def flush(self) -> bool:
        """Write what waits; False when it still waits (to be tried again at the next poll)."""
        if not self.waiting:
            return True
        try:
            files.append_lines(self.folder, self.waiting, wait=False)
        except BlockingIOError:
            return False  # unknot is moving the outbox into the journal right now
        except OSError as exc:
            where = files.describe(exc, self.folder / files.OUTBOX)
            self.problems.report("outbox", f"cannot write {where}; events wait in memory, trying again")
            return False
        self.waiting.clear()
        self.problems.clear("outbox")
        return True

    def close(self, seconds: float = 3) -> None:
        """When the daemon stops: a few more tries, then say what is lost."""
        deadline = time.monotonic() + seconds
        while not self.flush() and time.monotonic() < deadline:
            time.sleep(0.1)
        if self.waiting:
            print(f"breaks: {len(self.waiting)} events could not be written", file=sys.stderr, flush=True)
