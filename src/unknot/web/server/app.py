"""Server mode's web app: the local app's pages for patients, the clinician's workspace, the admin's
pages and signing in, behind one gate (web.server.gate). `create_server_app(clinic, secret)` makes it
for an open clinic; `route_table()` lists every route and the roles it allows without opening anything."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from unknot.core.errors import UserError
from unknot.services.clinic import ROLES, Clinic, NotYoursError
from unknot.web.cache import GZIP_FROM, Uncached
from unknot.web.forms import invalid_field
from unknot.web.render import NAV, STATIC_DIR, NavEntry
from unknot.web.routes import checkin, followup, intake, lessons, library, pages, pwa, relief, session
from unknot.web.security import CsrfError, security_headers
from unknot.web.server import account, admin, clinic, doors, exercises, programmes
from unknot.web.server.gate import ANYONE, Gate
from unknot.web.server.render import staff_page

PATIENT = frozenset({"patient"})
STAFF = frozenset({"clinician", "admin"})
ADMIN = frozenset({"admin"})
SIGNED_IN = frozenset(ROLES)
EVERYONE = frozenset({ANYONE})
PATIENT_ROUTERS = (pages, intake, session, checkin, relief, library, lessons, followup)
# Each router and who may use it. The patient's pages are the local app's, unchanged.
ROUTERS: tuple[tuple[APIRouter, frozenset[str]], ...] = (
    (doors.public, EVERYONE),
    (doors.signed_in_router, SIGNED_IN),
    (pwa.router, EVERYONE),  # the service worker and manifest: public files, as the static folder
    *((module.router, PATIENT) for module in PATIENT_ROUTERS),
    (account.router, SIGNED_IN),
    (account.patient, PATIENT),
    (clinic.router, STAFF),
    (programmes.router, STAFF),
    (exercises.router, STAFF),
    (admin.router, ADMIN),
)
PATIENT_NAV = (*NAV, NavEntry("/account", "Account", "settings", top=True))


def _build(routers: Iterable[tuple[APIRouter, frozenset[str]]]) -> tuple[FastAPI, dict[int, frozenset[str]]]:
    app = FastAPI(title="unknot server", docs_url=None, redoc_url=None, openapi_url=None)
    roles: dict[int, frozenset[str]] = {}
    for router, allowed in routers:
        # The router's own routes, each with its roles (no prefixes or dependencies to merge).
        app.router.routes.extend(router.routes)
        roles |= {id(route): allowed for route in router.routes}
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    roles[id(app.router.routes[-1])] = EVERYONE
    return app, roles


def route_table() -> list[dict[str, Any]]:
    """Every route, its methods and the roles it allows (`unknot server routes --json`)."""
    app, roles = _build(ROUTERS)
    table = []
    for route in app.router.routes:
        methods = sorted(getattr(route, "methods", None) or ["GET"])
        path = getattr(route, "path", "")
        if path == "/static":
            path = "/static/{path:path}"
        table.append({"path": path, "methods": methods, "roles": sorted(roles[id(route)])})
    return sorted(table, key=lambda row: (row["path"], row["methods"]))


def create_server_app(clinic: Clinic, secret: bytes) -> FastAPI:
    app, roles = _build(ROUTERS)
    app.state.clinic = clinic
    app.state.secret = secret
    app.state.page_cache = Uncached()  # nothing kept in a worker's memory, nothing shared
    app.state.features = frozenset[str]()
    app.state.nav = PATIENT_NAV
    app.add_middleware(Gate, clinic=clinic, secret=secret, roles=roles, headers=security_headers(()))
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_FROM, compresslevel=5)
    _handlers(app)
    return app


def _handlers(app: FastAPI) -> None:
    def error(request: Request, status: int, title: str, message: str) -> HTMLResponse:
        return staff_page(request, "error.html", status_code=status, title=title, message=message)

    @app.exception_handler(CsrfError)
    async def csrf_refused(request: Request, exc: CsrfError) -> HTMLResponse:
        return error(request, 403, "Please reload", str(exc))

    @app.exception_handler(NotYoursError)
    async def not_yours(request: Request, exc: NotYoursError) -> HTMLResponse:
        return error(request, 404, "Not found", str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_field(request: Request, exc: RequestValidationError) -> HTMLResponse:
        return error(request, 400, "That did not work", invalid_field(exc))

    @app.exception_handler(UserError)
    async def bad_request(request: Request, exc: UserError) -> HTMLResponse:
        return error(request, 400, "That did not work", str(exc))

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> HTMLResponse:
        return error(request, 404, "Not found", "There is no such page.")
