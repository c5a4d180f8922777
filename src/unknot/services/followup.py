"""Following up: progress and escalation, questionnaires and when they are due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unknot.content.schema import Questionnaire
from unknot.core.errors import UserError
from unknot.core.journal import parse_date
from unknot.core.progress import Progress, evaluate
from unknot.core.questionnaires import Due, Response, next_due, score
from unknot.storage import repository

if TYPE_CHECKING:
    from unknot.services.journal import Journal


def progress(journal: Journal, today_text: str | None = None) -> Progress:
    """The journal as of a date (default today), as `shared/contracts/progress.md` defines."""
    today = parse_date(today_text, journal.today(), field="today") if today_text else journal.today()
    with journal.store.sessions() as db:
        return evaluate(repository.checkins(db, today), repository.session_records(db, today), today)


def questionnaire(journal: Journal, questionnaire_id: str) -> Questionnaire:
    try:
        return journal.library.questionnaires[questionnaire_id]
    except KeyError:
        known = ", ".join(journal.library.questionnaires)
        raise UserError(f"questionnaire: unknown '{questionnaire_id}' (known: {known})") from None


def answer(
    journal: Journal, questionnaire_id: str, answers: list[int], date_text: str | None = None
) -> tuple[Response, bool]:
    """Score and store a questionnaire; returns the response and whether it replaced one that day."""
    form = questionnaire(journal, questionnaire_id)
    day = parse_date(date_text, journal.today())
    response = Response(form.id, day, tuple(answers), score(form, answers))
    with journal.store.sessions.begin() as db:
        replaced = repository.put_response(db, response, journal.clock.now())
    return response, replaced


def responses(journal: Journal) -> list[Response]:
    with journal.store.sessions() as db:
        return repository.responses(db)


def due(journal: Journal) -> list[Due]:
    """When each questionnaire is next due (now, when never answered)."""
    today = journal.today()
    answered = responses(journal)
    result = []
    for form in journal.library.questionnaires.values():
        dates = [r.date for r in answered if r.questionnaire == form.id]
        result.append(next_due(form, max(dates) if dates else None, today))
    return result
