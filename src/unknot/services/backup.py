"""The whole journal as one JSON document, and back: `unknot export --format json`, `unknot import`."""

from __future__ import annotations

from typing import Any

from unknot.services.context import Context
from unknot.storage import exchange


def export_document(ctx: Context) -> dict[str, Any]:
    with ctx.store.reading() as db:
        return exchange.dump(db).model_dump(mode="json")


def import_document(ctx: Context, text: str | bytes) -> dict[str, int]:
    """Import a whole exported journal into an empty one: all or nothing. Returns what it held."""
    document = exchange.parse_document(text, ctx.library)
    with ctx.store.writing() as db:
        exchange.load(db, document)
    return {
        "assessments": len(document.assessments),
        "checkins": len(document.checkins),
        "sessions": len(document.sessions),
    }
