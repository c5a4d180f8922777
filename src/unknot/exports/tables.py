"""The journal as one CSV table: a row per date with anything recorded."""

from __future__ import annotations

import csv
import datetime as dt
import io

from unknot.core.journal import HistoryDay
from unknot.core.questionnaires import Response

COLUMNS = ("date", "pain", "stiffness", "sessions_completed", "peg", "rmdq", "red_flags", "note")


def journal_csv(days: list[HistoryDay], responses: list[Response]) -> str:
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
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for date in sorted(by_date):
        writer.writerow({"date": date.isoformat(), **by_date[date]})
    return out.getvalue()
