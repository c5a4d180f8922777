"""Terminal plumbing for the timed players: single key presses, the bell and spoken cues."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess
import sys
import termios
import time
import tty
from collections.abc import Iterator

ARROWS = {"\x1b[C": "right", "\x1b[D": "left", "\x1b[A": "up", "\x1b[B": "down"}


@contextlib.contextmanager
def single_keys() -> Iterator[None]:
    """Read key presses one at a time, without echo, while the block runs."""
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def read_key(timeout: float) -> str | None:
    """The next key pressed within `timeout` seconds ('right', 'left', ' ', 'q', ...), or None."""
    fd = sys.stdin.fileno()
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return None
    key = os.read(fd, 1).decode(errors="ignore")
    if key == "\x1b":
        while select.select([fd], [], [], 0.02)[0] and len(key) < 3:
            key += os.read(fd, 1).decode(errors="ignore")
        return ARROWS.get(key, "escape")
    return key.lower()


class Cues:
    """A bell and, when espeak-ng is installed and the voice is on, a spoken cue."""

    def __init__(self, *, bell: bool, voice: bool) -> None:
        self.bell = bell
        self.speaker = shutil.which("espeak-ng") if voice else None
        self._speaking: subprocess.Popen[bytes] | None = None

    def __call__(self, text: str) -> None:
        if self.bell:
            sys.stdout.write("\a")
            sys.stdout.flush()
        if self.speaker:
            self.hush()
            self._speaking = subprocess.Popen(
                [self.speaker, "-s", "150", text], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )

    def hush(self) -> None:
        if self._speaking is not None and self._speaking.poll() is None:
            self._speaking.terminate()
        self._speaking = None


class ScaledClock:
    """Seconds of play time since the last call; `scale` < 1 speeds timers up for tests and demos."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.last = time.monotonic()

    def lap(self) -> float:
        now = time.monotonic()
        passed, self.last = now - self.last, now
        return passed / self.scale
