"""The journal document's parts, checked as the app will read them back.

Every value is bounded (ids, lengths, dates from 1900 to the day of the import), plans and results
are read with the same models the app uses, and what they name (exercises, lessons, habits,
questionnaires) must be in the content the document is read with. Version 1 documents (before
contract version 2) are read as version 2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from unknot.content.schema import CareLevel, Library
from unknot.core.answers import CLINICIAN_FLAGS, RED_FLAG_IDS, answers_from_dict
from unknot.core.coach.records import MOST_REPS, MOST_SECONDS
from unknot.core.parsing import calendar_date
from unknot.core.preferences import Preferences
from unknot.core.progress import ESCALATION
from unknot.core.questionnaires import score
from unknot.core.result import Assessment, Plan, Walking
from unknot.storage.upgrade import upgrade_document

Score = Annotated[int, Field(ge=0, le=10)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


def _calendar_day(value: object) -> object:
    """Dates are written YYYY-MM-DD (pydantic alone also takes timestamps and datetimes at midnight)."""
    if isinstance(value, dt.date) or (isinstance(value, str) and calendar_date(value) is not None):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


Day = Annotated[dt.date, BeforeValidator(_calendar_day), Field(ge=dt.date(1900, 1, 1))]
Moment = Annotated[AwareDatetime, Field(ge=dt.datetime(1900, 1, 2, tzinfo=dt.UTC))]
Name = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_]+$")]
CLEARABLE = (*CLINICIAN_FLAGS, ESCALATION)


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _library(info: ValidationInfo) -> Library | None:
    """The content the document is read with (None when the journal itself writes it)."""
    library: Library | None = (info.context or {}).get("library")
    return library


def _known(names: Iterable[str], known: Iterable[str], noun: str) -> None:
    missing = sorted(set(names) - set(known))
    if missing:
        raise ValueError(f"unknown {noun} '{missing[0]}'")


def _check_plan(plan: Plan | None, library: Library | None) -> None:
    if plan is None or library is None:
        return
    _known((item.id for item in plan.items), library.exercises, "exercise")
    _known(plan.lessons, library.lessons, "lesson")
    _known(plan.habits, library.habits, "habit")


class AssessmentDoc(Doc):
    id: Id
    created_at: Moment
    answers: dict[str, Any]
    result: dict[str, Any]
    triage: CareLevel

    @model_validator(mode="after")
    def _valid_parts(self, info: ValidationInfo) -> AssessmentDoc:
        answers_from_dict(self.answers)
        result = Assessment.model_validate(self.result)
        if result.triage != self.triage:
            raise ValueError("triage differs from the result's triage")
        _check_plan(result.plan, _library(info))
        return self


class PlanDoc(Doc):
    id: Id
    assessment_id: Id
    created_at: Moment
    level: Literal["gentle", "standard"]
    total_minutes: Annotated[float, Field(ge=0, le=30)]
    items: list[dict[str, Any]]
    habits: list[str]
    reason: Annotated[str, Field(max_length=2000)]
    walking: Walking | None = None  # plans saved before contract version 2 have none
    lessons: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _a_plan_the_app_can_play(self, info: ValidationInfo) -> PlanDoc:
        shown = {"level", "total_minutes", "items", "habits", "walking", "lessons"}
        _check_plan(Plan.model_validate(self.model_dump(include=shown)), _library(info))
        return self


class CheckinDoc(Doc):
    date: Day
    pain: Score
    stiffness: Score | None
    note: Annotated[str, Field(max_length=2000)]
    red_flags: list[Literal[RED_FLAG_IDS]]  # type: ignore[valid-type]
    recorded_at: Moment


class SessionDoc(Doc):
    id: Id
    date: Day
    plan_id: Id | None
    completed: bool
    items_done: Annotated[list[Name], Field(max_length=60)]
    pain_before: Score | None
    pain_after: Score | None
    source: Literal["player", "manual"]
    recorded_at: Moment
    hurt: Annotated[list[Name], Field(max_length=60)] = Field(default_factory=list)
    token: Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")] | None = None


class ClearanceDoc(Doc):
    flag: Literal[CLEARABLE]  # type: ignore[valid-type]
    date: Day
    recorded_at: Moment


class ResponseDoc(Doc):
    """Answers to a questionnaire of the library the document is read with, and their score."""

    questionnaire: Name
    date: Day
    answers: Annotated[list[Annotated[int, Field(ge=0, le=100)]], Field(max_length=100)]
    score: Annotated[float, Field(allow_inf_nan=False)]
    recorded_at: Moment

    @model_validator(mode="after")
    def _scored_as_the_library_scores(self, info: ValidationInfo) -> ResponseDoc:
        library = _library(info)
        if library is None:  # written from the journal itself (export): already checked
            return self
        form = library.questionnaires.get(self.questionnaire)
        if form is None:
            raise ValueError(f"unknown questionnaire '{self.questionnaire}'")
        try:
            scored = score(form, self.answers)
        except ValueError as exc:
            raise ValueError(f"answers: {exc}") from None
        if scored != self.score:
            raise ValueError(f"the score is not the {form.short_name} score of its answers")
        return self


Seconds = Annotated[float, Field(ge=0, le=MOST_SECONDS, allow_inf_nan=False)]


class CoachedDoc(Doc):
    """The camera coach's count of one exercise (one side) in a saved session."""

    id: Id
    session_id: Id
    exercise_id: Name
    side: Literal["left", "right"] | None
    reps: Annotated[int, Field(ge=0, le=MOST_REPS)]
    hold_seconds: Seconds


