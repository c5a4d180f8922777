"""The reminder policy around the break engine: settings, quiet hours, holding a prompt, water and
stand-up nudges, the words of each notification, and the names of the events the daemon records.

Pure and stdlib-only, like `unknot.core.breaks`, so the reminder daemon runs it without loading the
rest of unknot. The daemon asks the desktop (idle time, do-not-disturb, full screen) and shows what
this module decides.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

from unknot.core.breaks import BreakSettings

ACTIVE_DAY_SECONDS = 8 * 3600  # water reminders are spread over an 8-hour active day
URL_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


class EventKind(StrEnum):
    """What the daemon records (its outbox, then the journal's break statistics)."""

    STARTED = "started"
    STOPPED = "stopped"
    PROMPTED = "prompted"
    TAKEN = "taken"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    SUPPRESSED = "suppressed"
    NATURAL = "natural"
    WATER_PROMPTED = "water_prompted"
    WATER = "water"
    STANDUP = "standup"


# The daemon's own start and stop are not part of a person's break statistics.
COUNTED = tuple(k for k in EventKind if k not in (EventKind.STARTED, EventKind.STOPPED))
# The statistics shown per day, with their column headings.
SHOWN = {
    EventKind.PROMPTED: "Prompted",
    EventKind.TAKEN: "Taken",
    EventKind.SNOOZED: "Snoozed",
    EventKind.SKIPPED: "Skipped",
    EventKind.NATURAL: "Natural breaks",
    EventKind.WATER: "Water",
}
# The answers to a break prompt (buttons of the notification), and the event each is recorded as.
ANSWERS = {"take": EventKind.TAKEN, "snooze": EventKind.SNOOZED, "skip": EventKind.SKIPPED}
ACTIONS = [("take", "Take a break"), ("snooze", "Snooze"), ("skip", "Skip")]
WATER_ACTIONS = [("water", "Done")]


@dataclass(frozen=True)
class BreakEvent:
    """One line of the daemon's outbox, as the journal keeps it (the key makes it unique)."""

    key: str
    at: dt.datetime
    kind: EventKind
    seconds: int | None = None


def parse_event(line: str) -> BreakEvent | None:
    """An outbox line as an event worth keeping; None for the daemon's own start and stop, and for a
    line it was writing when it was killed."""
    try:
        event = json.loads(line)
        at = dt.datetime.fromisoformat(event["at"])
        kind = EventKind(event["kind"])
    except (ValueError, KeyError, TypeError):
        return None
    if kind not in COUNTED or at.tzinfo is None:
        return None
    seconds = event.get("seconds")
    import hashlib  # here, not at the top: OpenSSL would add 4 MB to the daemon, which never needs it

    key = hashlib.sha256(line.encode()).hexdigest()
    return BreakEvent(key, at, kind, seconds if isinstance(seconds, int) else None)


def parse_quiet_hours(spec: str) -> tuple[dt.time, dt.time] | None:
    """ "HH:MM-HH:MM" (which may run past midnight), or "" for none. Raises ValueError when malformed."""
    if not spec:
        return None
    start, dash, end = spec.partition("-")
    if not dash or len(start) != 5 or len(end) != 5:
        raise ValueError(f"quiet hours must look like 22:00-07:00, not '{spec}'")
    try:
        return dt.time.fromisoformat(start), dt.time.fromisoformat(end)
    except ValueError:
        raise ValueError(f"quiet hours must look like 22:00-07:00, not '{spec}'") from None


def in_quiet_hours(spec: str, now: dt.time) -> bool:
    hours = parse_quiet_hours(spec)
    if hours is None:
        return False
    start, end = hours
    return start <= now < end if start <= end else now >= start or now < end


@dataclass(frozen=True)
class ReminderSettings:
    """Everything the daemon needs, as one shape: written by unknot to the daemon's config file."""

    work_minutes: float = 30
    natural_break_minutes: float = 5
    snooze_minutes: float = 5
    quiet_hours: str = ""
    water_glasses: int = 8
    standup_minutes: int = 0
    voice: bool = True
    poll_seconds: float = 5
    prompt_timeout_seconds: float = 120
    stretches: tuple[Stretch, ...] = field(default=())

    def breaks(self) -> BreakSettings:
        return BreakSettings(self.work_minutes, self.natural_break_minutes, self.snooze_minutes)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReminderSettings:
        """From a config file: missing keys take their defaults, unknown keys are ignored."""
        known = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        stretches = tuple(Stretch(**s) for s in known.pop("stretches", ()))
        return cls(**known, stretches=stretches)


DEFAULTS = ReminderSettings()


@dataclass(frozen=True)
class Stretch:
    """A desk stretch a break prompt may suggest."""

    id: str
    name: str
    step: str
    stop_if: str = ""  # its first stop rule
    image: str = ""  # its figure as a PNG file, for a notification service that shows images


def hold_reason(
    settings: ReminderSettings,
    now: dt.time,
    do_not_disturb: Callable[[], bool],
    full_screen: Callable[[], bool],
) -> str | None:
    """Why a due prompt should wait (it is then snoozed): quiet hours, do-not-disturb, or a
    full-screen window. The desktop is only asked when the cheaper reasons do not hold."""
    if in_quiet_hours(settings.quiet_hours, now):
        return "quiet hours"
    if do_not_disturb():
        return "do not disturb"
    return "full screen" if full_screen() else None


@dataclass
class Nudges:
    """Water and stand-up nudges, paced by activity (never by idle time)."""

    settings: ReminderSettings
    water_seconds: float = 0.0
    standing_seconds: float = 0.0

    def activity(self, seconds: float) -> list[EventKind]:
        """Take in `seconds` of activity; returns the nudges now due."""
        self.water_seconds += seconds
        self.standing_seconds += seconds
        due = []
        glasses = self.settings.water_glasses
        if glasses and self.water_seconds >= ACTIVE_DAY_SECONDS / glasses:
            self.water_seconds = 0.0
            due.append(EventKind.WATER_PROMPTED)
        standing = self.settings.standup_minutes
        if standing and self.standing_seconds >= standing * 60:
            self.standing_seconds = 0.0
            due.append(EventKind.STANDUP)
        return due


@dataclass(frozen=True)
class Notice:
    """A notification: its summary, its body, and what to say aloud (if the voice is on)."""

    summary: str
    body: str
    spoken: str = ""
    image: str = ""  # a PNG file to show beside it, where the notification service shows images


@dataclass(frozen=True)
class WebApp:
    """The web app as `unknot serve` announces it while it runs: its address (http://host:port) and
    this launch's token, which lets a link in."""

    address: str
    token: str

    def page(self, path: str) -> str:
        token = "".join(chr(b) if chr(b) in URL_SAFE else f"%{b:02X}" for b in self.token.encode())
        return f"{self.address}{path}?token={token}"


def break_notice(settings: ReminderSettings, stretch: Stretch | None, web: WebApp | None) -> Notice:
    """The break prompt, suggesting `stretch` from the person's plan (with a link to its page, token
    included, when the web app runs); without one, just to stand up and move."""
    summary = f"Time for a break: {settings.work_minutes:g} minutes of activity"
    if stretch is None:
        body = "Stand up, move about and change position for a minute or two."
        return Notice(summary, body, "Time for a break. Stand up and move about.")
    body = f"Stand up and try {stretch.name}: {stretch.step}"
    body += f" Stop if: {stretch.stop_if}" if stretch.stop_if else ""
    if web is not None:
        body += f"\nPlay it with the timer: {web.page(f'/session/stretch/{stretch.id}')}"
    return Notice(summary, body, f"Time for a break. Try {stretch.name}.", stretch.image)


def nudge_notice(settings: ReminderSettings, kind: EventKind) -> Notice:
    if kind is EventKind.WATER_PROMPTED:
        body = f"A glass now helps you reach today's {settings.water_glasses} glasses."
        return Notice("Time for some water", body)
    return Notice("Change position", "Stand up for a while (or sit, if you have been standing).")
