"""What comes with a plan besides its exercises: the daily walk, the lessons, the habits. Pure."""

from __future__ import annotations

from unknot.content.schema import CauseId, Level, Library
from unknot.core.answers import Answers
from unknot.core.result import Walking

# Minutes of walking a day: where a plan starts, how much a good week adds, and the most.
WALK_START = {Level.GENTLE: 5.0, Level.STANDARD: 10.0}
WALK_STEP, WALK_MOST, WALK_LEAST = 5.0, 30.0, 5.0
WALKING_HABIT = "walking"
PLAN_HABITS = ("hydration", "movement_breaks", "posture", "lifting")
HIGH_PAIN, LONG_PAIN_DAYS = 7, 84
# The lessons, in the order they are offered; the first is chosen for the person (see lessons_for).
LESSON_ORDER = (
    "back_pain_common",
    "hurt_not_harm",
    "stay_active_walk",
    "pacing_flare_plan",
    "work_and_desk",
    "imaging_rarely_needed",
    "heat_cold_massage",
    "sleep",
    "medicines",
    "when_to_see_someone",
)


def walking(level: Level, library: Library) -> Walking:
    """The daily walking goal where a plan of this level starts (it grows after good weeks); why
    comes from the `walking` habit."""
    return Walking(minutes_per_day=WALK_START[level], why=library.habits[WALKING_HABIT].why)


def lessons_for(answers: Answers, cause_ids: list[CauseId]) -> list[str]:
    """Every lesson, the most useful for this person first: "hurt is not harm" when pain is high or
    has lasted over 12 weeks, otherwise "back pain is common and usually not serious"."""
    first = (
        "hurt_not_harm"
        if answers.pain_now >= HIGH_PAIN or answers.duration_days > LONG_PAIN_DAYS
        else "back_pain_common"
    )
    order = [first, *LESSON_ORDER]
    if CauseId.SITTING_POSTURE in cause_ids:
        order.insert(1, "work_and_desk")
    return list(dict.fromkeys(order))


def plan_habits(answers: Answers, cause_ids: list[CauseId], library: Library) -> list[str]:
    """The habits the plan teaches: water always, breaks and posture for long sitting, lifting after a
    lifting strain, and those each cause names."""
    hydration, breaks, posture, lifting = PLAN_HABITS
    habits = [hydration]
    if CauseId.SITTING_POSTURE in cause_ids:
        habits += [breaks, posture]
    if answers.lifting_strain:
        habits.append(lifting)
    for cause_id in cause_ids:
        habits += library.causes[cause_id].habits
    return list(dict.fromkeys(habits))
