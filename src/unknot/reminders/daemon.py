"""The reminder daemon: reads real idle time, feeds the break engine, shows prompts, logs what happened.

It polls every few seconds. Activity since the last poll becomes an activity period for the engine
(`unknot.core.breaks`), so a pause, a locked screen (no input) or a suspend (a jump of the wall clock
that the monotonic clock did not see) long enough is a natural break and never a reason to prompt.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import socket
import subprocess
import time
from fractions import Fraction
from pathlib import Path
from types import FrameType
from typing import Any

from unknot.core.breaks import BreakEngine, BreakSettings
from unknot.reminders import files
from unknot.reminders.idle import IdleSource
from unknot.reminders.notify import Notifier

ANSWERS = {"take": "taken", "snooze": "snoozed", "skip": "skipped"}
ACTIONS = [("take", "Take a break"), ("snooze", "Snooze"), ("skip", "Skip")]
SUSPEND_SLACK = 10.0
ACTIVE_WITHIN = 2.0


def in_quiet_hours(spec: str, now: dt.time) -> bool:
    """Whether `now` falls in "HH:MM-HH:MM" (which may run past midnight)."""
    if not spec:
        return False
    start, end = (dt.time.fromisoformat(part) for part in spec.split("-"))
    return start <= now < end if start <= end else now >= start or now < end


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


def web_app_running(address: str) -> bool:
    """Whether `unknot serve` answers at the address, so a link to the exercise's page will work."""
    host, _, port = address.removeprefix("http://").partition(":")
    try:
        with socket.create_connection((host, int(port or 80)), timeout=0.2):
            return True
    except OSError:
        return False


class SystemClocks:
    """Both clocks the daemon needs: monotonic (stops during suspend) and wall (does not)."""

    monotonic = staticmethod(time.monotonic)
    wall = staticmethod(time.time)


