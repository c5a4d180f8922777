"""Progress (charts, escalation), questionnaires, and downloads: exports and the clinician's report."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.charts import pain_chart, scores_chart, sessions_chart
from unknot.core.errors import UserError
from unknot.core.questionnaires import ticks_to_answers
from unknot.exports.pdf import report_pdf
from unknot.exports.report import report_html
from unknot.services import breaks, exports, followup
from unknot.web.forms import posted_form, text, texts
from unknot.web.render import journal_of, render, settings_of

router = APIRouter()


@router.get("/progress", response_class=HTMLResponse)
def progress_page(request: Request, saved: str | None = None) -> Response:
    journal = journal_of(request)
    days, answered = journal.history(), followup.responses(journal)
    forms = journal.library.questionnaires
    charts = [pain_chart(days[-90:]), sessions_chart(days)]
    for form in forms.values():
        points = [(r.date, r.score) for r in answered if r.questionnaire == form.id]
        charts.append(scores_chart(points, f"{form.short_name} score", form.max_score))
    page: dict[str, Any] = {
        "report": followup.progress(journal),
        "charts": [c for c in charts if c],
        "due": followup.due(journal),
        "answered": list(reversed(answered)),
        "saved": forms.get(saved or ""),
        "break_days": breaks.stats(journal, settings_of(request).home, 14),
    }
    return render(request, "progress.html", title="Progress", **page)


@router.get("/questionnaires/{name}", response_class=HTMLResponse)
def questionnaire_page(request: Request, name: str) -> Response:
    form = followup.questionnaire(journal_of(request), name)
    return render(request, "questionnaire.html", title=form.short_name, form=form, error=None)


@router.post("/questionnaires/{name}", response_class=HTMLResponse)
@posted_form
def questionnaire_save(request: Request, posted: FormData) -> Response:
    journal = journal_of(request)
    form = followup.questionnaire(journal, request.path_params["name"])
    try:
        if form.response == "tick":
            values = ticks_to_answers(form, [int(v) for v in texts(posted, "ticked") if v.isdigit()])
        else:
            raw = [text(posted, item.id) for item in form.items]
            values = [int(v) if v.isdigit() else -1 for v in raw] if all(raw) else []
        followup.answer(journal, form.id, values)
    except UserError as exc:
        page = {"form": form, "error": str(exc)}
        return render(request, "questionnaire.html", title=form.short_name, status_code=400, **page)
    return RedirectResponse(f"/progress?saved={form.id}", status_code=303)


@router.get("/export/{format_}")
def export_download(request: Request, format_: str) -> Response:
    exported = exports.export(journal_of(request), format_)
    disposition = f'attachment; filename="{exported.filename}"'
    return Response(
        exported.body, media_type=exported.media_type, headers={"content-disposition": disposition}
    )


@router.get("/report.{suffix}")
def report_download(request: Request, suffix: str) -> Response:
    if suffix not in ("pdf", "html"):
        raise UserError(f"report: comes as .pdf or .html, not .{suffix}")
    data = exports.report_data(journal_of(request))
    body = report_pdf(data) if suffix == "pdf" else report_html(data).encode()
    media = "application/pdf" if suffix == "pdf" else "text/html; charset=utf-8"
    headers = {"content-disposition": f'attachment; filename="unknot-report-{data.generated}.{suffix}"'}
    return Response(body, media_type=media, headers=headers)
