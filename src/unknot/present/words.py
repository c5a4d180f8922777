"""Short phrases every interface uses: doses, heat and cold limits, numbers that may be unknown."""

from __future__ import annotations

import datetime as dt

from unknot.content.schema import Dose, Exercise, Level, Therapy
from unknot.core import dosing
from unknot.core.result import PlanItem


def dose_words(dose: Dose) -> str:
    """`hold 30 s x 2 sets, each side` or `10 slow repetitions x 3 sets`."""
    work = f"hold {dose.hold_seconds} s" if dose.hold_seconds else f"{dose.reps} slow repetitions"
    sides = ", each side" if dose.sides == 2 else ""
    return f"{work} x {dose.sets} sets{sides}"


# The lead of a clinician's note: on an exercise of their programme, and on the programme itself.
NOTE_WORDS = "Your clinician's note:"
PROGRAMME_NOTES_WORDS = "Your clinician's notes:"


def item_dose(item: PlanItem, exercise: Exercise) -> str:
    """What a plan item asks for today, in words (the dose from `core.dosing.item_dose`)."""
    return dose_words(dosing.item_dose(item, exercise))


EVIDENCE_WORDS = {
    "own": "Studies listed below tested this kind of exercise for what it is used for here.",
    "general": (
        "No trial has tested this exercise on its own; it rests on the general evidence that staying "
        "active and exercising helps back and neck pain."
    ),
}


def evidence_words(exercise: Exercise) -> str:
    return EVIDENCE_WORDS[exercise.evidence]


def dose_lines(exercise: Exercise) -> list[str]:
    """The exercise's dose at each level it has, e.g. `standard: hold 30 s x 2 sets, each side`."""
    return [
        f"{level.value}: {dose_words(dose)}" for level in Level if (dose := exercise.dose.for_level(level))
    ]


# The next step while care comes first (an escalation, or an assessment that says to see a clinician).
SEEK_CARE_WORDS = "See a clinician first (see above): unknot suggests no session until then."
# The next step when the saved assessment predates the safety questions asked today.
ANSWER_AGAIN_WORDS = (
    "unknot now asks more safety questions than when you last answered. Please answer them again "
    "before your next session"
)
# Asked at every check-in, before the warning signs one by one.
NEW_SIGNS_QUESTION = "Since your last check-in, has any new warning sign appeared"


def session_verdict(completed: bool) -> tuple[str, str]:
    """The heading after a session and, when it does not count, why not."""
    if completed:
        return "Session complete", ""
    return (
        "Session stopped early",
        "A session counts as complete when at least half of its exercises are done.",
    )


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


def about_minutes(minutes: float) -> str:
    """A length of time as people say it: "about 20 min", "under a minute"."""
    if minutes < 1:
        return "under a minute"
    return f"about {round(minutes)} min"


def minutes(value: float) -> str:
    """Whole minutes where whole ("5 min"), else to the half minute ("2.5 min")."""
    halves = round(value * 2) / 2
    return f"{halves:g} min"


def change_words(percent_change: float | None) -> str:
    """A change in pain in plain words: "25 % lower", "10 % higher", "about the same"."""
    if percent_change is None:
        return "not yet"
    rounded = round(percent_change)
    if rounded == 0:
        return "about the same"
    return f"{abs(rounded)} % {'lower' if rounded < 0 else 'higher'}"


def day_name(day: dt.date, today: dt.date) -> str:
    """A date as people say it: "today", "yesterday", "Wednesday 25 November" (with the year when
    it is not this year's)."""
    if day == today:
        return "today"
    if day == today - dt.timedelta(days=1):
        return "yesterday"
    if day == today + dt.timedelta(days=1):
        return "tomorrow"
    named = weekday_date(day)
    return named if day.year == today.year else f"{named} {day.year}"


def weekday_date(day: dt.date) -> str:
    """ "Wednesday 25 November": a heading's date."""
    return f"{day:%A} {day.day} {day:%B}"


def long_date(day: dt.date) -> str:
    """A date in a sentence, on its own: "3 November 2026"."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date, today: dt.date) -> str:
    """A date in a table or a list: "Wed 25 Nov" (with the year when it is not this year's)."""
    named = f"{day:%a} {day.day} {day:%b}"
    return named if day.year == today.year else f"{named} {day.year}"


def ago(day: dt.date, today: dt.date) -> str:
    """How long ago: "today", "yesterday", "3 days ago", "2 weeks ago", then the date."""
    days = (today - day).days
    if days < 2:
        return day_name(day, today)
    if days < 14:
        return f"{days} days ago"
    if days < 7 * 8:
        return f"{days // 7} weeks ago"
    return f"on {short_date(day, today)}"


def pain_change(before: int | None, after: int | None) -> str:
    """ "Pain 5 before, 3 after: 2 points lower." (empty when either is not known)."""
    if before is None or after is None:
        return ""
    points = after - before
    direction = "lower" if points < 0 else "higher"
    how = "the same" if points == 0 else f"{counted(abs(points), 'point', 'points')} {direction}"
    return f"Pain {before} before, {after} after: {how}."


def percent(fraction: float) -> str:
    """A share as a whole percentage: `40 %`."""
    return f"{fraction * 100:.0f} %"


# What a journal holds, in words (the keys are the journal document's parts).
JOURNAL_PARTS = {
    "assessments": ("assessment", "assessments"),
    "plans": ("plan", "plans"),
    "checkins": ("check-in", "check-ins"),
    "sessions": ("session", "sessions"),
    "questionnaires": ("questionnaire answered", "questionnaires answered"),
    "cleared": ("clinician's all-clear", "clinician's all-clears"),
    "coaching": ("camera count", "camera counts"),
    "posture": ("posture watch day", "posture watch days"),
}


def counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def journal_counts(counts: dict[str, int]) -> str:
    """ "1 assessment, 2 plans, ... and 0 clinician's all-clears" for the parts counted."""
    parts = [counted(counts[key], *JOURNAL_PARTS[key]) for key in JOURNAL_PARTS if key in counts]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
