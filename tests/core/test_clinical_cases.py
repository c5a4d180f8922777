"""Curated cases a clinician would recognise, checked field by field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.strategies import base_answers
from unknot.content.schema import Library
from unknot.services import catalog


def assess(library: Library, **changes: Any) -> dict[str, Any]:
    answers = base_answers(**changes)
    return catalog.assess_answers(json.dumps(answers), library).model_dump(mode="json")


def test_office_worker_with_stiff_lower_back_gets_heat_and_a_standard_plan(library: Library) -> None:
    result = assess(library, sitting_hours=9, hamstrings_tight="yes", pain_now=4, duration_days=60)
    assert result["triage"] == "self_care"
    assert [c["id"] for c in result["causes"]] == ["sitting_posture", "tight_hamstrings"]
    assert "9 hours" in result["causes"][0]["why"]
    assert result["therapy"]["kind"] == "heat"
    plan = result["plan"]
    assert plan["level"] == "standard"
    assert 15 <= plan["total_minutes"] <= 30, "a standard plan should be a real programme, not a token one"
    assert {"movement_breaks", "posture"} <= set(plan["habits"])
    assert all(item["why"] for item in plan["items"])


def test_yesterdays_lifting_strain_gets_heat_and_a_gentle_plan(library: Library) -> None:
    result = assess(library, lifting_strain=True, duration_days=1, pain_now=6)
    assert result["causes"][0]["id"] == "trauma"
    assert "lifting" in result["causes"][0]["why"]
    assert result["therapy"]["kind"] == "heat", "heat has the better evidence, even for a fresh strain"
    assert result["plan"]["level"] == "gentle"
    assert result["plan"]["total_minutes"] <= 20
    assert "lifting" in result["plan"]["habits"]


def test_severe_pain_is_gentle_even_without_injury(library: Library) -> None:
    result = assess(library, pain_now=8, duration_days=30)
    assert result["plan"]["level"] == "gentle"
    assert result["therapy"]["kind"] == "heat"


def test_swelling_after_a_strain_means_cold_even_for_old_pain(library: Library) -> None:
    result = assess(library, inflammation_signs=True, repetitive_load=True, duration_days=90)
    assert result["therapy"]["kind"] == "cold"


def test_red_warm_swelling_with_nothing_to_explain_it_needs_a_clinician(library: Library) -> None:
    result = assess(library, inflammation_signs=True, duration_days=90)
    assert result["triage"] == "see_clinician"
    assert result["therapy"] is None and result["plan"] is None
    assert any("swelling" in reason for reason in result["reasons"])


def test_neck_only_plan_works_the_neck_and_nothing_for_the_legs(library: Library) -> None:
    result = assess(library, regions=["neck"], sitting_hours=2)
    targets = {t for item in result["plan"]["items"] for t in item["targets"]}
    assert "neck" in targets
    assert "hamstrings" not in targets


def test_major_fall_means_see_a_clinician_and_no_programme(library: Library) -> None:
    result = assess(library, trauma="major", duration_days=3)
    assert result["triage"] == "see_clinician"
    assert result["plan"] is None and result["therapy"] is None
    assert any("fracture" in r.lower() for r in result["reasons"])
    assert result["causes"][0]["id"] == "trauma", "causes are still explained"


@pytest.mark.parametrize("flag", ["bladder_bowel_change", "saddle_numbness"])
def test_cauda_equina_signs_are_an_emergency(library: Library, flag: str) -> None:
    result = assess(library, red_flags=[flag])
    assert result["triage"] == "emergency"
    assert any("cauda equina" in r.lower() for r in result["reasons"])


def test_emergency_wins_over_clinician_flags(library: Library) -> None:
    result = assess(library, red_flags=["fever_or_unwell", "chest_pain_or_breathless"], trauma="major")
    assert result["triage"] == "emergency"
    assert len(result["reasons"]) == 3
    assert result["red_flags"] == ["chest_pain_or_breathless", "fever_or_unwell"]


def test_new_pain_after_fifty_is_advised_but_not_gated(library: Library) -> None:
    result = assess(library, age=63, duration_days=10)
    assert result["triage"] == "self_care"
    assert result["advice"], "advice for new back pain after 50"
    assert result["plan"] is not None


def test_every_result_shows_the_stop_rules(library: Library) -> None:
    for changes in ({}, {"red_flags": ["saddle_numbness"]}, {"trauma": "major"}):
        assert len(assess(library, **changes)["stop_rules"]) == 3
