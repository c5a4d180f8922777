"""Rendering server mode's own pages with the app's templates and design system: a patient's pages as
the local app renders them (their journal's preferences and care), a clinician's or an admin's, and
the sign-in pages, with the navigation of their role."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from unknot.core.preferences import Preferences
from unknot.services.clinic import Account, Clinic
from unknot.web.render import NavEntry, render, tab_now, templates

STAFF_NAV = (
    NavEntry("/clinic", "Patients", "today", tab=True),
    NavEntry("/clinic/programmes", "Programmes", "play", tab=True),
    NavEntry("/clinic/exercises", "Exercises", "exercises", tab=True),
    NavEntry("/account", "Account", "settings", tab=True),
)
ADMIN_NAV = (NavEntry("/admin", "Admin", "settings", tab=True), *STAFF_NAV)


def account_of(request: Request) -> Account | None:
    found: Account | None = request.scope.get("state", {}).get("account")
    return found


def signed_in(request: Request) -> Account:
    """The signed-in account (the gate lets no one else reach a route that asks for it)."""
    found = account_of(request)
    if found is None:
        raise PermissionError("no account")  # unreachable behind the gate
    return found


def clinic_of(request: Request) -> Clinic:
    found: Clinic = request.app.state.clinic
    return found


def nav_for(account: Account | None) -> tuple[NavEntry, ...]:
    if account is None:
        return ()
    return ADMIN_NAV if account.role == "admin" else STAFF_NAV


def staff_page(request: Request, template: str, *, status_code: int = 200, **page: Any) -> HTMLResponse:
    """A server page: a patient's with their journal's context; anyone else's with their role's nav."""
    if getattr(request.state, "context", None) is not None:
        return render(request, template, status_code=status_code, **page)
    clinic = clinic_of(request)
    account = account_of(request)
    nav = nav_for(account)
    base = {
        "csrf": getattr(request.state, "csrf", ""),
        "prefs": Preferences(),
        "library": clinic.library,
        "path": request.url.path,
        "time_scale": 1.0,
        "nav": nav,
        "tab_now": tab_now(request.url.path, nav),
        "care": None,
        "today": clinic.now().date(),
        "account": account,
        "staff": True,  # a page of no patient's journal: no link to a patient's own pages
    }
    return templates.TemplateResponse(request, template, {**base, **page}, status_code=status_code)
