"""Server mode's door: who the visitor is (a session in the database), what each route allows, and
CSRF tokens signed with the server's secret. Every worker process answers the same: nothing of a
visitor is kept in memory.

Each route's roles come from the route table (`web.server.routes`): `anyone`, or some of admin,
clinician and patient. A visitor without a session who asks for a page is sent to `/login`; a
signed-in visitor whose role a route does not allow gets 403. A patient's requests run with the
`Context` of their own journal (`request.state.context`), in one database session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unknot.services import accounts
from unknot.services.clinic import Account, Clinic, patient_context
from unknot.web.security import CORP, NO_STORE, UNSAFE_METHODS, cross_origin

ANYONE = "anyone"
SESSION_COOKIE = "unknot_sid"
VISITOR_COOKIE = "unknot_visitor"  # an anonymous visitor's CSRF binding (the sign-in form)
HOMES = {"admin": "/admin", "clinician": "/clinic", "patient": "/"}


def csrf_token(secret: bytes, binding: str) -> str:
    return hmac.new(secret, f"csrf:{binding}".encode(), hashlib.sha256).hexdigest()


def cookie(name: str, value: str, secure: bool, max_age: int | None = None) -> str:
    """A cookie scripts cannot read, sent only to this site; `Secure` when the visit came over HTTPS."""
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    return "; ".join(parts)


def is_https(connection: HTTPConnection) -> bool:
    return connection.url.scheme == "https"


class Gate:
    def __init__(
        self,
        app: ASGIApp,
        clinic: Clinic,
        secret: bytes,
        roles: Mapping[int, frozenset[str]],
        headers: list[tuple[bytes, bytes]],
    ) -> None:
        self.app = app
        self.clinic = clinic
        self.secret = secret
        self.roles = roles  # id(route) -> the roles it allows
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        static = scope["path"].startswith("/static/")
        extra = [*self.headers, CORP] if static else [*self.headers, CORP, NO_STORE]
        set_cookies: list[str] = []

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                added = [(b"set-cookie", c.encode()) for c in set_cookies]
                message["headers"] = [*message.get("headers", []), *extra, *added]
            await send(message)

        if scope["method"] in UNSAFE_METHODS and cross_origin(connection):
            await PlainTextResponse("Cross-origin request refused", status_code=403)(
                scope, receive, send_with_headers
            )
            return
        if static:
            await self.app(scope, receive, send_with_headers)
            return
        token = connection.cookies.get(SESSION_COOKIE)
        account = await run_in_threadpool(accounts.session_account, self.clinic, token)
        state = scope.setdefault("state", {})
        state["account"] = account
        if account is not None and token:
            state["csrf"] = csrf_token(self.secret, accounts.digest(token))
        else:
            visitor = connection.cookies.get(VISITOR_COOKIE)
            if not visitor:
                visitor = secrets.token_urlsafe(24)
                set_cookies.append(cookie(VISITOR_COOKIE, visitor, is_https(connection)))
            state["csrf"] = csrf_token(self.secret, f"visitor:{visitor}")
        refusal = self._refusal(scope, account)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        if account is None or account.role != "patient":
            await self.app(scope, receive, send_with_headers)
            return
        ctx = await run_in_threadpool(patient_context, self.clinic, account)
        state["context"] = ctx
        with ctx.one_session():
            await self.app(scope, receive, send_with_headers)

    def _allowed(self, scope: Scope) -> frozenset[str] | None:
        """The roles of the route this request goes to; None when no route takes it (a 404)."""
        for route in scope["app"].router.routes:
            match, _ = route.matches(scope)
            if match is Match.FULL:
                return self.roles.get(id(route), frozenset())
        return None

    def _refusal(self, scope: Scope, account: Account | None) -> Response | None:
        allowed = self._allowed(scope)
        if allowed is None or ANYONE in allowed:
            return None
        if account is None:
            if scope["method"] == "GET":
                target = scope["path"] + (
                    f"?{scope['query_string'].decode()}" if scope["query_string"] else ""
                )
                return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
            return PlainTextResponse("Sign in first", status_code=401)
        if account.role in allowed:
            return None
        if scope["path"] == "/" and scope["method"] == "GET":
            return RedirectResponse(HOMES[account.role], status_code=303)
        return PlainTextResponse("Your account cannot open this page", status_code=403)
