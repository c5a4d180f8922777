"""The session player page and where it reports a finished (or stopped) session."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from unknot.core.checkins import required_score
from unknot.core.errors import NotAllowedError
from unknot.present.player import web_script
from unknot.services import sessions
from unknot.services.sessions import UrgentCareError
from unknot.web.forms import Csrf, csrf_ok
from unknot.web.render import context_of, render

router = APIRouter()


@router.get("/session", response_class=HTMLResponse)
def session_page(request: Request) -> Response:
    try:
        start = sessions.start(context_of(request))
    except NotAllowedError as exc:
        urgent = exc.escalation if isinstance(exc, UrgentCareError) else None
        message = str(exc).removeprefix("session: ")
        return render(request, "no_plan.html", title="Session", message=message, escalation=urgent)
    page: dict[str, Any] = {
        "start": start,
        "plan": start.plan,
        "script": web_script(start.phases),
        "escalation": start.escalation,
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
    recorded = sessions.record(
        context_of(request),
        items_done=[i for i in items_done.split(",") if i],
        completed=completed == "yes",
        pain_before=required_score(pain_before, "pain_before"),
        pain_after=required_score(pain_after, "pain_after"),
        source="player",
    )
    page: dict[str, Any] = {"row": recorded.session, "total": recorded.planned, "flared": recorded.flared}
    return render(request, "session_done.html", title="Session saved", **page)
