"""Heat and cold: the choice, the safety checklist and the timer (never past 20 minutes)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from unknot.content.schema import TherapyId
from unknot.core.errors import UserError
from unknot.core.relief import therapy_minutes
from unknot.web.render import journal_of, render

router = APIRouter()


@router.get("/relief", response_class=HTMLResponse)
def relief_page(request: Request) -> Response:
    journal = journal_of(request)
    current = journal.current()
    advice = current.assessment.therapy if current else None
    return render(
        request, "relief.html", title="Heat & cold", therapies=journal.library.therapies, advice=advice
    )


@router.get("/relief/{kind}", response_class=HTMLResponse)
def timer_page(request: Request, kind: str, minutes: int | None = None) -> Response:
    if kind not in ("heat", "cold"):
        raise UserError(f"kind: must be heat or cold, not '{kind}'")
    therapy = journal_of(request).library.therapies[TherapyId(kind)]
    length = therapy_minutes(minutes, therapy)
    return render(request, "therapy.html", title=therapy.name, therapy=therapy, minutes=length, kind=kind)
