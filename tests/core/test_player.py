"""The session player's state machine: durations, sides, rests, pause, skip, back."""

from __future__ import annotations

import bisect
import itertools
import json

import pytest
from hypothesis import assume, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tests.strategies import base_answers, valid_answers
from unknot.content.loader import default_library
from unknot.content.schema import Level, Library
from unknot.core.answers import answers_from_dict
from unknot.core.player import (
    BACK_GRACE_SECONDS,
    PREPARE_SECONDS,
    PhaseKind,
    Player,
    build_phases,
    phases_for_item,
)
from unknot.core.progression import PlanChange, adapt
from unknot.core.result import Plan, PlanItem
from unknot.services import catalog


def plan_for(library: Library, **changes: object) -> Plan:
    result = catalog.assess_answers(json.dumps(base_answers(**changes)), library)
    assert result.plan is not None
    return result.plan


def item_for(library: Library, exercise_id: str, level: Level, longer_holds: bool = False) -> PlanItem:
    exercise = library.exercises[exercise_id]
    return PlanItem(
        id=exercise_id,
        name=exercise.name,
        kind=exercise.kind.value,
        minutes=1,
        targets=[m.value for m in exercise.targets],
        level=level,
        why="",
        longer_holds=longer_holds,
    )


def test_two_sided_stretch_alternates_sets_then_switches_side(library: Library) -> None:
    exercise = library.exercises["seated_hamstring_stretch"]
    steps = phases_for_item(0, exercise, item_for(library, exercise.id, Level.STANDARD))
    kinds = [(s.kind.value, s.side, s.set_number) for s in steps]
    assert kinds == [
        ("prepare", None, 1),
        ("work", "left", 1),
        ("rest", "left", 2),
        ("work", "left", 2),
        ("rest", "right", 1),
        ("work", "right", 1),
        ("rest", "right", 2),
        ("work", "right", 2),
    ]
    assert all(s.seconds == 30 for s in steps if s.kind is PhaseKind.WORK)
    assert "right side" in steps[4].cue


def test_time_plays_through_and_counts_the_session(library: Library) -> None:
    plan = plan_for(library)
    steps = build_phases(plan, library.exercises)
    player = Player(steps)
    total = sum(s.seconds for s in steps)
    started = player.tick(total - 0.5)
    assert not player.finished and len(started) == len(steps) - 1
    player.tick(1)
    assert player.finished
    assert player.items_done() == [item.id for item in plan.items]
    dose_seconds = plan.total_minutes * 60
    assert total == pytest.approx(dose_seconds, rel=0.25), "the player and the plan agree on the length"


def test_pause_stops_the_clock(library: Library) -> None:
    player = Player(build_phases(plan_for(library), library.exercises))
    player.tick(3)
    player.toggle_pause()
    player.tick(100)
    assert (player.index, player.elapsed) == (0, 3)
    player.toggle_pause()
    player.tick(PREPARE_SECONDS - 3)
    assert player.index == 1


def test_skip_moves_to_the_next_exercise_and_does_not_count_it(library: Library) -> None:
    plan = plan_for(library)
    player = Player(build_phases(plan, library.exercises))
    started = player.skip()
    assert started[0].item == 1 and started[0].kind is PhaseKind.PREPARE
    while not player.finished:
        player.tick(1000)
    assert plan.items[0].id not in player.items_done()
    assert player.items_done() == [i.id for i in plan.items[1:]]


def test_back_restarts_the_exercise_then_goes_to_the_previous(library: Library) -> None:
    player = Player(build_phases(plan_for(library), library.exercises))
    player.skip()
    player.tick(PREPARE_SECONDS + 5)
    assert player.phase is not None and player.phase.item == 1
    player.back()
    assert player.phase is not None and (player.phase.item, player.phase.kind) == (1, PhaseKind.PREPARE)
    player.back()
    assert player.phase is not None and player.phase.item == 0


def test_stop_ends_early(library: Library) -> None:
    player = Player(build_phases(plan_for(library), library.exercises))
    player.tick(PREPARE_SECONDS + 60)
    player.stop()
    assert player.finished and player.index < len(player.phases)
    assert len(player.items_done()) >= 1


