"""The local web app: `create_app(settings)` wires the context, the pages, the assets and security."""

from __future__ import annotations

import gc
import mimetypes
from collections.abc import Iterable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from unknot.content.loader import default_library
from unknot.content.schema import Library
from unknot.core.clock import Clock, SystemClock
from unknot.core.errors import UserError
from unknot.features import FEATURES, Feature
from unknot.services import Context, breaks, open_context
from unknot.services import camera as camera_runs
from unknot.settings import Settings
from unknot.web.cache import GZIP_FROM, PageCache
from unknot.web.forms import invalid_field
from unknot.web.render import NAV, STATIC_DIR, NavEntry, render
from unknot.web.routes import checkin, followup, intake, lessons, library, pages, pwa, relief, session
from unknot.web.security import (
    Access,
    CsrfError,
    SecurityMiddleware,
    allowed_hosts,
    security_headers,
)

# The camera's pose model (static/vendor/mediapipe/*.task) is a zip of models: binary, sent as it is.
mimetypes.add_type("application/octet-stream", ".task")
# Not worth compressing on every request: the pose runtime's 11 MB of WebAssembly and its model.
NOT_GZIPPED = (*DEFAULT_EXCLUDED_CONTENT_TYPES, "application/wasm", "application/octet-stream")


def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    content: Library | None = None,
    bind_host: str = "127.0.0.1",
    features: Iterable[Feature] = FEATURES,
    access: Access | None = None,
) -> FastAPI:
    """The app; only a browser that came in through `?token=<access.token>` gets in (a new token is
    made when none is given: `app.state.access_token`)."""
    access = access or Access.new()
    app = FastAPI(title="unknot", docs_url=None, redoc_url=None, openapi_url=None)
    ctx = open_context(settings, clock or SystemClock(), content or default_library())
    breaks.ingest(ctx)  # what the reminders recorded while the app was not running
    enabled = [f for f in features if f.available()]
    app.state.context = ctx
    app.state.access_token = access.token
    app.state.page_cache = PageCache()
    app.state.camera_runs = camera_runs.Runs()
    app.state.features = frozenset(f.name for f in enabled)
    app.state.nav = (
        NAV
        + tuple(NavEntry(href, label) for f in enabled for href, label in f.nav)
        + tuple(NavEntry(href, label, icon, top=False) for f in enabled for href, label, icon in f.more)
    )
    # pwa's worker is served under /static/, so its router comes before the static folder's mount.
    for module in (pages, intake, session, checkin, relief, library, lessons, followup, pwa):
        app.include_router(module.router)
    for feature in enabled:
        for router in feature.routers():
            app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(OneSessionPerRequest, ctx=ctx)
    app.add_middleware(
        SecurityMiddleware, hosts=allowed_hosts(bind_host), headers=security_headers(enabled), access=access
    )
    # Pages with figures run to hundreds of kilobytes of SVG, which compresses about sixfold.
    app.add_middleware(
        GZipMiddleware, minimum_size=GZIP_FROM, compresslevel=5, exclude_content_types=NOT_GZIPPED
    )

    @app.exception_handler(CsrfError)
    async def csrf_refused(request: Request, exc: CsrfError) -> HTMLResponse:
        return render(request, "error.html", status_code=403, title="Please reload", message=str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_field(request: Request, exc: RequestValidationError) -> HTMLResponse:
        message = invalid_field(exc)
        return render(request, "error.html", status_code=400, title="That did not work", message=message)

    @app.exception_handler(UserError)
    async def bad_request(request: Request, exc: UserError) -> HTMLResponse:
        return render(request, "error.html", status_code=400, title="That did not work", message=str(exc))

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> HTMLResponse:
        return render(
            request, "error.html", status_code=404, title="Not found", message="There is no such page."
        )

    return app


class OneSessionPerRequest:
    """Each request's use cases read through one database session, and read the preferences, the
    plan and the care now once (`Context.one_session`)."""

    def __init__(self, app: ASGIApp, ctx: Context) -> None:
        self.app = app
        self.ctx = ctx

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        with self.ctx.one_session():
            await self.app(scope, receive, send)


def freeze_heap() -> None:
    """Once the app is made: what start-up left (the content, the templates, the mappers) is kept
    out of the garbage collector's passes, which then only walk what requests make."""
    gc.collect()
    gc.freeze()
