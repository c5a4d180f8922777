"""Progress and escalation: the contract on any journal, and curated cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.contract_progress import expected_progress
from tests.strategies import CLINICIAN, RED_FLAGS
from unknot.core.checkins import Checkin
from unknot.core.history import SessionRecord
from unknot.core.progress import Clearance, Intake, evaluate

BASE = dt.date(2026, 1, 1)


def at(n: int, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(BASE + dt.timedelta(days=n), dt.time(hour), tzinfo=dt.UTC)


@st.composite
def journals(
    draw: st.DrawFn,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dt.date, list[Any], list[Any]]:
    days = draw(st.lists(st.integers(0, 70), unique=True, max_size=40))
    checkins = [
        {
            "date": BASE + dt.timedelta(days=n),
            "pain": draw(st.integers(0, 10)),
            "red_flags": draw(
                st.one_of(st.just([]), st.lists(st.sampled_from(RED_FLAGS), max_size=2, unique=True))
            ),
            "recorded_at": at(n, draw(st.integers(6, 22))),
        }
        for n in days
    ]
    sessions = [
        {"date": BASE + dt.timedelta(days=n), "completed": draw(st.booleans())}
        for n in draw(st.lists(st.integers(0, 70), max_size=60))
    ]
    intakes = [
        (
            at(n, draw(st.integers(6, 22))),
            tuple(draw(st.lists(st.sampled_from(RED_FLAGS), max_size=2, unique=True))),
        )
        for n in draw(st.lists(st.integers(0, 80), max_size=3))
    ]
    clearances = [
        (draw(st.sampled_from([*CLINICIAN, "escalation"])), BASE + dt.timedelta(days=n))
        for n in draw(st.lists(st.integers(0, 80), max_size=4))
    ]
    return checkins, sessions, BASE + dt.timedelta(days=draw(st.integers(0, 80))), intakes, clearances


def run(
    checkins: list[dict[str, Any]],
    sessions: list[dict[str, Any]],
    d: dt.date,
    intakes: list[Any] = (),  # type: ignore[assignment]
    clearances: list[Any] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    report = evaluate(
        [
            Checkin(c["date"], c["pain"], None, "", tuple(c["red_flags"]), c.get("recorded_at", at(0)))
            for c in checkins
        ],
        [SessionRecord(s["date"], s["completed"]) for s in sessions],
        d,
        [Clearance(flag, when) for flag, when in clearances],
        [Intake(when, tuple(flags)) for when, flags in intakes],
    )
    return report.as_contract()


@settings(max_examples=500, deadline=None)
@given(journal=journals())
def test_contract_holds_on_any_journal(
    journal: tuple[list[dict[str, Any]], list[dict[str, Any]], dt.date, list[Any], list[Any]],
) -> None:
    checkins, sessions, d, intakes, clearances = journal
    got = run(checkins, sessions, d, intakes, clearances)
    want = expected_progress(checkins, sessions, d, intakes, clearances)
    assert got["contract"] == 2
    for key in ("start_date", "baseline_pain", "recent_pain", "change_pct", "adherence"):
        assert got[key] == pytest.approx(want[key]), key
    assert got["escalation"]["level"] == want["level"]
    assert len(got["escalation"]["reasons"]) == want["rules_fired"]
    assert got["escalation"]["blocks_sessions"] == want["blocks_sessions"]
    assert 0 <= got["adherence"] <= 1


def day(n: int) -> dt.date:
    return BASE + dt.timedelta(days=n)


def c(n: int, pain: int, *flags: str) -> dict[str, Any]:
    return {"date": day(n), "pain": pain, "red_flags": list(flags), "recorded_at": at(n)}


def test_empty_journal() -> None:
    assert run([], [], day(0)) == {
        "start_date": None,
        "baseline_pain": None,
        "recent_pain": None,
        "change_pct": None,
        "adherence": 0.0,
        "escalation": {"level": "none", "reasons": [], "blocks_sessions": False},
        "contract": 2,
    }


def test_entries_after_the_day_are_ignored() -> None:
    report = run([c(0, 4), c(1, 4), c(5, 9, "saddle_numbness")], [], day(3))
    assert report["escalation"]["level"] == "none" and report["recent_pain"] == 4


def test_a_red_flag_stays_until_cleared() -> None:
    """Version 2: no 7-day window. An emergency sign lasts until a new intake without it; another
    sign until a clinician's all-clear dated on or after its check-in."""
    emergency = [c(0, 3), c(10, 3, "bladder_bowel_change")]
    assert run(emergency, [], day(40))["escalation"] == {
        "level": "emergency",
        "reasons": [run(emergency, [], day(12))["escalation"]["reasons"][0]],
        "blocks_sessions": True,
    }
    assert (
        run(emergency, [], day(40), intakes=[(at(11), ("bladder_bowel_change",))])["escalation"]["level"]
        == "emergency"
    )
    assert run(emergency, [], day(40), intakes=[(at(11), ())])["escalation"]["level"] == "none"
    assert run(emergency, [], day(40), intakes=[(at(10, 8), ())])["escalation"]["level"] == "emergency", (
        "saved before"
    )
    fever = [c(0, 3), c(10, 3, "fever_or_unwell")]
    assert (
        run(fever, [], day(40), clearances=[("fever_or_unwell", day(9))])["escalation"]["level"]
        == "see_clinician"
    )
    cleared = run(fever, [], day(40), clearances=[("fever_or_unwell", day(10))])
    assert cleared["escalation"] == {"level": "none", "reasons": [], "blocks_sessions": False}


