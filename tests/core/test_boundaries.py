"""Each threshold of the rules, on both sides of its boundary (where a changed < or <= would hide)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from tests.strategies import base_answers
from unknot.content.schema import Library
from unknot.core.dosing import OLDER_ADULT_AGE
from unknot.core.history import SessionResult
from unknot.core.planning import GENTLE_FROM_PAIN
from unknot.core.progression import FLARE_POINTS, SESSIONS_TO_PROGRESS, Rating, flared, review
from unknot.core.result import Assessment
from unknot.services import catalog

START = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)


def assess(library: Library, **changes: Any) -> Assessment:
    return catalog.assess_answers(json.dumps(base_answers(**changes)), library)


@pytest.mark.parametrize(("age", "longer"), [(OLDER_ADULT_AGE - 1, False), (OLDER_ADULT_AGE, True)])
def test_stretches_hold_longer_from_65(library: Library, age: int, longer: bool) -> None:
    plan = assess(library, age=age).plan
    assert plan is not None
    stretches = [item for item in plan.items if item.kind == "stretch"]
    assert stretches and all(item.longer_holds is longer for item in stretches)


@pytest.mark.parametrize(
    ("pain", "level"), [(GENTLE_FROM_PAIN - 1, "standard"), (GENTLE_FROM_PAIN, "gentle")]
)
def test_the_plan_is_gentle_from_pain_7(library: Library, pain: int, level: str) -> None:
    plan = assess(library, pain_now=pain).plan
    assert plan is not None and plan.level == level


@pytest.mark.parametrize(("days", "level"), [(2, "gentle"), (3, "standard")])
def test_a_strain_is_fresh_for_two_days(library: Library, days: int, level: str) -> None:
    result = assess(library, lifting_strain=True, duration_days=days, pain_now=3)
    assert result.plan is not None and result.plan.level == level
    assert result.therapy is not None and result.therapy.kind == "heat", "heat even for a fresh strain"


@pytest.mark.parametrize(("hours", "present"), [(5.99, False), (6, True)])
def test_sitting_counts_from_six_hours(library: Library, hours: float, present: bool) -> None:
    causes = [c.id for c in assess(library, sitting_hours=hours).causes]
    assert ("sitting_posture" in causes) is present


def test_a_flare_is_two_points_worse() -> None:
    assert flared(3, 3 + FLARE_POINTS) and not flared(3, 3 + FLARE_POINTS - 1)


def week_of_sessions(days: int) -> list[SessionResult]:
    today = (START + dt.timedelta(days=8)).date()
    return [
        SessionResult(today - dt.timedelta(days=n), True, (), 3, 3, START + dt.timedelta(days=8 - n))
        for n in range(1, days + 1)
    ]


@pytest.mark.parametrize(
    ("sessions", "steps_up"), [(SESSIONS_TO_PROGRESS - 1, False), (SESSIONS_TO_PROGRESS, True)]
)
def test_four_sessions_in_a_week_step_the_plan_up(sessions: int, steps_up: bool) -> None:
    today = (START + dt.timedelta(days=8)).date()
    ratings = [
        Rating(today - dt.timedelta(days=n), 3, START + dt.timedelta(days=8 - n)) for n in range(1, 15)
    ]
    change = review(week_of_sessions(sessions), ratings, START, today)
    assert (change is not None and change.direction == 1) is steps_up
