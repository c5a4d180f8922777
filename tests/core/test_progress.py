"""Progress and escalation: the contract on any journal, and curated cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.contract_progress import expected_progress
from tests.strategies import RED_FLAGS
from unknot.core.checkins import Checkin
from unknot.core.history import SessionRecord
from unknot.core.progress import evaluate

BASE = dt.date(2026, 1, 1)


@st.composite
def journals(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dt.date]:
    days = draw(st.lists(st.integers(0, 70), unique=True, max_size=40))
    checkins = [
        {
            "date": BASE + dt.timedelta(days=n),
            "pain": draw(st.integers(0, 10)),
            "red_flags": draw(
                st.one_of(st.just([]), st.lists(st.sampled_from(RED_FLAGS), max_size=2, unique=True))
            ),
        }
        for n in days
    ]
    sessions = [
        {"date": BASE + dt.timedelta(days=n), "completed": draw(st.booleans())}
        for n in draw(st.lists(st.integers(0, 70), max_size=60))
    ]
    return checkins, sessions, BASE + dt.timedelta(days=draw(st.integers(0, 80)))


def run(checkins: list[dict[str, Any]], sessions: list[dict[str, Any]], d: dt.date) -> dict[str, Any]:
    report = evaluate(
        [Checkin(c["date"], c["pain"], None, "", tuple(c["red_flags"])) for c in checkins],
        [SessionRecord(s["date"], s["completed"]) for s in sessions],
        d,
    )
    return report.as_contract()


@settings(max_examples=500, deadline=None)
@given(journal=journals())
def test_contract_holds_on_any_journal(
    journal: tuple[list[dict[str, Any]], list[dict[str, Any]], dt.date],
) -> None:
    checkins, sessions, d = journal
    got, want = run(checkins, sessions, d), expected_progress(checkins, sessions, d)
    for key in ("start_date", "baseline_pain", "recent_pain", "change_pct", "adherence"):
        assert got[key] == pytest.approx(want[key]), key
    assert got["escalation"]["level"] == want["level"]
    assert len(got["escalation"]["reasons"]) == want["rules_fired"]
    assert 0 <= got["adherence"] <= 1


def day(n: int) -> dt.date:
    return BASE + dt.timedelta(days=n)


def c(n: int, pain: int, *flags: str) -> dict[str, Any]:
    return {"date": day(n), "pain": pain, "red_flags": list(flags)}


def test_empty_journal() -> None:
    assert run([], [], day(0)) == {
        "start_date": None,
        "baseline_pain": None,
        "recent_pain": None,
        "change_pct": None,
        "adherence": 0.0,
        "escalation": {"level": "none", "reasons": []},
    }


def test_entries_after_the_day_are_ignored() -> None:
    report = run([c(0, 4), c(1, 4), c(5, 9, "saddle_numbness")], [], day(3))
    assert report["escalation"]["level"] == "none" and report["recent_pain"] == 4


def test_emergency_flag_in_the_last_week() -> None:
    report = run([c(0, 3), c(10, 3, "bladder_bowel_change")], [], day(12))
    assert report["escalation"]["level"] == "emergency"
    assert run([c(0, 3), c(10, 3, "bladder_bowel_change")], [], day(17))["escalation"]["level"] == "none"


def test_worsening_needs_three_recent_checkins() -> None:
    assert run([c(0, 2), c(1, 2), c(2, 2), c(20, 5), c(21, 5)], [], day(21))["escalation"]["level"] == "none"
    worse = run([c(0, 2), c(1, 2), c(2, 2), c(19, 5), c(20, 5), c(21, 5)], [], day(21))
    assert worse["escalation"]["level"] == "see_clinician"
    assert "risen" in worse["escalation"]["reasons"][0]


def test_three_severe_days_in_a_row() -> None:
    assert run([c(0, 8), c(1, 9), c(2, 8)], [], day(2))["escalation"]["level"] == "see_clinician"
    assert run([c(0, 8), c(1, 9), c(3, 8)], [], day(3))["escalation"]["level"] == "none"


def test_not_improving_after_four_weeks_with_good_adherence() -> None:
    checkins = [c(n, 6) for n in range(0, 29)]
    sessions = [{"date": day(n), "completed": True} for n in range(0, 29, 2)]
    report = run(checkins, sessions, day(28))
    assert report["adherence"] == pytest.approx(15 / 29)
    assert report["escalation"]["level"] == "see_clinician"
    assert "four weeks" in report["escalation"]["reasons"][0]
    improving = [c(n, 6 if n < 21 else 3) for n in range(0, 29)]
    assert run(improving, sessions, day(28))["escalation"]["level"] == "none"
