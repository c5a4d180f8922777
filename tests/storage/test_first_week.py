"""The first week against a real store: day one asks for the first session alone (in the terminal's
today as on the web's), the questionnaires come one at a time, and answering again starts from the
last answers but never from the last safety answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Console

from tests.strategies import base_answers
from unknot.cli.render_followup import today_view
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.services import Context, checkins, intake, sessions, today
from unknot.services.today import TodayStatus


def save(ctx: Context, **changes: Any) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers(**changes)))


def later(ctx: Context, days: int) -> Context:
    """The same person's unknot, `days` later."""
    return Context(ctx.settings, ctx.store, FixedClock(ctx.now() + dt.timedelta(days=days)), ctx.library)


def shown(ctx: Context) -> tuple[TodayStatus, str]:
    """Today's status, and `unknot today` as the terminal shows it."""
    status = today.status(ctx)
    out = Console(record=True, width=150, no_color=True)
    out.print(today_view(status, ctx.library))
    return status, out.export_text()


def test_day_one_asks_for_the_first_session_alone(ctx: Context) -> None:
    save(ctx)
    status, text = shown(ctx)
    assert (status.first_day, status.next_step) == (True, "session")
    assert not any(d.is_due for d in status.due)
    assert "Your first session" in text and "Start your first session: 'unknot session'." in text
    assert "It is the one thing to do today" in text
    assert text.index("Your first session") < text.index("Later this week")
    for waiting in (
        "A daily check-in: pain and stiffness, in a few seconds ('unknot checkin')",
        "PEG pain and interference scale: due tomorrow ('unknot questionnaire peg')",
        "Roland-Morris Disability Questionnaire: due Friday 27 November ('unknot questionnaire rmdq')",
        "-minute lesson: ",
    ):
        assert waiting in text
    assert "Next step" not in text and "Your daily programme" not in text


def test_the_first_session_ends_day_one(ctx: Context) -> None:
    save(ctx)
    sessions.record(ctx)
    status, text = shown(ctx)
    assert (status.first_day, status.next_step) == (False, "checkin")
    assert "Your first session" not in text and "Check in: 'unknot checkin'." in text


def test_day_two_is_the_usual_today_with_one_questionnaire_due(ctx: Context) -> None:
    save(ctx)
    status, text = shown(later(ctx, 1))
    assert (status.first_day, status.next_step) == (False, "checkin")
    assert [d.questionnaire for d in status.due if d.is_due] == ["peg"]
    assert "Next step" in text and "Your daily programme" in text and "unknot questionnaire peg" in text
    assert "Your first session" not in text and "unknot questionnaire rmdq" not in text
    assert [d.questionnaire for d in today.status(later(ctx, 3)).due if d.is_due] == ["peg", "rmdq"]


def test_answering_again_later_is_no_first_day(ctx: Context) -> None:
    save(ctx)
    third = later(ctx, 2)
    save(third, pain_now=6)
    status = today.status(third)
    assert not status.first_day and status.next_step == "checkin"
    assert [d.questionnaire for d in status.due if d.is_due] == ["peg"]  # day 3 of the first intake's week


def test_care_comes_first_on_day_one(ctx: Context) -> None:
    save(ctx)
    checkins.log(ctx, 4, None, "", ("saddle_numbness",))
    status, text = shown(ctx)
    assert (status.first_day, status.next_step) == (False, "seek_care")
    assert text.index("Get urgent help now") < text.index("Next step")
    assert "Your first session" not in text and "unknot session" not in text


def test_a_triage_that_needs_a_clinician_is_no_first_day(ctx: Context) -> None:
    save(ctx, red_flags=["fever_or_unwell"])
    status, text = shown(ctx)
    assert (status.first_day, status.next_step) == (False, "seek_care")
    assert "Your first session" not in text


def test_answering_again_starts_from_the_last_answers_but_not_the_safety_ones(ctx: Context) -> None:
    assert intake.last_answers(ctx) == {}
    save(ctx, age=61, sitting_hours=9.5, osteoporosis=True, arm_symptoms=True)
    last = intake.last_answers(ctx)
    assert (last["age"], last["sitting_hours"], last["regions"]) == (61, 9.5, ["lower_back"])
    assert {"red_flags", "leg_symptoms", "arm_symptoms", "osteoporosis"}.isdisjoint(last)


def test_after_an_emergency_intake_only_the_first_questions_start_filled(ctx: Context) -> None:
    save(ctx, red_flags=["saddle_numbness"], age=52)
    assert set(intake.last_answers(ctx)) == {"regions", "age", "trauma"}
