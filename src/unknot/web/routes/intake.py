"""The intake as a short multi-step form: where and how, the safety questions, then the details.

Earlier answers travel in hidden fields, so nothing is stored until the assessment is complete. The
questions are `unknot.present.intake`'s, the same the terminal asks.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.core.answers import SKIPPED_AFTER_EMERGENCY, answers_from_dict, has_emergency_sign
from unknot.core.errors import UserError
from unknot.core.parsing import decimal_number
from unknot.present.intake import DETAILS, FIRST_STEP, PREFILLED_WORDS, SAFETY, YES_NO_VALUES, Question
from unknot.services import intake
from unknot.web.forms import posted_form, text, texts
from unknot.web.render import context_of, render

router = APIRouter()
# Each step: its template, title, the questions it asks, and the earlier answers it carries.
STEPS = {
    "where": ("intake_where.html", "About your back", FIRST_STEP, ()),
    "safety": ("intake_safety.html", "Safety questions", SAFETY, FIRST_STEP),
    "details": ("intake_details.html", "A few details", DETAILS, FIRST_STEP + SAFETY),
}


def _page(
    request: Request, step: str, answers: dict[str, Any], error: str | None = None, note: str | None = None
) -> Response:
    """One step of the form; with an error it is shown again, answers kept, as a 400."""
    template, title, questions, carried = STEPS[step]
    page = {
        "answers": answers,
        "error": error,
        "note": note,
        "questions": questions,
        "carried": carried,
        "step": list(STEPS).index(step) + 1,
        "steps": len(STEPS),
    }
    return render(request, template, title=title, status_code=400 if error else 200, **page)


def _posted(form: FormData, questions: tuple[Question, ...]) -> dict[str, Any]:
    """The answers to some questions as posted: numbers still as text (they are checked later)."""
    found: dict[str, Any] = {}
    for question in questions:
        if question.kind == "many":
            found[question.field] = texts(form, question.field)
        elif question.kind == "yes_no":
            answer = text(form, question.field)
            found[question.field] = YES_NO_VALUES.get(answer)
        else:
            found[question.field] = text(form, question.field)
    return found


def _all_answered(given: dict[str, Any], questions: tuple[Question, ...]) -> None:
    """Every question of a step needs an answer (a list of choices may be empty)."""
    for question in questions:
        if question.kind != "many" and given.get(question.field) in (None, ""):
            raise UserError(f"{question.field}: please answer every question")


def _numbers(given: dict[str, Any], questions: tuple[Question, ...]) -> dict[str, Any]:
    """The answers with each number read, or UserError naming the first that is not one."""
    numbers = {q.field for q in questions if q.kind in ("whole", "number")}
    return {key: _number(value, key) if key in numbers else value for key, value in given.items()}


def _first_step(given: dict[str, Any]) -> dict[str, Any]:
    """The first step's answers, checked now by validating them with stand-ins for the rest."""
    partial = _numbers(given, FIRST_STEP)
    answers_from_dict({**partial, **SKIPPED_AFTER_EMERGENCY, "red_flags": []})
    return partial


def _number(text: str, field: str) -> int | float:
    value = decimal_number(text.strip())
    if value is None:
        raise UserError(f"{field}: please enter a number, such as 38 or 7.5")
    return value


@router.get("/intake", response_class=HTMLResponse)
def intake_start(request: Request) -> Response:
    last = intake.last_answers(context_of(request))
    return _page(request, "where", last, note=PREFILLED_WORDS if last else None)


@router.post("/intake/safety", response_class=HTMLResponse)
@posted_form
def intake_safety(request: Request, form: FormData) -> Response:
    given = _posted(form, FIRST_STEP)
    try:
        answers = _first_step(given)
    except UserError as exc:
        return _page(request, "where", given, str(exc))
    return _page(request, "safety", answers)  # never prefilled: asked afresh every time


def _flags_from_form(form: FormData, flag_ids: list[str]) -> list[str]:
    missing = [f for f in flag_ids if text(form, f"flag_{f}") not in ("yes", "no")]
    if missing:
        raise UserError(f"red_flags: please answer every question ({len(missing)} left)")
    return [f for f in flag_ids if text(form, f"flag_{f}") == "yes"]


@router.post("/intake/details", response_class=HTMLResponse)
@posted_form
def intake_details(request: Request, form: FormData) -> Response:
    answers = _first_step(_posted(form, FIRST_STEP))
    flag_ids = [f.id for f in context_of(request).library.safety.flags]
    safety = _posted(form, SAFETY)
    try:
        answers["red_flags"] = _flags_from_form(form, flag_ids)
        _all_answered(safety, SAFETY)
    except UserError as exc:
        return _page(request, "safety", {**answers, **safety}, str(exc))
    answers |= safety
    if has_emergency_sign(answers["red_flags"], answers["leg_symptoms"]):
        intake.save_assessment(context_of(request), answers_from_dict({**SKIPPED_AFTER_EMERGENCY, **answers}))
        return RedirectResponse("/result", status_code=303)
    return _page(request, "details", {**intake.last_answers(context_of(request)), **answers})


@router.post("/intake/finish", response_class=HTMLResponse)
@posted_form
def intake_finish(request: Request, form: FormData) -> Response:
    asked = FIRST_STEP + SAFETY + DETAILS
    answers = {**_posted(form, asked), "red_flags": texts(form, "red_flags")}
    try:
        _all_answered(answers, DETAILS)
        parsed = answers_from_dict(_numbers(answers, asked))
    except UserError as exc:
        return _page(request, "details", answers, str(exc))
    intake.save_assessment(context_of(request), parsed)
    return RedirectResponse("/result", status_code=303)
