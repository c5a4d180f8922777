"""The guided session as a state machine: steps with durations, ticked by elapsed time. Pure.

The terminal and web players only feed it time and key presses, and show what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from unknot.content.schema import Exercise, Level
from unknot.core.dosing import adjusted
from unknot.core.result import Plan, PlanItem

PREPARE_SECONDS = 8


class StepKind(StrEnum):
    PREPARE = "prepare"
    WORK = "work"
    REST = "rest"


@dataclass(frozen=True)
class Step:
    kind: StepKind
    item: int
    exercise_id: str
    name: str
    seconds: float
    set_number: int
    sets: int
    side: str | None
    reps: int | None
    cue: str


def _side_label(sides: int, index: int) -> str | None:
    return None if sides == 1 else ("left", "right")[index]


def _work_cue(name: str, side: str | None, reps: int | None, seconds: int) -> str:
    what = f"{reps} slow repetitions" if reps else f"hold for {seconds} seconds"
    return f"{name}{f', {side} side' if side else ''}: {what}."


def steps_for_item(index: int, exercise: Exercise, item: PlanItem) -> list[Step]:
    dose = exercise.dose.for_level(Level(item.level)) or exercise.dose.standard
    dose = adjusted(dose, longer_holds=item.longer_holds)

    def make(kind: StepKind, seconds: float, number: int, side: str | None, cue: str) -> Step:
        reps = dose.reps if kind is StepKind.WORK else None
        return Step(kind, index, exercise.id, exercise.name, seconds, number, dose.sets, side, reps, cue)

    steps = [make(StepKind.PREPARE, PREPARE_SECONDS, 1, None, f"Get ready: {exercise.name}.")]
    blocks = [(side, number) for side in range(dose.sides) for number in range(1, dose.sets + 1)]
    for position, (side_index, number) in enumerate(blocks):
        side = _side_label(dose.sides, side_index)
        if position:
            switching = side != _side_label(dose.sides, blocks[position - 1][0])
            rest_cue = f"Rest. Next, the {side} side." if switching else "Rest."
            steps.append(make(StepKind.REST, dose.rest_seconds, number, side, rest_cue))
        work_cue = _work_cue(exercise.name, side, dose.reps, dose.work_seconds)
        steps.append(make(StepKind.WORK, dose.work_seconds, number, side, work_cue))
    return [s for s in steps if s.seconds > 0]


def build_steps(plan: Plan, exercises: dict[str, Exercise]) -> list[Step]:
    steps: list[Step] = []
    for index, item in enumerate(plan.items):
        steps += steps_for_item(index, exercises[item.id], item)
    return steps


@dataclass
class Player:
    """Where the user is in the session. Times are in seconds of (possibly scaled) wall time."""

    steps: list[Step]
    index: int = 0
    elapsed: float = 0.0
    paused: bool = False
    quit: bool = False
    completed_work: set[int] = field(default_factory=set)

    @property
    def finished(self) -> bool:
        return self.quit or self.index >= len(self.steps)

    @property
    def step(self) -> Step | None:
        return None if self.finished else self.steps[self.index]

    @property
    def remaining(self) -> float:
        step = self.step
        return 0.0 if step is None else max(step.seconds - self.elapsed, 0.0)

    def tick(self, seconds: float) -> list[Step]:
        """Let time pass; returns the steps that began (for cues), in order."""
        started: list[Step] = []
        if self.paused:
            return started
        budget = seconds
        while not self.finished and budget > 0:
            step = self.steps[self.index]
            left = step.seconds - self.elapsed
            if budget < left:
                self.elapsed += budget
                break
            budget -= left
            if step.kind is StepKind.WORK:
                self.completed_work.add(self.index)
            self._go(self.index + 1, started)
        return started

    def _go(self, index: int, started: list[Step]) -> None:
        self.index = max(0, min(index, len(self.steps)))
        self.elapsed = 0.0
        if self.step is not None:
            started.append(self.step)

    def toggle_pause(self) -> None:
        self.paused = not self.paused

    def skip(self) -> list[Step]:
        """Skip to the next exercise's first step."""
        started: list[Step] = []
        current = self.step
        if current is not None:
            following = next((i for i, s in enumerate(self.steps) if s.item > current.item), len(self.steps))
            self._go(following, started)
        return started

    def back(self) -> list[Step]:
        """Back to the start of this exercise, or to the previous one when already at its start."""
        started: list[Step] = []
        current = self.step
        item = current.item if current else (self.steps[-1].item + 1 if self.steps else 0)
        first = next((i for i, s in enumerate(self.steps) if s.item == item), len(self.steps))
        if current is not None and (self.index > first or self.elapsed > 2):
            self._go(first, started)
        else:
            self._go(next((i for i, s in enumerate(self.steps) if s.item == item - 1), 0), started)
        return started

    def stop(self) -> None:
        self.quit = True

    def items_done(self) -> list[str]:
        """Exercises with at least one set completed, in plan order."""
        ids = [self.steps[i].exercise_id for i in sorted(self.completed_work)]
        return list(dict.fromkeys(ids))
