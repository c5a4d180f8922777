"""The whole journal as one JSON document: `unknot export --format json` and `unknot import`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from unknot.content.schema import CareLevel, Library
from unknot.core.answers import CLINICIAN_FLAGS, RED_FLAG_IDS, answers_from_dict
from unknot.core.errors import UserError
from unknot.core.preferences import Preferences
from unknot.core.progress import ESCALATION
from unknot.core.questionnaires import score
from unknot.core.result import Assessment, Walking
from unknot.storage import repository
from unknot.storage.tables import (
    AssessmentRow,
    CheckinRow,
    ClearanceRow,
    PlanRow,
    PreferenceRow,
    ResponseRow,
    SessionRow,
)
from unknot.storage.upgrade import upgrade_document

Score = Annotated[int, Field(ge=0, le=10)]
CLEARABLE = (*CLINICIAN_FLAGS, ESCALATION)


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AssessmentDoc(Doc):
    id: int
    created_at: AwareDatetime
    answers: dict[str, Any]
    result: dict[str, Any]
    triage: CareLevel

    @model_validator(mode="after")
    def _valid_parts(self) -> AssessmentDoc:
        answers_from_dict(self.answers)
        Assessment.model_validate(self.result)
        if self.result.get("triage") != self.triage:
            raise ValueError("triage differs from the result's triage")
        return self


class PlanDoc(Doc):
    id: int
    assessment_id: int
    created_at: AwareDatetime
    level: Literal["gentle", "standard", "advanced"]
    total_minutes: Annotated[float, Field(ge=0, le=30)]
    items: list[dict[str, Any]]
    habits: list[str]
    reason: str
    walking: Walking | None = None  # plans saved before contract version 2 have none
    lessons: list[str] = Field(default_factory=list)


class CheckinDoc(Doc):
    date: dt.date
    pain: Score
    stiffness: Score | None
    note: Annotated[str, Field(max_length=2000)]
    red_flags: list[Literal[RED_FLAG_IDS]]  # type: ignore[valid-type]
    recorded_at: AwareDatetime


class SessionDoc(Doc):
    id: int
    date: dt.date
    plan_id: int | None
    completed: bool
    items_done: list[str]
    pain_before: Score | None
    pain_after: Score | None
    source: Literal["player", "manual"]
    recorded_at: AwareDatetime
    hurt: list[str] = Field(default_factory=list)
    token: Annotated[str, Field(min_length=8, max_length=64)] | None = None


class ClearanceDoc(Doc):
    flag: Literal[CLEARABLE]  # type: ignore[valid-type]
    date: dt.date
    recorded_at: AwareDatetime


class ResponseDoc(Doc):
    """Answers to a questionnaire of the library the document is read with, and their score."""

    questionnaire: str
    date: dt.date
    answers: list[int]
    score: float
    recorded_at: AwareDatetime

    @model_validator(mode="after")
    def _scored_as_the_library_scores(self, info: ValidationInfo) -> ResponseDoc:
        library: Library | None = (info.context or {}).get("library")
        if library is None:  # written from the journal itself (export): already checked
            return self
        form = library.questionnaires.get(self.questionnaire)
        if form is None:
            raise ValueError(f"unknown questionnaire '{self.questionnaire}'")
        if score(form, self.answers) != self.score:
            raise ValueError(f"the score is not the {form.short_name} score of its answers")
        return self


class JournalDocument(Doc):
    """The whole journal. Version 1 documents (before contract version 2) are read as version 2."""

    format: Literal["unknot-journal"] = "unknot-journal"
    version: Literal[2] = 2
    assessments: list[AssessmentDoc]
    plans: list[PlanDoc]
    checkins: list[CheckinDoc]
    sessions: list[SessionDoc]
    settings: dict[str, Any]
    questionnaires: list[ResponseDoc] = Field(default_factory=list)
    cleared: list[ClearanceDoc] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_version_one(cls, data: Any) -> Any:
        return upgrade_document(data) if isinstance(data, dict) and data.get("version") == 1 else data

    @model_validator(mode="after")
    def _references_resolve(self) -> JournalDocument:
        try:
            Preferences.model_validate(self.settings)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValueError(f"settings.{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
        assessment_ids = {a.id for a in self.assessments}
        plan_ids = {p.id for p in self.plans}
        for plan in self.plans:
            if plan.assessment_id not in assessment_ids:
                raise ValueError(f"plan {plan.id} refers to missing assessment {plan.assessment_id}")
        for session in self.sessions:
            if session.plan_id is not None and session.plan_id not in plan_ids:
                raise ValueError(f"session {session.id} refers to missing plan {session.plan_id}")
        for name, ids in (
            ("assessment", [a.id for a in self.assessments]),
            ("plan", [p.id for p in self.plans]),
        ):
            if len(set(ids)) != len(ids):
                raise ValueError(f"duplicate {name} id")
        if len({c.date for c in self.checkins}) != len(self.checkins):
            raise ValueError("two check-ins for the same date")
        if len({(r.questionnaire, r.date) for r in self.questionnaires}) != len(self.questionnaires):
            raise ValueError("two answers to one questionnaire on the same date")
        tokens = [s.token for s in self.sessions if s.token is not None]
        if len(set(tokens)) != len(tokens):
            raise ValueError("two sessions with the same token")
        return self


class JournalImportError(UserError):
    """The document cannot be imported; nothing was written."""


def _rows(db: Session, table: type[Any], *order: Any) -> list[Any]:
    return list(db.scalars(select(table).order_by(*order)))


def _columns(row: Any, doc: type[Doc]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in doc.model_fields}


def dump(db: Session) -> JournalDocument:
    return JournalDocument(
        assessments=[
            AssessmentDoc(**_columns(r, AssessmentDoc)) for r in _rows(db, AssessmentRow, AssessmentRow.id)
        ],
        plans=[PlanDoc(**_columns(r, PlanDoc)) for r in _rows(db, PlanRow, PlanRow.id)],
        checkins=[CheckinDoc(**_columns(r, CheckinDoc)) for r in _rows(db, CheckinRow, CheckinRow.date)],
        sessions=[SessionDoc(**_columns(r, SessionDoc)) for r in _rows(db, SessionRow, SessionRow.id)],
        settings=repository.preferences(db),
        questionnaires=[
            ResponseDoc(**_columns(r, ResponseDoc))
            for r in _rows(db, ResponseRow, ResponseRow.date, ResponseRow.questionnaire)
        ],
        cleared=[ClearanceDoc(**_columns(r, ClearanceDoc)) for r in _rows(db, ClearanceRow, ClearanceRow.id)],
    )


def parse_document(text: str | bytes, library: Library) -> JournalDocument:
    """A document checked against the content it will be read with (its questionnaires)."""
    try:
        return JournalDocument.model_validate_json(text, context={"library": library})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise JournalImportError(f"import: {where}: {message}" if where else f"import: {message}") from None


def load(db: Session, document: JournalDocument) -> None:
    """Write a whole document into an empty journal, in the caller's transaction."""
    if not repository.is_empty(db):
        raise JournalImportError("import: this data folder already has a journal; import needs an empty one")
    db.add_all(AssessmentRow(**a.model_dump()) for a in document.assessments)
    db.flush()
    db.add_all(PlanRow(**p.model_dump()) for p in document.plans)
    db.flush()
    db.add_all(CheckinRow(**c.model_dump()) for c in document.checkins)
    db.add_all(SessionRow(**s.model_dump()) for s in document.sessions)
    db.add_all(PreferenceRow(key=k, value=v) for k, v in document.settings.items())
    db.add_all(ResponseRow(**r.model_dump()) for r in document.questionnaires)
    db.add_all(ClearanceRow(**c.model_dump()) for c in document.cleared)
    db.flush()
    repository.reset_sequences(db)
