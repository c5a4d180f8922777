"""An independent reading of docs/contracts/assess.md (version 2), used to check any result against
its answers.

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
UPPER_OWNS = {"neck", "upper_back", "chest"}
LOWER_OWNS = {"lumbar", "hamstrings", "quadriceps", "hip_flexors", "glutes", "calves"}
EXERCISE_KINDS = {"stretch", "mobility", "strength", "massage", "breathing"}
WHOLE_BODY = {"balance", "sit_to_stand"}


def owned(a: dict[str, Any]) -> set[str]:
    muscles = set()
    if "neck" in a["regions"] or "upper_back" in a["regions"]:
        muscles |= UPPER_OWNS
    if "lower_back" in a["regions"]:
        muscles |= LOWER_OWNS
    return muscles


def expected_triage(a: dict[str, Any]) -> str:
    cleared = set(a.get("cleared_flags", []))
    flags = set(a["red_flags"]) - cleared
    if flags & set(EMERGENCY) or a["leg_symptoms"] == "both_legs":
        return "emergency"
    injured = a["trauma"] != "none"
    old = a["age"] >= 65
    rules = [
        bool(flags & set(CLINICIAN)),
        a["trauma"] == "major",
        (injured and (old or a["osteoporosis"])) or (a["osteoporosis"] and a["lifting_strain"]),
        "neck" in a["regions"] and injured and (old or a["arm_symptoms"]),
        a["inflammation_signs"] and not injured and not a["lifting_strain"] and not a["repetitive_load"],
    ]
    return "see_clinician" if any(rules) else "self_care"


def expected_causes(a: dict[str, Any]) -> list[str]:
    causes = []
    if a["trauma"] != "none" or a["lifting_strain"]:
        causes.append("trauma")
    if a["repetitive_load"]:
        causes.append("overuse")
    if a["sitting_hours"] >= 6:
        causes.append("sitting_posture")
    if a["hamstrings_tight"] == "yes":
        causes.append("tight_hamstrings")
    return causes


def check_result(a: dict[str, Any], r: dict[str, Any], exercises: dict[str, dict[str, Any]]) -> None:
    """Assert every rule of the contract; `exercises` is `unknot exercises --json` keyed by id."""
    triage = expected_triage(a)
    assert r["contract"] == 2
    assert r["triage"] == triage
    assert sorted(r["red_flags"]) == sorted(a["red_flags"])
    assert sorted(r["cleared_flags"]) == sorted(a.get("cleared_flags", []))
    if triage != "self_care":
        assert r["reasons"] and all(isinstance(x, str) and x.strip() for x in r["reasons"])
        assert r["therapy"] is None and r["plan"] is None
    assert [c["id"] for c in r["causes"]] == expected_causes(a)
    assert all(c["why"].strip() for c in r["causes"])
    assert isinstance(r["advice"], list)
    if triage == "self_care":
        _check_therapy(a, r["therapy"])
        _check_plan(a, r, exercises)


def _check_therapy(a: dict[str, Any], therapy: dict[str, Any] | None) -> None:
    skin = set(a["skin_conditions"])
    cold = a["inflammation_signs"]
    if "numb_skin" in skin or (cold and "raynauds" in skin):
        assert therapy is None
        return
    assert therapy is not None
    assert therapy["kind"] == ("cold" if cold else "heat")
    assert isinstance(therapy["minutes"], int) and 10 <= therapy["minutes"] <= 20
    assert therapy["why"].strip() and therapy["do_not_use_if"]


def _targets(items: list[dict[str, Any]], muscles: set[str], kind: str | None = None) -> bool:
    return any(muscles & set(i["targets"]) and (kind is None or i["kind"] == kind) for i in items)


def _check_plan(a: dict[str, Any], r: dict[str, Any], exercises: dict[str, dict[str, Any]]) -> None:
    plan = r["plan"]
    items = plan["items"]
    total = plan["total_minutes"]
    assert total <= 30 and abs(total - sum(i["minutes"] for i in items)) <= 0.5
    assert all(i["minutes"] >= 0.5 for i in items)
    trauma_fresh = ("trauma" in expected_causes(a)) and a["duration_days"] <= 2
    gentle = a["pain_now"] >= 7 or trauma_fresh
    assert plan["level"] == ("gentle" if gentle else "standard")
    if gentle:
        assert total <= 20
    _check_region_truth(a, items, exercises)
    _check_coverage(a, r, items, exercises)
    _check_safe_positions(a, items, exercises)
    _check_order_and_patterns(items, exercises)
    walking = plan["walking"]
    assert 5 <= walking["minutes_per_day"] <= 30 and walking["why"].strip()
    assert plan["lessons"] and all(isinstance(x, str) for x in plan["lessons"])
    causes = expected_causes(a)
    if "sitting_posture" in causes:
        assert "movement_breaks" in plan["habits"]
    if a["lifting_strain"]:
        assert "lifting" in plan["habits"]
    for item in items:
        assert set(item["targets"]) <= MUSCLES
        if item["kind"] in EXERCISE_KINDS:
            listed = exercises[item["id"]]
            assert item["targets"] == listed["targets"] and item["position"] == listed["position"]
            assert item["stop_if"] == listed["stop_if"]


def _check_region_truth(a: dict[str, Any], items: list[dict[str, Any]], exercises: dict[str, Any]) -> None:
    for item in items:
        whole_body = WHOLE_BODY & set(exercises[item["id"]]["tags"])
        assert whole_body or owned(a) & set(item["targets"]), item["id"]


def _check_coverage(
    a: dict[str, Any], r: dict[str, Any], items: list[dict[str, Any]], exercises: dict[str, Any]
) -> None:
    # Only the safe-position rules may leave a need unmet, and the advice then says so.
    restricted = not a["floor_ok"] or a["pregnant"] or a["osteoporosis"] or a["leg_symptoms"] == "one_leg"
    left_out = restricted and bool(r["advice"])
    needs = []
    if "lower_back" in a["regions"]:
        needs.append(_targets(items, {"lumbar"}))
        if a["hamstrings_tight"] != "no":
            needs.append(_targets(items, {"hamstrings"}))
    if "neck" in a["regions"] or "upper_back" in a["regions"]:
        needs.append(_targets(items, {"neck", "upper_back"}))
    needs.append(_targets(items, owned(a), "strength"))
    if "neck" in a["regions"]:
        needs.append(_targets(items, {"neck", "upper_back"}, "strength"))
    if a["age"] >= 65 or a["falls_last_year"]:
        needs.append(any(WHOLE_BODY & set(exercises[i["id"]]["tags"]) for i in items))
    assert all(needs) or left_out
    if a["hamstrings_tight"] == "no":
        assert sum("hamstrings" in i["targets"] for i in items) <= 2


def _check_safe_positions(a: dict[str, Any], items: list[dict[str, Any]], exercises: dict[str, Any]) -> None:
    for item in items:
        listed = exercises[item["id"]]
        if not a["floor_ok"] or a["pregnant"]:
            assert item["position"] not in ("lying", "kneeling"), item["id"]
        if a["osteoporosis"]:
            assert not listed["spinal_flexion"], item["id"]
        if a["age"] >= 65:
            assert item["id"] != "seated_neck_rolls"
        if a["leg_symptoms"] == "one_leg":
            assert "nerve_tension" not in listed["tags"], item["id"]


def _check_order_and_patterns(items: list[dict[str, Any]], exercises: dict[str, Any]) -> None:
    kinds = [i["kind"] for i in items]
    for earlier, later in (("mobility", "strength"), ("strength", "stretch"), ("mobility", "stretch")):
        if earlier in kinds and later in kinds:
            last = max(n for n, k in enumerate(kinds) if k == earlier)
            assert last < min(n for n, k in enumerate(kinds) if k == later), f"{earlier} before {later}"
    if "breathing" in kinds:
        assert all(k == "breathing" for k in kinds[kinds.index("breathing") :]), "breathing comes last"
    patterns = [exercises[i["id"]]["pattern"] for i in items]
    assert len(patterns) == len(set(patterns))
