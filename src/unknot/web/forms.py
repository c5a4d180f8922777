"""Posted forms: read on the event loop, refused without this launch's CSRF token, handled in a thread."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from unknot.web.security import check_csrf

FormHandler = Callable[[Request, FormData], Response]


def invalid_field(exc: RequestValidationError) -> str:
    """The first field FastAPI refused, in one line that names it (instead of a JSON 422)."""
    first = exc.errors()[0]
    field = str(first["loc"][-1]) if first.get("loc") else "request"
    return (
        f"{field}: missing" if first.get("type") == "missing" else f"{field}: {first.get('msg', 'not valid')}"
    )


def csrf_ok(request: Request, token: str) -> None:
    check_csrf(request.scope.get("state", {}).get("csrf"), token)


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
