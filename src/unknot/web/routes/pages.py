"""The welcome, today (home), result and settings pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.core.prefs import Prefs
from unknot.services import Journal, breaks
from unknot.web.cache import page_cache
from unknot.web.forms import Csrf, csrf_ok, posted_form, text
from unknot.web.render import journal_of, render, settings_of

router = APIRouter()


async def home(request: Request) -> Response:
    journal = journal_of(request)
    return await page_cache(request).serve(request, lambda: _home(request, journal))


# A plain route (no dependency injection): the cached home page is the hottest path.
router.add_route("/", home, methods=["GET"])


def _home(request: Request, journal: Journal) -> Response:
    if not journal.prefs().seen_welcome:
        return render(request, "welcome.html", title="Welcome")
    return render(request, "today.html", title="Today", status=journal.status())


@router.post("/welcome")
def welcome_read(request: Request, csrf: Csrf) -> Response:
    csrf_ok(request, csrf)
    journal = journal_of(request)
    journal.set_pref("seen_welcome", "on")
    return RedirectResponse("/" if journal.current() else "/intake", status_code=303)


@router.get("/result", response_class=HTMLResponse)
def result(request: Request) -> Response:
    current = journal_of(request).current()
    if current is None:
        return RedirectResponse("/intake", status_code=303)
    return render(request, "result.html", title="Your result", result=current.assessment)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, saved: bool = False) -> Response:
    return render(request, "settings.html", title="Settings", fields=Prefs.model_fields, saved=saved)


REMINDER_FIELDS = (
    "breaks_work_minutes",
    "breaks_natural_minutes",
    "breaks_snooze_minutes",
    "breaks_quiet_hours",
    "water_glasses",
    "standup_minutes",
)


@router.post("/settings")
@posted_form
def settings_save(request: Request, form: FormData) -> Response:
    journal = journal_of(request)
    changes = {
        "theme": text(form, "theme"),
        "session_time": text(form, "session_time"),
        "voice": text(form, "voice") or "off",
        "bell": text(form, "bell") or "off",
    }
    changes |= {key: text(form, key) for key in REMINDER_FIELDS if key in form}
    journal.set_prefs(changes)
    breaks.refresh_config(journal, settings_of(request).home, list(changes))
    return RedirectResponse("/settings?saved=true", status_code=303)
