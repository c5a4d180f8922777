"""The journal in formats other tools read: json (re-importable), csv, fhir and ics.

json, csv and fhir stream: the journal is read in batches and the body comes in chunks of about
`CHUNK` bytes as it is written, so memory stays flat however long the journal is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from unknot.core.errors import UserError
from unknot.exports.fhir import journal_bundle
from unknot.exports.jsonstream import json_object
from unknot.exports.tables import journal_csv
from unknot.services import plans, preferences
from unknot.services.context import Context
from unknot.storage import batches, exchange, repository

FORMATS = {
    "json": ("application/json", "unknot-journal.json"),
    "csv": ("text/csv", "unknot-journal.csv"),
    "fhir": ("application/fhir+json", "unknot-fhir-bundle.json"),
    "ics": ("text/calendar", "unknot-daily-session.ics"),
}
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Export:
    chunks: Iterable[bytes]  # the body, in pieces to write as they come
    media_type: str
    filename: str

    @property
    def body(self) -> bytes:
        """The whole body at once (a small export, or a test)."""
        return b"".join(self.chunks)


class Stream:
    """A body written as it is read: each time it is iterated, the journal is read afresh."""

    def __init__(self, write: Callable[[], Iterator[str]]) -> None:
        self.write = write

    def __iter__(self) -> Iterator[bytes]:
        pending: list[str] = []
        size = 0
        for piece in self.write():
            pending.append(piece)
            size += len(piece)
            if size >= CHUNK:
                yield "".join(pending).encode()
                pending, size = [], 0
        if pending:
            yield "".join(pending).encode()


def export(ctx: Context, format_: str) -> Export:
    """The whole journal in one format (checked now; the journal is read as the body is)."""
    if format_ not in FORMATS:
        raise UserError(f"format: must be one of {', '.join(FORMATS)}, not '{format_}'")
    media_type, filename = FORMATS[format_]
    if format_ == "ics":
        return Export((_calendar(ctx),), media_type, filename)
    return Export(Stream(lambda: _journal(ctx, format_)), media_type, filename)


def _journal(ctx: Context, format_: str) -> Iterator[str]:
    forms = ctx.library.questionnaires
    with ctx.store.reading() as db:
        if format_ == "json":
            yield from json_object(exchange.sections(db), ensure_ascii=False)
        elif format_ == "csv":
            rows = batches.checkins(db), batches.session_records(db), batches.responses(db)
            yield from journal_csv(*rows, list(forms))
        else:
            yield from journal_bundle(batches.checkins(db), batches.responses(db), forms, ctx.now())


def _calendar(ctx: Context) -> bytes:
    from unknot.exports.calendar import session_calendar  # icalendar: loaded for an ics export only

    now = plans.current(ctx)
    plan = now.plan if now else None
    with ctx.store.reading() as db:
        intakes = repository.intakes(db)
    # The event's identity stays with the journal (its first assessment), so importing the file again
    # after a day or a plan change updates the event instead of adding another.
    journal = min(i.at for i in intakes).strftime("%Y%m%dT%H%M%S%f") if intakes else "none"
    return session_calendar(plan, preferences.get(ctx).session_time, ctx.today(), ctx.now(), journal)
