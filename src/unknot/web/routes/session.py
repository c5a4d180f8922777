"""The session player page and where it reports a finished (or stopped) session."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from unknot.core.checkins import required_score
from unknot.core.coach.records import Coached, coached_from_json
from unknot.core.errors import NotAllowedError, UserError
from unknot.present.coach import coached_lines
from unknot.present.player import web_script
from unknot.present.words import session_verdict
from unknot.services import sessions
from unknot.services.finish import finish
from unknot.services.programme import programme
from unknot.services.sessions import UrgentCareError
from unknot.web.cache import page_cache, slot
from unknot.web.forms import posted_form, text
from unknot.web.render import context_of, download, render

router = APIRouter()


PLAY = slot("play")  # a new play token on every visit: one play, saved once however often it is sent


async def session_page(request: Request) -> Response:
    fills = {PLAY: lambda: uuid.uuid4().hex}
    return await page_cache(request).serve(request, lambda: _session(request), fills)


router.add_route("/session", session_page, methods=["GET"])


async def stretch_page(request: Request) -> Response:
    """One stretch of the plan in the same player, as a break reminder's link opens it; not saved."""
    exercise_id = request.path_params["exercise_id"]
    return await page_cache(request).serve(request, lambda: _session(request, exercise_id))


router.add_route("/session/stretch/{exercise_id}", stretch_page, methods=["GET"])


def _session(request: Request, stretch: str | None = None) -> Response:
    ctx = context_of(request)
    try:
        start = sessions.stretch(ctx, stretch) if stretch else sessions.start(ctx)
    except NotAllowedError as exc:
        return _refused(request, exc, "Session")
    page: dict[str, Any] = {
        "start": start,
        "plan": start.plan,
        "script": web_script(start.phases, start.exercises),
        "escalation": start.escalation,
        "token": PLAY,
        "stretch": stretch,
    }
    title = f"Stretch: {start.plan.items[0].name}" if stretch else "Session"
    return render(request, "session.html", title=title, **page)


def _refused(request: Request, exc: NotAllowedError, title: str) -> Response:
    """Why no session (or programme) now, with what care comes first when that is the reason."""
    urgent = exc.escalation if isinstance(exc, UrgentCareError) else None
    message = str(exc).removeprefix("session: ")
    return render(request, "no_plan.html", title=title, message=message, escalation=urgent)


@router.get("/programme.pdf")
def programme_download(request: Request) -> Response:
    """The printable home-exercise programme; refused like a session when none may be played now."""
    ctx = context_of(request)
    try:
        printed = programme(ctx)
    except NotAllowedError as exc:
        return _refused(request, exc, "Programme")
    return download(printed)


def _coached(field: str) -> list[Coached]:
    try:
        return coached_from_json(field)
    except ValueError as exc:
        raise UserError(str(exc)) from None


@router.post("/session/complete", response_class=HTMLResponse)
@posted_form
def session_complete(request: Request, form: FormData) -> Response:
    token = text(form, "token")
    if not token:
        raise UserError("token: missing; reload the session page and play it again")
    recorded = sessions.record(
        context_of(request),
        items_done=[i for i in text(form, "items_done").split(",") if i],
        hurt=[i for i in text(form, "hurt").split(",") if i],
        pain_before=required_score(text(form, "pain_before") or None, "pain_before"),
        pain_after=required_score(text(form, "pain_after") or None, "pain_after"),
        source="player",
        token=token,
        coached=_coached(text(form, "coaching")),
    )
    verdict, why = session_verdict(recorded.session.completed)
    page: dict[str, Any] = {
        "finish": finish(context_of(request), recorded),
        "row": recorded.session,
        "total": recorded.planned,
        "flared": recorded.flared,
        "verdict": verdict,
        "why": why,
        "coached": coached_lines(recorded.coached, context_of(request).library),
    }
    return render(request, "session_done.html", title=verdict, **page)
