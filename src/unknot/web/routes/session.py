"""The session player page and where it reports a finished (or stopped) session."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from unknot.core.journal import flared, required_score
from unknot.core.player import build_steps
from unknot.services import JournalRuleError, UrgentCareError
from unknot.web.forms import Csrf, csrf_ok
from unknot.web.render import journal_of, render

router = APIRouter()


@router.get("/session", response_class=HTMLResponse)
def session_page(request: Request) -> Response:
    journal = journal_of(request)
    try:
        current, escalation = journal.session_plan()
    except JournalRuleError as exc:
        urgent = exc.escalation if isinstance(exc, UrgentCareError) else None
        message = str(exc).removeprefix("session: ")
        return render(request, "no_plan.html", title="Session", message=message, escalation=urgent)
    assert current.plan is not None
    steps = [dataclasses.asdict(s) for s in build_steps(current.plan, journal.library.exercises)]
    exercises = {item.id: journal.library.exercises[item.id] for item in current.plan.items}
    page: dict[str, Any] = {
        "plan": current.plan,
        "steps": steps,
        "exercises": exercises,
        "escalation": escalation,
        "current": current,
    }
    return render(request, "session.html", title="Session", **page)


@router.post("/session/complete", response_class=HTMLResponse)
def session_complete(
    request: Request,
    csrf: Csrf,
    pain_before: Annotated[str, Form()],
    pain_after: Annotated[str, Form()],
    items_done: Annotated[str, Form()] = "",
    completed: Annotated[str, Form()] = "no",
) -> Response:
    csrf_ok(request, csrf)
    journal = journal_of(request)
    plan = journal.self_care_plan().plan  # as played: recording may adapt the plan
    assert plan is not None
    before, after = required_score(pain_before, "pain_before"), required_score(pain_after, "pain_after")
    row = journal.record_session(
        items_done=[i for i in items_done.split(",") if i],
        completed=completed == "yes",
        pain_before=before,
        pain_after=after,
        source="player",
    )
    return render(
        request,
        "session_done.html",
        title="Session saved",
        row=row,
        total=len(plan.items),
        flared=flared(before, after),
    )
