"""Curated cases for each screen of contract version 2, as a clinician would try them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.strategies import base_answers, valid_answers
from unknot.content.loader import default_library
from unknot.content.schema import Library
from unknot.core.answers import AnswersError
from unknot.services import catalog

FLOOR = ("lying", "kneeling")


def assess(library: Library, **changes: Any) -> dict[str, Any]:
    return catalog.assess_answers(json.dumps(base_answers(**changes)), library).model_dump(mode="json")


def items(result: dict[str, Any]) -> list[dict[str, Any]]:
    assert result["plan"] is not None, result["reasons"]
    return list(result["plan"]["items"])


def has_tag(library: Library, item: dict[str, Any], tag: str) -> bool:
    return tag in library.exercises[item["id"]].tags


def test_seventy_year_old_with_neck_pain_after_a_fall_today_sees_a_clinician(library: Library) -> None:
    result = assess(library, age=70, regions=["neck"], trauma="minor", duration_days=0)
    assert result["triage"] == "see_clinician" and result["plan"] is None and result["therapy"] is None
    assert any("neck" in reason.lower() for reason in result["reasons"])


def test_a_neck_injury_with_arm_symptoms_sees_a_clinician_at_any_age(library: Library) -> None:
    result = assess(library, age=35, regions=["neck"], trauma="minor", arm_symptoms=True)
    assert result["triage"] == "see_clinician"


def test_eighty_two_year_old_the_day_after_a_fall_is_checked_for_a_fracture(library: Library) -> None:
    result = assess(library, age=82, regions=["lower_back"], trauma="minor", duration_days=1)
    assert result["triage"] == "see_clinician" and result["plan"] is None
    assert any("bone" in reason.lower() or "fracture" in reason.lower() for reason in result["reasons"])


def test_seventy_year_old_without_injury_gets_no_neck_circles_and_a_balance_item(library: Library) -> None:
    result = assess(library, age=70, regions=["neck", "lower_back"], sitting_hours=2)
    assert result["triage"] == "self_care"
    chosen = items(result)
    assert all(library.exercises[i["id"]].pattern != "neck_circles" for i in chosen)
    assert any(has_tag(library, i, "balance") or has_tag(library, i, "sit_to_stand") for i in chosen)


def test_a_fall_last_year_adds_balance_work_at_any_age(library: Library) -> None:
    chosen = items(assess(library, age=45, falls_last_year=True))
    assert any(has_tag(library, i, "balance") or has_tag(library, i, "sit_to_stand") for i in chosen)


def test_symptoms_in_both_legs_are_an_emergency(library: Library) -> None:
    result = assess(library, leg_symptoms="both_legs")
    assert result["triage"] == "emergency" and result["plan"] is None and result["therapy"] is None
    assert "ambulance" in result["action"] or "emergency" in result["action"].lower()


def test_one_leg_below_the_knee_leaves_out_nerve_stretches_and_says_why(library: Library) -> None:
    result = assess(library, leg_symptoms="one_leg", hamstrings_tight="yes")
    assert result["triage"] == "self_care"
    assert not any(has_tag(library, i, "nerve_tension") for i in items(result))
    assert any("below the knee" in note for note in result["advice"])


def test_osteoporosis_leaves_out_forward_bending_and_a_lift_needs_a_clinician(library: Library) -> None:
    chosen = items(assess(library, osteoporosis=True))
    assert not any(library.exercises[i["id"]].spinal_flexion for i in chosen)
    assert assess(library, osteoporosis=True, lifting_strain=True)["triage"] == "see_clinician"


def test_pregnancy_keeps_off_the_floor_and_gives_advice(library: Library) -> None:
    result = assess(library, pregnant=True)
    assert all(i["position"] not in FLOOR for i in items(result))
    assert any("midwife" in note for note in result["advice"])


def test_no_floor_means_chair_and_standing_work_that_still_covers_strength(library: Library) -> None:
    chosen = items(assess(library, floor_ok=False, regions=["lower_back", "neck"]))
    assert all(i["position"] not in FLOOR for i in chosen)
    assert any(i["kind"] == "strength" for i in chosen)


@pytest.mark.parametrize(
    "flag",
    ["stroke_like_signs", "sudden_severe_headache", "sudden_abdominal_pain"],
)
def test_new_emergency_signs(library: Library, flag: str) -> None:
    result = assess(library, red_flags=[flag])
    assert result["triage"] == "emergency" and result["reasons"]


@pytest.mark.parametrize("flag", ["hand_clumsiness_or_unsteady_walking", "recent_spine_surgery"])
def test_new_signs_that_need_a_clinician(library: Library, flag: str) -> None:
    assert assess(library, red_flags=[flag])["triage"] == "see_clinician"


def test_a_past_cancer_cleared_by_a_clinician_gets_a_plan_and_the_caution_that_remains(
    library: Library,
) -> None:
    result = assess(library, red_flags=["cancer_history"], cleared_flags=["cancer_history"])
    assert result["triage"] == "self_care" and result["plan"] is not None
    assert result["red_flags"] == ["cancer_history"] and result["cleared_flags"] == ["cancer_history"]
    when_cleared = next(f.when_cleared for f in library.safety.flags if f.id == "cancer_history")
    assert when_cleared in result["advice"]


def test_raynauds_with_swelling_gets_no_cold_and_numb_skin_no_heat(library: Library) -> None:
    swollen = assess(library, inflammation_signs=True, repetitive_load=True, skin_conditions=["raynauds"])
    assert swollen["triage"] == "self_care" and swollen["therapy"] is None
    assert assess(library, skin_conditions=["raynauds"])["therapy"]["kind"] == "heat"
    assert assess(library, skin_conditions=["numb_skin"])["therapy"] is None


def test_long_morning_stiffness_when_young_asks_about_inflammatory_back_pain(library: Library) -> None:
    result = assess(library, age=30, morning_stiffness=True, duration_days=120)
    assert any("inflammatory" in note for note in result["advice"])
    assert not any("inflammatory" in note for note in assess(library, age=30)["advice"])


def test_hamstrings_not_tight_get_at_most_two_hamstring_items(library: Library) -> None:
    chosen = items(assess(library, hamstrings_tight="no", regions=["lower_back"]))
    assert sum("hamstrings" in i["targets"] for i in chosen) <= 2
    assert len({library.exercises[i["id"]].pattern for i in chosen}) == len(chosen), "no repeated pattern"


def test_a_neck_plan_holds_deep_neck_or_shoulder_blade_strength(library: Library) -> None:
    chosen = items(assess(library, regions=["neck"]))
    strong = [i for i in chosen if i["kind"] == "strength"]
    assert any({"neck", "upper_back"} & set(i["targets"]) for i in strong)


def test_a_plan_walks_and_teaches(library: Library) -> None:
    plan = assess(library, pain_now=8, duration_days=120)["plan"]
    assert 5 <= plan["walking"]["minutes_per_day"] <= 30
    assert plan["lessons"][0] == "hurt_not_harm", "high, long pain: hurt is not harm, first"
    assert assess(library)["plan"]["lessons"][0] == "back_pain_common"


def test_under_sixteen_is_sent_to_a_doctor() -> None:
    with pytest.raises(AnswersError, match="children and young people under 16 needs a doctor"):
        catalog.assess_answers(json.dumps(base_answers(age=15)), None)  # type: ignore[arg-type]


def test_arm_symptoms_leave_out_stretches_that_pull_on_the_arm_nerves(library: Library) -> None:
    result = assess(library, regions=["neck", "upper_back"], arm_symptoms=True)
    assert not any(has_tag(library, i, "arm_nerve_tension") for i in items(result))
    assert any("nerves of the arm" in note for note in result["advice"])


def test_sciatica_advice_says_when_it_becomes_an_emergency(library: Library) -> None:
    [note] = [n for n in assess(library, leg_symptoms="one_leg")["advice"] if "below the knee" in n]
    assert "emergency department" in note and "both legs" in note


def floor_trips(positions: list[str]) -> int:
    """How many times a person gets down to the floor, playing the items in order."""
    on_floor = [p in FLOOR for p in positions]
    return sum(1 for before, now in zip([False, *on_floor], on_floor, strict=False) if now and not before)


@settings(max_examples=150, deadline=None)
@given(answers=valid_answers(red_flags=st.just([])))
def test_first_plans_are_short_start_easy_and_get_down_to_the_floor_at_most_twice(
    answers: dict[str, Any],
) -> None:
    library = default_library()
    result = catalog.assess_answers(json.dumps(answers), library).model_dump(mode="json")
    assume(result["plan"] is not None)
    chosen = items(result)
    harder = {e.harder for e in library.exercises.values()}
    assert not harder & {i["id"] for i in chosen}, "a harder version is reached by progressing"
    assert not any(library.exercises[i["id"]].pattern == "walk" for i in chosen), "walking is its own goal"
    assert len(chosen) <= 10
    assert floor_trips([i["position"] for i in chosen]) <= 2
