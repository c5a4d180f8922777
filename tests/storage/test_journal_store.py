"""The journal's use cases against a real store (SQLite file and, when configured, PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from tests.strategies import base_answers
from unknot.content.schema import Library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.core.errors import UserError
from unknot.services import Context, backup, checkins, intake, plans, preferences, sessions, today
from unknot.settings import Settings
from unknot.storage.engine import open_store


def save(ctx: Context, **changes: Any) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers(**changes)))


def test_checkin_replaces_the_same_date(ctx: Context) -> None:
    first = checkins.log(ctx, "6", "5", "stiff", (), "2026-11-20")
    second = checkins.log(ctx, 4, None, "", ("fever_or_unwell",), "2026-11-20")
    assert not first.replaced and second.replaced
    [day] = checkins.history(ctx)
    assert day.checkin is not None
    assert (day.checkin.pain, day.checkin.stiffness, day.checkin.red_flags) == (4, None, ("fever_or_unwell",))
    assert second.urgency == "see_clinician"


def test_checkin_defaults_to_the_clocks_today(ctx: Context, clock: FixedClock) -> None:
    assert checkins.log(ctx, 3).checkin.date == clock.now().date()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("11",), "pain: must be a whole number from 0 to 10, not '11'"),
        (("x",), "pain: must be a whole number from 0 to 10, not 'x'"),
        ((None,), "pain: missing"),
        (("3", "-1"), "stiffness: must be a whole number from 0 to 10, not '-1'"),
        (("3", None, "n" * 2001), "note: 2001 characters is more than 2000"),
        (("3", None, "", ("nope",)), "red_flag: unknown red flag 'nope'"),
        (("3", None, "", (), "2026-11-25"), "date: 2026-11-25 is in the future"),
        (("3", None, "", (), "24/11/2026"), "date: '24/11/2026' is not a date in the form YYYY-MM-DD"),
    ],
)
def test_invalid_checkin_writes_nothing(ctx: Context, args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(UserError) as caught:
        checkins.log(ctx, *args)
    assert str(caught.value).startswith(message)
    assert checkins.history(ctx) == []


def test_session_needs_a_self_care_assessment(ctx: Context) -> None:
    with pytest.raises(UserError, match="no saved assessment"):
        sessions.record(ctx)
    save(ctx, red_flags=["cancer_history"])
    with pytest.raises(UserError, match="see_clinician"):
        sessions.record(ctx)
    save(ctx)
    row = sessions.record(ctx, date_text="2026-11-23").session
    current = plans.current(ctx)
    assert current is not None and current.plan is not None
    assert list(row.items_done) == [i.id for i in current.plan.items]
    assert checkins.history(ctx)[0].sessions_completed == 1


def test_a_session_with_an_exercise_not_in_the_plan_writes_nothing(ctx: Context) -> None:
    save(ctx)
    with pytest.raises(UserError, match="items_done: 'moonwalk' is not an exercise in your plan"):
        sessions.record(ctx, items_done=["moonwalk"])
    assert checkins.history(ctx) == []


def test_status_walks_through_the_first_day(ctx: Context) -> None:
    assert today.status(ctx).next_step == "start"
    save(ctx)
    first = today.status(ctx)
    assert (first.next_step, first.first_day) == ("session", True)  # the first session comes first
    sessions.record(ctx)
    after = today.status(ctx)
    assert (after.next_step, after.first_day, after.sessions_completed) == ("checkin", False, 1)
    checkins.log(ctx, 4)
    assert today.status(ctx).next_step == "done"


def test_prefs_round_trip_and_validation(ctx: Context) -> None:
    assert preferences.get(ctx).voice is True
    assert preferences.change(ctx, {"voice": "off"}).voice is False
    assert preferences.change(ctx, {"session_time": "07:45"}).session_time == dt.time(7, 45)
    with pytest.raises(UserError, match="theme: "):
        preferences.change(ctx, {"theme": "purple"})
    with pytest.raises(UserError, match="colour: unknown setting"):
        preferences.change(ctx, {"colour": "red"})


def empty_context(tmp_path: Any, clock: FixedClock, library: Library) -> Context:
    settings = Settings(home=tmp_path / "empty")
    return Context(settings, open_store(settings), clock, library)


def fill(ctx: Context) -> None:
    save(ctx, sitting_hours=8)
    for day in range(10, 20):
        checkins.log(ctx, day % 7, day % 5, f"day {day}", (), f"2026-11-{day}")
        if day % 2:
            sessions.record(ctx, date_text=f"2026-11-{day}")
    preferences.change(ctx, {"theme": "dark"})


def test_export_import_export_is_identical(
    ctx: Context, settings: Settings, library: Library, clock: FixedClock, tmp_path: Any
) -> None:
    fill(ctx)
    document = backup.export_document(ctx)
    text = json.dumps(document)
    ctx.store.close()
    if settings.database_url:  # PostgreSQL: start again from an empty database
        from tests.conftest import _reset_postgres

        _reset_postgres(settings.database_url)
        target = settings
    else:
        target = Settings(home=tmp_path / "second-home")
    second = Context(target, open_store(target), clock, library)
    counts = backup.import_document(second, text)
    assert counts == {
        "assessments": 1,
        "plans": 1,
        "checkins": 10,
        "sessions": 5,
        "questionnaires": 0,
        "cleared": 0,
        "coaching": 0,
        "posture": 0,
    }
    assert backup.export_document(second) == document
    checkins.log(second, 2)  # ids continue after an import
    sessions.record(second)


def test_import_refuses_a_non_empty_journal(ctx: Context) -> None:
    fill(ctx)
    document = json.dumps(backup.export_document(ctx))
    with pytest.raises(UserError, match="already has a journal"):
        backup.import_document(ctx, document)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["checkins"][3].update(pain=12), "checkins.3.pain"),
        (lambda d: d["sessions"][0].update(plan_id=999), "refers to missing plan 999"),
        (lambda d: d.update(extra=1), "extra"),
        (lambda d: d["checkins"].append(dict(d["checkins"][0])), "duplicate check-in date"),
        (lambda d: d["assessments"][0]["answers"].update(regions=["knee"]), "unknown region 'knee'"),
    ],
)
def test_a_bad_document_imports_nothing(
    ctx: Context, library: Library, clock: FixedClock, tmp_path: Any, change: Any, words: str
) -> None:
    fill(ctx)
    document = backup.export_document(ctx)
    change(document)
    empty = empty_context(tmp_path, clock, library)
    with pytest.raises(UserError, match=words):
        backup.import_document(empty, json.dumps(document))
    assert backup.export_document(empty)["checkins"] == []
    assert backup.export_document(empty)["assessments"] == []


def test_an_import_failing_in_the_database_leaves_nothing(
    ctx: Context, library: Library, clock: FixedClock, tmp_path: Any
) -> None:
    fill(ctx)
    document = backup.export_document(ctx)
    empty = empty_context(tmp_path, clock, library)
    with empty.store.engine.begin() as connection:  # the database refuses sessions, after other rows went in
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
    with pytest.raises(
        UserError, match=r"^import: the database refused it \(disk trouble\); nothing was written$"
    ):
        backup.import_document(empty, json.dumps(document))
    after = backup.export_document(empty)
    assert after["assessments"] == [] and after["plans"] == [] and after["checkins"] == []


def test_settings_in_a_document_are_checked(
    ctx: Context, library: Library, clock: FixedClock, tmp_path: Any
) -> None:
    fill(ctx)
    document = backup.export_document(ctx)
    document["settings"]["colour"] = "red"
    empty = empty_context(tmp_path, clock, library)
    with pytest.raises(UserError, match="settings"):
        backup.import_document(empty, json.dumps(document))
