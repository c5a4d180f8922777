"""Short phrases every interface uses: doses, heat and cold limits, numbers that may be unknown."""

from __future__ import annotations

from unknot.content.schema import Dose, Exercise, Level, Therapy


def dose_words(dose: Dose) -> str:
    """`hold 30 s x 2 sets, each side` or `10 slow repetitions x 3 sets`."""
    work = f"hold {dose.hold_seconds} s" if dose.hold_seconds else f"{dose.reps} slow repetitions"
    sides = ", each side" if dose.sides == 2 else ""
    return f"{work} x {dose.sets} sets{sides}"


def dose_lines(exercise: Exercise) -> list[str]:
    """The exercise's dose at each level it has, e.g. `standard: hold 30 s x 2 sets, each side`."""
    return [
        f"{level.value}: {dose_words(dose)}" for level in Level if (dose := exercise.dose.for_level(level))
    ]


TIMER_DONE, TIMER_STOPPED, TIMER_START_CUE = "Time is up", "Stopped", "Starting now."


def therapy_cap(therapy: Therapy) -> str:
    return f"Never more than {therapy.max_minutes} minutes."


def therapy_end(therapy: Therapy) -> str:
    """What to do when a heat or cold timer ends or is stopped."""
    timer = therapy.timer
    if timer is None:
        return ""
    return f"{timer.at_end} {timer.before_next}" if timer.before_next else timer.at_end


def number(value: float | None, suffix: str = "", *, unknown: str = "not yet") -> str:
    """A mean or a change with one decimal, or what to say when it is not known yet."""
    return unknown if value is None else f"{value:.1f}{suffix}"


def score(value: float) -> str:
    """A questionnaire score as written: 5, 1.7."""
    return f"{value:g}"


def percent(fraction: float) -> str:
    """A share as a whole percentage: `40 %`."""
    return f"{fraction * 100:.0f} %"
