"""Heat and cold: the choice, the safety checklist and the timer (never past 20 minutes)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from unknot.services import relief
from unknot.web.render import context_of, render

router = APIRouter()


@router.get("/relief", response_class=HTMLResponse)
def relief_page(request: Request) -> Response:
    ctx = context_of(request)
    page: dict[str, Any] = {"advice": relief.advice(ctx), "ruled_out": relief.ruled_out_words(ctx)}
    return render(request, "relief.html", title="Heat & cold", **page)


@router.get("/relief/{kind}", response_class=HTMLResponse)
def timer_page(request: Request, kind: str, minutes: int | None = None) -> Response:
    timer = relief.timer(context_of(request), kind, minutes)
    return render(request, "therapy.html", title=timer.therapy.name, timer=timer, kind=kind)
