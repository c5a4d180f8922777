"""The camera's counts kept with a saved session, and the posture watch's days, in a real journal
(SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.strategies import base_answers
from unknot.core.answers import answers_from_dict
from unknot.core.checkins import JournalInputError
from unknot.core.coach.records import Coached
from unknot.core.errors import UserError
from unknot.services import Context, backup, intake, open_context, posture, sessions
from unknot.settings import Settings


def _plan(ctx: Context) -> list[str]:
    intake.save_assessment(ctx, answers_from_dict(base_answers(hamstrings_tight="yes", sitting_hours=8)))
    return [item.id for item in sessions.start(ctx).plan.items]


def test_the_coachs_counts_are_kept_with_the_session_and_a_resent_play_keeps_them_once(ctx: Context) -> None:
    first = _plan(ctx)[0]
    counted = [Coached(first, "right", 6, 12.5), Coached(first, "left", 5, 11.0)]
    saved = sessions.record(ctx, source="player", token="play-token-1", coached=counted)
    assert saved.coached == tuple(counted) and not saved.again
    again = sessions.record(ctx, source="player", token="play-token-1", coached=counted[:1])
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
        sessions.record(ctx, source="player", token=token, coached=fixed)
    assert sessions.record(ctx, source="player", token="play-token-3").coached == ()


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


def test_the_camera_counts_and_posture_days_travel_with_an_export_and_back(
    ctx: Context, tmp_path: Path
) -> None:
    first = _plan(ctx)[0]
    sessions.record(ctx, source="player", token="play-token-4", coached=[Coached(first, None, 7, 3.5)])
    posture.add(ctx, 1200, 95.5, 2)
    exported = backup.export_document(ctx)
    assert [(c["exercise_id"], c["reps"], c["hold_seconds"]) for c in exported["coaching"]] == [
        (first, 7, 3.5)
    ]
    assert [(p["watched_seconds"], p["slouch_seconds"], p["alerts"]) for p in exported["posture"]] == [
        (1200, 95.5, 2)
    ]
    other = open_context(Settings(home=tmp_path / "other"), ctx.clock, ctx.library)
    counts = backup.import_document(other, json.dumps(exported))
    assert (counts["coaching"], counts["posture"]) == (1, 1)
    assert backup.export_document(other) == exported
    other.close()


def test_an_import_whose_camera_count_has_no_session_is_refused(ctx: Context, tmp_path: Path) -> None:
    first = _plan(ctx)[0]
    sessions.record(ctx, source="player", token="play-token-5", coached=[Coached(first, None, 7, 3.5)])
    exported = backup.export_document(ctx)
    exported["coaching"][0]["session_id"] = 999
    other = open_context(Settings(home=tmp_path / "other"), ctx.clock, ctx.library)
    with pytest.raises(UserError, match="camera count 1 refers to missing session 999"):
        backup.import_document(other, json.dumps(exported))
    other.close()
