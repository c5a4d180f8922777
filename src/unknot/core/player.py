"""The guided session as a state machine: timed phases, ticked by elapsed time. Pure.

This is the only copy of the player's rules. The terminal player drives `Player`; the web player
gets the phases and the `moves` table from the server and only counts time and looks indices up in
it, so both behave the same (a browser test drives both with the same keys and ticks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from unknot.content.schema import Exercise
from unknot.core.dosing import item_dose
from unknot.core.result import Plan, PlanItem

PREPARE_SECONDS = 8
# "Back" restarts the exercise; pressed within this long of an exercise's start, it goes to the previous one.
BACK_GRACE_SECONDS = 2.0
# Time sums (of many small ticks) within this much of a phase's length reach its end.
TOLERANCE_SECONDS = 1e-6


class PhaseKind(StrEnum):
    PREPARE = "prepare"
    WORK = "work"
    REST = "rest"


@dataclass(frozen=True)
class Phase:
    """One timed part of a session: getting ready for an exercise, one set on one side, or a rest."""

    kind: PhaseKind
    item: int
    exercise_id: str
    name: str
    seconds: float
    set_number: int
    sets: int
    side: str | None
    reps: int | None
    cue: str
    note: str = ""  # the clinician's note on the exercise, shown in every phase of it


@dataclass(frozen=True)
class Moves:
    """Where each key leads from a phase: the next exercise, and back (early in the phase or later)."""

    skip: int
    back_early: int
    back_late: int


def _side_label(sides: int, index: int) -> str | None:
    return None if sides == 1 else ("left", "right")[index]


def _work_cue(name: str, side: str | None, reps: int | None, seconds: int) -> str:
    what = f"{reps} slow repetitions" if reps else f"hold for {seconds} seconds"
    return f"{name}{f', {side} side' if side else ''}: {what}."


def phases_for_item(index: int, exercise: Exercise, item: PlanItem) -> list[Phase]:
    dose = item_dose(item, exercise)

    def make(kind: PhaseKind, seconds: float, number: int, side: str | None, cue: str) -> Phase:
        reps = dose.reps if kind is PhaseKind.WORK else None
        return Phase(
            kind, index, exercise.id, exercise.name, seconds, number, dose.sets, side, reps, cue, item.note
        )

    phases = [make(PhaseKind.PREPARE, PREPARE_SECONDS, 1, None, f"Get ready: {exercise.name}.")]
    blocks = [(side, number) for side in range(dose.sides) for number in range(1, dose.sets + 1)]
    for position, (side_index, number) in enumerate(blocks):
        side = _side_label(dose.sides, side_index)
        if position:
            switching = side != _side_label(dose.sides, blocks[position - 1][0])
            rest_cue = f"Rest. Next, the {side} side." if switching else "Rest."
            phases.append(make(PhaseKind.REST, dose.rest_seconds, number, side, rest_cue))
        work_cue = _work_cue(exercise.name, side, dose.reps, dose.work_seconds)
        phases.append(make(PhaseKind.WORK, dose.work_seconds, number, side, work_cue))
    return [p for p in phases if p.seconds > 0]


def build_phases(plan: Plan, exercises: dict[str, Exercise]) -> list[Phase]:
    phases: list[Phase] = []
    for index, item in enumerate(plan.items):
        phases += phases_for_item(index, exercises[item.id], item)
    return phases


def moves(phases: list[Phase]) -> list[Moves]:
    """For each phase: skip goes to the next exercise's first phase (or the end); back restarts this
    exercise, except at its first phase within the grace time, where it goes to the previous one."""
    firsts: dict[int, int] = {}
    for index, phase in enumerate(phases):
        firsts.setdefault(phase.item, index)
    table = []
    for index, phase in enumerate(phases):
        first = firsts[phase.item]
        previous = firsts.get(phase.item - 1, first)
        table.append(
            Moves(
                skip=firsts.get(phase.item + 1, len(phases)),
                back_early=first if index > first else previous,
                back_late=first,
            )
        )
    return table


@dataclass
class Player:
    """Where the user is in the session. Times are in seconds of (possibly scaled) wall time."""

    phases: list[Phase]
    index: int = 0
    elapsed: float = 0.0
    paused: bool = False
    quit: bool = False
    completed_work: set[int] = field(default_factory=set)
    hurt_items: list[str] = field(default_factory=list)  # exercises where "this hurts" was pressed
    table: list[Moves] = field(init=False)

    def __post_init__(self) -> None:
        self.table = moves(self.phases)

    @property
    def finished(self) -> bool:
        return self.quit or self.index >= len(self.phases)

    @property
    def phase(self) -> Phase | None:
        return None if self.finished else self.phases[self.index]

    @property
    def remaining(self) -> float:
        phase = self.phase
        return 0.0 if phase is None else max(phase.seconds - self.elapsed, 0.0)

    def tick(self, seconds: float) -> list[Phase]:
        """Let time pass; returns the phases that began (for cues), in order."""
        started: list[Phase] = []
        budget = seconds
        while not self.paused and not self.finished and budget > 0:
            phase = self.phases[self.index]
            left = phase.seconds - self.elapsed
            if budget < left - TOLERANCE_SECONDS:
                self.elapsed += budget
                break
            budget -= left
            if phase.kind is PhaseKind.WORK:
                self.completed_work.add(self.index)
            self._go(self.index + 1, started)
        return started

    def _go(self, index: int, started: list[Phase]) -> list[Phase]:
        self.index = index
        self.elapsed = 0.0
        if self.phase is not None:
            started.append(self.phase)
        return started

    def toggle_pause(self) -> list[Phase]:
        if not self.finished:
            self.paused = not self.paused
        return []

    def skip(self) -> list[Phase]:
        """On to the next exercise's first phase."""
        return [] if self.finished else self._go(self.table[self.index].skip, [])

    def back(self) -> list[Phase]:
        """Back to the start of this exercise, or to the previous one when already at its start."""
        if self.finished:
            return []
        moves_here = self.table[self.index]
        late = self.elapsed > BACK_GRACE_SECONDS + TOLERANCE_SECONDS
        return self._go(moves_here.back_late if late else moves_here.back_early, [])

    def hurt(self) -> list[Phase]:
        """ "This hurts": the first time, start this exercise again (in its easier version); the
        second time, go on to the next one. Either way the exercise is noted."""
        phase = self.phase
        if phase is None:
            return []
        if phase.exercise_id in self.hurt_items:
            return self.skip()
        self.hurt_items.append(phase.exercise_id)
        return self._go(self.table[self.index].back_late, [])

    def stop(self) -> list[Phase]:
        self.quit = True
        return []

    def items_done(self) -> list[str]:
        """Exercises with at least one set completed, in plan order."""
        ids = [self.phases[i].exercise_id for i in sorted(self.completed_work)]
        return list(dict.fromkeys(ids))
