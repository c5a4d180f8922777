"""Signing in and out, joining by an invitation, setting a password from a reset link, and the
health check a container or load balancer asks."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from unknot.core.errors import UserError
from unknot.services import accounts
from unknot.services.clinic import Link, healthy
from unknot.web.forms import csrf_ok, posted_form, text
from unknot.web.server.gate import HOMES, SESSION_COOKIE, cookie, is_https
from unknot.web.server.render import account_of, clinic_of, signed_in, staff_page

public = APIRouter()
signed_in_router = APIRouter()  # any account
CLEAR_SITE = ("clear-site-data", '"cache", "storage"')  # the browser forgets this person's copies


# A page of this site to return to after signing in: a path, nothing a browser could read as
# another site ("//host", "/\\host", a tab or a space that it drops).
LOCAL_PATH = re.compile(r"/(?![/\\])[A-Za-z0-9/_.~%?=&-]*")


def _home_after(next_path: str, role: str) -> str:
    """Where to go after signing in: the page asked for when it is on this site, else the role's home."""
    return next_path if LOCAL_PATH.fullmatch(next_path) else HOMES[role]


def _signed_in_response(request: Request, signed: accounts.SignedIn, where: str) -> Response:
    """The new session's cookie; the session this browser had before (if any) ends."""
    accounts.sign_out(clinic_of(request), request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse(where, status_code=303)
    response.headers.append("set-cookie", cookie(SESSION_COOKIE, signed.token, is_https(request)))
    return response


@public.get("/healthz", response_class=PlainTextResponse)
def health(request: Request) -> Response:
    ok = healthy(clinic_of(request))
    return PlainTextResponse("ok" if ok else "database unreachable", status_code=200 if ok else 503)


@public.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "") -> Response:
    account = account_of(request)
    if account is not None:
        return RedirectResponse(HOMES[account.role], status_code=303)
    return staff_page(request, "server/login.html", title="Sign in", next=next, email="", problem="")


@public.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    csrf_ok(request, text(form, "csrf"))
    email, next_path = text(form, "email"), text(form, "next")
    client = request.client.host if request.client else ""
    try:
        signed = await run_in_threadpool(
            accounts.sign_in, clinic_of(request), email, text(form, "password"), client
        )
    except accounts.TooManyAttemptsError as exc:
        return _login_again(request, email, next_path, str(exc), 429)
    except UserError as exc:
        return _login_again(request, email, next_path, str(exc), 401)
    where = _home_after(next_path, signed.account.role)
    return await run_in_threadpool(_signed_in_response, request, signed, where)


def _login_again(request: Request, email: str, next_path: str, problem: str, status: int) -> Response:
    return staff_page(
        request,
        "server/login.html",
        status_code=status,
        title="Sign in",
        next=next_path,
        email=email,
        problem=problem,
    )


@signed_in_router.post("/logout")
@posted_form
def logout(request: Request, form: FormData) -> Response:
    accounts.sign_out(clinic_of(request), request.cookies.get(SESSION_COOKIE))
    return signed_out(request)


@signed_in_router.post("/logout/everywhere")
@posted_form
def logout_everywhere(request: Request, form: FormData) -> Response:
    accounts.sign_out_everywhere(clinic_of(request), signed_in(request))
    return signed_out(request)


def signed_out(request: Request) -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.headers.append("set-cookie", cookie(SESSION_COOKIE, "", is_https(request), max_age=0))
    response.headers.append(*CLEAR_SITE)
    return response


@public.get("/join/{token}", response_class=HTMLResponse)
def join_page(request: Request, token: str) -> Response:
    link = accounts.open_link(clinic_of(request), token, "join")
    return staff_page(
        request, "server/join.html", title="Join", link=link, token=token, values={}, problem=""
    )


@public.post("/join/{token}")
@posted_form
def join(request: Request, form: FormData) -> Response:
    token = request.path_params["token"]
    clinic = clinic_of(request)
    link = accounts.open_link(clinic, token, "join")
    values = {"email": text(form, "email"), "name": text(form, "name")}
    understood = text(form, "understood") == "yes"
    try:
        signed = accounts.join(
            clinic, token, values["email"], values["name"], text(form, "password"), understood=understood
        )
    except accounts.LinkError:
        raise  # the link itself: the error page says to ask for a new one
    except UserError as exc:
        return _join_again(request, link, token, values, str(exc))
    return _signed_in_response(request, signed, HOMES[signed.account.role])


def _join_again(request: Request, link: Link, token: str, values: dict[str, str], problem: str) -> Response:
    return staff_page(
        request,
        "server/join.html",
        status_code=400,
        title="Join",
        link=link,
        token=token,
        values=values,
        problem=problem,
    )


@public.get("/reset/{token}", response_class=HTMLResponse)
def reset_page(request: Request, token: str) -> Response:
    link = accounts.open_link(clinic_of(request), token, "reset")
    return staff_page(
        request, "server/reset.html", title="Set a new password", link=link, token=token, problem=""
    )


@public.post("/reset/{token}")
@posted_form
def reset(request: Request, form: FormData) -> Response:
    token = request.path_params["token"]
    clinic = clinic_of(request)
    link = accounts.open_link(clinic, token, "reset")
    try:
        accounts.reset_password(clinic, token, text(form, "password"))
    except accounts.LinkError:
        raise  # the link itself: the error page says to ask for a new one
    except UserError as exc:
        return staff_page(
            request,
            "server/reset.html",
            status_code=400,
            title="Set a new password",
            link=link,
            token=token,
            problem=str(exc),
        )
    return RedirectResponse("/login?reset=done", status_code=303)
