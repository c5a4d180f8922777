"""A journal kept by unknot 0.1 (contract version 1) still opens, and an export of it still imports:
upgraded, with nothing lost."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from tests.strategies import base_answers
from unknot.content.schema import Library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.core.errors import NotAllowedError
from unknot.services import (
    Context,
    backup,
    catalog,
    checkins,
    exports,
    intake,
    plans,
    progress,
    reminders,
    sessions,
    today,
)
from unknot.settings import Settings
from unknot.storage import repository
from unknot.storage.engine import alembic_config, database_engine, open_store

AT = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC)
OLD_FLAG = "osteoporosis_or_steroids"
NEW_FIELDS = (
    "leg_symptoms",
    "arm_symptoms",
    "osteoporosis",
    "pregnant",
    "floor_ok",
    "falls_last_year",
    "morning_stiffness",
    "skin_conditions",
    "cleared_flags",
)


def v1_answers(**changes: Any) -> dict[str, Any]:
    answers = base_answers(**changes)
    return {k: v for k, v in answers.items() if k not in NEW_FIELDS}


def v1_result(library: Library, answers: dict[str, Any]) -> dict[str, Any]:
    """A result as version 1 saved it: no contract, clearances, walking, lessons or item safety."""
    flags = answers["red_flags"]
    today = base_answers(**{**answers, "red_flags": [f for f in flags if f != OLD_FLAG]})
    result = catalog.assess_answers(json.dumps(today), library).model_dump(mode="json")
    for key in ("contract", "cleared_flags"):
        result.pop(key)
    if OLD_FLAG in flags:
        result |= {"triage": "see_clinician", "plan": None, "therapy": None, "red_flags": [OLD_FLAG]}
    if result["therapy"]:
        result["therapy"].pop("do_not_use_if")
    if result["plan"]:
        result["plan"].pop("walking")
        result["plan"].pop("lessons")
        for item in result["plan"]["items"]:
            item.pop("position")
            item.pop("stop_if")
    return result


def v1_journal(library: Library) -> dict[str, list[dict[str, Any]]]:
    """An old flagged assessment, then a self-care one with its plan, a check-in with the old flag,
    a session with one exercise done (complete under version 1) and a whole one."""
    flagged = v1_answers(red_flags=[OLD_FLAG])
    plain = v1_answers(sitting_hours=8)
    result = v1_result(library, plain)
    plan = result["plan"]
    items = [item["id"] for item in plan["items"]]
    later = AT + dt.timedelta(hours=1)
    session = {"plan_id": 1, "completed": True, "pain_before": 4, "pain_after": 3, "source": "player"}
    return {
        "assessments": [
            {"id": 1, "created_at": AT, "answers": flagged, "result": v1_result(library, flagged)},
            {"id": 2, "created_at": later, "answers": plain, "result": result},
        ],
        "plans": [
            {
                "id": 1,
                "assessment_id": 2,
                "created_at": later,
                "level": plan["level"],
                "total_minutes": plan["total_minutes"],
                "items": plan["items"],
                "habits": plan["habits"],
                "reason": "",
            }
        ],
        "checkins": [
            {
                "date": dt.date(2026, 6, 2),
                "pain": 4,
                "stiffness": 3,
                "note": "sore",
                "red_flags": [OLD_FLAG],
                "recorded_at": later + dt.timedelta(days=1),
            }
        ],
        "sessions": [
            {**session, "id": 1, "date": dt.date(2026, 6, 2), "items_done": items[:1], "recorded_at": later},
            {**session, "id": 2, "date": dt.date(2026, 6, 3), "items_done": items, "recorded_at": later},
        ],
    }


def _triage(assessment: dict[str, Any]) -> str:
    return str(assessment["result"]["triage"])


def write_at_0004(settings: Settings, journal: dict[str, list[dict[str, Any]]]) -> None:
    engine = database_engine(settings)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        meta = sa.MetaData()
        meta.reflect(connection)
        for table, rows in journal.items():
            stored = [{**row, "triage": _triage(row)} for row in rows] if table == "assessments" else rows
            connection.execute(meta.tables[table].insert(), stored)
            if connection.dialect.name == "postgresql":  # as ids from the sequence would have left it
                next_id = f"(SELECT MAX(id) FROM {table}) + 1"
                connection.execute(
                    sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {next_id}, false)")
                )
    engine.dispose()


def context(settings: Settings, library: Library) -> Context:
    clock = FixedClock(AT + dt.timedelta(days=3))
    return Context(settings, open_store(settings), clock, library)


def test_a_version_one_database_is_upgraded_by_its_migration(settings: Settings, library: Library) -> None:
    write_at_0004(settings, v1_journal(library))
    ctx = context(settings, library)
    with ctx.store.reading() as db:
        old = repository.answers_of(db, 1)
    assert old["osteoporosis"] is True and old["red_flags"] == [], "the old flag became the answer"
    assert answers_from_dict(old).floor_ok, "the questions not asked then change nothing"
    current = plans.current(ctx)
    assert current is not None and current.plan is not None and current.plan.walking is None
    [checkin] = checkins.history(ctx)[0:1]
    assert checkin.checkin is not None and checkin.checkin.red_flags == ()
    assert "sore" in checkin.checkin.note and "osteoporosis" in checkin.checkin.note
    document = json.loads(exports.export(ctx, "json").body)
    assert [s["completed"] for s in document["sessions"]] == [False, True], "one of many is not a session"
    assert progress.progress(ctx).escalation.level.value == "self_care"
    assert today.status(ctx).next_step == "answer_again", "the new safety questions come first"
    with pytest.raises(NotAllowedError, match="answer them again"):
        sessions.record(ctx)
    assert reminders.desk_stretches(ctx) == ()
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    assert sessions.record(ctx).session.completed, "answered again: the programme goes on"
    ctx.store.close()


def test_a_version_one_export_imports_upgraded(settings: Settings, library: Library) -> None:
    journal = v1_journal(library)
    for row in journal["assessments"]:
        row["triage"] = _triage(row)
    document = {"format": "unknot-journal", "version": 1, **journal, "settings": {}, "questionnaires": []}
    ctx = context(settings, library)
    backup.import_document(ctx, json.dumps(document, default=str))
    exported = json.loads(exports.export(ctx, "json").body)
    assert exported["version"] == 2 and exported["cleared"] == []
    assert exported["assessments"][0]["answers"]["osteoporosis"] is True
    assert [s["completed"] for s in exported["sessions"]] == [False, True]
    assert [s["hurt"] for s in exported["sessions"]] == [[], []]
    assert exported["checkins"][0]["red_flags"] == [] and "osteoporosis" in exported["checkins"][0]["note"]
    assert len(exported["plans"]) == 1 and exported["plans"][0]["walking"] is None
    ctx.store.close()
