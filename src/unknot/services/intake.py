"""The intake: the answers a new one starts from, and saving them (the assessment, and its plan as
the one to follow)."""

from __future__ import annotations

from typing import Any

from unknot.core.answers import Answers
from unknot.core.assessment import assess
from unknot.core.result import Assessment
from unknot.present.intake import starting_answers
from unknot.services import preferences, reminders
from unknot.services.context import Context
from unknot.storage import repository


def last_answers(ctx: Context) -> dict[str, Any]:
    """What answering the questions again starts from: the latest intake's answers, without the
    safety questions (`present.intake.starting_answers`); empty before any intake."""
    with ctx.store.reading() as db:
        return starting_answers(repository.latest_answers(db))


def save_assessment(ctx: Context, answers: Answers) -> Assessment:
    """Assess the answers and keep the result (and its plan) as the person's current ones."""
    result = assess(answers, ctx.library)
    with ctx.store.writing() as db:
        repository.add_assessment(db, answers.model_dump(mode="json"), result, ctx.now())
    reminders.refresh_config(ctx, preferences.get(ctx))
    return result
