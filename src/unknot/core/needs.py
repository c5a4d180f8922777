"""What a plan must hold for a person, and why each exercise is in it. Pure.

A need is met by any exercise that fits it. The coverage needs come first and are kept even when
only one exercise could meet them; when safety leaves none that can, the plan says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unknot.content.schema import CauseId, Dose, Exercise, ExerciseKind, Level, Library, Muscle
from unknot.core.answers import Answers, LegSymptoms, Region

LOWER = frozenset(
    {Muscle.LUMBAR, Muscle.HAMSTRINGS, Muscle.QUADRICEPS, Muscle.HIP_FLEXORS, Muscle.GLUTES, Muscle.CALVES}
)
UPPER = frozenset({Muscle.NECK, Muscle.UPPER_BACK, Muscle.CHEST})
OWNED = {Region.LOWER_BACK: LOWER, Region.NECK: UPPER, Region.UPPER_BACK: UPPER}
OLDER_ADULT = 65


def owned_muscles(regions: frozenset[Region]) -> frozenset[Muscle]:
    """The muscle groups the person's regions own: a plan only works these (and whole-body skills)."""
    return frozenset().union(*(OWNED[region] for region in regions))


@dataclass(frozen=True)
class Need:
    label: str  # what it is, for advice: "lower-back", "strength"
    muscles: frozenset[Muscle] = frozenset()  # it works one of these (none: any)
    kind: ExerciseKind | None = None
    tags: frozenset[str] = frozenset()  # it has one of these tags
    area: str = ""  # "Chosen for your lower back."
    reason: str = ""  # a sentence of the item's why
    cause_name: str = ""
    muscle: Muscle | None = None  # preferred as the exercise's main target
    optional: bool = False  # unmet, it is not worth a word of advice

    def fits(self, exercise: Exercise) -> bool:
        if self.kind is not None and exercise.kind is not self.kind:
            return False
        if exercise.kind is ExerciseKind.BREATHING and self.kind is not ExerciseKind.BREATHING:
            return False  # breathing relaxes; it does not count as work for a muscle
        if self.muscles and not self.muscles.intersection(exercise.targets):
            return False
        return not self.tags or bool(self.tags.intersection(exercise.tags))


@dataclass
class Pick:
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


def _region_needs(answers: Answers) -> list[Need]:
    """An exercise for each region (and for the hamstrings unless they are not tight)."""
    regions, needs = answers.region_set, []
    if Region.LOWER_BACK in regions:
        needs.append(Need("lower-back", frozenset({Muscle.LUMBAR}), area="lower back", muscle=Muscle.LUMBAR))
        if answers.hamstrings_tight != "no":
            tight = "You said your hamstrings feel tight." if answers.hamstrings_tight == "yes" else ""
            why = tight or "Tight hamstrings may add strain to the lower back."
            needs.append(
                Need("hamstring", frozenset({Muscle.HAMSTRINGS}), reason=why, muscle=Muscle.HAMSTRINGS)
            )
    upper = [r for r in (Region.NECK, Region.UPPER_BACK) if r in regions]
    if upper:
        area = " and ".join(r.value.replace("_", " ") for r in upper)
        main = Muscle.NECK if Region.NECK in regions else Muscle.UPPER_BACK
        needs.append(
            Need("neck or upper-back", frozenset({Muscle.NECK, Muscle.UPPER_BACK}), area=area, muscle=main)
        )
    return needs


def coverage_needs(answers: Answers, level: Level) -> list[Need]:
    """What every plan for this person holds, most important first."""
    owned = owned_muscles(answers.region_set)
    needs = []
    if level is Level.GENTLE:
        calm = "Slow, calm breathing may help tense muscles relax."
        needs.append(Need("breathing", kind=ExerciseKind.BREATHING, reason=calm, optional=True))
    needs += _region_needs(answers)
    strong = "Guidelines advise exercise first for back pain, with strength work that grows over the weeks."
    trunk = Muscle.LUMBAR if Region.LOWER_BACK in answers.region_set else Muscle.UPPER_BACK
    needs.append(Need("strength", owned, ExerciseKind.STRENGTH, reason=strong, muscle=trunk))
    if Region.NECK in answers.region_set:
        neck = "Neck pain guidelines advise strength work for the deep neck and shoulder-blade muscles."
        upper = frozenset({Muscle.NECK, Muscle.UPPER_BACK})
        needs.append(Need("neck strength", upper, ExerciseKind.STRENGTH, reason=neck, muscle=Muscle.NECK))
    if answers.age >= OLDER_ADULT or answers.falls_last_year:
        steady = "Balance and getting up from a chair keep you steady and independent."
        needs.append(
            Need("balance or sit-to-stand", tags=frozenset({"balance", "sit_to_stand"}), reason=steady)
        )
    eases = "A held stretch may ease muscles that feel tight and stiff."
    needs.append(Need("stretch", owned, ExerciseKind.STRETCH, reason=eases, optional=True))
    return needs


def fill_needs(
    answers: Answers, cause_ids: list[CauseId], library: Library, *, variety: bool = False
) -> list[Need]:
    """What rounds a plan out: each cause's muscle groups (of the person's regions); with `variety`,
    more work for each muscle group the regions own."""
    owned = owned_muscles(answers.region_set)
    if variety:
        return [
            Need(
                m.words, frozenset({m}), reason=f"Adds more work for your {m.words}.", muscle=m, optional=True
            )
            for m in Muscle
            if m in owned
        ]
    needs = []
    for cause_id in cause_ids:
        cause = library.causes[cause_id]
        for muscle in cause.targets:
            if muscle in owned:
                needs.append(
                    Need(cause.name, frozenset({muscle}), cause_name=cause.name, muscle=muscle, optional=True)
                )
    return needs


def left_out_advice(unmet: list[Need], answers: Answers) -> list[str]:
    """A sentence for each need that no safe exercise could meet, naming why."""
    limits = []
    if not answers.floor_ok:
        limits.append("without getting down to the floor")
    if answers.pregnant:
        limits.append("in pregnancy")
    if answers.osteoporosis:
        limits.append("with osteoporosis")
    if answers.leg_symptoms is LegSymptoms.ONE_LEG:
        limits.append("with symptoms below the knee in one leg")
    why = f" that is safe {' and '.join(limits)}" if limits else " that fits your plan today"
    return [
        f"Your plan has no {need.label} exercise: unknot has none{why}. A physiotherapist can suggest one."
        for need in unmet
        if not need.optional
    ]
