"""Progress (charts, escalation), questionnaires, and downloads: exports and the clinician's report."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.core.errors import UserError
from unknot.core.reminders import SHOWN
from unknot.present.chart_html import chart_figure
from unknot.present.charts import pain_chart, scores_chart, sessions_chart, weekly_counts
from unknot.present.progress import progress_stats
from unknot.present.report import CHART_DAYS
from unknot.services import breaks, exports, overview, posture, progress, reports
from unknot.web.cache import page_cache
from unknot.web.forms import posted_form, text, texts
from unknot.web.render import context_of, download, render

router = APIRouter()


async def progress_page(request: Request) -> Response:
    also = breaks.outbox_stamp(context_of(request))  # break statistics count the reminders' outbox
    return await page_cache(request).serve(request, lambda: _progress(request), also=also)


router.add_route("/progress", progress_page, methods=["GET"])


def _progress(request: Request) -> Response:
    ctx, saved = context_of(request), request.query_params.get("saved")
    seen = overview.gather(ctx)
    charts = [
        pain_chart(seen.days[-CHART_DAYS:], seen.events),
        sessions_chart(weekly_counts(seen.days), seen.events),
    ]
    for form in ctx.library.questionnaires.values():
        points = [(r.date, r.score) for r in seen.responses if r.questionnaire == form.id]
        if points:  # a questionnaire not answered yet is listed as due below
            charts.append(scores_chart(points, form.short_name, form.max_score, form.id))
    page: dict[str, Any] = {
        "seen": seen,
        "stats": progress_stats(seen.progress),
        "charts": [chart_figure(chart) for chart in charts],
        "answered": list(reversed(seen.responses)),
        "saved": ctx.library.questionnaires.get(saved or ""),
        "break_columns": SHOWN,
        "posture_days": posture.recent(ctx),
    }
    return render(request, "progress.html", title="Progress", **page)


@router.get("/questionnaires/{name}", response_class=HTMLResponse)
def questionnaire_page(request: Request, name: str) -> Response:
    form = progress.questionnaire(context_of(request), name)
    return render(request, "questionnaire.html", title=form.short_name, form=form, error=None)


@router.post("/questionnaires/{name}", response_class=HTMLResponse)
@posted_form
def questionnaire_save(request: Request, posted: FormData) -> Response:
    ctx = context_of(request)
    form = progress.questionnaire(ctx, request.path_params["name"])
    ratings = {item.id: text(posted, item.id) for item in form.items}
    try:
        progress.answer(ctx, form.id, progress.answers_from_fields(form, texts(posted, "ticked"), ratings))
    except UserError as exc:
        page: dict[str, Any] = {"form": form, "error": str(exc)}
        return render(request, "questionnaire.html", title=form.short_name, status_code=400, **page)
    return RedirectResponse(f"/progress?saved={form.id}", status_code=303)


@router.get("/export/{format_}")
def exportdownload(request: Request, format_: str) -> Response:
    return download(exports.export(context_of(request), format_))


@router.get("/report.{suffix}")
def reportdownload(request: Request, suffix: str) -> Response:
    return download(reports.render(context_of(request), suffix))
