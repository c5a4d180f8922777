"""The journal as a FHIR R4 Bundle of type collection: an Observation per rating and score.

Pain uses LOINC 72514-3 (pain severity, 0-10 numeric rating). Stiffness and the questionnaire
scores carry a plain-text code (a questionnaire's `score_label`): unknot does not claim a standard
code it cannot vouch for.
Ids are derived from the data, so the same journal always gives the same bundle. It is written an
entry at a time, from check-ins and scores read oldest first.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from unknot.content.schema import Questionnaire
from unknot.core.checkins import Checkin
from unknot.core.questionnaires import Response
from unknot.exports.jsonstream import json_object

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
    subject: str, checkins: Iterable[Checkin], responses: Iterable[Response], forms: dict[str, Questionnaire]
) -> Iterator[dict[str, Any]]:
    for c in checkins:
        pain = _observation(
            subject, c.date, {"coding": [LOINC_PAIN], "text": "Pain 0-10"}, {"valueInteger": c.pain}
        )
        yield {"fullUrl": _urn("pain", c.date), "resource": pain}
        if c.stiffness is not None:
            code = {"text": "Back stiffness, self-rated 0-10"}
            stiff = _observation(subject, c.date, code, {"valueInteger": c.stiffness})
            yield {"fullUrl": _urn("stiffness", c.date), "resource": stiff}
    for r in responses:
        form = forms[r.questionnaire]
        value = {"valueInteger": int(r.score)} if form.whole_scores else {"valueQuantity": _score(r.score)}
        score = _observation(subject, r.date, {"text": form.score_label}, value)
        yield {"fullUrl": _urn(r.questionnaire, r.date), "resource": score}


def _score(value: float) -> dict[str, Any]:
    """A questionnaire score as a UCUM unitless quantity ({score})."""
    return {"value": value, "unit": "score", "system": "http://unitsofmeasure.org", "code": "{score}"}


def journal_bundle(
    checkins: Iterable[Checkin],
    responses: Iterable[Response],
    forms: dict[str, Questionnaire],
    now: dt.datetime,
) -> Iterator[str]:
    """A collection Bundle as JSON, an entry at a time; an empty journal gives a valid Bundle with no
    entries."""
    members: list[tuple[str, Any]] = [
        ("resourceType", "Bundle"),
        ("type", "collection"),
        ("timestamp", now.isoformat()),
    ]
    subject = _urn("patient")
    observations = _entries(subject, checkins, responses, forms)
    first = next(observations, None)
    if first is not None:
        patient = {"fullUrl": subject, "resource": {"resourceType": "Patient", "active": True}}
        members.append(("entry", itertools.chain([patient, first], observations)))
    return json_object(members)
