"""A clinician's programme: checked against the library (errors name the item and field), and the
plan a patient follows when their clinician assigned one."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from tests.strategies import base_answers
from unknot.content.schema import Dose, Level, Library
from unknot.core.dosing import item_dose
from unknot.core.errors import UserError
from unknot.core.planning import CAP_TENTHS, item_tenths
from unknot.core.programme import (
    CLINICIAN_WHY,
    Programme,
    ProgrammeError,
    ProgrammeItem,
    check_programme,
    programme_plan,
)
from unknot.core.result import Assessment, Plan, PlanItem
from unknot.services import catalog

BRIDGE = Dose(reps=12, rep_seconds=4, sets=3, rest_seconds=30)
HAMSTRING = Dose(hold_seconds=45, sets=2, sides=2, rest_seconds=15)


def programme(*items: ProgrammeItem, notes: str = "Every morning before work.") -> Programme:
    return Programme(name="Low back, week 1", notes=notes, items=list(items))


def two_items() -> Programme:
    return programme(
        ProgrammeItem(exercise_id="glute_bridge", dose=BRIDGE, note="Squeeze your glutes at the top."),
        ProgrammeItem(exercise_id="seated_hamstring_stretch", dose=HAMSTRING),
    )


def automatic_plan(library: Library) -> Plan:
    result = catalog.assess_answers(json.dumps(base_answers()), library)
    assert result.plan is not None
    return result.plan


def test_a_programme_round_trips_through_json() -> None:
    original = two_items()
    assert Programme.model_validate(json.loads(json.dumps(original.model_dump(mode="json")))) == original


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"items": []}, "items"),
        ({"name": ""}, "name"),
        ({"notes": "x" * 1001}, "notes"),
        ({"items": [{"exercise_id": "cat_cow", "dose": {"reps": 5, "sets": 2}, "note": "x" * 301}]}, "note"),
        ({"items": [{"exercise_id": "cat_cow", "dose": {"reps": 5, "sets": 9}}]}, "sets"),
        ({"items": [{"exercise_id": "cat_cow", "dose": {"reps": 5, "sets": 2}, "colour": "red"}]}, "colour"),
    ],
)
def test_a_malformed_programme_is_refused_naming_the_field(change: dict[str, Any], field: str) -> None:
    data = two_items().model_dump(mode="json") | change
    with pytest.raises(ValidationError, match=field):
        Programme.model_validate(data)


def test_a_programme_holds_at_most_twelve_items() -> None:
    data = two_items().model_dump(mode="json")
    with pytest.raises(ValidationError, match="items"):
        Programme.model_validate(data | {"items": [data["items"][0]] * 13})


def test_an_unknown_exercise_is_named_with_its_item(library: Library) -> None:
    bad = programme(
        ProgrammeItem(exercise_id="glute_bridge", dose=BRIDGE),
        ProgrammeItem(exercise_id="moon_walk", dose=BRIDGE),
    )
    with pytest.raises(ProgrammeError, match=r"^programme item 2: exercise_id 'moon_walk' is not in"):
        check_programme(bad, library)
    assert issubclass(ProgrammeError, UserError)


def test_an_exercise_given_twice_is_named(library: Library) -> None:
    twice = programme(*[ProgrammeItem(exercise_id="glute_bridge", dose=BRIDGE)] * 2)
    with pytest.raises(
        ProgrammeError, match=r"programme item 2 \(Glute bridge\): exercise_id is already item 1"
    ):
        check_programme(twice, library)


@pytest.mark.parametrize(
    ("exercise_id", "dose", "message"),
    [
        (
            "seated_hamstring_stretch",
            Dose(hold_seconds=30, sets=2),
            "dose.sides is 1, but this exercise is done on each side",
        ),
        ("cat_cow", Dose(reps=8, sets=2, sides=2), "dose.sides is 2, but this exercise is done on one side"),
    ],
)
def test_sides_must_match_the_exercise(library: Library, exercise_id: str, dose: Dose, message: str) -> None:
    bad = programme(
        ProgrammeItem(exercise_id="glute_bridge", dose=BRIDGE),
        ProgrammeItem(exercise_id=exercise_id, dose=dose),
    )
    with pytest.raises(ProgrammeError, match=rf"^programme item 2 \(.+\): {message}"):
        check_programme(bad, library)


def test_the_item_that_takes_the_programme_past_the_planners_cap_is_named(library: Library) -> None:
    long_hold = Dose(hold_seconds=120, sets=5, sides=2, rest_seconds=60)  # over 29 minutes on its own
    assert CAP_TENTHS[Level.STANDARD] < 2 * item_tenths(long_hold) <= 2 * CAP_TENTHS[Level.STANDARD]
    fits = programme(ProgrammeItem(exercise_id="seated_hamstring_stretch", dose=long_hold))
    check_programme(fits, library)
    too_long = programme(
        ProgrammeItem(exercise_id="seated_hamstring_stretch", dose=long_hold),
        ProgrammeItem(exercise_id="standing_quad_stretch", dose=long_hold),
    )
    limit = f"over the {CAP_TENTHS[Level.STANDARD] / 10:g}-minute limit"
    with pytest.raises(ProgrammeError, match=rf"^programme item 2 \(Standing quad stretch\): dose .*{limit}"):
        check_programme(too_long, library)


def test_the_plan_follows_the_programme_and_keeps_walking_habits_and_lessons(library: Library) -> None:
    automatic = automatic_plan(library)
    plan = programme_plan(two_items(), library, automatic)
    assert [i.id for i in plan.items] == ["glute_bridge", "seated_hamstring_stretch"]
    assert [i.dose for i in plan.items] == [BRIDGE, HAMSTRING]
    assert [i.note for i in plan.items] == ["Squeeze your glutes at the top.", ""]
    assert all(i.why == CLINICIAN_WHY for i in plan.items)
    assert plan.total_minutes == (item_tenths(BRIDGE) + item_tenths(HAMSTRING)) / 10
    assert [i.minutes for i in plan.items] == [item_tenths(BRIDGE) / 10, item_tenths(HAMSTRING) / 10]
    assert (plan.walking, plan.habits, plan.lessons, plan.level) == (
        automatic.walking,
        automatic.habits,
        automatic.lessons,
        automatic.level,
    )
    bridge = library.exercises["glute_bridge"]
    assert item_dose(plan.items[0], bridge) == BRIDGE, "the clinician's dose, not the library's"
    assert item_dose(automatic.items[0], library.exercises[automatic.items[0].id]) is not None


def test_a_programme_that_no_longer_fits_the_library_is_refused_not_half_followed(library: Library) -> None:
    gone = programme(ProgrammeItem(exercise_id="retired_exercise", dose=BRIDGE))
    with pytest.raises(ProgrammeError, match="programme item 1"):
        programme_plan(gone, library, automatic_plan(library))


def test_plans_saved_before_doses_and_notes_load_unchanged(library: Library) -> None:
    automatic = automatic_plan(library)
    saved = automatic.model_dump(mode="json")
    for item in saved["items"]:
        del item["dose"], item["note"]
    loaded = Plan.model_validate(saved)
    assert loaded == automatic
    assert all(item.dose is None and item.note == "" for item in loaded.items)
    item = PlanItem.model_validate(saved["items"][0])
    assert item_dose(item, library.exercises[item.id]) == library.exercises[item.id].dose.for_level(
        item.level
    )
    result = catalog.assess_answers(json.dumps(base_answers()), library).model_dump(mode="json")
    for item in result["plan"]["items"]:
        del item["dose"], item["note"]
    assert Assessment.model_validate(result).plan == automatic
