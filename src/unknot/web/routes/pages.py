"""The welcome, today (home), result and settings pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.present.firstday import first_day
from unknot.present.preferences import form_groups, posted_changes
from unknot.services import Context, plans, preferences, today
from unknot.web.cache import page_cache
from unknot.web.forms import posted_form
from unknot.web.render import context_of, render

router = APIRouter()


async def home(request: Request) -> Response:
    ctx = context_of(request)
    return await page_cache(request).serve(request, lambda: _home(request, ctx))


# A plain route (no dependency injection): the cached home page is the hottest path.
router.add_route("/", home, methods=["GET"])


def _home(request: Request, ctx: Context) -> Response:
    status = today.status(ctx)
    if not status.welcomed:
        return render(request, "welcome.html", title="Welcome")
    plan = status.current.plan if status.first_day and status.current else None
    pain = status.checkin.pain if status.checkin else None
    first = (
        None
        if plan is None
        else first_day(plan, status.due, status.lesson, ctx.library, today=status.date, checkin_pain=pain)
    )
    return render(request, "today.html", title="Today", status=status, first_day=first)


@router.post("/welcome")
@posted_form
def welcome_read(request: Request, form: FormData) -> Response:
    assessed = today.welcome_read(context_of(request))
    return RedirectResponse("/" if assessed else "/intake", status_code=303)


@router.get("/result", response_class=HTMLResponse)
def result(request: Request) -> Response:
    current = plans.current(context_of(request))
    if current is None:
        return RedirectResponse("/intake", status_code=303)
    return render(request, "result.html", title="Your result", result=current.assessment)


@router.get("/more", response_class=HTMLResponse)
def more(request: Request) -> Response:
    """A phone's More tab: the places the bottom tab bar has no room for."""
    places = [entry for entry in request.app.state.nav if not entry.tab]
    return render(request, "more.html", title="More", places=places)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, saved: bool = False) -> Response:
    groups = form_groups(preferences.get(context_of(request)))
    camera = "camera" in request.app.state.features
    return render(request, "settings.html", title="Settings", groups=groups, saved=saved, camera=camera)


@router.post("/settings")
@posted_form
def settings_save(request: Request, form: FormData) -> Response:
    changes = posted_changes({key: value for key, value in form.multi_items() if isinstance(value, str)})
    preferences.change(context_of(request), changes)
    return RedirectResponse("/settings?saved=true", status_code=303)
