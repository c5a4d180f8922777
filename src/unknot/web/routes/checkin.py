"""The check-in form and the history page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from unknot.core.errors import UserError
from unknot.present.chart_html import chart_figure
from unknot.present.charts import pain_chart
from unknot.present.report import CHART_DAYS
from unknot.services import checkins
from unknot.web.cache import page_cache
from unknot.web.forms import posted_form, text, texts
from unknot.web.render import context_of, render

router = APIRouter()
HISTORY_PAGE_DAYS = 60


@router.get("/checkin", response_class=HTMLResponse)
def checkin_page(request: Request) -> Response:
    existing = checkins.today_checkin(context_of(request))
    return render(request, "checkin.html", title="Check in", existing=existing, error=None, outcome=None)


@router.post("/checkin", response_class=HTMLResponse)
@posted_form
def checkin_save(request: Request, form: FormData) -> Response:
    ctx = context_of(request)
    try:
        outcome = checkins.log(
            ctx,
            text(form, "pain"),
            text(form, "stiffness") or None,
            text(form, "note"),
            tuple(texts(form, "red_flags")),
        )
    except UserError as exc:
        page: dict[str, Any] = {"existing": None, "error": str(exc), "outcome": None}
        return render(request, "checkin.html", title="Check in", status_code=400, **page)
    page = {"existing": outcome.checkin, "error": None, "outcome": outcome}
    return render(request, "checkin.html", title="Check in", **page)


async def history_page(request: Request) -> Response:
    return await page_cache(request).serve(request, lambda: _history(request))


router.add_route("/history", history_page, methods=["GET"])


def _history(request: Request) -> Response:
    page = request.query_params.get("page")
    seen = checkins.history_page(context_of(request), page, HISTORY_PAGE_DAYS, CHART_DAYS)
    chart = chart_figure(pain_chart(seen.days[-CHART_DAYS:], seen.events))
    return render(
        request,
        "history.html",
        title="History",
        any_days=bool(seen.days),
        page=seen.page,
        chart=chart,
        page_days=HISTORY_PAGE_DAYS,
        chart_days=CHART_DAYS,
    )
