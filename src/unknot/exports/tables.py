"""The journal as one CSV table: a row per date with anything recorded, a column per questionnaire.

Written a row at a time from entries read oldest first. A text cell that a spreadsheet would run as a
formula (it starts with =, +, -, @, a tab or a carriage return) is written with a ' in front, as
OWASP advises against CSV injection, and a cell with a line break in it is always quoted; numbers
stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import io
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from unknot.core.checkins import Checkin
from unknot.core.history import SessionRecord
from unknot.core.questionnaires import Response

FIRST_COLUMNS = ("date", "pain", "stiffness", "sessions_completed")
LAST_COLUMNS = ("red_flags", "note")
TEXT_COLUMNS = ("red_flags", "note")  # free text; every other cell is a date or a number
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Entry = Checkin | SessionRecord | Response


def neutral(text: str) -> str:
    """Free text as a spreadsheet shows it, never runs it: a ' before a would-be formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _row(day: dt.date, entries: Iterable[Entry]) -> dict[str, Any]:
    """A date's cells, from its check-in, sessions and questionnaire scores."""
    row: dict[str, Any] = {"date": day.isoformat(), "sessions_completed": 0}
    for entry in entries:
        if isinstance(entry, Checkin):
            stiffness = "" if entry.stiffness is None else entry.stiffness
            flags = " ".join(entry.red_flags)
            row.update(pain=entry.pain, stiffness=stiffness, red_flags=flags, note=entry.note)
        elif isinstance(entry, SessionRecord):
            row["sessions_completed"] += entry.completed
        else:
            row[entry.questionnaire] = f"{entry.score:g}"
    for column in TEXT_COLUMNS:
        row[column] = neutral(row.get(column, ""))
    return row


def _date(entry: Entry) -> dt.date:
    return entry.date


def _by_date(
    checkins: Iterable[Checkin], sessions: Iterable[SessionRecord], responses: Iterable[Response]
) -> Iterator[tuple[dt.date, Iterator[Entry]]]:
    """Each date with anything recorded, oldest first, and its entries (every input is oldest first)."""
    inputs: tuple[Iterable[Entry], ...] = (checkins, sessions, responses)
    return itertools.groupby(heapq.merge(*inputs, key=_date), key=_date)


def _line(out: io.StringIO) -> str:
    """The row just written, ending in \n; the buffer is emptied for the next."""
    row = out.getvalue()
    out.seek(0)
    out.truncate()
    return row.removesuffix("\r\n") + "\n"


def journal_csv(
    checkins: Iterable[Checkin],
    sessions: Iterable[SessionRecord],
    responses: Iterable[Response],
    questionnaire_ids: list[str],
) -> Iterator[str]:
    """The table, a line at a time; its score columns are named by questionnaire id, in the order given.
    Check-ins, sessions and responses come oldest first."""
    out = io.StringIO()
    columns = [*FIRST_COLUMNS, *questionnaire_ids, *LAST_COLUMNS]
    # Rows are written ending in \r\n so that a cell holding either is quoted (a lone \r would end
    # the row and could start one with a formula), and each line then ends with \n alone.
    writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\r\n")
    writer.writeheader()
    yield _line(out)
    for day, entries in _by_date(checkins, sessions, responses):
        writer.writerow(_row(day, entries))
        yield _line(out)
