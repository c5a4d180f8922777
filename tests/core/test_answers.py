"""Invalid answers are refused with one line that names the field."""

from __future__ import annotations

import json

import pytest

from tests.strategies import base_answers
from unknot.core.answers import AnswersError, parse_answers


def error_for(text: str) -> str:
    with pytest.raises(AnswersError) as caught:
        parse_answers(text)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"regions": ["knee"]}, "regions", "unknown region 'knee'"),
        ({"regions": []}, "regions", "choose at least one place where it hurts"),
        ({"regions": ["neck", "neck"]}, "regions", "duplicate region 'neck'"),
        ({"red_flags": ["headache"]}, "red_flags", "unknown red flag 'headache'"),
        ({"red_flags": ["cancer_history", "cancer_history"]}, "red_flags", "duplicate"),
        ({"age": 15}, "age", "children and young people under 16 needs a doctor"),
        ({"age": 111}, "age", "less than or equal to 110"),
        ({"age": "40"}, "age", "integer"),
        ({"age": 40.5}, "age", "integer"),
        ({"age": True}, "age", "integer"),
        ({"pain_now": 11}, "pain_now", "10"),
        ({"pain_now": -1}, "pain_now", "0"),
        ({"duration_days": 36501}, "duration_days", "36500"),
        ({"trauma": "huge"}, "trauma", "none"),
        ({"lifting_strain": "yes"}, "lifting_strain", "boolean"),
        ({"lifting_strain": 1}, "lifting_strain", "boolean"),
        ({"sitting_hours": 25}, "sitting_hours", "24"),
        ({"sitting_hours": "8"}, "sitting_hours", "number"),
        ({"hamstrings_tight": True}, "hamstrings_tight", "yes"),
        ({"inflammation_signs": None}, "inflammation_signs", "boolean"),
        ({"regions": "neck"}, "regions", "list"),
        ({"colour": "blue"}, "colour", "unknown field"),
        ({"leg_symptoms": "left"}, "leg_symptoms", "none"),
        ({"arm_symptoms": "yes"}, "arm_symptoms", "boolean"),
        ({"osteoporosis": None}, "osteoporosis", "boolean"),
        ({"pregnant": 0}, "pregnant", "boolean"),
        ({"floor_ok": "no"}, "floor_ok", "boolean"),
        ({"falls_last_year": []}, "falls_last_year", "boolean"),
        ({"morning_stiffness": "often"}, "morning_stiffness", "boolean"),
        ({"skin_conditions": ["sunburn"]}, "skin_conditions", "unknown skin condition 'sunburn'"),
        ({"skin_conditions": ["raynauds", "raynauds"]}, "skin_conditions", "duplicate"),
        ({"cleared_flags": ["cancer_history"]}, "cleared_flags", "'cancer_history' is not in red_flags"),
        (
            {"red_flags": ["saddle_numbness"], "cleared_flags": ["saddle_numbness"]},
            "cleared_flags",
            "emergency sign and cannot be cleared",
        ),
        ({"age": 20, "duration_days": 3700}, "duration_days", "longer than your age allows"),
    ],
)
def test_bad_field_is_named(changes: dict[str, object], field: str, words: str) -> None:
    message = error_for(json.dumps(base_answers(**changes)))
    assert message.startswith(f"{field}")
    assert words in message


@pytest.mark.parametrize("field", [f for f in base_answers() if f != "cleared_flags"])
def test_each_missing_field_is_named(field: str) -> None:
    answers = base_answers()
    del answers[field]
    assert error_for(json.dumps(answers)) == f"{field}: missing (every field is required)"


def test_malformed_json_says_so() -> None:
    assert error_for('{"age": 40,').startswith("answers: not valid JSON")


@pytest.mark.parametrize("text", ["[]", "42", '"hello"', "null"])
def test_not_an_object(text: str) -> None:
    assert error_for(text) == "answers: must be a JSON object"


def test_nan_hours_refused() -> None:
    text = json.dumps(base_answers()).replace('"sitting_hours": 4', '"sitting_hours": NaN')
    assert error_for(text).startswith("sitting_hours")


def test_valid_answers_parse() -> None:
    answers = parse_answers(json.dumps(base_answers(sitting_hours=7.5, regions=["neck", "lower_back"])))
    assert answers.sitting_hours == 7.5
    assert answers.regions == ["neck", "lower_back"]


def test_cleared_flags_may_be_left_out() -> None:
    answers = base_answers()
    answers.pop("cleared_flags", None)
    assert parse_answers(json.dumps(answers)).cleared_flags == []


def test_pain_since_childhood_is_accepted_up_to_the_limit() -> None:
    answers = parse_answers(json.dumps(base_answers(age=20, duration_days=(20 - 10) * 366)))
    assert answers.duration_days == 3660
