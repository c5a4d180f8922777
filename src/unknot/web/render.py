"""Rendering pages: one Jinja2 environment shipped in the package, and the context every page gets."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from unknot.present import care, intake, player, words
from unknot.services import Context, preferences
from unknot.services import care as care_now
from unknot.services.exports import Export
from unknot.web.icons import icon
from unknot.web.illustration import exercise_svg

STATIC_DIR = Path(__file__).parent / "static"


@dataclass(frozen=True)
class NavEntry:
    """A place in the app's navigation: the top bar on wide screens lists those with `top`; a phone's
    bottom tab bar shows those with `tab`, and its More page the rest."""

    href: str
    label: str
    icon: str = "arrow"
    tab: bool = False
    top: bool = True

    def current(self, path: str) -> bool:
        return path == self.href or (self.href != "/" and path.startswith(self.href + "/"))


MANIFEST = json.loads((STATIC_DIR / "manifest.webmanifest").read_text(encoding="utf-8"))
NAV = (
    NavEntry("/", "Today", "today", tab=True),
    NavEntry("/session", "Session", "play", tab=True),
    NavEntry("/checkin", "Check in", "checkin"),
    NavEntry("/history", "History", "history"),
    NavEntry("/progress", "Progress", "progress", tab=True),
    NavEntry("/exercises", "Exercises", "exercises"),
    NavEntry("/lessons", "Learn", "learn", tab=True),
    NavEntry("/relief", "Heat & cold", "relief"),
    NavEntry("/settings", "Settings", "settings"),
)
MORE = NavEntry("/more", "More", "more", tab=True)


def tab_now(path: str, nav: tuple[NavEntry, ...]) -> str | None:
    """The phone tab that holds this page: its own, More for the places More lists, else none."""
    for entry in (*nav, MORE):
        if entry.current(path):
            return entry.href if entry.tab else MORE.href
    return None


_environment = Environment(
    loader=PackageLoader("unknot.web", "templates"),
    autoescape=select_autoescape(),
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.globals.update(
    figure=exercise_svg,
    icon=icon,
    more_entry=MORE,
    triage_banner=care.triage_banner,
    escalation_banner=care.escalation_banner,
    warning_banner=care.warning_banner,
    care_heading=care.care_heading,
    flare_banner=care.flare_banner,
    stop_rules_heading=care.STOP_RULES_HEADING,
    words=words,
    safety_words=player.SAFETY_WORDS,
    player_words=player.WORDS,
    form_value=intake.form_value,
    theme_color=MANIFEST["theme_color"],  # the browser's colour for the app, as installed
)
_environment.filters["words"] = lambda value: str(value).replace("_", " ")
_environment.filters["first_up"] = lambda value: str(value)[:1].upper() + str(value)[1:]
templates = Jinja2Templates(env=_environment)


def context_of(request: Request) -> Context:
    """The journal this request reads: the local app's, or (server mode) the signed-in patient's."""
    ctx: Context | None = getattr(request.state, "context", None)
    if ctx is None:
        ctx = request.app.state.context
    return ctx


def render(request: Request, name: str, *, status_code: int = 200, **page: Any) -> HTMLResponse:
    """A page, with what every template may use (the CSRF token, the preferences, the care now)."""
    ctx = context_of(request)
    base = {
        "csrf": getattr(request.state, "csrf", ""),
        "prefs": preferences.get(ctx),
        "library": ctx.library,
        "path": request.url.path,
        "time_scale": ctx.settings.time_scale,
        "nav": request.app.state.nav,
        "tab_now": tab_now(request.url.path, request.app.state.nav),
        "care": care_now.now(ctx),
        "today": ctx.today(),
        "account": request.scope.get("state", {}).get("account"),  # server mode: the patient
    }
    return templates.TemplateResponse(request, name, {**base, **page}, status_code=status_code)


def download(exported: Export) -> Response:
    """A file to save, sent as it is written (a journal export is read in batches, never whole)."""
    disposition = f'attachment; filename="{exported.filename}"'
    return StreamingResponse(
        exported.chunks, media_type=exported.media_type, headers={"content-disposition": disposition}
    )
