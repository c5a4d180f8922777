"""The check-in form and the history page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from unknot.charts import pain_chart
from unknot.core.errors import UserError
from unknot.core.journal import page_of_history
from unknot.web.cache import page_cache
from unknot.web.forms import posted_form, text, texts
from unknot.web.render import journal_of, render

router = APIRouter()
HISTORY_PAGE_DAYS = 60


@router.get("/checkin", response_class=HTMLResponse)
def checkin_page(request: Request) -> Response:
    status = journal_of(request).status()
    return render(
        request, "checkin.html", title="Check in", existing=status.checkin, error=None, outcome=None
    )


@router.post("/checkin", response_class=HTMLResponse)
@posted_form
def checkin_save(request: Request, form: FormData) -> Response:
    journal = journal_of(request)
    try:
        outcome = journal.log_checkin(
            text(form, "pain"),
            text(form, "stiffness") or None,
            text(form, "note"),
            tuple(texts(form, "red_flags")),
        )
    except UserError as exc:
        return render(
            request,
            "checkin.html",
            title="Check in",
            existing=None,
            error=str(exc),
            outcome=None,
            status_code=400,
        )
    return render(
        request, "checkin.html", title="Check in", existing=outcome.checkin, error=None, outcome=outcome
    )


async def history_page(request: Request) -> Response:
    return await page_cache(request).serve(request, lambda: _history(request))


router.add_route("/history", history_page, methods=["GET"])


def _history(request: Request) -> Response:
    days = journal_of(request).history()
    page = page_of_history(days, request.query_params.get("page"), HISTORY_PAGE_DAYS)
    chart = pain_chart(days[-90:])
    return render(request, "history.html", title="History", any_days=bool(days), page=page, chart=chart)
