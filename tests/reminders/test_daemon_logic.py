"""The daemon's decisions with controlled clocks and input: suspend, quiet hours, timeouts, water.

The idle source and the notification service are the desktop's: here they are small stand-ins that
the test drives, so the daemon's own logic runs exactly as in production.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.reminders.rig import Rig, kinds, make, wait, work
from unknot.core.reminders import in_quiet_hours
from unknot.reminders import files


@pytest.fixture
def rig(tmp_path: Path) -> Rig:
    return make(tmp_path)


def test_prompt_after_a_minute_of_work(rig: Rig) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 55)
    assert screen.shown == []
    work(daemon, clocks, desk, 10)
    assert len(screen.shown) == 1 and "break" in screen.shown[0][0].lower()


def test_a_suspend_is_a_break_not_a_reason_to_prompt(rig: Rig) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 50)
    clocks.advance(3600, suspended=True)  # the lid closed for an hour; monotonic time stood still
    desk.touch()
    work(daemon, clocks, desk, 20)
    assert screen.shown == [], "after waking, the counter started again"
    assert "natural" in kinds(daemon.folder)


def test_a_wall_clock_jump_is_not_a_break(rig: Rig) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 50)
    clocks.set_wall(3600)  # the user set the clock an hour on (or NTP stepped it): no time passed
    work(daemon, clocks, desk, 15)
    assert len(screen.shown) == 1, "50 + 15 seconds of work: the prompt is due"
    clocks.set_wall(-7200)
    work(daemon, clocks, desk, 5)
    assert "natural" not in kinds(daemon.folder)


def test_the_state_file_is_written_only_when_it_changes(rig: Rig) -> None:
    daemon, clocks, desk, _ = rig
    state = daemon.folder / files.STATE
    work(daemon, clocks, desk, 3)
    assert files.read_json(state)["work_seconds"] == 3
    state.write_text("written by the test")
    wait(daemon, clocks, 20)  # idle: nothing the state shows changes
    assert state.read_text() == "written by the test"
    work(daemon, clocks, desk, 3)
    assert files.read_json(state)["work_seconds"] == 6, "it changed: written again"
    state.unlink()
    wait(daemon, clocks, 1)
    assert state.exists(), "a removed state file comes back at the next poll"


def test_a_short_pause_keeps_the_count(rig: Rig) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 40)
    wait(daemon, clocks, 10)
    work(daemon, clocks, desk, 25)
    assert len(screen.shown) == 1


def test_no_answer_snoozes_and_asks_again(rig: Rig) -> None:
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


def test_answers_set_the_counter(rig: Rig) -> None:
    daemon, clocks, desk, screen = rig
    work(daemon, clocks, desk, 61)
    screen.pressed.append((1, "skip"))
    work(daemon, clocks, desk, 30)
    assert len(screen.shown) == 1 and "skipped" in kinds(daemon.folder)


def test_quiet_hours_hold_the_prompt(rig: Rig) -> None:
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


def test_do_not_disturb_holds_the_prompt(rig: Rig) -> None:
    daemon, clocks, desk, screen = rig
    screen.quiet = True
    work(daemon, clocks, desk, 70)
    assert screen.shown == [] and "suppressed" in kinds(daemon.folder)
    screen.quiet = False
    work(daemon, clocks, desk, 20)
    assert len(screen.shown) == 1, "after the snooze time, with do-not-disturb off, the prompt comes"


def test_water_reminders_spread_over_the_day(rig: Rig) -> None:
    daemon, clocks, desk, screen = rig
    config = {**files.read_json(daemon.folder / files.CONFIG), "water_glasses": 480, "work_minutes": 30}
    files.write_json(daemon.folder / files.CONFIG, config)  # a glass a minute, to keep the test short
    work(daemon, clocks, desk, 125)
    assert [s[0] for s in screen.shown].count("Time for some water") == 2


def test_quiet_hours_across_midnight() -> None:
    assert in_quiet_hours("22:00-07:00", dt.time(23, 30)) and in_quiet_hours("22:00-07:00", dt.time(6, 59))
    assert not in_quiet_hours("22:00-07:00", dt.time(12, 0)) and not in_quiet_hours("", dt.time(1, 0))
