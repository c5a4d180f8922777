"""The journal's use cases: save an assessment, check in, record sessions, history, export, import."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from unknot.content.schema import Library, Urgency
from unknot.core.answers import Answers
from unknot.core.assessment import assess
from unknot.core.clock import Clock, today
from unknot.core.errors import UserError
from unknot.core.journal import (
    Checkin,
    HistoryDay,
    JournalInputError,
    make_checkin,
    next_step,
    parse_date,
    parse_score,
    summarise_days,
)
from unknot.core.prefs import Prefs, check_prefs, coerce_pref, load_prefs
from unknot.core.progress import Escalation
from unknot.core.progression import PlanChange, adapt, review
from unknot.core.questionnaires import Due
from unknot.core.result import Assessment, Plan
from unknot.services import followup
from unknot.settings import Settings
from unknot.storage import exchange, repository
from unknot.storage.engine import Store, open_store
from unknot.storage.tables import PlanRow, SessionRow


class JournalRuleError(UserError):
    """The request is well formed but not allowed now (e.g. a session without a self-care plan)."""


class UrgentCareError(JournalRuleError):
    """A warning sign in the last week needs urgent care: no session until then."""

    def __init__(self, escalation: Escalation) -> None:
        super().__init__("session: a warning sign needs urgent care first; no session today")
        self.escalation = escalation


@dataclass(frozen=True)
class CheckinOutcome:
    checkin: Checkin
    replaced: bool
    urgency: Urgency | None


@dataclass(frozen=True)
class CurrentPlan:
    assessment: Assessment
    plan: Plan | None
    plan_id: int | None
    changed_on: dt.date | None = None
    change_reason: str | None = None


@dataclass(frozen=True)
class TodayStatus:
    date: dt.date
    current: CurrentPlan | None
    checkin: Checkin | None
    sessions_completed: int
    next_step: str
    escalation: Escalation = field(default_factory=Escalation)
    due: tuple[Due, ...] = ()


class Journal:
    """One user's journal: the store, the clock and the content, wired once at the edge."""

    def __init__(self, store: Store, clock: Clock, library: Library) -> None:
        self.store = store
        self.clock = clock
        self.library = library

    def today(self) -> dt.date:
        return today(self.clock)

    def save_assessment(self, answers: Answers) -> Assessment:
        result = assess(answers, self.library)
        with self.store.sessions.begin() as db:
            repository.add_assessment(
                db, answers.model_dump(mode="json"), result.model_dump(mode="json"), self.clock.now()
            )
        return result

    def current(self) -> CurrentPlan | None:
        with self.store.sessions() as db:
            row = repository.current_assessment(db)
            if row is None:
                return None
            plan_row = repository.current_plan(db, row)
            assessment = Assessment.model_validate(row.result)
            if plan_row is None:
                return CurrentPlan(assessment, None, None)
            plan = Plan.model_validate(
                {
                    "level": plan_row.level,
                    "total_minutes": plan_row.total_minutes,
                    "items": plan_row.items,
                    "habits": plan_row.habits,
                }
            )
            changed = plan_row.reason != repository.FIRST_PLAN_REASON
            return CurrentPlan(
                assessment,
                plan,
                plan_row.id,
                plan_row.created_at.astimezone(self.clock.now().tzinfo).date() if changed else None,
                plan_row.reason if changed else None,
            )

    def log_checkin(
        self,
        pain: str | int | None,
        stiffness: str | int | None = None,
        note: str = "",
        red_flags: tuple[str, ...] = (),
        date_text: str | None = None,
    ) -> CheckinOutcome:
        day = parse_date(date_text, self.today())
        checkin = make_checkin(day=day, pain=pain, stiffness=stiffness, note=note, red_flags=red_flags)
        with self.store.sessions.begin() as db:
            replaced = repository.put_checkin(db, checkin, self.clock.now())
        self.adapt_plan()
        urgencies = {f.urgency for f in self.library.safety.flags if f.id in checkin.red_flags}
        urgency = max(urgencies, key=[Urgency.SEE_CLINICIAN, Urgency.EMERGENCY].index) if urgencies else None
        return CheckinOutcome(checkin, replaced, urgency)

    def self_care_plan(self) -> CurrentPlan:
        """The current plan, or JournalRuleError saying why there is none to follow."""
        current = self.current()
        if current is None:
            raise JournalRuleError("session: no saved assessment yet; run 'unknot start' first")
        if current.plan is None:
            raise JournalRuleError(
                f"session: your saved assessment says '{current.assessment.triage.value}', so unknot offers "
                "no programme; see a clinician first, then run 'unknot start' again"
            )
        return current

    def session_plan(self) -> tuple[CurrentPlan, Escalation]:
        """What a session plays, and the escalation to show before it; none at all when it is urgent."""
        current = self.self_care_plan()
        escalation = followup.progress(self).escalation
        if escalation.level == "emergency":
            raise UrgentCareError(escalation)
        return current, escalation

    def record_session(
        self,
        *,
        date_text: str | None = None,
        items_done: list[str] | None = None,
        completed: bool = True,
        pain_before: int | None = None,
        pain_after: int | None = None,
        source: str = "manual",
    ) -> SessionRow:
        day = parse_date(date_text, self.today())
        current = self.self_care_plan()
        assert current.plan is not None
        planned = [i.id for i in current.plan.items]
        done = items_done if items_done is not None else planned
        unknown = [i for i in done if i not in planned]
        if unknown:
            raise JournalInputError(f"items_done: '{unknown[0]}' is not an exercise in your plan")
        row = SessionRow(
            date=day,
            plan_id=current.plan_id,
            completed=completed,
            items_done=done,
            pain_before=parse_score(pain_before, "pain_before", required=False),
            pain_after=parse_score(pain_after, "pain_after", required=False),
            source=source,
            recorded_at=self.clock.now(),
        )
        with self.store.sessions.begin() as db:
            repository.add_session(db, row)
        self.adapt_plan()
        return row

    def adapt_plan(self) -> PlanChange | None:
        """Step the current plan up or back when the journal says so; the new plan says why."""
        current = self.current()
        if current is None or current.plan is None or current.plan_id is None:
            return None
        with self.store.sessions() as db:
            plan_row = db.get(PlanRow, current.plan_id)
            assert plan_row is not None
            since, assessment_id = plan_row.created_at, plan_row.assessment_id
            change = review(repository.done_sessions(db), repository.ratings(db), since, self.today())
        new_plan = adapt(current.plan, change, self.library.exercises) if change else None
        if change is None or new_plan is None:
            return None
        reason = f"Your plan changed because {change.reason}."
        with self.store.sessions.begin() as db:
            repository.add_plan(db, assessment_id, new_plan.model_dump(mode="json"), reason, self.clock.now())
        return change

    def history(self) -> list[HistoryDay]:
        with self.store.sessions() as db:
            return summarise_days(repository.checkins(db), repository.session_records(db))

    def status(self) -> TodayStatus:
        day = self.today()
        current = self.current()
        with self.store.sessions() as db:
            row = repository.checkin_on(db, day)
            completed = sum(s.completed for s in repository.sessions_on(db, day))
        checkin = (
            None
            if row is None
            else Checkin(row.date, row.pain, row.stiffness, row.note, tuple(row.red_flags))
        )
        triage = current.assessment.triage.value if current else None
        step = next_step(triage=triage, checked_in=checkin is not None, sessions_completed=completed)
        escalation = followup.progress(self).escalation
        return TodayStatus(day, current, checkin, completed, step, escalation, tuple(followup.due(self)))

    def revision(self) -> int:
        """Changes whenever anything in the journal is written (by this or another process)."""
        return self.store.revision()

    def prefs(self) -> Prefs:
        with self.store.sessions() as db:
            return load_prefs(repository.get_settings(db))

    def set_pref(self, key: str, text: str) -> Prefs:
        return self.set_prefs({key: text})

    def set_prefs(self, changes: dict[str, str]) -> Prefs:
        """Change several preferences at once, checked together: all are stored, or none."""
        values = {key: coerce_pref(key, text) for key, text in changes.items()}
        checked = check_prefs(self.prefs().model_dump(mode="json") | values).model_dump(mode="json")
        with self.store.sessions.begin() as db:
            for key in values:
                repository.put_setting(db, key, checked[key])
        return self.prefs()

    def export_document(self) -> dict[str, Any]:
        with self.store.sessions() as db:
            return exchange.dump(db).model_dump(mode="json")

    def import_document(self, text: str | bytes) -> dict[str, int]:
        """Import a whole exported journal into an empty one: all or nothing."""
        document = exchange.parse_document(text)
        with self.store.sessions.begin() as db:
            exchange.load(db, document)
        return {
            "assessments": len(document.assessments),
            "checkins": len(document.checkins),
            "sessions": len(document.sessions),
        }


def open_journal(settings: Settings, clock: Clock, library: Library) -> Journal:
    return Journal(open_store(settings), clock, library)


__all__ = [
    "CheckinOutcome",
    "Journal",
    "JournalInputError",
    "JournalRuleError",
    "TodayStatus",
    "open_journal",
]
