"""The journal's pure rules: dates, check-ins, days, the next step, the sparkline."""

from __future__ import annotations

import datetime as dt

import pytest

from unknot.content.schema import CareLevel
from unknot.core.care import CareNow
from unknot.core.checkins import Checkin, JournalInputError, make_checkin, parse_date
from unknot.core.history import HistoryDay, SessionRecord, last_week, sparkline, streak, summarise_days
from unknot.core.progress import Escalation
from unknot.core.progression import flared
from unknot.core.today import is_first_day, journal_day, next_step

TODAY = dt.date(2026, 11, 24)


def test_parse_date() -> None:
    assert parse_date(None, TODAY) == TODAY
    assert parse_date("2026-11-24", TODAY) == TODAY
    for bad in ("2026-11-25", "20261124", "2026-13-01", "tomorrow", "2026-1-5"):
        with pytest.raises(JournalInputError, match=r"^date: "):
            parse_date(bad, TODAY)


def test_checkin_removes_duplicate_flags_and_keeps_order() -> None:
    checkin = make_checkin(
        day=TODAY, pain="3", red_flags=["fever_or_unwell", "cancer_history", "fever_or_unwell"]
    )
    assert checkin.red_flags == ("fever_or_unwell", "cancer_history")
    assert checkin.pain == 3 and checkin.stiffness is None


@pytest.mark.parametrize("value", ["3.5", "", " ", "1e1", "٣", "-0"])
def test_scores_must_be_whole_numbers(value: str) -> None:
    if value == "-0":
        assert make_checkin(day=TODAY, pain=value).pain == 0
        return
    with pytest.raises(JournalInputError, match=r"^pain: "):
        make_checkin(day=TODAY, pain=value)


def test_days_merge_checkins_and_sessions_oldest_first() -> None:
    day1, day2, day3 = (TODAY - dt.timedelta(days=n) for n in (3, 2, 1))
    checkins = [Checkin(day3, 2, None, "", ()), Checkin(day1, 5, 4, "x", ())]
    sessions = [SessionRecord(day2, True), SessionRecord(day2, True), SessionRecord(day3, False)]
    days = summarise_days(checkins, sessions)
    assert [(d.date, d.checkin is not None, d.sessions_completed) for d in days] == [
        (day1, True, 0),
        (day2, False, 2),
        (day3, True, 0),
    ]


def care(triage: CareLevel | None, escalation: Escalation | None = None, *, has_plan: bool = True) -> CareNow:
    return CareNow(triage=triage, escalation=escalation or Escalation(), has_plan=has_plan)


def test_next_step_order() -> None:
    assert next_step(care(None), checked_in=False, sessions_completed=0) == "start"
    assert next_step(care(CareLevel.EMERGENCY), checked_in=True, sessions_completed=0) == "seek_care"
    assert next_step(care(CareLevel.SELF_CARE), checked_in=False, sessions_completed=1) == "checkin"
    assert next_step(care(CareLevel.SELF_CARE), checked_in=True, sessions_completed=0) == "session"
    assert next_step(care(CareLevel.SELF_CARE), checked_in=True, sessions_completed=1) == "done"


def test_journal_days_count_from_the_first_intake() -> None:
    assert journal_day(None, TODAY) is None
    days = [journal_day(TODAY, TODAY + dt.timedelta(days=n)) for n in (0, 1, 6, 7)]
    assert days == [1, 2, 7, 8]


def test_the_first_day_lasts_until_a_session_and_never_outranks_care() -> None:
    ok = care(CareLevel.SELF_CARE)
    assert is_first_day(ok, day=1, sessions_completed=0)
    assert not is_first_day(ok, day=2, sessions_completed=0)
    assert not is_first_day(ok, day=1, sessions_completed=1)
    assert not is_first_day(ok, day=None, sessions_completed=0)
    assert not is_first_day(care(CareLevel.SEE_CLINICIAN, has_plan=False), day=1, sessions_completed=0)
    sign = Escalation(CareLevel.EMERGENCY, ["new numbness"], blocks_sessions=True)
    assert not is_first_day(care(CareLevel.SELF_CARE, sign), day=1, sessions_completed=0)
    slow = Escalation(CareLevel.SEE_CLINICIAN, ["worse"])
    assert not is_first_day(care(CareLevel.SELF_CARE, slow), day=1, sessions_completed=0)
    assert next_step(ok, checked_in=False, sessions_completed=0, first_day=True) == "session"
    assert next_step(ok, checked_in=False, sessions_completed=0) == "checkin"


def test_a_warning_sign_at_checkin_stops_sessions_and_heat() -> None:
    sign = Escalation(CareLevel.EMERGENCY, ["new numbness"], blocks_sessions=True)
    now = care(CareLevel.SELF_CARE, sign)
    assert next_step(now, checked_in=True, sessions_completed=0) == "seek_care"
    assert not now.may_exercise and not now.may_use_heat_or_cold and not now.suggest_session


def test_pain_not_improving_advises_care_but_leaves_the_plan_playable() -> None:
    slow = Escalation(CareLevel.SEE_CLINICIAN, ["not improving"])
    now = care(CareLevel.SELF_CARE, slow)
    assert now.may_exercise and now.may_use_heat_or_cold and not now.suggest_session
    assert next_step(now, checked_in=True, sessions_completed=0) == "seek_care"


def test_flare_rule() -> None:
    assert flared(3, 5) and not flared(3, 4) and not flared(None, 9)


def test_sparkline() -> None:
    assert sparkline([0, 10, None, 5]) == "▁█ ▄"


def _days(*dates_done: dt.date) -> list[HistoryDay]:
    return [HistoryDay(day, None, 1) for day in dates_done]


def test_the_last_week_ends_today_and_marks_the_days_with_a_completed_session() -> None:
    today = dt.date(2026, 11, 25)
    days = [*_days(today, today - dt.timedelta(days=2)), HistoryDay(today - dt.timedelta(days=1), None, 0)]
    week = last_week(days, today)
    assert [d.date for d in week] == [today - dt.timedelta(days=n) for n in range(6, -1, -1)]
    assert [d.done for d in week] == [False, False, False, False, True, False, True]


def test_a_streak_counts_days_in_a_row_and_today_still_to_do_does_not_break_it() -> None:
    today = dt.date(2026, 11, 25)
    three = _days(*(today - dt.timedelta(days=n) for n in (1, 2, 3)))
    assert streak(three, today) == 3
    assert streak(three + _days(today), today) == 4
    assert streak(_days(today - dt.timedelta(days=2)), today) == 0
    assert streak([], today) == 0
