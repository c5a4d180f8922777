"""The daemon's decisions with controlled clocks and input: suspend, quiet hours, timeouts, water.

The idle source and the notification service are the desktop's: here they are small stand-ins that
the test drives, so the daemon's own logic runs exactly as in production.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from unknot.core.reminders import in_quiet_hours
from unknot.reminders import files
from unknot.reminders.daemon import Daemon


class Clocks:
    def __init__(self) -> None:
        self.mono, self.wall_time = 1000.0, 1_800_000_000.0

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> float:
        return self.wall_time

    def advance(self, seconds: float, suspended: bool = False) -> None:
        self.wall_time += seconds
        if not suspended:
            self.mono += seconds


class Desk:
    """The user's input: idle seconds as the platform would report them."""

    name = "test desk"

    def __init__(self, clocks: Clocks) -> None:
        self.clocks, self.last_input = clocks, clocks.wall()

    def touch(self) -> None:
        self.last_input = self.clocks.wall()

    def idle_seconds(self) -> float:
        return self.clocks.wall() - self.last_input


class Screen:
    """Notifications shown, and the button the test presses next."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, list[tuple[str, str]]]] = []
        self.pressed: list[tuple[int, str]] = []
        self.closed: list[int] = []
        self.quiet = False

    def show(self, summary: str, body: str, actions: list[tuple[str, str]], replaces: int = 0) -> int:
        self.shown.append((summary, body, actions))
        return len(self.shown)

    def close(self, notification_id: int) -> None:
        self.closed.append(notification_id)

    def do_not_disturb(self) -> bool:
        return self.quiet

    def clicks(self, wait: float = 0) -> list[tuple[int, str]]:
        found, self.pressed = self.pressed, []
        return found


@pytest.fixture
def rig(tmp_path: Path) -> tuple[Daemon, Clocks, Desk, Screen]:
    files.write_json(
        tmp_path / files.CONFIG,
        {
            "work_minutes": 1,
            "natural_break_minutes": 0.5,
            "snooze_minutes": 0.25,
            "poll_seconds": 1,
            "water_glasses": 0,
        },
    )
    clocks = Clocks()
    desk, screen = Desk(clocks), Screen()
    return Daemon(tmp_path, desk, screen, clocks), clocks, desk, screen  # type: ignore[arg-type]


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


def kinds(folder: Path) -> list[str]:
    return [json.loads(line)["kind"] for line in (folder / files.OUTBOX).read_text().splitlines()]


def test_prompt_after_a_minute_of_work(rig: tuple[Daemon, Clocks, Desk, Screen]) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 55)
    assert screen.shown == []
    work(daemon, clocks, desk, 10)
    assert len(screen.shown) == 1 and "break" in screen.shown[0][0].lower()


def test_a_suspend_is_a_break_not_a_reason_to_prompt(rig: tuple[Daemon, Clocks, Desk, Screen]) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 50)
    clocks.advance(3600, suspended=True)  # the lid closed for an hour; monotonic time stood still
    desk.touch()
    work(daemon, clocks, desk, 20)
    assert screen.shown == [], "after waking, the counter started again"
    assert "natural" in kinds(daemon.folder)


def test_a_short_pause_keeps_the_count(rig: tuple[Daemon, Clocks, Desk, Screen]) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 40)
    wait(daemon, clocks, 10)
    work(daemon, clocks, desk, 25)
    assert len(screen.shown) == 1


def test_no_answer_snoozes_and_asks_again(rig: tuple[Daemon, Clocks, Desk, Screen]) -> None:
    daemon, clocks, desk, screen = rig
    files.write_json(
        daemon.folder / files.CONFIG,
        {**files.read_json(daemon.folder / files.CONFIG), "prompt_timeout_seconds": 5},
    )
    work(daemon, clocks, desk, 62)
    work(daemon, clocks, desk, 6)
    assert screen.closed == [1] and "snoozed" in kinds(daemon.folder)
    work(daemon, clocks, desk, 16)
    assert len(screen.shown) == 2


def test_answers_set_the_counter(rig: tuple[Daemon, Clocks, Desk, Screen]) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 61)
    screen.pressed.append((1, "skip"))
    work(daemon, clocks, desk, 30)
    assert len(screen.shown) == 1 and "skipped" in kinds(daemon.folder)


def test_quiet_hours_hold_the_prompt(rig: tuple[Daemon, Clocks, Desk, Screen]) -> None:
    daemon, clocks, desk, screen = rig
    now = dt.datetime.now()
    start = (now - dt.timedelta(hours=1)).strftime("%H:%M")
    end = (now + dt.timedelta(hours=1)).strftime("%H:%M")
    files.write_json(
        daemon.folder / files.CONFIG,
        {**files.read_json(daemon.folder / files.CONFIG), "quiet_hours": f"{start}-{end}"},
    )
    work(daemon, clocks, desk, 70)
    assert screen.shown == [] and "suppressed" in kinds(daemon.folder)


def test_do_not_disturb_holds_the_prompt(rig: tuple[Daemon, Clocks, Desk, Screen]) -> None:
    daemon, clocks, desk, screen = rig
    screen.quiet = True
    work(daemon, clocks, desk, 70)
    assert screen.shown == [] and "suppressed" in kinds(daemon.folder)
    screen.quiet = False
    work(daemon, clocks, desk, 20)
    assert len(screen.shown) == 1, "after the snooze time, with do-not-disturb off, the prompt comes"


def test_water_reminders_spread_over_the_day(rig: tuple[Daemon, Clocks, Desk, Screen]) -> None:
    daemon, clocks, desk, screen = rig
    config = {**files.read_json(daemon.folder / files.CONFIG), "water_glasses": 480, "work_minutes": 30}
    files.write_json(daemon.folder / files.CONFIG, config)  # a glass a minute, to keep the test short
    work(daemon, clocks, desk, 125)
    assert [s[0] for s in screen.shown].count("Time for some water") == 2


def test_quiet_hours_across_midnight() -> None:
    assert in_quiet_hours("22:00-07:00", dt.time(23, 30)) and in_quiet_hours("22:00-07:00", dt.time(6, 59))
    assert not in_quiet_hours("22:00-07:00", dt.time(12, 0)) and not in_quiet_hours("", dt.time(1, 0))
