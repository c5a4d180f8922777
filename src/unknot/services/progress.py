"""Following up: progress and escalation, and the questionnaires (answering them, when each is due)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unknot.content.schema import Questionnaire
from unknot.core.checkins import parse_date
from unknot.core.errors import UserError
from unknot.core.parsing import whole_number
from unknot.core.progress import Progress, evaluate_window
from unknot.core.questionnaires import Due, Response, next_due, parse_numbers, score, ticks_to_answers
from unknot.services.context import Context
from unknot.storage import repository, windows


def progress(ctx: Context, today_text: str | None = None) -> Progress:
    """The journal as of a date (default today), as the progress contract defines."""
    if not today_text:
        return ctx.once("progress", lambda: _progress(ctx, ctx.today()))
    return _progress(ctx, parse_date(today_text, ctx.today(), field="today"))


def _progress(ctx: Context, today: dt.date) -> Progress:
    with ctx.store.reading() as db:
        window = windows.journal_window(db, today)
        return evaluate_window(window, today, repository.clearances(db), repository.intakes(db))


def questionnaire(ctx: Context, questionnaire_id: str) -> Questionnaire:
    try:
        return ctx.library.questionnaires[questionnaire_id]
    except KeyError:
        known = ", ".join(ctx.library.questionnaires)
        raise UserError(f"questionnaire: unknown '{questionnaire_id}' (known: {known})") from None


@dataclass(frozen=True)
class Answered:
    response: Response
    form: Questionnaire
    replaced: bool  # it replaced that day's earlier answers


def answer(ctx: Context, questionnaire_id: str, answers: list[int], date_text: str | None = None) -> Answered:
    """Score and store a questionnaire's answers for a date (today by default)."""
    form = questionnaire(ctx, questionnaire_id)
    day = parse_date(date_text, ctx.today())
    response = Response(form.id, day, tuple(answers), score(form, answers))
    with ctx.store.writing() as db:
        replaced = repository.put_response(db, response, ctx.now())
    return Answered(response, form, replaced)


def answers_from_text(form: Questionnaire, numbers: str | None, ticked: str | None) -> list[int]:
    """Answers as a command line gives them: ratings (`5,6,4`) for a 0-10 form, the numbers of the
    sentences ticked (`2,13`) for a tick form."""
    option = "--answers" if form.response == "scale_0_10" else "--ticked"
    given = numbers if form.response == "scale_0_10" else ticked
    if given is None or (numbers is not None and ticked is not None):
        raise UserError(f"answers: {form.short_name} takes {option}")
    if form.response == "scale_0_10":
        return parse_numbers(given)
    return ticks_to_answers(form, parse_numbers(given, "ticked"))


def answers_from_fields(form: Questionnaire, ticked: list[str], ratings: dict[str, str]) -> list[int]:
    """Answers as a web form gives them: the numbers of the sentences ticked, or a rating per item id
    (an item left out makes the answers incomplete, which `score` refuses)."""
    if form.response == "tick":
        return ticks_to_answers(form, [n for n in map(whole_number, ticked) if n is not None])
    raw = [whole_number(ratings.get(item.id, "")) for item in form.items]
    return [-1 if n is None else n for n in raw] if all(n is not None for n in raw) else []


def responses(ctx: Context) -> list[Response]:
    with ctx.store.reading() as db:
        return repository.responses(db)


def journal_start(ctx: Context) -> dt.date | None:
    """The journal's day 1: the day of the first intake (None before any)."""
    return ctx.once("journal_start", lambda: _journal_start(ctx))


def _journal_start(ctx: Context) -> dt.date | None:
    with ctx.store.reading() as db:
        first = repository.first_intake_at(db)
    return None if first is None else first.astimezone(ctx.zone).date()


def due(ctx: Context, answered: list[Response] | None = None) -> list[Due]:
    """When each questionnaire is next due (never answered: on its first due day of the journal),
    from `answered` (all the responses, when the caller has them) or from the database's latest dates."""
    forms = ctx.library.questionnaires
    if answered is None:
        with ctx.store.reading() as db:
            last = windows.last_answered(db, forms)
    else:
        last = {}
        for response in answered:
            last[response.questionnaire] = max(response.date, last.get(response.questionnaire, response.date))
    start = journal_start(ctx)
    return [next_due(form, last.get(form.id), ctx.today(), start) for form in forms.values()]
