"""The daily plan: exercises a physiotherapist would choose for the regions and causes, only those
safe for the person, in warm-up order, sized to fit the day's time cap. Pure.

Minutes are counted in tenths so that sums are exact and the cap can never be crossed by rounding.
"""

from __future__ import annotations

import math

from unknot.content.schema import CauseId, Dose, Exercise, ExerciseKind, Level, Library, Muscle, Position
from unknot.core.answers import Answers
from unknot.core.dosing import LONGER_HOLDS_WHY, needs_longer_holds, prescribed_dose
from unknot.core.guidance import lessons_for, plan_habits, walking
from unknot.core.needs import Need, Pick, coverage_needs, fill_needs, left_out_advice, owned_muscles
from unknot.core.result import Plan, PlanItem

CAP_TENTHS = {Level.GENTLE: 200, Level.STANDARD: 300}
AIM_TENTHS = {Level.GENTLE: 120, Level.STANDARD: 200}
# Exercises added beyond what the plan must hold stop here: a few done well beat many done once.
MAX_ITEMS = {Level.GENTLE: 6, Level.STANDARD: 8}
WALK_PATTERN = "walk"  # the daily walking goal covers it
HOME_EQUIPMENT = frozenset({"chair", "wall", "mat", "towel"})
FLOOR = (Position.LYING, Position.KNEELING)
WHOLE_BODY_TAGS = frozenset({"balance", "sit_to_stand"})
SETUP_SECONDS = 15
MIN_ITEM_TENTHS = 5
MAX_HAMSTRINGS_WHEN_NOT_TIGHT = 2
NO_NECK_CIRCLES_FROM = 65
GENTLE_FROM_PAIN = 7  # pain now from which the plan is gentle
# Warm-up order: mobility, then strength, then stretches, breathing last.
KIND_ORDER = (
    ExerciseKind.MOBILITY,
    ExerciseKind.STRENGTH,
    ExerciseKind.STRETCH,
    ExerciseKind.MASSAGE,
    ExerciseKind.BREATHING,
)
POSITION_ORDER = (Position.STANDING, Position.SEATED, Position.KNEELING, Position.LYING)


def plan_level(answers: Answers, fresh_strain: bool) -> Level:
    return Level.GENTLE if answers.pain_now >= GENTLE_FROM_PAIN or fresh_strain else Level.STANDARD


def item_tenths(dose: Dose) -> int:
    """Minutes (in tenths) one exercise takes: its dose plus a moment to get into position."""
    return max(MIN_ITEM_TENTHS, math.ceil((dose.total_seconds + SETUP_SECONDS) / 6))


def is_safe(exercise: Exercise, answers: Answers) -> bool:
    """The safe-position rules: no floor without `floor_ok` or in pregnancy, no spinal flexion with
    osteoporosis, no neck circles from 65, no nerve stretches with symptoms below one knee (nor,
    beyond the contract, arm nerve stretches with arm symptoms)."""
    if exercise.position in FLOOR and (not answers.floor_ok or answers.pregnant):
        return False
    if answers.osteoporosis and exercise.spinal_flexion:
        return False
    if answers.age >= NO_NECK_CIRCLES_FROM and exercise.pattern == "neck_circles":
        return False
    if answers.arm_symptoms and "arm_nerve_tension" in exercise.tags:
        return False
    return not (answers.leg_symptoms == "one_leg" and "nerve_tension" in exercise.tags)


def is_region_true(exercise: Exercise, owned: frozenset[Muscle]) -> bool:
    """It works a muscle of the person's regions, or it is whole-body function (balance, chair)."""
    return bool(owned.intersection(exercise.targets)) or bool(WHOLE_BODY_TAGS.intersection(exercise.tags))


def candidates(answers: Answers, library: Library, level: Level) -> list[Pick]:
    """The exercises a first plan may hold: safe, at home, with a dose at its level; not a harder
    version (reached by progressing), and no walk (the walking goal is its own)."""
    owned = owned_muscles(answers.region_set)
    exercises = library.planned_exercises
    harder = {e.harder for e in exercises.values()}
    found = []
    for exercise in sorted(exercises.values(), key=lambda e: e.id):
        if exercise.id in harder or exercise.pattern == WALK_PATTERN:
            continue
        dose = prescribed_dose(exercise, level, longer_holds=needs_longer_holds(exercise, answers.age))
        home = set(exercise.equipment) <= HOME_EQUIPMENT
        if dose is not None and home and is_safe(exercise, answers) and is_region_true(exercise, owned):
            found.append(Pick(exercise, dose, item_tenths(dose)))
    return found


