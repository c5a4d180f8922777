"""Security for a local app: allowed hosts, a CSRF token on every form, strict headers and cookies."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Iterable

from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unknot.core.errors import UserError
from unknot.features import Feature

CSRF_COOKIE = "unknot_csrf"
# Everything from unknot itself, no inline script or style; a feature may add sources it needs.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# No powerful browser feature, unless a feature asks for it (the camera coach: camera=(self)).
PERMISSIONS = {"camera": "()", "microphone": "()", "geolocation": "()"}
FIXED_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
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


class CsrfError(UserError):
    pass


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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


class SecurityMiddleware:
    """Refuses foreign Host headers (DNS rebinding), adds the security headers, sets the CSRF cookie."""

    def __init__(self, app: ASGIApp, hosts: list[str], headers: list[tuple[bytes, bytes]]) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        if host_name(connection.headers.get("host", "")).lower() not in self.hosts:
            await PlainTextResponse("Invalid host header", status_code=400)(scope, receive, send)
            return
        token = connection.cookies.get(CSRF_COOKIE)
        fresh = token is None or len(token) != 43
        if fresh:
            token = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf"] = token

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), *self.headers]
                if fresh:
                    cookie = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                    headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def check_csrf(cookie_token: str | None, form_token: str | None) -> None:
    """The form's token must equal the cookie's (double submit; the cookie is SameSite=Strict)."""
    if not cookie_token or not form_token or not hmac.compare_digest(cookie_token, form_token):
        raise CsrfError(
            "csrf: the form has expired or did not come from unknot; reload the page and try again"
        )
