"""Strength that progresses: past its last dose an exercise moves to its harder version, when safe."""

from __future__ import annotations

from typing import Any

from tests.strategies import base_answers
from unknot.content.schema import Level, Library
from unknot.core.answers import answers_from_dict
from unknot.core.progression import PlanChange, adapt
from unknot.core.result import Plan, PlanItem, Walking

UP, BACK = PlanChange(+1, "a good week"), PlanChange(-1, "a flare")


def plan_of(library: Library, exercise_id: str, level: Level) -> Plan:
    exercise = library.exercises[exercise_id]
    item = PlanItem(
        id=exercise.id,
        name=exercise.name,
        kind=exercise.kind.value,
        minutes=2,
        targets=[m.value for m in exercise.targets],
        position=exercise.position.value,
        stop_if=list(exercise.stop_if),
        level=level,
        why="Chosen for your neck.",
    )
    walking = Walking(minutes_per_day=10, why="Walking helps.")
    return Plan(level="standard", total_minutes=2, items=[item], walking=walking, habits=[])


def moved(library: Library, plan: Plan, change: PlanChange, **answers: Any) -> PlanItem:
    adapted = adapt(plan, change, library.exercises, answers_from_dict(base_answers(**answers)))
    assert adapted is not None
    [item] = adapted.items
    return item


def test_a_knee_side_plank_at_its_last_dose_moves_on_to_the_full_side_plank(library: Library) -> None:
    item = moved(library, plan_of(library, "side_plank_knees", Level.STANDARD), UP)
    full = library.exercises["side_plank"]
    assert (item.id, item.level) == ("side_plank", Level.STANDARD)
    assert item.targets == [m.value for m in full.targets] and item.stop_if == full.stop_if
    assert "harder version of side plank on your knees" in item.why.lower()


def test_below_its_last_dose_an_exercise_only_steps_up_its_dose(library: Library) -> None:
    item = moved(library, plan_of(library, "chin_tucks", Level.STANDARD), UP)
    assert (item.id, item.level) == ("chin_tucks", Level.ADVANCED)


def test_the_harder_version_must_be_safe_for_the_person(library: Library) -> None:
    plan = plan_of(library, "chin_tucks", Level.ADVANCED)
    assert moved(library, plan, UP).id == "head_lift_chin_tuck", "lying down: fine on the floor"
    stays = adapt(plan, UP, library.exercises, answers_from_dict(base_answers(floor_ok=False)))
    assert stays is not None and stays.items[0].id == "chin_tucks", "no floor: no lying head lift"
    assert stays.walking is not None and stays.walking.minutes_per_day == 15, "the walk still grows"


def test_after_a_flare_the_harder_version_goes_back_to_the_easier_at_its_last_dose(library: Library) -> None:
    item = moved(library, plan_of(library, "side_plank", Level.STANDARD), BACK)
    assert (item.id, item.level) == ("side_plank_knees", Level.STANDARD)
    assert "easier version" in item.why
