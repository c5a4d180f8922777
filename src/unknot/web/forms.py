"""Posted forms: read on the event loop, refused without the visitor's CSRF token, handled in a thread."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from unknot.web.security import CSRF_COOKIE, check_csrf

Csrf = Annotated[str, Form()]
FormHandler = Callable[[Request, FormData], Response]


def csrf_ok(request: Request, token: str) -> None:
    check_csrf(request.cookies.get(CSRF_COOKIE), token)


def text(form: FormData, key: str) -> str:
    """One text field of a posted form ("" when absent; files are not accepted anywhere)."""
    value = form.get(key, "")
    return value if isinstance(value, str) else ""


def texts(form: FormData, key: str) -> list[str]:
    return [v for v in form.getlist(key) if isinstance(v, str)]


def posted_form(handler: FormHandler) -> Callable[[Request], Awaitable[Response]]:
    """The endpoint for a form: `handler` gets the checked form and runs in a worker thread, so that its
    database writes never hold up the event loop (and the pages other requests are waiting for)."""

    async def endpoint(request: Request) -> Response:
        form = await request.form()
        csrf_ok(request, text(form, "csrf"))
        return await run_in_threadpool(handler, request, form)

    endpoint.__name__ = handler.__name__
    endpoint.__doc__ = handler.__doc__
    return endpoint
