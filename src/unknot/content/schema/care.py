"""Causes, relief (heat, cold, self-massage), habits, and the safety words: red flags and what to do."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from unknot.content.schema.base import CareLevel, Heading, Muscle, Name, Slug, Step, Strict, Text

# Heat or cold is never applied for longer than this, whatever a content file says.
THERAPY_CAP_MINUTES = 20


class CauseId(StrEnum):
    """The contributing causes of the assessment contract."""

    TRAUMA = "trauma"
    OVERUSE = "overuse"
    TIGHT_HAMSTRINGS = "tight_hamstrings"
    SITTING_POSTURE = "sitting_posture"


class Cause(Strict):
    id: CauseId
    name: Name
    explanation: Text
    targets: list[Muscle] = Field(min_length=1)
    habits: list[Slug] = Field(default_factory=list)
    sources: list[Slug] = Field(min_length=1)


class TherapyId(StrEnum):
    """Heat and cold (which the assessment chooses between) and self-massage."""

    HEAT = "heat"
    COLD = "cold"
    SELF_MASSAGE = "self_massage"


class TherapyTimer(Strict):
    """A therapy that unknot times (heat, cold): what to say when the time is up."""

    at_end: Step  # said when the time is up
    before_next: Step | None = None  # how long to wait before the next application, if it matters


class Therapy(Strict):
    id: TherapyId
    name: Name
    use_for: Text
    evidence: Text
    default_minutes: int = Field(ge=1, le=THERAPY_CAP_MINUTES)
    max_minutes: int = Field(ge=1, le=THERAPY_CAP_MINUTES)
    steps: list[Step] = Field(min_length=1, max_length=6)
    safety_checks: list[Step] = Field(min_length=2)
    do_not_use_if: list[Step] = Field(min_length=1)
    timer: TherapyTimer | None = None
    sources: list[Slug] = Field(min_length=1)

    @model_validator(mode="after")
    def _default_within_cap(self) -> Therapy:
        if self.default_minutes > self.max_minutes:
            raise ValueError("default_minutes must not exceed max_minutes")
        return self


class Habit(Strict):
    id: Slug
    name: Name
    why: Text
    tips: list[Step] = Field(min_length=1, max_length=6)
    sources: list[Slug] = Field(min_length=1)


class TriageRule(StrEnum):
    """The rules of the assessment that send a person to a clinician without a red flag."""

    MAJOR_TRAUMA = "major_trauma"
    FRACTURE_RISK = "fracture_risk"
    NECK_INJURY = "neck_injury"
    RED_WARM_SWELLING = "red_warm_swelling"
    BOTH_LEGS = "both_legs"


class RedFlag(Strict):
    id: Slug
    urgency: CareLevel
    question: Text
    reason: Text
    at_checkin: bool = True  # asked at each check-in; False for a lasting fact (a past cancer)
    when_cleared: Text | None = None  # the caution that still applies after a clinician's all-clear

    @model_validator(mode="after")
    def _needs_care(self) -> RedFlag:
        if not self.urgency.needs_care:
            raise ValueError(f"urgency of '{self.id}' must be emergency or see_clinician")
        if self.urgency is CareLevel.SEE_CLINICIAN and self.when_cleared is None:
            raise ValueError(
                f"'{self.id}' needs when_cleared: what still applies after a clinician's all-clear"
            )
        return self


class Advisory(Strict):
    """Advice shown with a result, never a gate (e.g. new pain after 50)."""

    id: Slug
    text: Text


class CareAdvice(Strict):
    """What unknot says at one care level: a heading and what to do."""

    heading: Heading
    action: Text


class Safety(Strict):
    """Red flags and the words unknot uses when it sends someone to a clinician."""

    notice: Text
    stop_rules: list[Step] = Field(min_length=3)
    actions: dict[CareLevel, CareAdvice]  # the result of the intake, before any exercise
    follow_up_actions: dict[CareLevel, CareAdvice]  # a check-in's warning sign or an escalation
    after_flare: CareAdvice  # after a session that left the pain clearly worse
    rule_reasons: dict[TriageRule, Text]  # why each rule sends a person to a clinician
    flags: list[RedFlag] = Field(min_length=1)
    advisories: list[Advisory]
    sources: list[Slug] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_level_has_words(self) -> Safety:
        needed = {
            "actions": tuple(CareLevel),
            "follow_up_actions": (CareLevel.SEE_CLINICIAN, CareLevel.EMERGENCY),
        }
        for name, levels in needed.items():
            missing = [level.value for level in levels if level not in getattr(self, name)]
            if missing:
                raise ValueError(f"{name} needs words for {', '.join(missing)}")
        unexplained = [rule.value for rule in TriageRule if rule not in self.rule_reasons]
        if unexplained:
            raise ValueError(f"rule_reasons needs words for {', '.join(unexplained)}")
        return self