class PlayerAgainstTimeline(RuleBasedStateMachine):
    """The player, checked against an independent model: one position on the session's timeline.

    The model knows only where each phase starts and ends. Time moves the position on (through every
    phase that ends on the way); skip jumps to the next exercise's start; back jumps to this exercise's
    start, or to the previous exercise's when at its very first moments. Whatever keys and ticks come,
    the player must be where the model says.
    """

    def __init__(self) -> None:
        super().__init__()
        self.library = default_library()

    @initialize(answers=valid_answers(red_flags=st.just([])).filter(lambda a: a["trauma"] != "major"))
    def start(self, answers: dict[str, object]) -> None:
        plan = catalog.assess_answers(json.dumps(answers), self.library).plan
        assume(plan is not None)
        assert plan is not None
        self.player = Player(build_phases(plan, self.library.exercises))
        phases = self.player.phases
        self.starts = list(itertools.accumulate((p.seconds for p in phases), initial=0.0))
        self.total = self.starts[-1]
        self.position, self.paused, self.quit, self.done = 0.0, False, False, set[int]()

    def index(self) -> int:
        return (
            len(self.player.phases)
            if self.position >= self.total
            else bisect.bisect_right(self.starts, self.position) - 1
        )

    def item_start(self, item: int) -> float | None:
        found = [start for start, p in zip(self.starts, self.player.phases, strict=False) if p.item == item]
        return found[0] if found else None

    @property
    def finished(self) -> bool:
        return self.quit or self.position >= self.total

    @rule(seconds=st.one_of(st.integers(1, 3), st.integers(1, 90)))
    def tick(self, seconds: int) -> None:
        self.player.tick(seconds)
        if self.finished or self.paused:
            return
        end = min(self.position + seconds, self.total)
        for i, phase in enumerate(self.player.phases):
            if phase.kind is PhaseKind.WORK and self.position < self.starts[i + 1] <= end:
                self.done.add(i)
        self.position = end

    @rule()
    def skip(self) -> None:
        self.player.skip()
        if not self.finished:
            following = self.item_start(self.player.phases[self.index()].item + 1)
            self.position = self.total if following is None else following

    @rule()
    def back(self) -> None:
        self.player.back()
        if self.finished:
            return
        index = self.index()
        item = self.player.phases[index].item
        start = self.item_start(item)
        assert start is not None
        early = self.starts[index] == start and self.position - start <= BACK_GRACE_SECONDS
        previous = self.item_start(item - 1)
        self.position = previous if early and previous is not None else start

    @rule()
    def pause(self) -> None:
        self.player.toggle_pause()
        self.paused = self.paused if self.finished else not self.paused

    @rule()
    def stop(self) -> None:
        self.player.stop()
        self.quit = True

    @invariant()
    def where_the_model_says(self) -> None:
        player = self.player
        assert player.finished == self.finished
        assert player.paused == self.paused
        if not self.finished:
            assert player.index == self.index()
            assert player.elapsed == self.position - self.starts[player.index]
        done_ids = [player.phases[i].exercise_id for i in sorted(self.done)]
        assert player.items_done() == list(dict.fromkeys(done_ids))


TestPlayerAgainstTimeline = PlayerAgainstTimeline.TestCase
TestPlayerAgainstTimeline.settings = settings(max_examples=80, stateful_step_count=40, deadline=None)


def test_back_at_exactly_two_seconds_goes_to_the_previous_exercise(library: Library) -> None:
    """The 2-second rule's boundary: at 2 s "back" still means the previous exercise, after it restarts."""
    player = Player(build_phases(plan_for(library), library.exercises))
    player.skip()
    player.tick(BACK_GRACE_SECONDS)
    player.back()
    assert player.phase is not None and player.phase.item == 0
    player.skip()
    player.tick(BACK_GRACE_SECONDS + 0.01)
    player.back()
    assert player.phase is not None and (player.phase.item, player.elapsed) == (1, 0)


def stretch_holds(plan: Plan, library: Library) -> list[float]:
    stretches = {i.id for i in plan.items if i.kind == "stretch"}
    steps = build_phases(plan, library.exercises)
    work = [s for s in steps if s.kind is PhaseKind.WORK and s.reps is None]
    return [s.seconds for s in work if s.exercise_id in stretches]


def test_from_65_every_stretch_is_held_at_least_30_seconds(library: Library) -> None:
    younger = plan_for(library, age=40, pain_now=8, regions=["lower_back", "neck"])
    older = plan_for(library, age=70, pain_now=8, regions=["lower_back", "neck"])
    assert younger.level == older.level == "gentle"
    assert min(stretch_holds(younger, library)) < 30, "gentle stretches are shorter below 65"
    assert stretch_holds(older, library) and min(stretch_holds(older, library)) >= 30
    assert older.total_minutes <= 20, "the gentle cap still holds"
    for item in older.items:
        assert item.longer_holds == (item.kind == "stretch")
        assert ("65 and over" in item.why) == item.longer_holds


def test_longer_holds_survive_a_step_back(library: Library) -> None:
    older = plan_for(library, age=72, pain_now=4)
    eased = adapt(
        older, PlanChange(-1, "a flare"), library.exercises, answers_from_dict(base_answers(age=72))
    )
    assert eased is not None
    assert any(i.level is Level.GENTLE for i in eased.items)
    assert min(stretch_holds(eased, library)) >= 30