class _Builder:
    def __init__(
        self, options: list[Pick], cap: int, hamstring_limit: int | None, *, off_floor: bool = False
    ) -> None:
        self.options, self.cap, self.hamstring_limit = options, cap, hamstring_limit
        self.off_floor = off_floor  # prefer chair and standing work (older adults)
        self.picks: list[Pick] = []

    @property
    def total(self) -> int:
        return sum(p.tenths for p in self.picks)

    def allowed(self, pick: Pick) -> bool:
        chosen = {p.exercise.id for p in self.picks}
        patterns = {p.exercise.pattern for p in self.picks}
        hamstrings = sum(Muscle.HAMSTRINGS in p.exercise.targets for p in self.picks)
        too_many = self.hamstring_limit is not None and hamstrings >= self.hamstring_limit
        return (
            pick.exercise.id not in chosen
            and pick.exercise.pattern not in patterns
            and self.total + pick.tenths <= self.cap
            and not (too_many and Muscle.HAMSTRINGS in pick.exercise.targets)
        )

    def best(self, need: Need, outstanding: list[Need]) -> Pick | None:
        options = [o for o in self.options if need.fits(o.exercise) and self.allowed(o)]
        if not options:
            return None
        return min(
            options,
            key=lambda o: (
                -sum(n.fits(o.exercise) for n in outstanding),
                need.muscle is not None and o.exercise.targets[0] is not need.muscle,
                self.off_floor and o.exercise.position in FLOOR,
                o.tenths,
                o.exercise.id,
            ),
        )

    def cover(self, needs: list[Need]) -> list[Need]:
        """Meet each need (the first ones first); returns those no safe exercise could meet."""
        unmet = []
        for index, need in enumerate(needs):
            existing = next((p for p in self.picks if need.fits(p.exercise)), None)
            if existing is not None:
                existing.explain(need)
                continue
            pick = self.best(need, needs[index:])
            if pick is None:
                unmet.append(need)
                continue
            pick.explain(need)
            self.picks.append(pick)
        return unmet


def _fill_to_aim(builder: _Builder, needs: list[Need], aim: int, most: int) -> None:
    """Top the plan up towards its aim, a need at a time, for variety, up to `most` exercises."""
    while builder.total < aim and len(builder.picks) < most:
        added = False
        for need in needs:
            room = builder.total < aim and len(builder.picks) < most
            pick = builder.best(need, []) if room else None
            if pick is not None:
                pick.explain(need)
                builder.picks.append(pick)
                added = True
        if not added:
            return


def _warm_up_order(pick: Pick) -> tuple[int, int]:
    """Mobility, strength, stretches, breathing last; within them the positions run down to the floor
    and back up in turn, so a person gets down to the floor as few times as possible."""
    kind = KIND_ORDER.index(pick.exercise.kind)
    position = POSITION_ORDER.index(pick.exercise.position)
    return kind, position if kind % 2 == 0 else -position


def _to_item(pick: Pick, level: Level, age: int) -> PlanItem:
    exercise = pick.exercise
    longer_holds = needs_longer_holds(exercise, age)
    return PlanItem(
        id=exercise.id,
        name=exercise.name,
        kind=exercise.kind.value,
        minutes=pick.tenths / 10,
        targets=[m.value for m in exercise.targets],
        position=exercise.position.value,
        stop_if=list(exercise.stop_if),
        level=level,
        why=f"{pick.why} {LONGER_HOLDS_WHY}" if longer_holds else pick.why,
        longer_holds=longer_holds,
    )


def build_plan(
    answers: Answers, cause_ids: list[CauseId], library: Library, *, fresh_strain: bool
) -> tuple[Plan, list[str]]:
    """A plan under 30 minutes (20 when gentle) that covers the regions, the causes and what the
    person needs; and advice naming what safety left out."""
    level = plan_level(answers, fresh_strain)
    limit = MAX_HAMSTRINGS_WHEN_NOT_TIGHT if answers.hamstrings_tight == "no" else None
    older = answers.age >= NO_NECK_CIRCLES_FROM
    builder = _Builder(candidates(answers, library, level), CAP_TENTHS[level], limit, off_floor=older)
    unmet = builder.cover(coverage_needs(answers, level))
    for cause_need in fill_needs(answers, cause_ids, library):
        if len(builder.picks) < MAX_ITEMS[level]:
            builder.cover([cause_need])
    variety = fill_needs(answers, cause_ids, library, variety=True)
    _fill_to_aim(builder, variety, AIM_TENTHS[level], MAX_ITEMS[level])
    ordered = sorted(builder.picks, key=_warm_up_order)
    plan = Plan(
        level="gentle" if level is Level.GENTLE else "standard",
        total_minutes=builder.total / 10,
        items=[_to_item(p, level, answers.age) for p in ordered],
        walking=walking(level, library),
        lessons=lessons_for(answers, cause_ids),
        habits=plan_habits(answers, cause_ids, library),
    )
    return plan, left_out_advice(unmet, answers)
