"""Security for a local app: a per-launch token (as Jupyter's), allowed hosts, same-origin writes, a
signed CSRF token on every form, strict headers and cookies."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.requests import HTTPConnection
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unknot.core.errors import UserError
from unknot.features import Feature

# Everything from unknot itself, no inline script or style; a feature may add sources it needs.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self'",  # the offline service worker
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# No powerful browser feature, unless a feature asks for it (the camera coach: camera=(self)).
PERMISSIONS = {"camera": "()", "microphone": "()", "geolocation": "()"}
FIXED_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",  # never sent to another site; a form keeps its Origin
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


def security_headers(features: Iterable[Feature]) -> list[tuple[bytes, bytes]]:
    """The headers of every response, with each feature's permissions and sources added."""
    csp, permissions = dict(CSP), dict(PERMISSIONS)
    for feature in features:
        for directive, sources in feature.sources.items():
            csp[directive] = f"{csp.get(directive, CSP['default-src'])} {sources}"
        permissions.update(feature.permissions)
    headers = {
        **FIXED_HEADERS,
        "content-security-policy": "; ".join(f"{d} {s}" for d, s in csp.items()),
        "permissions-policy": ", ".join(f"{name}={allow}" for name, allow in permissions.items()),
    }
    return [(name.encode(), value.encode()) for name, value in headers.items()]


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
SESSION_COOKIE = "unknot_session"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SAME_ORIGIN_FETCHES = frozenset({"same-origin", "none"})
# Every response: not kept by the browser (static assets aside), not readable by other sites.
CORP = (b"cross-origin-resource-policy", b"same-origin")
NO_STORE = (b"cache-control", b"no-store")


class CsrfError(UserError):
    pass


CSRF_REFUSED = "csrf: the form has expired or did not come from unknot; reload the page and try again"


def _mac(key: bytes, message: str) -> str:
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Access:
    """One launch's secrets: the token in the address `unknot serve` prints, and the key that signs
    the session cookie and the forms' CSRF tokens. A new launch makes every old cookie useless."""

    token: str
    key: bytes

    @classmethod
    def new(cls) -> Access:
        return cls(secrets.token_urlsafe(32), secrets.token_bytes(32))

    @property
    def session(self) -> str:
        return _mac(self.key, "session")

    @property
    def csrf(self) -> str:
        return _mac(self.key, f"csrf:{self.session}")

    def opens(self, token: str) -> bool:
        return hmac.compare_digest(token.encode(), self.token.encode())

    def admits(self, cookie: str | None) -> bool:
        return cookie is not None and hmac.compare_digest(cookie.encode(), self.session.encode())


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_remote_ip(address: str) -> bool:
    try:
        return not ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False  # not an address at all (an in-process test client)


def allowed_hosts(bind_host: str) -> list[str]:
    """Host names a request may carry: the loopback names, plus the bound address when exposed."""
    hosts = list(LOOPBACK_NAMES)
    if bind_host not in hosts and bind_host not in ("0.0.0.0", "::"):
        hosts.append(bind_host)
    return hosts


def host_name(header: str) -> str:
    """The host part of a Host header, IPv6 literals included: '[::1]:8765' gives '::1'."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def cross_origin(connection: HTTPConnection) -> bool:
    """A write that another site's page sent (the browser says so, or its Origin is not this one)."""
    fetch_site = connection.headers.get("sec-fetch-site")
    origin = connection.headers.get("origin")
    expected = f"{connection.url.scheme}://{connection.headers.get('host', '')}"
    return bool((fetch_site and fetch_site not in SAME_ORIGIN_FETCHES) or (origin and origin != expected))


LOCKED_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>unknot: open it from its address</title>
<link rel="stylesheet" href="/static/app.css"></head>
<body><main class="page"><h1>Open unknot from the address it printed</h1>
<p>unknot keeps your journal private: it only answers a browser that came in through the address
<code>unknot serve</code> printed when it started (it ends with <code>?token=...</code>). Copy that
line into your browser, or start it with <code>unknot serve --open</code>.</p></main></body></html>
"""


class SecurityMiddleware:
    """Refuses foreign Host headers (DNS rebinding), requests without this launch's session (a
    `?token=` address sets it), and writes from another origin; adds the security headers."""

    def __init__(
        self, app: ASGIApp, hosts: list[str], headers: list[tuple[bytes, bytes]], access: Access
    ) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        self.headers = headers
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        refusal = self._refusal(connection)
        static = scope["path"].startswith("/static/")
        extra = [*self.headers, CORP] if static else [*self.headers, CORP, NO_STORE]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        if refusal is None and not static:
            refusal = self._session(connection, scope)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, connection: HTTPConnection) -> Response | None:
        """A foreign host, a remote client claiming a local name, or a write from another origin."""
        host = host_name(connection.headers.get("host", "")).lower()
        client = connection.client.host if connection.client else ""
        if host not in self.hosts or (host in LOOPBACK_NAMES and _is_remote_ip(client)):
            return PlainTextResponse("Invalid host header", status_code=400)
        if connection.scope["method"] in UNSAFE_METHODS and cross_origin(connection):
            return PlainTextResponse("Cross-origin request refused", status_code=403)
        return None

    def _session(self, connection: HTTPConnection, scope: Scope) -> Response | None:
        """None when the visitor holds this launch's session (then its CSRF token is in the state);
        a redirect that sets it for a `?token=` address; otherwise 401."""
        token = connection.query_params.get("token")
        if token is not None and self.access.opens(token):
            rest = [(k, v) for k, v in connection.query_params.multi_items() if k != "token"]
            path = "/" + connection.url.path.lstrip("/")  # never "//host": no redirect off the app
            response = RedirectResponse(path + (f"?{urlencode(rest)}" if rest else ""), status_code=303)
            cookie = f"{SESSION_COOKIE}={self.access.session}; Path=/; HttpOnly; SameSite=Strict"
            response.headers.append("set-cookie", cookie)
            return response
        if self.access.admits(connection.cookies.get(SESSION_COOKIE)):
            scope.setdefault("state", {})["csrf"] = self.access.csrf
            return None
        return HTMLResponse(LOCKED_PAGE, status_code=401)


def check_csrf(expected: str | None, form_token: str | None) -> None:
    """The form's token must be this launch's, bound to the session (the server's secret signs it)."""
    if not expected or not form_token or not hmac.compare_digest(expected.encode(), form_token.encode()):
        raise CsrfError(CSRF_REFUSED)
