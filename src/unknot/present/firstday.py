"""The journal's first day as Today shows it, in the terminal and on the web: the first session as
the one thing to do, and a short list of what waits for later this week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from unknot.content.schema import Lesson, Library
from unknot.core.questionnaires import Due
from unknot.core.result import Plan
from unknot.present.words import about_minutes, counted, day_name

FIRST_DAY_HEADING = "Your first session"
FIRST_DAY_START = "Start your first session"
LATER_HEADING = "Later this week"


@dataclass(frozen=True)
class Later:
    """Something that can wait: what it is, its page on the web, its command in the terminal."""

    words: str
    page: str
    command: str


@dataclass(frozen=True)
class FirstDay:
    lead: str
    later: tuple[Later, ...]
    heading: str = FIRST_DAY_HEADING
    start: str = FIRST_DAY_START
    later_heading: str = LATER_HEADING


def first_day(
    plan: Plan,
    due: Sequence[Due],
    lesson: Lesson | None,
    library: Library,
    *,
    today: dt.date,
    checkin_pain: int | None = None,
) -> FirstDay:
    """What day one shows: the session's length, then the check-in, the questionnaires in the order
    they fall due, and the lesson."""
    exercises = counted(len(plan.items), "exercise", "exercises")
    lead = (
        f"{exercises}, {about_minutes(plan.total_minutes)}, at your own pace. "
        "It is the one thing to do today; the rest can wait."
    )
    checkin = (
        "A daily check-in: pain and stiffness, in a few seconds"
        if checkin_pain is None
        else f"Today's check-in: done (pain {checkin_pain}); saving again replaces it"
    )
    later = [Later(checkin, "/checkin", "unknot checkin")]
    for item in sorted(due, key=lambda d: d.due):
        form = library.questionnaires[item.questionnaire]
        when = "due now" if item.is_due else f"due {day_name(item.due, today)}"
        command = f"unknot questionnaire {form.id}"
        later.append(Later(f"{form.name}: {when}", f"/questionnaires/{form.id}", command))
    if lesson is not None:
        words = f"A {lesson.minutes}-minute lesson: {lesson.title}"
        later.append(Later(words, f"/lessons/{lesson.id}", f"unknot lessons show {lesson.id}"))
    return FirstDay(lead, tuple(later))
