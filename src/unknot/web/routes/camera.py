"""The camera check: the camera's picture with the body's landmarks over it, found in the browser.

The page only presents: `static/camera.js` runs the pose model on this computer and hands each
frame's landmarks to the page (`onFrame`, the one seam the camera coach will use); no frame reaches
the server.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from unknot.web.render import render

router = APIRouter()


@router.get("/camera", response_class=HTMLResponse)
def camera_page(request: Request) -> Response:
    return render(request, "camera.html", title="Camera check")
