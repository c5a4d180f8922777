"""The journal as one CSV table: a row per date with anything recorded, a column per questionnaire."""

from __future__ import annotations

import csv
import datetime as dt
import io

from unknot.core.history import HistoryDay
from unknot.core.questionnaires import Response

FIRST_COLUMNS = ("date", "pain", "stiffness", "sessions_completed")
LAST_COLUMNS = ("red_flags", "note")


def journal_csv(days: list[HistoryDay], responses: list[Response], questionnaire_ids: list[str]) -> str:
    """The table; its score columns are named by questionnaire id, in the order given."""
    by_date: dict[dt.date, dict[str, object]] = {}
    for day in days:
        c = day.checkin
        by_date[day.date] = {
            "pain": "" if c is None else c.pain,
            "stiffness": "" if c is None or c.stiffness is None else c.stiffness,
            "sessions_completed": day.sessions_completed,
            "red_flags": "" if c is None else " ".join(c.red_flags),
            "note": "" if c is None else c.note,
        }
    for response in responses:
        by_date.setdefault(response.date, {"sessions_completed": 0})[response.questionnaire] = (
            f"{response.score:g}"
        )
    out = io.StringIO()
    columns = [*FIRST_COLUMNS, *questionnaire_ids, *LAST_COLUMNS]
    writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\n")
    writer.writeheader()
    for date in sorted(by_date):
        writer.writerow({"date": date.isoformat(), **by_date[date]})
    return out.getvalue()
