"""The camera's counts kept with a saved session, and the posture watch's days, in a real journal
(SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from tests.strategies import base_answers
from unknot.core.answers import answers_from_dict
from unknot.core.checkins import JournalInputError
from unknot.core.coach.records import Coached
from unknot.services import Context, intake, posture, sessions


def _plan(ctx: Context) -> list[str]:
    intake.save_assessment(ctx, answers_from_dict(base_answers(hamstrings_tight="yes", sitting_hours=8)))
    return [item.id for item in sessions.start(ctx).plan.items]


def test_the_coachs_counts_are_kept_with_the_session_and_a_resent_play_keeps_them_once(ctx: Context) -> None:
    first = _plan(ctx)[0]
    counted = [Coached(first, "right", 6, 12.5), Coached(first, "left", 5, 11.0)]
    saved = sessions.record(ctx, source="web", token="play-token-1", coached=counted)
    assert saved.coached == tuple(counted) and not saved.again
    again = sessions.record(ctx, source="web", token="play-token-1", coached=counted[:1])
    assert again.again and again.coached == tuple(counted)


@pytest.mark.parametrize(
    ("coached", "token", "problem"),
    [
        ([Coached("not_in_plan", None, 1, 0)], "play-token-2", "coaching: 'not_in_plan' is not an exercise"),
        ([Coached("FIRST", "up", 1, 0)], "play-token-2", "coaching: side 'up' is not left or right"),
        ([Coached("FIRST", None, 5000, 0)], "play-token-2", "out of range"),
        ([Coached("FIRST", None, 1, 0)], None, "only a played session"),
    ],
)
def test_counts_that_cannot_be_right_are_refused_and_nothing_is_saved(
    ctx: Context, coached: list[Coached], token: str | None, problem: str
) -> None:
    first = _plan(ctx)[0]
    named = {"FIRST": first}
    fixed = [Coached(named.get(c.exercise, c.exercise), c.side, c.reps, c.hold_seconds) for c in coached]
    with pytest.raises(JournalInputError, match=problem):
        sessions.record(ctx, source="web", token=token, coached=fixed)
    assert sessions.record(ctx, source="web", token="play-token-3").coached == ()


def test_the_posture_watch_adds_up_its_day(ctx: Context) -> None:
    posture.add(ctx, 600, 90, 1)
    total = posture.add(ctx, 300.5, 0, 0)
    assert (total.watched_seconds, total.slouch_seconds, total.alerts) == (900.5, 90, 1)
    assert posture.recent(ctx) == [total]
    assert posture.add(ctx, 30, 60, 0).slouch_seconds == 150  # a slouch counted after its first minute
    with pytest.raises(JournalInputError, match="slouch_seconds: the day's slouched time cannot pass"):
        posture.add(ctx, 10, 2000, 0)
    with pytest.raises(JournalInputError, match="watched_seconds: must be between"):
        posture.add(ctx, float("nan"), 0, 0)
    [kept] = posture.recent(ctx)  # the refused additions left nothing behind
    assert (kept.watched_seconds, kept.slouch_seconds, kept.alerts) == (930.5, 150, 1)
