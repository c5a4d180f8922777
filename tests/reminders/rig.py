"""Stand-ins for the desktop around the daemon: its clocks, the user's input and the notification
service. The test drives them, so the daemon's own logic runs exactly as in production."""

from __future__ import annotations

import json
from pathlib import Path

from unknot.reminders import files
from unknot.reminders.daemon import Daemon

CONFIG = {
    "work_minutes": 1,
    "natural_break_minutes": 0.5,
    "snooze_minutes": 0.25,
    "poll_seconds": 1,
    "water_glasses": 0,
}


class Clocks:
    """Awake time (stops during suspend), time since boot (does not) and the wall clock (anything)."""

    def __init__(self) -> None:
        self.mono, self.boot, self.wall_time = 1000.0, 5000.0, 1_800_000_000.0

    def monotonic(self) -> float:
        return self.mono

    def since_boot(self) -> float:
        return self.boot

    def wall(self) -> float:
        return self.wall_time

    def advance(self, seconds: float, suspended: bool = False) -> None:
        self.wall_time += seconds
        self.boot += seconds
        if not suspended:
            self.mono += seconds

    def set_wall(self, seconds: float) -> None:
        """The user (or NTP) moved the wall clock: no time passed."""
        self.wall_time += seconds


class Desk:
    """The user's input: idle seconds as the platform would report them."""

    name = "test desk"

    def __init__(self, clocks: Clocks) -> None:
        self.clocks, self.last_input = clocks, clocks.since_boot()

    def touch(self) -> None:
        self.last_input = self.clocks.since_boot()

    def idle_seconds(self) -> float:
        return self.clocks.since_boot() - self.last_input


class Screen:
    """Notifications shown, and the button the test presses next."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, list[tuple[str, str]]]] = []
        self.images: list[str] = []
        self.pressed: list[tuple[int, str]] = []
        self.closed: list[int] = []
        self.quiet = False

    def show(
        self, summary: str, body: str, actions: list[tuple[str, str]], replaces: int = 0, image: str = ""
    ) -> int:
        self.shown.append((summary, body, actions))
        self.images.append(image)
        return len(self.shown)

    def close(self, notification_id: int) -> None:
        self.closed.append(notification_id)

    def do_not_disturb(self) -> bool:
        return self.quiet

    def clicks(self, wait: float = 0) -> list[tuple[int, str]]:
        found, self.pressed = self.pressed, []
        return found


Rig = tuple[Daemon, Clocks, Desk, Screen]


def make(folder: Path, **config: object) -> Rig:
    files.write_json(folder / files.CONFIG, {**CONFIG, **config})
    clocks = Clocks()
    desk, screen = Desk(clocks), Screen()
    return Daemon(folder, desk, screen, clocks), clocks, desk, screen  # type: ignore[arg-type]


def work(daemon: Daemon, clocks: Clocks, desk: Desk, seconds: int) -> None:
    for _ in range(seconds):
        clocks.advance(1)
        desk.touch()
        daemon.poll()
        daemon.answers(daemon.notifier.clicks())


def wait(daemon: Daemon, clocks: Clocks, seconds: int) -> None:
    for _ in range(seconds):
        clocks.advance(1)
        daemon.poll()
        daemon.answers(daemon.notifier.clicks())


def outbox(folder: Path) -> list[dict[str, object]]:
    path = folder / files.OUTBOX
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def kinds(folder: Path) -> list[str]:
    return [str(event["kind"]) for event in outbox(folder)]
