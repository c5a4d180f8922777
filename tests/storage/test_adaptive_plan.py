"""A simulated user over eight weeks: the plan steps up after good weeks and back after flares."""

from __future__ import annotations

import datetime as dt
import itertools

from tests.strategies import base_answers
from unknot.content.schema import Library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.services import Context, checkins, intake, plans, sessions
from unknot.settings import Settings
from unknot.storage.engine import Store, open_store

START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def on_day(store: Store, library: Library, n: int, hour: int = 8) -> Context:
    return Context(Settings(), store, FixedClock(START + dt.timedelta(days=n, hours=hour - 8)), library)


def levels(ctx: Context) -> list[str]:
    current = plans.current(ctx)
    assert current is not None and current.plan is not None
    return [item.level.value for item in current.plan.items]


def test_eight_weeks_of_progress_and_setbacks(settings: Settings, library: Library) -> None:
    store = open_store(settings)
    first = on_day(store, library, 0)
    intake.save_assessment(first, answers_from_dict(base_answers(pain_now=7, regions=["lower_back", "neck"])))
    assert set(levels(first)) == {"gentle"}
    history: list[tuple[int, str]] = []
    seen_plans: set[int | None] = set()

    def note_change(ctx: Context, n: int) -> None:
        current = plans.current(ctx)
        assert current is not None
        if current.change_reason and current.plan_id not in seen_plans:
            history.append((n, current.change_reason))
        seen_plans.add(current.plan_id)

    for n in range(56):
        ctx = on_day(store, library, n)
        pain = max(2, 7 - n // 7)
        checkins.log(ctx, pain)
        flare = n == 30
        if n % 7 not in (5, 6):  # five sessions a week
            sessions.record(ctx, pain_before=pain, pain_after=pain + 3 if flare else pain)
        note_change(ctx, n)
        current_plan = plans.current(ctx)
        assert current_plan is not None and current_plan.plan is not None
        assert current_plan.plan.total_minutes <= 30
    ups = [h for h in history if "stepped up" in h[1]]
    downs = [h for h in history if "eased off" in h[1]]
    assert len(ups) >= 3, history
    assert any(day == 30 for day, _ in downs), "the flare on day 30 steps the plan back"
    assert all(reason.startswith("Your plan changed because ") for _, reason in history)
    assert ups[0][0] >= 7, "no step up before a week has passed"
    final = plans.current(on_day(store, library, 56))
    assert final is not None and final.plan is not None and final.plan.walking is not None
    assert final.plan.walking.minutes_per_day > 5, "the gentle plan's 5-minute walk grew with the good weeks"
    assert final.plan.lessons, "the lessons travel with every plan"
    for (a, _), (b, _) in itertools.pairwise(ups):
        assert b - a >= 7, "at most one step up a week"
    final = on_day(store, library, 56)
    assert "advanced" in levels(final) or "standard" in levels(final)
    store.close()


def test_a_worse_checkin_after_a_session_steps_back(settings: Settings, library: Library) -> None:
    store = open_store(settings)
    ctx = on_day(store, library, 0)
    intake.save_assessment(ctx, answers_from_dict(base_answers(pain_now=4)))
    before = levels(ctx)
    checkins.log(ctx, 3)
    sessions.record(ctx, pain_before=3, pain_after=3)
    assert plans.current(on_day(store, library, 0)).change_reason is None  # type: ignore[union-attr]
    next_day = on_day(store, library, 1)
    checkins.log(next_day, 6)
    current = plans.current(next_day)
    assert current is not None and current.change_reason is not None
    assert "worse than before the session" in current.change_reason
    after = levels(next_day)
    assert after != before and all(a in ("gentle", "standard") for a in after)
    store.close()


def test_no_change_without_enough_sessions(settings: Settings, library: Library) -> None:
    store = open_store(settings)
    ctx = on_day(store, library, 0)
    intake.save_assessment(ctx, answers_from_dict(base_answers(pain_now=4)))
    for n in range(15):
        j = on_day(store, library, n)
        checkins.log(j, 3)
        if n % 3 == 0:
            sessions.record(j, pain_before=3, pain_after=3)
    current = plans.current(on_day(store, library, 15))
    assert current is not None and current.change_reason is None
    store.close()