class Daemon:
    def __init__(
        self, folder: Path, source: IdleSource, notifier: Notifier, clocks: SystemClocks | None = None
    ) -> None:
        self.folder, self.source, self.notifier = folder, source, notifier
        self.clocks = clocks or SystemClocks()
        self.config: dict[str, Any] = {}
        self.config_mtime = 0.0
        self.reload()
        self.engine = BreakEngine(self.settings())
        self.started = self.clocks.monotonic()
        self.last_poll = self.offset = self.fed_until = 0.0
        self.previous_idle = float("inf")
        self.last_wall = self.clocks.wall()
        self.pending: tuple[int, float] | None = None
        self.water_seconds = self.standing_seconds = 0.0
        self.seen_breaks = self.sequence = 0

    @property
    def poll_seconds(self) -> float:
        return float(self.config.get("poll_seconds", 5))

    def settings(self) -> BreakSettings:
        keys = ("work_minutes", "natural_break_minutes", "snooze_minutes")
        return BreakSettings(**{k: float(self.config.get(k, getattr(BreakSettings(), k))) for k in keys})

    def reload(self) -> None:
        path = self.folder / files.CONFIG
        mtime = path.stat().st_mtime if path.exists() else 0.0
        if mtime != self.config_mtime:
            self.config, self.config_mtime = files.read_json(path) or {}, mtime
            if hasattr(self, "engine"):
                self.engine.settings = self.settings()

    def log(self, kind: str, **extra: Any) -> None:
        """Append an event; pid and sequence number make every line unique, so none is counted twice."""
        self.sequence += 1
        at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        event = {"at": at, "kind": kind, "pid": os.getpid(), "n": self.sequence, **extra}
        files.append_event(self.folder, event)

    def paused(self) -> bool:
        pause = files.read_json(self.folder / files.PAUSE) or {}
        return float(pause.get("until", 0)) > self.clocks.wall()

    def now(self) -> tuple[float, bool]:
        """Seconds on the engine's clock (monotonic time plus time spent suspended); and whether the
        machine was suspended since the last poll."""
        mono, wall = self.clocks.monotonic() - self.started, self.clocks.wall()
        slept = (wall - self.last_wall) - (mono + self.offset - self.last_poll)
        if slept > SUSPEND_SLACK:
            self.offset += slept
        self.last_wall = wall
        return mono + self.offset, slept > SUSPEND_SLACK

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
        self.write_state(paused)

    def feed(self, start: Fraction, end: Fraction) -> None:
        self.water_seconds += float(end - start)
        self.standing_seconds += float(end - start)
        due = self.engine.activity(start, end)
        for began, ended in self.engine.natural_breaks[self.seen_breaks :]:
            self.log("natural", seconds=round(float(ended - began)))
        self.seen_breaks = len(self.engine.natural_breaks)
        if due is not None:
            self.prompt()
        self.water_and_standing()

    def prompt(self) -> None:
        reason = self.hold_reason()
        if reason:
            self.engine.respond("snooze")
            self.log("suppressed", reason=reason)
            return
        stretches = self.config.get("stretches") or [
            {"name": "a stretch", "step": "Stand up and move.", "id": ""}
        ]
        stretch = random.choice(stretches)
        body = f"Stand up and try {stretch['name']}: {stretch['step']}"
        if self.config.get("web") and stretch.get("id") and web_app_running(str(self.config["web"])):
            body += f"\nPicture and steps: {self.config['web']}/exercises/{stretch['id']}"
        minutes = self.settings().work_minutes
        notification = self.notifier.show(f"Time for a break: {minutes:g} minutes of activity", body, ACTIONS)
        self.pending = (notification, self.clocks.monotonic())
        self.log("prompted", exercise=stretch.get("id", ""))
        self.speak(f"Time for a break. Try {stretch['name']}.")

    def hold_reason(self) -> str | None:
        """Why a prompt should wait: quiet hours, do-not-disturb, or a full-screen window."""
        if in_quiet_hours(str(self.config.get("quiet_hours", "")), dt.datetime.now().time()):
            return "quiet hours"
        if self.notifier.do_not_disturb():
            return "do not disturb"
        return "full screen" if fullscreen_focused() else None

    def answers(self, clicks: list[tuple[int, str]]) -> None:
        """Answers from the notifications; dismissing one without a choice counts as taking the break."""
        for notification, action in clicks:
            if self.pending and notification == self.pending[0]:
                self.answer(action if action in ANSWERS else "take")
            elif action == "water":
                self.log("water")
        timeout = float(self.config.get("prompt_timeout_seconds", 120))
        if self.pending and self.clocks.monotonic() - self.pending[1] > timeout:
            self.notifier.close(self.pending[0])
            self.answer("snooze")

    def answer(self, action: str) -> None:
        self.engine.respond(action)
        self.log(ANSWERS[action])
        self.pending = None

    def water_and_standing(self) -> None:
        """Water spread over an 8-hour active day; at a standing desk, a nudge to change position."""
        glasses = int(self.config.get("water_glasses", 0))
        if glasses and self.water_seconds >= 8 * 3600 / glasses:
            self.water_seconds = 0.0
            body = f"A glass now helps you reach today's {glasses} glasses."
            self.notifier.show("Time for some water", body, [("water", "Done")])
            self.log("water_prompted")
        standing = float(self.config.get("standup_minutes", 0))
        if standing and self.standing_seconds >= standing * 60:
            self.standing_seconds = 0.0
            self.notifier.show(
                "Change position", "Stand up for a while (or sit, if you have been standing).", []
            )
            self.log("standup")

    def speak(self, text: str) -> None:
        speaker = shutil.which("espeak-ng") if self.config.get("voice") else None
        if speaker:
            subprocess.Popen([speaker, text], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def write_state(self, paused: bool) -> None:
        files.write_json(
            self.folder / files.STATE,
            {
                "pid": os.getpid(),
                "source": self.source.name,
                "work_seconds": float(self.engine.counter),
                "waiting_for_answer": self.engine.awaiting,
                "paused": paused,
                "updated": self.clocks.wall(),
            },
        )

    def run(self) -> None:
        """Poll until SIGTERM or SIGINT, waiting on the bus between polls (a click wakes it at once)."""
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        self.log("started", source=self.source.name)
        try:
            while True:
                self.poll()
                self.answers(self.notifier.clicks(wait=self.poll_seconds))
        except StopError:
            pass
        finally:
            if self.pending:
                self.notifier.close(self.pending[0])
            self.log("stopped")
            (self.folder / files.STATE).unlink(missing_ok=True)


class StopError(Exception):
    """Raised from the signal handler so that even a blocking wait ends at once."""


def _stop(_signal: int, _frame: FrameType | None) -> None:
    raise StopError
