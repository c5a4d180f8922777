"""The break engine: every rule of the contract, on any trace."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.contract_breaks import reference
from unknot.core.breaks import BreakSettings, TraceError, parse_trace, simulate


@st.composite
def traces(draw: st.DrawFn) -> dict[str, Any]:
    work = draw(st.integers(2, 6))
    chosen = {
        "work_minutes": work,
        "natural_break_minutes": draw(st.integers(1, work - 1)),
        "snooze_minutes": draw(st.integers(1, work - 1)),
    }
    periods, clock = [], draw(st.integers(0, 100))
    for _ in range(draw(st.integers(0, 12))):
        length = draw(st.integers(1, 900))
        periods.append([clock, clock + length])
        clock += length + draw(st.sampled_from([0, 1, 30, 59, 60, 61, 119, 120, 300, 400]))
    responses = draw(st.lists(st.sampled_from(["take", "snooze", "skip"]), max_size=20))
    return {"settings": chosen, "activity": periods, "responses": responses}


@settings(max_examples=400, deadline=None)
@given(trace=traces())
def test_engine_matches_a_second_by_second_reading_of_the_contract(trace: dict[str, Any]) -> None:
    result = simulate(*parse_trace(trace)).as_contract()
    assert result == reference(trace["settings"], trace["activity"], trace["responses"])


@settings(max_examples=300, deadline=None)
@given(trace=traces(), scale=st.sampled_from([0.5, 0.25, 1.5]))
def test_prompts_always_fall_inside_activity(trace: dict[str, Any], scale: float) -> None:
    trace["activity"] = [[s * scale, e * scale] for s, e in trace["activity"]]
    result = simulate(*parse_trace(trace)).as_contract()
    for prompt in result["prompts"]:
        assert any(s < prompt["t"] <= e + 1e-9 for s, e in trace["activity"])


def test_lunch_break_and_suspend_reset_the_counter() -> None:
    # 25 minutes of work, a 40-minute lunch (idle), then 10 minutes: no prompt at all.
    trace = {"activity": [[0, 1500], [3900, 4500]]}
    result = simulate(*parse_trace(trace)).as_contract()
    assert result["prompts"] == [] and result["natural_breaks"] == [[1500, 3900]]


def test_a_short_pause_does_not_reset() -> None:
    trace = {"activity": [[0, 1500], [1620, 2000]]}  # a 2-minute pause
    assert simulate(*parse_trace(trace)).as_contract()["prompts"] == [{"t": 1920.0, "response": "take"}]


def test_snooze_brings_the_next_prompt_after_the_snooze_time() -> None:
    trace = {"activity": [[0, 4000]], "responses": ["snooze", "skip"]}
    prompts = simulate(*parse_trace(trace)).as_contract()["prompts"]
    assert prompts[:3] == [
        {"t": 1800.0, "response": "snooze"},
        {"t": 2100.0, "response": "skip"},
        {"t": 3900.0, "response": "take"},
    ]


@pytest.mark.parametrize(
    ("trace", "words"),
    [
        ({}, "activity: missing"),
        ([], "trace: must be a JSON object"),
        ({"activity": [], "extra": 1}, "extra: unknown field"),
        ({"activity": [[5, 5]]}, "activity[0]: start must be less than end"),
        ({"activity": [[0, 10], [5, 20]]}, "activity[1]: overlaps"),
        ({"activity": [[-1, 10]]}, "activity[0]: starts before"),
        ({"activity": [[0, "10"]]}, "activity[0][1]: must be a number"),
        ({"activity": [[0, 10, 20]]}, "activity[0]: must be a pair"),
        ({"activity": [[0, True]]}, "activity[0][1]: must be a number"),
        (
            {"activity": [], "settings": {"work_minutes": 0}},
            "settings.work_minutes: must be a positive number",
        ),
        (
            {
                "activity": [],
                "settings": {"work_minutes": 5, "natural_break_minutes": 1, "snooze_minutes": 5},
            },
            "settings.snooze_minutes: must be less",
        ),
        (
            {"activity": [], "settings": {"natural_break_minutes": 40}},
            "settings.natural_break_minutes: must be less",
        ),
        ({"activity": [], "settings": {"colour": 1}}, "settings.colour: unknown setting"),
        ({"activity": [], "responses": ["later"]}, "responses[0]: must be take, snooze or skip"),
    ],
)
def test_invalid_traces_name_what_is_wrong(trace: Any, words: str) -> None:
    with pytest.raises(TraceError) as caught:
        parse_trace(trace)
    assert str(caught.value).startswith(words)


def test_defaults() -> None:
    assert BreakSettings() == BreakSettings(30, 5, 5)
