"""The clinician's report: the journal's facts gathered once, and the report's view of them."""

from __future__ import annotations

from unknot.core.errors import UserError
from unknot.present.report import ReportFacts, ReportView, report_view
from unknot.services import checkins, plans, progress
from unknot.services.context import Context
from unknot.services.exports import Export
from unknot.storage import repository


def report(ctx: Context) -> ReportView:
    now = plans.current(ctx)
    with ctx.store.reading() as db:
        assessed_on, changes = repository.plan_changes(db, ctx.zone)
    days, events = checkins.charted(ctx)  # the days the charts show, read alone however long the journal
    facts = ReportFacts(
        generated=ctx.today(),
        assessed_on=assessed_on,
        assessment=now.assessment if now else None,
        plan=now.plan if now else None,
        plan_changes=changes,
        progress=progress.progress(ctx),
        days=days,
        events=events,
        responses=progress.responses(ctx),
        library=ctx.library,
    )
    return report_view(facts)


FORMATS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


def render(ctx: Context, format_: str) -> Export:
    """The report as a file: `pdf` or `html` (their renderers are loaded only when asked for)."""
    if format_ not in FORMATS:
        raise UserError(f"report: comes as .pdf or .html, not .{format_}")
    view = report(ctx)
    if format_ == "pdf":
        from unknot.exports.pdf import report_pdf

        body = report_pdf(view)
    else:
        from unknot.exports.report import report_html

        body = report_html(view).encode()
    return Export((body,), FORMATS[format_], f"unknot-report-{ctx.today()}.{format_}")
