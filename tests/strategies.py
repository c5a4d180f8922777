"""Hypothesis strategies for the whole space of valid (and nearly valid) intake answers."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

REGIONS = ["neck", "upper_back", "lower_back"]
EMERGENCY = [
    "bladder_bowel_change",
    "saddle_numbness",
    "progressive_leg_weakness",
    "chest_pain_or_breathless",
    "stroke_like_signs",
    "sudden_severe_headache",
    "sudden_abdominal_pain",
]
CLINICIAN = [
    "fever_or_unwell",
    "unexplained_weight_loss",
    "cancer_history",
    "constant_night_pain",
    "immunosuppressed_or_iv_drugs",
    "hand_clumsiness_or_unsteady_walking",
    "recent_spine_surgery",
]
RED_FLAGS = EMERGENCY + CLINICIAN


@st.composite
def valid_answers(draw: st.DrawFn, red_flags: st.SearchStrategy[list[str]] | None = None) -> dict[str, Any]:
    """Any answers the contract accepts (the duration never longer than the age allows)."""
    age = draw(st.integers(16, 110))
    flags = draw(
        red_flags
        if red_flags is not None
        else st.one_of(st.just([]), st.lists(st.sampled_from(RED_FLAGS), max_size=4, unique=True))
    )
    cleared = draw(st.lists(st.sampled_from([f for f in flags if f in CLINICIAN] or ["-"]), unique=True))
    answers = {
        "age": age,
        "regions": draw(st.lists(st.sampled_from(REGIONS), min_size=1, max_size=3, unique=True)),
        "pain_now": draw(st.integers(0, 10)),
        "duration_days": draw(st.one_of(st.integers(0, 5), st.integers(0, min(36500, (age - 10) * 366)))),
        "trauma": draw(st.sampled_from(["none", "minor", "major"])),
        "lifting_strain": draw(st.booleans()),
        "repetitive_load": draw(st.booleans()),
        "sitting_hours": draw(
            st.one_of(
                st.integers(0, 24),
                st.floats(0, 24, allow_nan=False, allow_infinity=False),
                st.sampled_from([5.999, 6, 6.0]),
            )
        ),
        "hamstrings_tight": draw(st.sampled_from(["yes", "no", "unknown"])),
        "inflammation_signs": draw(st.booleans()),
        "leg_symptoms": draw(st.sampled_from(["none", "none", "one_leg", "both_legs"])),
        "arm_symptoms": draw(st.booleans()),
        "osteoporosis": draw(st.booleans()),
        "pregnant": draw(st.booleans()),
        "floor_ok": draw(st.booleans()),
        "falls_last_year": draw(st.booleans()),
        "morning_stiffness": draw(st.booleans()),
        "skin_conditions": draw(st.lists(st.sampled_from(["raynauds", "numb_skin"]), unique=True)),
        "red_flags": flags,
    }
    if draw(st.booleans()):
        answers["cleared_flags"] = [f for f in cleared if f != "-"]
    return answers


def base_answers(**changes: Any) -> dict[str, Any]:
    """A plain self-care case; tests change what they are about."""
    answers: dict[str, Any] = {
        "age": 40,
        "regions": ["lower_back"],
        "pain_now": 4,
        "duration_days": 14,
        "trauma": "none",
        "lifting_strain": False,
        "repetitive_load": False,
        "sitting_hours": 4,
        "hamstrings_tight": "no",
        "inflammation_signs": False,
        "leg_symptoms": "none",
        "arm_symptoms": False,
        "osteoporosis": False,
        "pregnant": False,
        "floor_ok": True,
        "falls_last_year": False,
        "morning_stiffness": False,
        "skin_conditions": [],
        "red_flags": [],
    }
    answers.update(changes)
    return answers
