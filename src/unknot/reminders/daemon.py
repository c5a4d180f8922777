"""The reminder daemon: reads real idle time, feeds the break engine, shows prompts, logs what happened.

It polls every few seconds. Activity since the last poll becomes an activity period for the engine
(`unknot.core.breaks`), so a pause, a locked screen (no input) or a suspend (time the clock since boot
counted and the monotonic clock did not) long enough is a natural break and never a reason to prompt.
Its files failing (a full or read-only disk) only delays what it writes: it says so once and goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import shutil
import signal
import subprocess
from fractions import Fraction
from pathlib import Path
from types import FrameType
from typing import Any

from unknot.core.breaks import BreakEngine
from unknot.core.reminders import (
    ACTIONS,
    ANSWERS,
    WATER_ACTIONS,
    EventKind,
    Notice,
    Nudges,
    ReminderSettings,
    break_notice,
    hold_reason,
    nudge_notice,
)
from unknot.reminders import files
from unknot.reminders.clocks import SystemClocks
from unknot.reminders.idle import IdleSource
from unknot.reminders.links import running_web_app
from unknot.reminders.notify import Notifier
from unknot.reminders.outbox import Outbox, Problems

SUSPEND_SLACK = 10.0
ACTIVE_WITHIN = 2.0


def fullscreen_focused() -> bool:
    """On X11, whether the focused window is full screen (a video, a presentation)."""
    if not os.environ.get("DISPLAY") or not shutil.which("xprop"):
        return False
    try:
        active = subprocess.run(
            ["xprop", "-root", "_NET_ACTIVE_WINDOW"], capture_output=True, text=True, timeout=2, check=False
        )
        window = active.stdout.strip().split()[-1]
        state = subprocess.run(
            ["xprop", "-id", window, "_NET_WM_STATE"], capture_output=True, text=True, timeout=2, check=False
        )
    except (OSError, subprocess.SubprocessError, IndexError):
        return False
    return "_NET_WM_STATE_FULLSCREEN" in state.stdout


class Daemon:
    def __init__(
        self, folder: Path, source: IdleSource, notifier: Notifier, clocks: SystemClocks | None = None
    ) -> None:
        self.folder, self.source, self.notifier = folder, source, notifier
        self.clocks = clocks or SystemClocks()
        self.problems = Problems()
        self.outbox = Outbox(folder, self.problems)
        self.settings = ReminderSettings()
        self.config_mtime = -1.0
        self.engine = BreakEngine(self.settings.breaks())
        self.nudges = Nudges(self.settings)
        self.reload()
        self.started = self.clocks.monotonic()
        self.clock_readings = (self.started, self.clocks.since_boot())
        self.last_poll = self.offset = self.fed_until = 0.0
        self.previous_idle = float("inf")
        self.pending: tuple[int, float] | None = None
        self.seen_breaks = self.sequence = 0
        self.state_written: dict[str, object] | None = None

    def reload(self) -> None:
        """Reread the config file when it changed (unknot rewrites it when a setting changes)."""
        path = self.folder / files.CONFIG
        try:
            mtime = path.stat().st_mtime
        except OSError:
            mtime = 0.0
        if mtime == self.config_mtime:
            return
        self.config_mtime = mtime
        try:
            settings = ReminderSettings.from_json(files.read_json(path) or {})
            settings.breaks().check()
        except (TypeError, ValueError, AttributeError) as exc:
            self.problems.report("config", f"{path}: not a reminders config ({exc}); settings kept")
            return
        self.problems.clear("config")
        self.settings = settings
        self.engine.settings = settings.breaks()
        self.nudges.settings = settings

    def log(self, kind: EventKind, **extra: Any) -> None:
        """Record an event; pid and sequence number make every line unique, so none is counted twice."""
        self.sequence += 1
        at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        self.outbox.add({"at": at, "kind": kind.value, "pid": os.getpid(), "n": self.sequence, **extra})

    def paused(self) -> bool:
        """Whether a pause runs now; a pause file that makes no sense is no pause (said once)."""
        try:
            until = files.read_pause(self.folder)
        except files.BadFileError as exc:
            self.problems.report("pause", f"{exc}; taken as no pause")
            return False
        self.problems.clear("pause")
        return until > self.clocks.wall()

    def now(self) -> tuple[float, bool]:
        """Seconds on the engine's clock (monotonic time plus time spent suspended); and whether the
        machine was suspended since the last poll."""
        awake, since_boot = self.clocks.monotonic(), self.clocks.since_boot()
        slept = (since_boot - self.clock_readings[1]) - (awake - self.clock_readings[0])
        self.clock_readings = (awake, since_boot)
        if slept > SUSPEND_SLACK:
            self.offset += slept
        return awake - self.started + self.offset, slept > SUSPEND_SLACK

    def poll(self) -> None:
        self.reload()
        now, resumed = self.now()
        idle = float("inf") if resumed else self.source.idle_seconds()
        last_input = now - idle
        paused = self.paused()
        if not paused and last_input > self.fed_until:
            # Active at the previous poll: the time since the input seen then was activity too.
            # Otherwise activity resumed after that poll, and the gap before it was a pause.
            start = (
                self.fed_until if self.previous_idle < ACTIVE_WITHIN else max(self.last_poll, self.fed_until)
            )
            self.feed(Fraction(start), Fraction(last_input))
            self.fed_until = last_input
        self.previous_idle = idle
        self.last_poll = now
        self.outbox.flush()
        self.write_state(paused)

    def feed(self, start: Fraction, end: Fraction) -> None:
        due = self.engine.activity(start, end)
        for began, ended in self.engine.natural_breaks[self.seen_breaks :]:
            self.log(EventKind.NATURAL, seconds=round(float(ended - began)))
        self.seen_breaks = len(self.engine.natural_breaks)
        if due is not None:
            self.prompt()
        for nudge in self.nudges.activity(float(end - start)):
            actions = WATER_ACTIONS if nudge is EventKind.WATER_PROMPTED else []
            self.notifier.show(*self.shown(nudge_notice(self.settings, nudge)), actions)
            self.log(nudge)

    def prompt(self) -> None:
        reason = hold_reason(
            self.settings, dt.datetime.now().time(), self.notifier.do_not_disturb, fullscreen_focused
        )
        if reason:
            self.engine.respond("snooze")
            self.log(EventKind.SUPPRESSED, reason=reason)
            return
        stretch = random.choice(self.settings.stretches) if self.settings.stretches else None
        notice = break_notice(self.settings, stretch, running_web_app(self.folder) if stretch else None)
        shown = self.notifier.show(*self.shown(notice), ACTIONS, image=notice.image)
        self.pending = (shown, self.clocks.monotonic())
        self.log(EventKind.PROMPTED, exercise=stretch.id if stretch else "")

    def shown(self, notice: Notice) -> tuple[str, str]:
        """A notice's summary and body, for the notifier; its spoken words are said now."""
        speaker = shutil.which("espeak-ng") if self.settings.voice and notice.spoken else None
        if speaker:
            subprocess.Popen([speaker, notice.spoken], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return notice.summary, notice.body

    def answers(self, clicks: list[tuple[int, str]]) -> None:
        """Answers from the notifications; dismissing one without a choice counts as taking the break."""
        for notification, action in clicks:
            if self.pending and notification == self.pending[0]:
                self.answer(action if action in ANSWERS else "take")
            elif action == "water":
                self.log(EventKind.WATER)
        timeout = self.settings.prompt_timeout_seconds
        if self.pending and self.clocks.monotonic() - self.pending[1] > timeout:
            self.notifier.close(self.pending[0])
            self.answer("snooze")

    def answer(self, action: str) -> None:
        self.engine.respond(action)
        self.log(ANSWERS[action])
        self.pending = None

    def write_state(self, paused: bool) -> None:
        """The state file, written when what it says changed (or it was removed)."""
        state: dict[str, object] = {
            "pid": os.getpid(),
            "source": self.source.name,
            "work_seconds": int(self.engine.counter),
            "waiting_for_answer": self.engine.awaiting,
            "paused": paused,
        }
        path = self.folder / files.STATE
        if state == self.state_written and os.path.lexists(path):
            return
        try:
            files.write_json(path, state)
        except OSError as exc:
            self.problems.report("state", f"cannot write {files.describe(exc, path)}; trying again")
            return
        self.problems.clear("state")
        self.state_written = state

    def run(self) -> None:
        """Poll until SIGTERM or SIGINT, waiting on the bus between polls (a click wakes it at once)."""
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        self.log(EventKind.STARTED, source=self.source.name)
        try:
            while True:
                self.poll()
                self.answers(self.notifier.clicks(wait=self.settings.poll_seconds))
        except StopError:
            pass
        finally:
            if self.pending:
                self.notifier.close(self.pending[0])
            self.log(EventKind.STOPPED)
            self.outbox.close()
            with contextlib.suppress(OSError):
                (self.folder / files.STATE).unlink(missing_ok=True)


class StopError(Exception):
    """Raised from the signal handler so that even a blocking wait ends at once."""


def _stop(_signal: int, _frame: FrameType | None) -> None:
    raise StopError
