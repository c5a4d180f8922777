"""The journal's use cases against a real store (SQLite file and, when configured, PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from tests.strategies import base_answers
from unknot.content.schema import Library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.core.errors import UserError
from unknot.services import Journal
from unknot.settings import Settings
from unknot.storage.engine import open_store


def save(journal: Journal, **changes: Any) -> None:
    journal.save_assessment(answers_from_dict(base_answers(**changes)))


def test_checkin_replaces_the_same_date(journal: Journal) -> None:
    first = journal.log_checkin("6", "5", "stiff", (), "2026-11-20")
    second = journal.log_checkin(4, None, "", ("fever_or_unwell",), "2026-11-20")
    assert not first.replaced and second.replaced
    [day] = journal.history()
    assert day.checkin is not None
    assert (day.checkin.pain, day.checkin.stiffness, day.checkin.red_flags) == (4, None, ("fever_or_unwell",))
    assert second.urgency == "see_clinician"


def test_checkin_defaults_to_the_clocks_today(journal: Journal, clock: FixedClock) -> None:
    assert journal.log_checkin(3).checkin.date == clock.now().date()


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
def test_invalid_checkin_writes_nothing(journal: Journal, args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(UserError) as caught:
        journal.log_checkin(*args)
    assert str(caught.value).startswith(message)
    assert journal.history() == []


def test_session_needs_a_self_care_assessment(journal: Journal) -> None:
    with pytest.raises(UserError, match="no saved assessment"):
        journal.record_session()
    save(journal, red_flags=["cancer_history"])
    with pytest.raises(UserError, match="see_clinician"):
        journal.record_session()
    save(journal)
    row = journal.record_session(date_text="2026-11-23")
    current = journal.current()
    assert current is not None and current.plan is not None
    assert row.items_done == [i.id for i in current.plan.items]
    assert journal.history()[0].sessions_completed == 1


def test_a_session_with_an_exercise_not_in_the_plan_writes_nothing(journal: Journal) -> None:
    save(journal)
    with pytest.raises(UserError, match="items_done: 'moonwalk' is not an exercise in your plan"):
        journal.record_session(items_done=["moonwalk"])
    assert journal.history() == []


def test_status_walks_through_the_day(journal: Journal) -> None:
    assert journal.status().next_step == "start"
    save(journal)
    assert journal.status().next_step == "checkin"
    journal.log_checkin(4)
    assert journal.status().next_step == "session"
    journal.record_session()
    status = journal.status()
    assert (status.next_step, status.sessions_completed) == ("done", 1)


def test_prefs_round_trip_and_validation(journal: Journal) -> None:
    assert journal.prefs().voice is True
    assert journal.set_pref("voice", "off").voice is False
    assert journal.set_pref("session_time", "07:45").session_time == dt.time(7, 45)
    with pytest.raises(UserError, match="theme: "):
        journal.set_pref("theme", "purple")
    with pytest.raises(UserError, match="colour: unknown setting"):
        journal.set_pref("colour", "red")


def fill(journal: Journal) -> None:
    save(journal, sitting_hours=8)
    for day in range(10, 20):
        journal.log_checkin(day % 7, day % 5, f"day {day}", (), f"2026-11-{day}")
        if day % 2:
            journal.record_session(date_text=f"2026-11-{day}")
    journal.set_pref("theme", "dark")


def test_export_import_export_is_identical(
    journal: Journal, settings: Settings, library: Library, clock: FixedClock, tmp_path: Any
) -> None:
    fill(journal)
    document = journal.export_document()
    text = json.dumps(document)
    journal.store.close()
    if settings.database_url:  # PostgreSQL: start again from an empty database
        from tests.conftest import _reset_postgres

        _reset_postgres(settings.database_url)
        target = settings
    else:
        target = Settings(home=tmp_path / "second-home")
    second = Journal(open_store(target), clock, library)
    counts = second.import_document(text)
    assert counts == {"assessments": 1, "checkins": 10, "sessions": 5}
    assert second.export_document() == document
    second.log_checkin(2)  # ids continue after an import
    second.record_session()


def test_import_refuses_a_non_empty_journal(journal: Journal) -> None:
    fill(journal)
    document = json.dumps(journal.export_document())
    with pytest.raises(UserError, match="already has a journal"):
        journal.import_document(document)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["checkins"][3].update(pain=12), "checkins.3.pain"),
        (lambda d: d["sessions"][0].update(plan_id=999), "refers to missing plan 999"),
        (lambda d: d.update(extra=1), "extra"),
        (lambda d: d["checkins"].append(dict(d["checkins"][0])), "two check-ins for the same date"),
        (lambda d: d["assessments"][0]["answers"].update(regions=["knee"]), "unknown region 'knee'"),
    ],
)
def test_a_bad_document_imports_nothing(
    journal: Journal, library: Library, clock: FixedClock, tmp_path: Any, change: Any, words: str
) -> None:
    fill(journal)
    document = journal.export_document()
    change(document)
    empty = Journal(open_store(Settings(home=tmp_path / "empty")), clock, library)
    with pytest.raises(UserError, match=words):
        empty.import_document(json.dumps(document))
    assert empty.export_document()["checkins"] == []
    assert empty.export_document()["assessments"] == []


def test_an_import_failing_in_the_database_leaves_nothing(
    journal: Journal, library: Library, clock: FixedClock, tmp_path: Any
) -> None:
    fill(journal)
    document = journal.export_document()
    empty = Journal(open_store(Settings(home=tmp_path / "empty")), clock, library)
    with empty.store.engine.begin() as connection:  # the database refuses sessions, after other rows went in
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
    with pytest.raises(IntegrityError, match="disk trouble"):
        empty.import_document(json.dumps(document))
    after = empty.export_document()
    assert after["assessments"] == [] and after["plans"] == [] and after["checkins"] == []


def test_settings_in_a_document_are_checked(
    journal: Journal, library: Library, clock: FixedClock, tmp_path: Any
) -> None:
    fill(journal)
    document = journal.export_document()
    document["settings"]["colour"] = "red"
    empty = Journal(open_store(Settings(home=tmp_path / "empty")), clock, library)
    with pytest.raises(UserError, match="settings"):
        empty.import_document(json.dumps(document))
