"""An invitation or reset link as a page: the link to copy, and the same link as a QR code to scan
(drawn here as inline SVG by segno; no email server is needed)."""

from __future__ import annotations

import segno
from fastapi import Request
from fastapi.responses import HTMLResponse

from unknot.web.server.render import staff_page


def link_page(request: Request, path: str, *, title: str, role: str, invitee: str, kind: str) -> HTMLResponse:
    """`kind`: "invitation" (to join as `role`) or "reset" (a new password); `invitee`: their name."""
    url = str(request.base_url).rstrip("/") + path
    qr = segno.make(url, error="m").svg_inline(scale=5, title=f"QR code of the {kind} link")
    return staff_page(
        request, "server/link.html", title=title, url=url, qr=qr, role=role, invitee=invitee, kind=kind
    )
