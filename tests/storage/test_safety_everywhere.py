"""The services every interface calls: what a break may suggest, and what counts as a session."""

from __future__ import annotations

import json

from tests.strategies import base_answers
from unknot.core.answers import answers_from_dict
from unknot.services import Context, checkins, exports, intake, plans, reminders, sessions


def plan_ids(ctx: Context) -> list[str]:
    current = plans.current(ctx)
    assert current is not None and current.plan is not None
    return [item.id for item in current.plan.items]


def test_a_break_suggests_only_the_persons_own_desk_exercises_and_none_when_blocked(ctx: Context) -> None:
    assert reminders.desk_stretches(ctx) == (), "no plan, no suggestion"
    intake.save_assessment(ctx, answers_from_dict(base_answers(regions=["neck"], sitting_hours=9)))
    suggested = reminders.desk_stretches(ctx)
    assert suggested and {s.id for s in suggested} <= set(plan_ids(ctx))
    assert all(s.stop_if for s in suggested), "each with its stop rule"
    checkins.log(ctx, 4, None, "", ("constant_night_pain",))
    assert reminders.desk_stretches(ctx) == (), "a warning sign waits for a clinician"


def test_skipping_everything_is_not_a_session_and_a_resent_play_saves_once(ctx: Context) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    planned = plan_ids(ctx)
    skipped = sessions.record(ctx, items_done=[], pain_before=3, pain_after=3, token="play-skip-1")
    assert skipped.session.completed is False
    half = planned[: (len(planned) + 1) // 2]
    first = sessions.record(ctx, items_done=half, hurt=half[:1], token="play-half-1")
    again = sessions.record(ctx, items_done=half, hurt=half[:1], token="play-half-1")
    assert first.session.completed and not first.again and again.again
    saved = json.loads(exports.export(ctx, "json").body)["sessions"]
    assert [s["token"] for s in saved] == ["play-skip-1", "play-half-1"]
    assert saved[1]["hurt"] == half[:1] and saved[1]["completed"] and not saved[0]["completed"]
    [day] = checkins.history(ctx)
    assert day.sessions_completed == 1