def test_worsening_needs_two_recent_checkins() -> None:
    assert run([c(0, 2), c(1, 2), c(2, 2), c(21, 5)], [], day(21))["escalation"]["level"] == "none"
    worse = run([c(0, 2), c(1, 2), c(2, 2), c(20, 5), c(21, 5)], [], day(21))
    assert worse["escalation"]["level"] == "see_clinician" and not worse["escalation"]["blocks_sessions"]
    assert "risen" in worse["escalation"]["reasons"][0]


def test_three_severe_checkins_in_a_week() -> None:
    assert run([c(0, 8), c(1, 9), c(2, 8)], [], day(2))["escalation"]["level"] == "see_clinician"
    assert run([c(0, 8), c(2, 9), c(6, 8)], [], day(6))["escalation"]["level"] == "see_clinician"
    assert run([c(0, 8), c(1, 9), c(7, 8)], [], day(7))["escalation"]["level"] == "none"


def test_not_improving_after_four_weeks_whatever_the_adherence() -> None:
    checkins = [c(n, 6) for n in range(0, 29)]
    sessions = [{"date": day(n), "completed": True} for n in range(0, 29, 2)]
    report = run(checkins, sessions, day(28))
    assert report["adherence"] == pytest.approx(15 / 29)
    assert report["escalation"]["level"] == "see_clinician"
    assert "four weeks" in report["escalation"]["reasons"][0]
    assert "fewer than half" in run(checkins, [], day(28))["escalation"]["reasons"][0]
    improving = [c(n, 6 if n < 21 else 3) for n in range(0, 29)]
    assert run(improving, sessions, day(28))["escalation"]["level"] == "none", "halved: improving"
    mild = [c(n, 4 if n < 21 else 2) for n in range(0, 29)]
    assert run(mild, sessions, day(28))["escalation"]["level"] == "none", "recent pain under 3"


def test_a_clinicians_all_clear_silences_the_pain_rules_for_28_days() -> None:
    checkins = [c(n, 6) for n in range(0, 29)]
    assert (
        run(checkins, [], day(28), clearances=[("escalation", day(0))])["escalation"]["level"]
        == "see_clinician"
    )
    assert run(checkins, [], day(28), clearances=[("escalation", day(20))])["escalation"]["level"] == "none"
