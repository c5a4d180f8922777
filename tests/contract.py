"""An independent reading of docs/contracts/assess.md, used to check any result against its answers.

Written from the contract text, not from unknot's code, so it can catch the code drifting.
"""

from __future__ import annotations

from typing import Any

from tests.strategies import CLINICIAN, EMERGENCY

MUSCLES = {
    "hamstrings",
    "quadriceps",
    "lumbar",
    "neck",
    "upper_back",
    "hip_flexors",
    "glutes",
    "chest",
    "calves",
}
EXERCISE_KINDS = {"stretch", "mobility", "strength", "massage", "breathing"}


def expected_triage(a: dict[str, Any]) -> str:
    if set(a["red_flags"]) & set(EMERGENCY):
        return "emergency"
    if set(a["red_flags"]) & set(CLINICIAN) or a["trauma"] == "major":
        return "see_clinician"
    return "self_care"


def expected_causes(a: dict[str, Any]) -> set[str]:
    causes = set()
    if a["trauma"] != "none" or a["lifting_strain"]:
        causes.add("trauma")
    if a["repetitive_load"]:
        causes.add("overuse")
    if a["hamstrings_tight"] == "yes":
        causes.add("tight_hamstrings")
    if a["sitting_hours"] >= 6:
        causes.add("sitting_posture")
    return causes


def check_result(a: dict[str, Any], r: dict[str, Any], exercises: dict[str, dict[str, Any]]) -> None:
    """Assert every rule of the contract; `exercises` is `unknot exercises --json` keyed by id."""
    triage = expected_triage(a)
    assert r["triage"] == triage
    assert sorted(r["red_flags"]) == sorted(a["red_flags"])
    if triage != "self_care":
        assert r["reasons"] and all(isinstance(x, str) and x.strip() for x in r["reasons"])
        assert r["therapy"] is None and r["plan"] is None
    cause_ids = [c["id"] for c in r["causes"]]
    assert set(cause_ids) == expected_causes(a) and len(cause_ids) == len(set(cause_ids))
    assert all(c["why"].strip() for c in r["causes"])
    if triage == "self_care":
        _check_therapy(a, r["therapy"], cause_ids)
        _check_plan(a, r["plan"], cause_ids, exercises)


def _fresh_trauma(a: dict[str, Any], cause_ids: list[str]) -> bool:
    return "trauma" in cause_ids and a["duration_days"] <= 2


def _check_therapy(a: dict[str, Any], therapy: dict[str, Any], cause_ids: list[str]) -> None:
    cold = a["inflammation_signs"] or _fresh_trauma(a, cause_ids)
    assert therapy["kind"] == ("cold" if cold else "heat")
    assert isinstance(therapy["minutes"], int) and 10 <= therapy["minutes"] <= 20
    assert therapy["why"].strip()


def _targets(items: list[dict[str, Any]], muscle: str) -> bool:
    return any(muscle in item["targets"] for item in items)


def _check_plan(
    a: dict[str, Any], plan: dict[str, Any], cause_ids: list[str], exercises: dict[str, dict[str, Any]]
) -> None:
    items = plan["items"]
    total = plan["total_minutes"]
    assert total <= 30
    assert abs(total - sum(i["minutes"] for i in items)) <= 0.5
    assert all(i["minutes"] >= 0.5 for i in items)
    if "lower_back" in a["regions"]:
        assert _targets(items, "lumbar") and _targets(items, "hamstrings")
    if "neck" in a["regions"] or "upper_back" in a["regions"]:
        assert _targets(items, "neck")
    if "tight_hamstrings" in cause_ids:
        assert _targets(items, "hamstrings")
    assert "hydration" in plan["habits"]
    if "sitting_posture" in cause_ids:
        assert {"breaks", "posture"} <= set(plan["habits"])
    if a["lifting_strain"]:
        assert "lifting" in plan["habits"]
    gentle = a["pain_now"] >= 7 or _fresh_trauma(a, cause_ids)
    assert plan["level"] == ("gentle" if gentle else "standard")
    if gentle:
        assert total <= 20
    for item in items:
        assert set(item["targets"]) <= MUSCLES
        if item["kind"] in EXERCISE_KINDS:
            assert item["id"] in exercises
            assert item["targets"] == exercises[item["id"]]["targets"]
