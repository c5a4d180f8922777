"""The whole journal as one JSON document: `unknot export --format json` and `unknot import`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pydantic import ValidationError
from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from unknot.content.schema import Library
from unknot.core.errors import UserError
from unknot.storage import batches, repository
from unknot.storage.documents import (
    AssessmentDoc,
    CheckinDoc,
    ClearanceDoc,
    CoachedDoc,
    Doc,
    JournalDocument,
    PlanDoc,
    PostureDayDoc,
    ResponseDoc,
    SessionDoc,
)
from unknot.storage.tables import (
    AssessmentRow,
    CheckinRow,
    ClearanceRow,
    CoachedRow,
    MetaRow,
    PlanRow,
    PostureDayRow,
    PreferenceRow,
    ResponseRow,
    SessionRow,
)


class JournalImportError(UserError):
    """The document cannot be imported; nothing was written."""


@contextmanager
def refusals() -> Iterator[None]:
    """Any database error while importing becomes one line: the transaction around it rolled back."""
    try:
        yield
    except SQLAlchemyError as exc:
        reason = str(exc.orig if isinstance(exc, DBAPIError) else exc).splitlines()[0]
        raise JournalImportError(f"import: the database refused it ({reason}); nothing was written") from None


# The document's lists: each from its table, in this order, with its items' fields as columns.
LISTS: dict[str, tuple[type[Any], type[Doc], tuple[str, ...]]] = {
    "assessments": (AssessmentRow, AssessmentDoc, ("id",)),
    "plans": (PlanRow, PlanDoc, ("id",)),
    "checkins": (CheckinRow, CheckinDoc, ("date",)),
    "sessions": (SessionRow, SessionDoc, ("id",)),
    "questionnaires": (ResponseRow, ResponseDoc, ("date", "questionnaire")),
    "cleared": (ClearanceRow, ClearanceDoc, ("id",)),
    "coaching": (CoachedRow, CoachedDoc, ("id",)),
    "posture": (PostureDayRow, PostureDayDoc, ("date",)),
}


def _items(db: Session, table: type[Any], doc: type[Doc], order: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """A list of the document, item by item as JSON values, read from its table in batches."""
    names = list(doc.model_fields)
    query = select(*(getattr(table, n) for n in names)).order_by(*(getattr(table, n) for n in order))
    for row in batches.rows(db, query):
        yield doc.model_validate(dict(zip(names, row, strict=True))).model_dump(mode="json")


def sections(db: Session) -> Iterator[tuple[str, Any]]:
    """The journal document's members in order, as JSON values; each list comes as an iterator that
    reads its table when it is reached, so a writer can stream the document."""
    for name, field in JournalDocument.model_fields.items():
        if name in LISTS:
            yield name, _items(db, *LISTS[name])
        elif name == "settings":
            yield name, repository.preferences(db)
        else:
            yield name, field.default


def dump(db: Session) -> dict[str, Any]:
    """The whole journal document at once, as JSON values (for a small journal, or a check)."""
    return {name: list(value) if name in LISTS else value for name, value in sections(db)}


def parse_document(text: str | bytes, library: Library, today: dt.date) -> JournalDocument:
    """A document checked against the content it will be read with, and dated no later than today."""
    try:
        return JournalDocument.model_validate_json(text, context={"library": library, "today": today})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise JournalImportError(f"import: {where}: {message}" if where else f"import: {message}") from None


INSERT_BATCH = 1000  # rows per bulk insert


def _insert(db: Session, table: type[Any], values: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(values), INSERT_BATCH):
        db.execute(insert(table), values[start : start + INSERT_BATCH])


def load(db: Session, document: JournalDocument) -> None:
    """Write a whole document into an empty journal, in the caller's transaction: bulk inserts of a
    batch of rows at a time, parents (assessments, then plans) first; the revision moves once."""
    if not repository.is_empty(db):
        raise JournalImportError("import: this data folder already has a journal; import needs an empty one")
    for name, (table, _, _) in LISTS.items():
        _insert(db, table, [item.model_dump() for item in getattr(document, name)])
    _insert(db, PreferenceRow, [{"key": k, "value": v} for k, v in document.settings.items()])
    repository.reset_sequences(db)
    revision = update(MetaRow).where(MetaRow.key == "revision").values(value=MetaRow.value + 1)
    db.execute(revision)  # bulk inserts skip the ORM's flush, which would count it
