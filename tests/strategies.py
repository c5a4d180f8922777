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
]
CLINICIAN = [
    "fever_or_unwell",
    "unexplained_weight_loss",
    "cancer_history",
    "constant_night_pain",
    "osteoporosis_or_steroids",
    "immunosuppressed_or_iv_drugs",
]
RED_FLAGS = EMERGENCY + CLINICIAN


def valid_answers(red_flags: st.SearchStrategy[list[str]] | None = None) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "age": st.integers(16, 110),
            "regions": st.lists(st.sampled_from(REGIONS), min_size=1, max_size=3, unique=True),
            "pain_now": st.integers(0, 10),
            "duration_days": st.one_of(st.integers(0, 5), st.integers(0, 36500)),
            "trauma": st.sampled_from(["none", "minor", "major"]),
            "lifting_strain": st.booleans(),
            "repetitive_load": st.booleans(),
            "sitting_hours": st.one_of(
                st.integers(0, 24),
                st.floats(0, 24, allow_nan=False, allow_infinity=False),
                st.sampled_from([5.999, 6, 6.0]),
            ),
            "hamstrings_tight": st.sampled_from(["yes", "no", "unknown"]),
            "inflammation_signs": st.booleans(),
            "red_flags": red_flags
            if red_flags is not None
            else st.one_of(st.just([]), st.lists(st.sampled_from(RED_FLAGS), max_size=4, unique=True)),
        }
    )


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
        "red_flags": [],
    }
    answers.update(changes)
    return answers
