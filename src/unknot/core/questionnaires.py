"""Questionnaires: checking answers, scoring them, and when each is next due. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unknot.content.schema import Questionnaire
from unknot.core.errors import UserError
from unknot.core.parsing import whole_number


@dataclass(frozen=True)
class Response:
    questionnaire: str
    date: dt.date
    answers: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class Due:
    questionnaire: str
    last: dt.date | None
    due: dt.date
    is_due: bool


def score(form: Questionnaire, answers: list[int]) -> float:
    """The score of a complete set of answers: the mean of 0-10 ratings, or the count of ticks."""
    if len(answers) != len(form.items):
        raise UserError(f"answers: {form.short_name} has {len(form.items)} items; got {len(answers)} answers")
    top = form.top_answer
    for number, value in enumerate(answers, start=1):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
            raise UserError(f"answers: item {number} must be a whole number from 0 to {top}, not {value!r}")
    if form.scoring == "mean":
        return round(sum(answers) / len(answers), 1)
    return float(sum(answers))


def ticks_to_answers(form: Questionnaire, ticked: list[int]) -> list[int]:
    """Answers of a tick form from the numbers (1-based) of the sentences ticked."""
    for number in ticked:
        if not 1 <= number <= len(form.items):
            raise UserError(f"answers: there is no sentence {number} (1 to {len(form.items)})")
    return [1 if n in ticked else 0 for n in range(1, len(form.items) + 1)]


def parse_numbers(text: str, field: str = "answers") -> list[int]:
    """Numbers separated by commas or spaces, as typed on a command line ("" gives none)."""
    parts = text.replace(",", " ").split()
    numbers = [whole_number(p) for p in parts]
    if any(n is None or n < 0 for n in numbers):
        raise UserError(f"{field}: give whole numbers separated by commas, e.g. 5,6,4; not '{text}'")
    return [n for n in numbers if n is not None]


def first_due(form: Questionnaire, start: dt.date) -> dt.date:
    """When a questionnaire never answered is due: on day `first_due_day` of the journal, day 1 being
    `start`, the day of the first intake. Spread over the first week, so day one is for the first
    session rather than for forms."""
    return start + dt.timedelta(days=form.first_due_day - 1)


def next_due(form: Questionnaire, last: dt.date | None, today: dt.date, start: dt.date | None) -> Due:
    """When a questionnaire is next due: `every_days` after it was `last` answered; never answered,
    on its first due day of the journal that began on `start` (before any intake, today is day 1)."""
    due = first_due(form, start or today) if last is None else last + dt.timedelta(days=form.every_days)
    return Due(form.id, last, due, due <= today)
