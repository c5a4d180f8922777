"""The json, csv and fhir exports as they were written before they streamed: the whole journal read
into memory, then serialised at once. A frozen copy, kept as the oracle the streaming writers must
match byte for byte (CSV cells that spreadsheets would run as formulas aside: see test_streaming)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from unknot.content.schema import Questionnaire
from unknot.core.checkins import Checkin
from unknot.core.history import HistoryDay, summarise_days
from unknot.core.questionnaires import Response
from unknot.storage import repository
from unknot.storage.documents import (
    AssessmentDoc,
    CheckinDoc,
    ClearanceDoc,
    Doc,
    JournalDocument,
    PlanDoc,
    ResponseDoc,
    SessionDoc,
)
from unknot.storage.tables import AssessmentRow, CheckinRow, ClearanceRow, PlanRow, ResponseRow, SessionRow


def _docs(db: Session, table: Any, doc: type[Doc], *order: Any) -> list[Any]:
    rows = db.scalars(select(table).order_by(*order))
    return [doc(**{name: getattr(row, name) for name in doc.model_fields}) for row in rows]


def whole_json(db: Session) -> bytes:
    document = JournalDocument(
        assessments=_docs(db, AssessmentRow, AssessmentDoc, AssessmentRow.id),
        plans=_docs(db, PlanRow, PlanDoc, PlanRow.id),
        checkins=_docs(db, CheckinRow, CheckinDoc, CheckinRow.date),
        sessions=_docs(db, SessionRow, SessionDoc, SessionRow.id),
        settings=repository.preferences(db),
        questionnaires=_docs(db, ResponseRow, ResponseDoc, ResponseRow.date, ResponseRow.questionnaire),
        cleared=_docs(db, ClearanceRow, ClearanceDoc, ClearanceRow.id),
    )
    return (json.dumps(document.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode()


def whole_csv(db: Session, questionnaire_ids: list[str]) -> bytes:
    days = summarise_days(repository.checkins(db), repository.session_records(db))
    return _journal_csv(days, repository.responses(db), questionnaire_ids).encode()


def _journal_csv(days: list[HistoryDay], responses: list[Response], questionnaire_ids: list[str]) -> str:
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
    columns = ["date", "pain", "stiffness", "sessions_completed", *questionnaire_ids, "red_flags", "note"]
    writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\n")
    writer.writeheader()
    for date in sorted(by_date):
        writer.writerow({"date": date.isoformat(), **by_date[date]})
    return out.getvalue()


NAMESPACE = uuid.UUID("6a1f3c52-5d0e-4b7e-9a52-0d9f3b1c7e11")
LOINC_PAIN = {
    "system": "http://loinc.org",
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category"
SURVEY = {"coding": [{"system": CATEGORIES, "code": "survey", "display": "Survey"}]}


def _urn(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(str(p) for p in parts))}"


def _observation(subject: str, day: dt.date, code: dict[str, Any], value: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [SURVEY],
        "code": code,
        "subject": {"reference": subject},
        "effectiveDateTime": day.isoformat(),
        **value,
    }


def _entries(
    subject: str, checkins: list[Checkin], responses: list[Response], forms: dict[str, Questionnaire]
) -> list[dict[str, Any]]:
    entries = []
    for c in checkins:
        pain = _observation(
            subject, c.date, {"coding": [LOINC_PAIN], "text": "Pain 0-10"}, {"valueInteger": c.pain}
        )
        entries.append({"fullUrl": _urn("pain", c.date), "resource": pain})
        if c.stiffness is not None:
            code = {"text": "Back stiffness, self-rated 0-10"}
            stiff = _observation(subject, c.date, code, {"valueInteger": c.stiffness})
            entries.append({"fullUrl": _urn("stiffness", c.date), "resource": stiff})
    for r in responses:
        form = forms[r.questionnaire]
        unitless = {
            "value": r.score,
            "unit": "score",
            "system": "http://unitsofmeasure.org",
            "code": "{score}",
        }
        value = {"valueInteger": int(r.score)} if form.whole_scores else {"valueQuantity": unitless}
        score = _observation(subject, r.date, {"text": form.score_label}, value)
        entries.append({"fullUrl": _urn(r.questionnaire, r.date), "resource": score})
    return entries


def whole_fhir(db: Session, forms: dict[str, Questionnaire], now: dt.datetime) -> bytes:
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "collection", "timestamp": now.isoformat()}
    subject = _urn("patient")
    observations = _entries(subject, repository.checkins(db), repository.responses(db), forms)
    if observations:
        patient = {"resourceType": "Patient", "active": True}
        bundle["entry"] = [{"fullUrl": subject, "resource": patient}, *observations]
    return (json.dumps(bundle, indent=2) + "\n").encode()
