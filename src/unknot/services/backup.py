"""The whole journal as one JSON document, and back: `unknot export --format json`, `unknot import`."""

from __future__ import annotations

from typing import Any

from unknot.core.errors import UserError
from unknot.core.history import summarise_days
from unknot.core.progress import evaluate
from unknot.services.context import Context
from unknot.storage import exchange, repository


def _reads_back(db: Any, ctx: Context) -> None:
    """What the screens read, from the rows just written (in the same transaction)."""
    repository.current_plan(db, ctx.zone)
    ratings = repository.checkins(db)
    sessions = repository.session_records(db)
    evaluate(ratings, sessions, ctx.today(), repository.clearances(db), repository.intakes(db))
    summarise_days(ratings, sessions)
    repository.responses(db)
    exchange.dump(db)


def export_document(ctx: Context) -> dict[str, Any]:
    """The whole journal document at once (`exports` streams it)."""
    with ctx.store.reading() as db:
        return exchange.dump(db)


def import_document(ctx: Context, text: str | bytes) -> dict[str, int]:
    """Import a whole exported journal into an empty one: all or nothing. Before it is committed the
    journal is read back as every screen reads it, so nothing that would later fail gets in."""
    document = exchange.parse_document(text, ctx.library, ctx.today())
    try:
        with exchange.refusals(), ctx.store.writing() as db:
            exchange.load(db, document)
            _reads_back(db, ctx)
    except (ValueError, KeyError, OverflowError) as exc:
        if isinstance(exc, UserError):
            raise
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise exchange.JournalImportError(f"import: the journal would not read back ({reason})") from None
    return {
        "assessments": len(document.assessments),
        "plans": len(document.plans),
        "checkins": len(document.checkins),
        "sessions": len(document.sessions),
        "questionnaires": len(document.questionnaires),
        "cleared": len(document.cleared),
        "coaching": len(document.coaching),
        "posture": len(document.posture),
    }
