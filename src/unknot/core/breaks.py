"""The sitting-break engine, as the breaks contract (docs/contracts/breaks.md) defines it. Pure and
stdlib-only, so the reminder daemon can run it without loading the rest of unknot.

A work counter grows with activity only. An idle gap of at least the natural-break length resets it
(a pause, a lock, a suspend: never a reason to prompt at once). When it reaches the work length a
prompt is due; the answer then sets it: take or skip to 0, snooze to work minus snooze. The same
engine runs on a recorded trace (`simulate`) and, fed period by period, in the daemon.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

RESPONSES = ("take", "snooze", "skip")
MOST_PROMPTS = 100_000  # a year of eight-hour days with a prompt every 5 minutes is about 35,000


class TraceError(ValueError):
    """An invalid trace or settings; the message is one line that names what is wrong."""


@dataclass(frozen=True)
class BreakSettings:
    work_minutes: float = 30
    natural_break_minutes: float = 5
    snooze_minutes: float = 5

    def check(self) -> None:
        for name in ("work_minutes", "natural_break_minutes", "snooze_minutes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise TraceError(f"settings.{name}: must be a positive number, not {value!r}")
            if not math.isfinite(value):
                raise TraceError(f"settings.{name}: must be a finite number")
        for name in ("natural_break_minutes", "snooze_minutes"):
            if getattr(self, name) >= self.work_minutes:
                raise TraceError(f"settings.{name}: must be less than work_minutes ({self.work_minutes:g})")


@dataclass
class BreakEngine:
    """Fed activity periods in time order; reports the moments a prompt is due."""

    settings: BreakSettings
    counter: Fraction = Fraction(0)
    last_end: Fraction | None = None
    awaiting: bool = False
    natural_breaks: list[tuple[Fraction, Fraction]] = field(default_factory=list)

    @property
    def work(self) -> Fraction:
        return Fraction(self.settings.work_minutes) * 60

    def activity(self, start: Fraction, end: Fraction) -> Fraction | None:
        """Take in activity from `start` to `end`; returns the moment a prompt falls due, if it does.

        Processing stops at that moment: the caller answers with `respond`, then feeds the rest of
        the period (from the prompt's moment on).
        """
        natural = Fraction(self.settings.natural_break_minutes) * 60
        if self.last_end is not None and start - self.last_end >= natural:
            self.natural_breaks.append((self.last_end, start))
            self.counter = Fraction(0)
        self.last_end = end
        if self.awaiting:
            return None
        if self.counter + (end - start) >= self.work:
            due = start + (self.work - self.counter)
            self.counter = self.work
            self.awaiting = True
            self.last_end = due
            return due
        self.counter += end - start
        return None

    def respond(self, response: str) -> None:
        if response not in RESPONSES:
            raise TraceError(f"responses: unknown response {response!r} (take, snooze or skip)")
        snooze = Fraction(self.settings.snooze_minutes) * 60
        self.counter = self.work - snooze if response == "snooze" else Fraction(0)
        self.awaiting = False


@dataclass(frozen=True)
class Simulation:
    prompts: list[tuple[float, str]]
    natural_breaks: list[tuple[float, float]]
    active_seconds: float

    def as_contract(self) -> dict[str, object]:
        return {
            "prompts": [{"t": t, "response": r} for t, r in self.prompts],
            "natural_breaks": [[a, b] for a, b in self.natural_breaks],
            "active_seconds": self.active_seconds,
        }


def simulate(
    settings: BreakSettings, activity: list[tuple[float, float]], responses: list[str]
) -> Simulation:
    """Run the engine over a whole trace; a missing response is `take`."""
    settings.check()
    active = sum((Fraction(e) - Fraction(s) for s, e in activity), Fraction(0))
    _check_prompt_count(settings, active, len(activity))
    engine = BreakEngine(settings)
    prompts: list[tuple[float, str]] = []
    for raw_start, raw_end in activity:
        start, end = Fraction(raw_start), Fraction(raw_end)
        while (due := engine.activity(start, end)) is not None:
            answer = responses[len(prompts)] if len(prompts) < len(responses) else "take"
            engine.respond(answer)
            prompts.append((float(due), answer))
            start = due
    breaks = [(float(a), float(b)) for a, b in engine.natural_breaks]
    return Simulation(prompts, breaks, float(active))


def _check_prompt_count(settings: BreakSettings, active: Fraction, periods: int) -> None:
    """Refuse a trace that would prompt more than MOST_PROMPTS times (it would run for hours): each
    prompt needs at least the snooze length of activity, or falls at the start of a period."""
    shortest = Fraction(min(settings.snooze_minutes, settings.work_minutes)) * 60
    if active / shortest + periods > MOST_PROMPTS:
        raise TraceError(
            f"trace: {float(active):g} active seconds would prompt more than {MOST_PROMPTS:,} times with "
            f"these settings; give a shorter trace or longer work and snooze minutes"
        )


SETTING_KEYS = ("work_minutes", "natural_break_minutes", "snooze_minutes")


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TraceError(f"{where}: must be a number, not {value!r}")
    return float(value)


def _settings(raw: object) -> BreakSettings:
    if not isinstance(raw, dict):
        raise TraceError("settings: must be an object")
    for key in raw:
        if key not in SETTING_KEYS:
            raise TraceError(f"settings.{key}: unknown setting (known: {', '.join(SETTING_KEYS)})")
    settings = BreakSettings(**{k: _number(v, f"settings.{k}") for k, v in raw.items()})
    settings.check()
    return settings


def _activity(raw: object) -> list[tuple[float, float]]:
    if not isinstance(raw, list):
        raise TraceError("activity: must be a list of [start_s, end_s] pairs")
    periods: list[tuple[float, float]] = []
    for index, pair in enumerate(raw):
        where = f"activity[{index}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise TraceError(f"{where}: must be a pair [start_s, end_s]")
        start, end = _number(pair[0], f"{where}[0]"), _number(pair[1], f"{where}[1]")
        if start < 0:
            raise TraceError(f"{where}: starts before the trace (negative seconds)")
        if start >= end:
            raise TraceError(f"{where}: start must be less than end")
        if periods and start < periods[-1][1]:
            raise TraceError(
                f"{where}: overlaps or comes before the previous period (periods must be sorted)"
            )
        periods.append((start, end))
    return periods


def _responses(raw: object) -> list[str]:
    if not isinstance(raw, list):
        raise TraceError("responses: must be a list")
    for index, response in enumerate(raw):
        if response not in RESPONSES:
            raise TraceError(f"responses[{index}]: must be take, snooze or skip, not {response!r}")
    return list(raw)


def parse_trace(data: object) -> tuple[BreakSettings, list[tuple[float, float]], list[str]]:
    """Check a trace document (already parsed from JSON) and return its parts."""
    if not isinstance(data, dict):
        raise TraceError("trace: must be a JSON object")
    for key in data:
        if key not in ("settings", "activity", "responses"):
            raise TraceError(f"{key}: unknown field (known: settings, activity, responses)")
    if "activity" not in data:
        raise TraceError("activity: missing")
    return (
        _settings(data.get("settings", {})),
        _activity(data["activity"]),
        _responses(data.get("responses", [])),
    )
