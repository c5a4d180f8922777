"""Following up: progress and escalation, and the questionnaires (answering them, when each is due)."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema import Questionnaire
from unknot.core.checkins import parse_date
from unknot.core.errors import UserError
from unknot.core.progress import Progress, evaluate
from unknot.core.questionnaires import Due, Response, next_due, parse_numbers, score, ticks_to_answers
from unknot.services.context import Context
from unknot.storage import repository


def progress(ctx: Context, today_text: str | None = None) -> Progress:
    """The journal as of a date (default today), as the progress contract defines."""
    today = parse_date(today_text, ctx.today(), field="today") if today_text else ctx.today()
    with ctx.store.reading() as db:
        checkins, sessions = repository.checkins(db, today), repository.session_records(db, today)
        return evaluate(checkins, sessions, today, repository.clearances(db), repository.intakes(db))


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
        return ticks_to_answers(form, [int(v) for v in ticked if v.isdigit()])
    raw = [ratings.get(item.id, "") for item in form.items]
    return [int(v) if v.isdigit() else -1 for v in raw] if all(raw) else []


def responses(ctx: Context) -> list[Response]:
    with ctx.store.reading() as db:
        return repository.responses(db)


def due(ctx: Context, answered: list[Response] | None = None) -> list[Due]:
    """When each questionnaire is next due (now, when never answered)."""
    today = ctx.today()
    answered = responses(ctx) if answered is None else answered
    result = []
    for form in ctx.library.questionnaires.values():
        dates = [r.date for r in answered if r.questionnaire == form.id]
        result.append(next_due(form, max(dates) if dates else None, today))
    return result
