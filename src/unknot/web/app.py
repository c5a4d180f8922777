"""The local web app: `create_app(settings)` wires the journal, the pages, the assets and security."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from unknot.content.loader import default_library
from unknot.content.schema import Library
from unknot.core.clock import Clock, SystemClock
from unknot.core.errors import UserError
from unknot.services import open_journal
from unknot.settings import Settings
from unknot.web.cache import PageCache
from unknot.web.render import STATIC_DIR, render
from unknot.web.routes import followup, intake, journal, library, pages, relief, session
from unknot.web.security import CsrfError, SecurityMiddleware, allowed_hosts


def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    content: Library | None = None,
    bind_host: str = "127.0.0.1",
) -> FastAPI:
    app = FastAPI(title="unknot", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.journal = open_journal(settings, clock or SystemClock(), content or default_library())
    app.state.page_cache = PageCache()
    for module in (pages, intake, session, journal, relief, library, followup):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(SecurityMiddleware, hosts=allowed_hosts(bind_host))

    @app.exception_handler(CsrfError)
    async def csrf_refused(request: Request, exc: CsrfError) -> HTMLResponse:
        return render(request, "error.html", status_code=403, title="Please reload", message=str(exc))

    @app.exception_handler(UserError)
    async def bad_request(request: Request, exc: UserError) -> HTMLResponse:
        return render(request, "error.html", status_code=400, title="That did not work", message=str(exc))

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> HTMLResponse:
        return render(
            request, "error.html", status_code=404, title="Not found", message="There is no such page."
        )

    return app
