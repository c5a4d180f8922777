"""A plan that adapts: doses step up after a good week and back after a flare. Pure.

Step back (checked first, for safety): a session whose pain afterwards was 2 or more points above
pain before it, or a check-in after a session 2 or more points above the one before that session.
Step up: at least 7 days after the last change, 4 or more sessions in the past 7 days, and pain in
those 7 days no worse than in the 7 days before. Doses move within the content's levels; past the
last one, an exercise moves to its harder version (or back to its easier one) when that is safe for
the person. The plan stays within its time cap, and the walking goal moves with it. Only what was
recorded after the last change counts.

"A check-in after a session" is the next one: the first rating dated after the session's day, and
only when it is dated 1 or 2 days (`FOLLOW_UP_DAYS`) after it. Soreness that exercise provokes shows
within a day or two, and people skip a day's check-in now and then, so two days catches the next
check-in without reaching into the next week: a rating a week later says more about that week than
about the session. It is compared with the last rating dated on or before the session's day. It must
have been recorded after the last change: one recorded before it was already seen by that change,
and a later rating does not take its place.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from statistics import fmean

from unknot.content.schema import Exercise, Level
from unknot.core.answers import Answers
from unknot.core.dosing import needs_longer_holds, prescribed_dose
from unknot.core.guidance import WALK_LEAST, WALK_MOST, WALK_STEP
from unknot.core.history import SessionResult
from unknot.core.planning import CAP_TENTHS, is_safe, item_tenths
from unknot.core.result import Plan, PlanItem, Walking

ORDER = (Level.GENTLE, Level.STANDARD, Level.ADVANCED)
FLARE_POINTS = 2
SESSIONS_TO_PROGRESS = 4
WEEK = dt.timedelta(days=7)
FOLLOW_UP_DAYS = 2


@dataclass(frozen=True)
class Rating:
    date: dt.date
    pain: int
    recorded_at: dt.datetime


def flared(pain_before: int | None, pain_after: int | None) -> bool:
    """Pain after a session 2 or more points above pain before: a reason to ease off."""
    return pain_before is not None and pain_after is not None and pain_after >= pain_before + FLARE_POINTS


@dataclass(frozen=True)
class FlareUp:
    """A session after which the pain was clearly worse (`flared`): the day a chart marks."""

    date: dt.date
    pain_before: int
    pain_after: int


def flare_ups(sessions: Iterable[tuple[dt.date, int | None, int | None]]) -> list[FlareUp]:
    """The flare-ups among sessions given as (date, pain before, pain after), in their order."""
    return [
        FlareUp(day, before, after)
        for day, before, after in sessions
        if before is not None and after is not None and flared(before, after)
    ]


@dataclass(frozen=True)
class PlanEvents:
    """What turned a programme's course, by day: its plan's changes (day, reason) and flare-ups."""

    changes: list[tuple[dt.date, str]]
    flare_ups: list[FlareUp]


@dataclass(frozen=True)
class PlanChange:
    direction: int  # +1 up a level, -1 back a level
    reason: str


def _flare(sessions: list[SessionResult], since: dt.datetime) -> PlanChange | None:
    for s in sessions:
        if s.recorded_at > since and flared(s.pain_before, s.pain_after):
            what = f"your pain after the session on {s.date} was {s.pain_after}, up from {s.pain_before}"
            return PlanChange(-1, f"{what}, so the doses eased off")
    return None


def _worse_after_session(
    sessions: list[SessionResult], ratings: list[Rating], since: dt.datetime
) -> PlanChange | None:
    """The first completed session whose follow-up rating is a flare (see the module's docstring).

    `ratings` sorted by (date, recorded_at): one bisection per session, O(n log n) in all."""
    dates = [r.date for r in ratings]
    window = dt.timedelta(days=FOLLOW_UP_DAYS)
    for s in sessions:
        if not s.completed:
            continue
        cut = bisect_right(dates, s.date)  # ratings[:cut] are dated on or before the session's day
        if cut == 0 or cut == len(ratings):
            continue
        then, now = ratings[cut - 1], ratings[cut]
        if now.date - s.date <= window and now.recorded_at > since and now.pain >= then.pain + FLARE_POINTS:
            what = f"your pain on {now.date} ({now.pain}/10) was worse than before the session on {s.date}"
            return PlanChange(-1, f"{what} ({then.pain}/10), so the doses eased off")
    return None


def _good_week(
    sessions: list[SessionResult], ratings: list[Rating], since: dt.datetime, today: dt.date
) -> PlanChange | None:
    if today - since.date() < WEEK:
        return None
    first = today - WEEK  # the week is the 7 days before today; the one before it, the 7 before that
    done = {s.date for s in sessions if s.completed and first <= s.date < today}
    this_week = [r.pain for r in ratings if first <= r.date < today]
    earlier = [r.pain for r in ratings if first - WEEK <= r.date < first]
    if len(done) < SESSIONS_TO_PROGRESS or not this_week:
        return None
    if earlier and fmean(this_week) > fmean(earlier):
        return None
    what = f"you did {len(done)} sessions in the past week and your pain has not got worse"
    return PlanChange(+1, f"{what}, so the doses stepped up")


def review(
    sessions: list[SessionResult], ratings: list[Rating], since: dt.datetime, today: dt.date
) -> PlanChange | None:
    """What should change in the plan last changed at `since`, if anything."""
    sessions = sorted(sessions, key=attrgetter("date", "recorded_at"))
    ratings = sorted(ratings, key=attrgetter("date", "recorded_at"))
    return (
        _flare(sessions, since)
        or _worse_after_session(sessions, ratings, since)
        or _good_week(sessions, ratings, since, today)
    )


def _moved(item: PlanItem, exercise: Exercise, direction: int) -> PlanItem | None:
    """The item one level up or down, when its exercise has a dose there."""
    position = ORDER.index(item.level) + direction
    if not 0 <= position < len(ORDER):
        return None
    dose = prescribed_dose(exercise, ORDER[position], longer_holds=item.longer_holds)
    if dose is None:
        return None
    return item.model_copy(update={"level": ORDER[position], "minutes": item_tenths(dose) / 10})


def _variant(
    item: PlanItem, exercises: dict[str, Exercise], direction: int, answers: Answers
) -> PlanItem | None:
    """Past its last dose, the harder version (going up) or the easier one (going back), when it is
    safe for the person: at its first dose going up, its last going back."""
    exercise = exercises[item.id]
    if direction > 0:
        other = exercises.get(exercise.harder or "")
    else:
        other = next((e for e in exercises.values() if e.harder == exercise.id), None)
    if other is None or not is_safe(other, answers):
        return None
    levels = [level for level in ORDER if other.dose.for_level(level)]
    level = levels[0] if direction > 0 else levels[-1]
    dose = prescribed_dose(other, level, longer_holds=needs_longer_holds(other, answers.age))
    assert dose is not None
    moved = "on to a harder" if direction > 0 else "back to an easier"
    return item.model_copy(
        update={
            "id": other.id,
            "name": other.name,
            "minutes": item_tenths(dose) / 10,
            "targets": [m.value for m in other.targets],
            "position": other.position.value,
            "stop_if": list(other.stop_if),
            "level": level,
            "why": f"{item.why} Moved {moved} version of {exercise.name.lower()}.",
        }
    )


def adapt(plan: Plan, change: PlanChange, exercises: dict[str, Exercise], answers: Answers) -> Plan | None:
    """The plan with every dose moved one level, or an exercise past its last dose moved to its
    harder or easier version (as far as the content, safety and the time cap allow)."""
    items = list(plan.items)
    total = sum(round(i.minutes * 10) for i in items)
    moved = False
    for index, item in enumerate(items):
        target = _moved(item, exercises[item.id], change.direction) or _variant(
            item, exercises, change.direction, answers
        )
        if target is None:
            continue
        tenths, now = round(target.minutes * 10), round(item.minutes * 10)
        if total - now + tenths > CAP_TENTHS[Level.STANDARD]:
            continue
        total += tenths - now
        items[index] = target
        moved = True
    walk = _walked(plan.walking, change.direction)
    if not moved and walk == plan.walking:
        return None
    gentle = all(i.level is Level.GENTLE for i in items) and total <= CAP_TENTHS[Level.GENTLE]
    changes = {"level": "gentle" if gentle else "standard", "total_minutes": total / 10, "items": items}
    return plan.model_copy(update={**changes, "walking": walk})


def _walked(walk: Walking | None, direction: int) -> Walking | None:
    """The walking goal a week further on: 5 minutes more after a good week, 5 less after a flare."""
    if walk is None:
        return None
    minutes = min(max(walk.minutes_per_day + direction * WALK_STEP, WALK_LEAST), WALK_MOST)
    return walk.model_copy(update={"minutes_per_day": minutes})
