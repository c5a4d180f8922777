"""The daily plan: exercises chosen for the regions and causes, sized to fit the day's time cap.

Minutes are counted in tenths so that sums are exact and the cap can never be crossed by rounding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from unknot.content.schema import CauseId, Dose, Exercise, ExerciseKind, Level, Library, Muscle, Position
from unknot.core.answers import Answers, Region
from unknot.core.dosing import LONGER_HOLDS_WHY, needs_longer_holds, prescribed_dose
from unknot.core.result import Plan, PlanItem

CAP_TENTHS = {Level.GENTLE: 200, Level.STANDARD: 300}
AIM_TENTHS = {Level.GENTLE: 120, Level.STANDARD: 200}
HOME_EQUIPMENT = frozenset({"chair", "wall", "mat", "towel"})
SETUP_SECONDS = 15
MIN_ITEM_TENTHS = 5
MAX_PER_MUSCLE = 3
# Muscle groups that share the load of each region: used to round a plan out after its needs.
REGION_MUSCLES = {
    Region.LOWER_BACK: (Muscle.LUMBAR, Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.HIP_FLEXORS),
    Region.NECK: (Muscle.NECK, Muscle.UPPER_BACK, Muscle.CHEST),
    Region.UPPER_BACK: (Muscle.UPPER_BACK, Muscle.NECK, Muscle.CHEST),
}
GENTLE_FROM_PAIN = 7  # pain now from which the plan is gentle
POSITION_ORDER = (Position.STANDING, Position.SEATED, Position.KNEELING, Position.LYING)
KIND_ORDER = tuple(ExerciseKind)


@dataclass(frozen=True)
class Need:
    """A muscle group the plan should work, and why: a sentence, or the name of the cause asking."""

    muscle: Muscle
    reason: str = ""
    area: str = ""
    cause: CauseId | None = None
    cause_name: str = ""


@dataclass
class _Pick:
    exercise: Exercise
    dose: Dose
    tenths: int
    areas: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)

    def explain(self, need: Need) -> None:
        for bucket, text in (
            (self.areas, need.area),
            (self.reasons, need.reason),
            (self.causes, need.cause_name),
        ):
            if text and text not in bucket:
                bucket.append(text)

    @property
    def why(self) -> str:
        words = [f"Chosen for your {' and '.join(self.areas)}."] if self.areas else []
        words += self.reasons
        if self.causes:
            names = ", ".join(c.lower() for c in self.causes)
            words.append(f"It works on what may contribute to your pain: {names}.")
        return " ".join(words)


def plan_level(answers: Answers, fresh_strain: bool) -> Level:
    return Level.GENTLE if answers.pain_now >= GENTLE_FROM_PAIN or fresh_strain else Level.STANDARD


def item_tenths(dose: Dose) -> int:
    """Minutes (in tenths) one exercise takes: its dose plus a moment to get into position."""
    return max(MIN_ITEM_TENTHS, math.ceil((dose.total_seconds + SETUP_SECONDS) / 6))


def needs_for(answers: Answers, cause_ids: list[CauseId], library: Library) -> list[Need]:
    """What the plan should work on, most important first; the first ones are guaranteed."""
    regions = answers.region_set
    needs: list[Need] = []
    if Region.LOWER_BACK in regions:
        needs.append(Need(Muscle.LUMBAR, area="lower back"))
        needs.append(Need(Muscle.HAMSTRINGS, "Tight hamstrings may add strain to the lower back."))
    if Region.NECK in regions or Region.UPPER_BACK in regions:
        needs.append(Need(Muscle.NECK, area="neck"))
    if Region.UPPER_BACK in regions:
        needs.append(Need(Muscle.UPPER_BACK, area="upper back"))
    if CauseId.TIGHT_HAMSTRINGS in cause_ids:
        needs.append(
            Need(Muscle.HAMSTRINGS, "You said your hamstrings feel tight.", cause=CauseId.TIGHT_HAMSTRINGS)
        )
    for cause_id in cause_ids:
        cause = library.causes[cause_id]
        for muscle in cause.targets:
            if any(n.cause is cause_id and n.muscle is muscle for n in needs):
                continue
            needs.append(Need(muscle, cause=cause_id, cause_name=cause.name))
    return needs


def _candidates(library: Library, level: Level, age: int) -> list[tuple[Exercise, Dose]]:
    found = []
    for exercise in sorted(library.exercises.values(), key=lambda e: e.id):
        dose = prescribed_dose(exercise, level, longer_holds=needs_longer_holds(exercise, age))
        if dose is not None and set(exercise.equipment) <= HOME_EQUIPMENT:
            found.append((exercise, dose))
    return found


class _Builder:
    def __init__(self, candidates: list[tuple[Exercise, Dose]], cap: int) -> None:
        self.candidates = candidates
        self.cap = cap
        self.picks: list[_Pick] = []

    @property
    def total(self) -> int:
        return sum(p.tenths for p in self.picks)

    def covering(self, muscle: Muscle) -> _Pick | None:
        """The pick already working this muscle; breathing relaxes but does not count as work."""
        return next(
            (
                p
                for p in self.picks
                if muscle in p.exercise.targets and p.exercise.kind is not ExerciseKind.BREATHING
            ),
            None,
        )

    def best_for(self, muscle: Muscle, outstanding: set[Muscle]) -> _Pick | None:
        chosen = {p.exercise.id for p in self.picks}
        options = [
            _Pick(e, d, item_tenths(d))
            for e, d in self.candidates
            if muscle in e.targets and e.id not in chosen and e.kind is not ExerciseKind.BREATHING
        ]
        options = [o for o in options if self.total + o.tenths <= self.cap]
        if not options:
            return None
        return min(
            options,
            key=lambda o: (
                -len(outstanding.intersection(o.exercise.targets)),
                o.exercise.targets[0] is not muscle,
                o.tenths,
                o.exercise.id,
            ),
        )

    def add(self, pick: _Pick, need: Need) -> None:
        pick.explain(need)
        self.picks.append(pick)


def _cover_needs(builder: _Builder, needs: list[Need]) -> None:
    for index, need in enumerate(needs):
        existing = builder.covering(need.muscle)
        if existing is not None:
            existing.explain(need)
            continue
        outstanding = {n.muscle for n in needs[index:] if builder.covering(n.muscle) is None}
        pick = builder.best_for(need.muscle, outstanding)
        if pick is not None:
            builder.add(pick, need)


def _fill_to_aim(builder: _Builder, needs: list[Need], regions: list[Region], aim: int) -> None:
    """Top the plan up towards its aim, a muscle group at a time, for variety at most a few each."""
    related = [m for region in regions for m in REGION_MUSCLES[region]]
    muscles = list(dict.fromkeys([n.muscle for n in needs] + related))
    while builder.total < aim:
        added = False
        for muscle in muscles:
            if sum(p.exercise.targets[0] is muscle for p in builder.picks) >= MAX_PER_MUSCLE:
                continue
            pick = builder.best_for(muscle, set())
            if pick is not None and builder.total < aim:
                builder.add(pick, Need(muscle, f"Adds more work for your {muscle.words}."))
                added = True
        if not added:
            return


def _start_with_breathing(builder: _Builder) -> None:
    breathing = [(e, d) for e, d in builder.candidates if e.kind is ExerciseKind.BREATHING]
    if breathing:
        exercise, dose = breathing[0]
        reason = Need(exercise.targets[0], "Slow, calm breathing may help tense muscles relax.")
        builder.add(_Pick(exercise, dose, item_tenths(dose)), reason)


def _to_item(pick: _Pick, level: Level, age: int) -> PlanItem:
    longer_holds = needs_longer_holds(pick.exercise, age)
    return PlanItem(
        id=pick.exercise.id,
        name=pick.exercise.name,
        kind=pick.exercise.kind.value,
        minutes=pick.tenths / 10,
        targets=[m.value for m in pick.exercise.targets],
        level=level,
        why=f"{pick.why} {LONGER_HOLDS_WHY}" if longer_holds else pick.why,
        longer_holds=longer_holds,
    )


def plan_habits(answers: Answers, cause_ids: list[CauseId], library: Library) -> list[str]:
    habits = ["hydration"]
    if CauseId.SITTING_POSTURE in cause_ids:
        habits += ["breaks", "posture"]
    if answers.lifting_strain:
        habits.append("lifting")
    for cause_id in cause_ids:
        habits += library.causes[cause_id].habits
    return list(dict.fromkeys(habits))


def build_plan(answers: Answers, cause_ids: list[CauseId], library: Library, *, fresh_strain: bool) -> Plan:
    """A plan under 30 minutes (20 when gentle) that covers the regions and causes."""
    level = plan_level(answers, fresh_strain)
    builder = _Builder(_candidates(library, level, answers.age), CAP_TENTHS[level])
    if level is Level.GENTLE:
        _start_with_breathing(builder)
    needs = needs_for(answers, cause_ids, library)
    _cover_needs(builder, needs)
    _fill_to_aim(builder, needs, [Region(r) for r in answers.regions], AIM_TENTHS[level])
    ordered = sorted(
        builder.picks,
        key=lambda p: (POSITION_ORDER.index(p.exercise.position), KIND_ORDER.index(p.exercise.kind)),
    )
    return Plan(
        level="gentle" if level is Level.GENTLE else "standard",
        total_minutes=builder.total / 10,
        items=[_to_item(p, level, answers.age) for p in ordered],
        habits=plan_habits(answers, cause_ids, library),
    )
