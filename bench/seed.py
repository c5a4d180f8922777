"""Journals for the benchmark: what a person who used unknot every day for N days has recorded.

The assessment and the preferences go through the services (as the first run does). The years of
daily entries after it are inserted in bulk, in one transaction, through SQLAlchemy into the same
tables the app reads: seeding them through the services would re-evaluate the plan on every write
and take hours for twenty years. Every N days the journal holds:
- a check-in each day (pain 3 to 7, a short note), recorded that evening;
- a completed session of the whole plan on two days of three, with pain before and after, and a
  play token, recorded before the check-in;
- a change of plan every 14 days (one assessment: every change belongs to it, the worst case for
  reads of the plan's history), and the sessions are of the plan current on their day;
- the PEG every 7 days and the Roland-Morris every 14 (as often as they fall due);
- 8 reminder events a day (prompts, breaks taken, water).
The last entries are yesterday's, so today's page starts with nothing done today.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from unknot.content.loader import default_library
from unknot.content.schema import Library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.core.questionnaires import score
from unknot.core.reminders import EventKind
from unknot.services import intake, open_context, plans, preferences
from unknot.settings import Settings
from unknot.storage import repository
from unknot.storage.tables import BreakEventRow, CheckinRow, PlanRow, ResponseRow, SessionRow

PLAN_EVERY_DAYS = 14
BREAK_KINDS = (
    EventKind.PROMPTED,
    EventKind.TAKEN,
    EventKind.PROMPTED,
    EventKind.SNOOZED,
    EventKind.NATURAL,
    EventKind.WATER_PROMPTED,
    EventKind.WATER,
    EventKind.STANDUP,
)
ANSWERS: dict[str, Any] = {  # a self-care case with a programme (contract version 2)
    "age": 45,
    "regions": ["lower_back", "neck"],
    "pain_now": 5,
    "duration_days": 60,
    "trauma": "none",
    "lifting_strain": False,
    "repetitive_load": True,
    "sitting_hours": 9,
    "hamstrings_tight": "yes",
    "inflammation_signs": False,
    "leg_symptoms": "none",
    "arm_symptoms": False,
    "osteoporosis": False,
    "pregnant": False,
    "floor_ok": True,
    "falls_last_year": False,
    "morning_stiffness": True,
    "skin_conditions": [],
    "red_flags": [],
}
Rows = list[dict[str, Any]]


def at(day: dt.date, hour: int, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=zone)


def seed(home: Path, days: int, today: dt.date, zone: dt.tzinfo) -> None:
    """A journal of `days` days before `today` in the data folder `home`."""
    start = today - dt.timedelta(days=days)
    library = default_library()
    ctx = open_context(Settings(home=home), FixedClock(at(start, 8, zone)), library)
    try:
        intake.save_assessment(ctx, answers_from_dict(ANSWERS))
        preferences.change(ctx, {"seen_welcome": "on"})
        current = plans.current(ctx)
        assert current is not None and current.plan is not None and current.plan_id is not None
        plan = current.plan.model_dump(mode="json")
        days_list = [start + dt.timedelta(days=n) for n in range(days)]
        with ctx.store.writing() as db:
            plan_ids = _plans(db, plan, current.plan_id, days_list, zone)
            db.execute(insert(CheckinRow), _checkins(days_list, zone))
            items = [item["id"] for item in plan["items"]]
            db.execute(insert(SessionRow), _sessions(days_list, items, plan_ids, zone))
            db.execute(insert(ResponseRow), _responses(days_list, library, zone))
            db.execute(insert(BreakEventRow), _break_events(days_list, zone))
    finally:
        ctx.close()


def _plans(db: Any, plan: dict[str, Any], first_id: int, days: list[dt.date], zone: dt.tzinfo) -> list[int]:
    """A change of plan every 14 days; returns the id of the plan current on each day."""
    rows: Rows = []
    current, ids = first_id, []
    for n, day in enumerate(days):
        if n and n % PLAN_EVERY_DAYS == 0:
            current = first_id + len(rows) + 1
            way = "stepped up" if len(rows) % 2 == 0 else "eased off"
            reason = f"Your plan changed because of the past two weeks, so the doses {way}."
            rows.append(
                {**_plan_columns(plan), "id": current, "created_at": at(day, 7, zone), "reason": reason}
            )
        ids.append(current)
    if rows:
        _, assessment_id = repository.plan_started(db, first_id)
        db.execute(insert(PlanRow), [{**row, "assessment_id": assessment_id} for row in rows])
    return ids


def _plan_columns(plan: dict[str, Any]) -> dict[str, Any]:
    keys = ("level", "total_minutes", "items", "habits", "walking", "lessons")
    return {key: plan[key] for key in keys}


def _pain(n: int) -> int:
    return 3 + n % 5


def _checkins(days: list[dt.date], zone: dt.tzinfo) -> Rows:
    return [
        {
            "date": day,
            "pain": _pain(n),
            "stiffness": 2 + n % 4,
            "note": f"day {n}: walked to work, stiff after the long meeting",
            "red_flags": [],
            "recorded_at": at(day, 20, zone),
        }
        for n, day in enumerate(days)
    ]


def _sessions(days: list[dt.date], items: list[str], plan_ids: list[int], zone: dt.tzinfo) -> Rows:
    return [
        {
            "date": day,
            "plan_id": plan_ids[n],
            "completed": True,
            "items_done": items,
            "pain_before": _pain(n),
            "pain_after": _pain(n),
            "source": "player",
            "recorded_at": at(day, 18, zone),
            "hurt": [],
            "token": uuid.uuid4().hex,
        }
        for n, day in enumerate(days)
        if n % 3
    ]


def _responses(days: list[dt.date], library: Library, zone: dt.tzinfo) -> Rows:
    rows: Rows = []
    for form in library.questionnaires.values():
        for n, day in enumerate(days):
            if n % form.every_days == 0:
                answers = [(n // form.every_days + i) % (form.top_answer + 1) for i in range(len(form.items))]
                rows.append(
                    {
                        "questionnaire": form.id,
                        "date": day,
                        "answers": answers,
                        "score": score(form, answers),
                        "recorded_at": at(day, 21, zone),
                    }
                )
    return rows


def _break_events(days: list[dt.date], zone: dt.tzinfo) -> Rows:
    return [
        {
            "key": f"bench-{day.isoformat()}-{i}",
            "at": at(day, 9 + i, zone),
            "date": day,
            "kind": kind.value,
            "seconds": 60 if kind is EventKind.TAKEN else None,
        }
        for day in days
        for i, kind in enumerate(BREAK_KINDS)
    ]