class PostureDayDoc(Doc):
    """The posture watch's day."""

    date: Day
    watched_seconds: Seconds
    slouch_seconds: Seconds
    alerts: Annotated[int, Field(ge=0, le=10_000)]

    @model_validator(mode="after")
    def _slouched_while_watched(self) -> PostureDayDoc:
        if self.slouch_seconds > self.watched_seconds:
            raise ValueError("slouch_seconds is more than watched_seconds")
        return self


class JournalDocument(Doc):
    """The whole journal."""

    format: Literal["unknot-journal"] = "unknot-journal"
    version: Literal[2] = 2
    assessments: list[AssessmentDoc]
    plans: list[PlanDoc]
    checkins: list[CheckinDoc]
    sessions: list[SessionDoc]
    settings: dict[str, Any]
    questionnaires: list[ResponseDoc] = Field(default_factory=list)
    cleared: list[ClearanceDoc] = Field(default_factory=list)
    coaching: list[CoachedDoc] = Field(default_factory=list)
    posture: list[PostureDayDoc] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_version_one(cls, data: Any) -> Any:
        return upgrade_document(data) if isinstance(data, dict) and data.get("version") == 1 else data

    @model_validator(mode="after")
    def _references_resolve(self, info: ValidationInfo) -> JournalDocument:
        try:
            Preferences.model_validate(self.settings)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValueError(f"settings.{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
        _unique_and_resolved(self)
        today: dt.date | None = (info.context or {}).get("today")
        if today is not None:
            _not_after(today, self)
        return self


def _unique_and_resolved(document: JournalDocument) -> None:
    assessment_ids = {a.id for a in document.assessments}
    plan_ids = {p.id for p in document.plans}
    for plan in document.plans:
        if plan.assessment_id not in assessment_ids:
            raise ValueError(f"plan {plan.id} refers to missing assessment {plan.assessment_id}")
    for session in document.sessions:
        if session.plan_id is not None and session.plan_id not in plan_ids:
            raise ValueError(f"session {session.id} refers to missing plan {session.plan_id}")
    session_ids = {s.id for s in document.sessions}
    for count in document.coaching:
        if count.session_id not in session_ids:
            raise ValueError(f"camera count {count.id} refers to missing session {count.session_id}")
    counted: dict[str, list[Any]] = {
        "assessment id": [a.id for a in document.assessments],
        "plan id": [p.id for p in document.plans],
        "session id": [s.id for s in document.sessions],
        "check-in date": [c.date for c in document.checkins],
        "questionnaire answer on one date": [(r.questionnaire, r.date) for r in document.questionnaires],
        "session token": [s.token for s in document.sessions if s.token is not None],
        "camera count id": [c.id for c in document.coaching],
        "posture watch date": [p.date for p in document.posture],
    }
    for name, values in counted.items():
        if len(set(values)) != len(values):
            raise ValueError(f"duplicate {name}")


def _not_after(today: dt.date, document: JournalDocument) -> None:
    """Nothing in a journal can be dated after the day it is imported (a day's leeway for time zones)."""
    latest = today + dt.timedelta(days=1)
    dated: list[tuple[str, dt.date]] = [
        *((f"assessment {a.id}", a.created_at.date()) for a in document.assessments),
        *((f"plan {p.id}", p.created_at.date()) for p in document.plans),
        *((f"check-in {c.date}", max(c.date, c.recorded_at.date())) for c in document.checkins),
        *((f"session {s.id}", max(s.date, s.recorded_at.date())) for s in document.sessions),
        *((f"{r.questionnaire} answer", max(r.date, r.recorded_at.date())) for r in document.questionnaires),
        *((f"all-clear for {c.flag}", max(c.date, c.recorded_at.date())) for c in document.cleared),
        *((f"posture watch day {p.date}", p.date) for p in document.posture),
    ]
    for what, day in dated:
        if day > latest:
            raise ValueError(f"{what} is dated {day}, after today")
