"""Every rule of docs/contracts/assess.md (version 2), over the whole space of valid answers."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.contract import check_result
from tests.strategies import CLINICIAN, EMERGENCY, valid_answers
from unknot.content.schema import Library
from unknot.services import catalog

SETTINGS = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _exercises(library: Library) -> dict[str, dict[str, Any]]:
    return {e.id: catalog.exercise_record(e, library) for e in library.exercises.values()}


def _assess(answers: dict[str, Any], library: Library) -> dict[str, Any]:
    return catalog.assess_answers(json.dumps(answers), library).model_dump(mode="json")


@SETTINGS
@given(answers=valid_answers())
def test_any_valid_answers_satisfy_the_contract(answers: dict[str, Any], library: Library) -> None:
    check_result(answers, _assess(answers, library), _exercises(library))


@SETTINGS
@given(answers=valid_answers(red_flags=st.just([])))
def test_self_care_answers_always_get_a_plan_within_the_cap(
    answers: dict[str, Any], library: Library
) -> None:
    answers |= {"trauma": "none", "leg_symptoms": "none", "osteoporosis": False, "inflammation_signs": False}
    result = _assess(answers, library)
    assert result["triage"] == "self_care"
    check_result(answers, result, _exercises(library))
    assert result["plan"]["items"], "a self-care result always offers at least one exercise"


@SETTINGS
@given(answers=valid_answers(red_flags=st.lists(st.sampled_from(EMERGENCY), min_size=1, unique=True)))
def test_any_emergency_flag_means_no_exercise(answers: dict[str, Any], library: Library) -> None:
    result = _assess(answers, library)
    assert result["triage"] == "emergency"
    assert result["plan"] is None and result["therapy"] is None
    assert "emergency" in result["action"].lower()


@SETTINGS
@given(answers=valid_answers(red_flags=st.lists(st.sampled_from(CLINICIAN), min_size=1, unique=True)))
def test_clinician_flags_say_why_for_each_flag(answers: dict[str, Any], library: Library) -> None:
    answers |= {"leg_symptoms": "none", "cleared_flags": []}
    result = _assess(answers, library)
    assert result["triage"] == "see_clinician"
    assert len(result["reasons"]) >= len(answers["red_flags"])


@SETTINGS
@given(answers=valid_answers())
def test_same_answers_same_result(answers: dict[str, Any], library: Library) -> None:
    assert _assess(answers, library) == _assess(dict(reversed(list(answers.items()))), library)
