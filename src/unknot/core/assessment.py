"""Assessment: red-flag triage, contributing causes, heat or cold, and advice. Pure functions.

The rules are those of the assessment contract (docs/contracts/assess.md, version 2); the words
come from the content library.
"""

from __future__ import annotations

from collections.abc import Mapping

from unknot.content.schema import (
    CareLevel,
    Cause,
    CauseId,
    Library,
    Safety,
    Therapy,
    TherapyId,
    TriageRule,
)
from unknot.core.answers import Answers, LegSymptoms, Region, Trauma
from unknot.core.planning import build_plan
from unknot.core.result import CONTRACT_VERSION, Assessment, CauseFinding, TherapyAdvice, Triage

# Strongest first: a specific event outweighs load patterns; the evidence linking sitting to back
# pain is observational, and for hamstring tightness it is weaker still (see docs/assessment.md).
CAUSE_ORDER = (CauseId.TRAUMA, CauseId.OVERUSE, CauseId.SITTING_POSTURE, CauseId.TIGHT_HAMSTRINGS)
SITTING_HOURS_THRESHOLD = 6
FRESH_STRAIN_DAYS = 2
MIN_THERAPY_MINUTES = 10
OLDER_AGE = 65  # fracture and neck-injury rules; no neck circles; a balance or sit-to-stand item
TWELVE_WEEKS = 84
# The advisories the rules below can give (their words are in safety.yaml).
ADVISORIES = (
    "age_over_50_new_pain",
    "age_under_20",
    "not_improving_month",
    "inflammatory_pattern",
    "one_leg_symptoms",
    "arm_symptoms",
    "pregnancy",
)


def triage_rules(answers: Answers) -> list[TriageRule]:
    """The rules that send this person to a clinician (or to hospital) whatever their red flags."""
    injured = answers.trauma is not Trauma.NONE
    older = answers.age >= OLDER_AGE
    fired = {
        TriageRule.BOTH_LEGS: answers.leg_symptoms is LegSymptoms.BOTH_LEGS,
        TriageRule.MAJOR_TRAUMA: answers.trauma is Trauma.MAJOR,
        TriageRule.FRACTURE_RISK: (injured and (older or answers.osteoporosis))
        or (answers.osteoporosis and answers.lifting_strain),
        TriageRule.NECK_INJURY: Region.NECK in answers.region_set
        and injured
        and (older or answers.arm_symptoms),
        TriageRule.RED_WARM_SWELLING: answers.inflammation_signs
        and not injured
        and not answers.lifting_strain
        and not answers.repetitive_load,
    }
    return [rule for rule, yes in fired.items() if yes]


def triage(answers: Answers, safety: Safety) -> Triage:
    flags = {flag.id: flag for flag in safety.flags}
    present = [flag_id for flag_id in flags if flag_id in answers.red_flags]
    gating = [flag_id for flag_id in present if flag_id in answers.gating_flags]
    rules = triage_rules(answers)
    reasons = [flags[f].reason for f in gating] + [safety.rule_reasons[rule] for rule in rules]
    level = CareLevel.highest(flags[f].urgency for f in gating)
    if TriageRule.BOTH_LEGS in rules:
        level = CareLevel.EMERGENCY
    elif rules and not level.needs_care:
        level = CareLevel.SEE_CLINICIAN
    action = safety.actions[level].action if level.needs_care else None
    return Triage(level=level, reasons=reasons, red_flags=present, action=action)


def _cause_lead(cause_id: CauseId, answers: Answers) -> str:
    if cause_id is CauseId.TRAUMA:
        event = "a lifting strain" if answers.lifting_strain else f"a {answers.trauma.value} injury"
        if answers.lifting_strain and answers.trauma is not Trauma.NONE:
            event = f"a {answers.trauma.value} injury and a lifting strain"
        return f"Your pain began with {event} {_days_ago(answers.duration_days)}."
    if cause_id is CauseId.OVERUSE:
        return "You do the same motions or carry the same loads again and again."
    if cause_id is CauseId.SITTING_POSTURE:
        return f"You sit for about {answers.sitting_hours:g} hours a day."
    return "You said your hamstrings feel tight."


def _days_ago(days: int) -> str:
    if days == 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def present_causes(answers: Answers) -> list[CauseId]:
    found = {
        CauseId.TRAUMA: answers.trauma is not Trauma.NONE or answers.lifting_strain,
        CauseId.OVERUSE: answers.repetitive_load,
        CauseId.SITTING_POSTURE: answers.sitting_hours >= SITTING_HOURS_THRESHOLD,
        CauseId.TIGHT_HAMSTRINGS: answers.hamstrings_tight == "yes",
    }
    return [cause_id for cause_id in CAUSE_ORDER if found[cause_id]]


def find_causes(answers: Answers, causes: Mapping[CauseId, Cause]) -> list[CauseFinding]:
    return [
        CauseFinding(
            id=cause_id,
            name=causes[cause_id].name,
            why=f"{_cause_lead(cause_id, answers)} {causes[cause_id].explanation}",
        )
        for cause_id in present_causes(answers)
    ]


def is_fresh_strain(answers: Answers, cause_ids: list[CauseId]) -> bool:
    return CauseId.TRAUMA in cause_ids and answers.duration_days <= FRESH_STRAIN_DAYS


def ruled_out_therapies(answers: Answers) -> dict[TherapyId, str]:
    """What would be unsafe for this person, and the skin condition that rules it out: nothing hot or
    cold on numb skin, no cold with Raynaud's."""
    ruled_out: dict[TherapyId, str] = {}
    if "raynauds" in answers.skin_conditions:
        ruled_out[TherapyId.COLD] = "raynauds"
    if "numb_skin" in answers.skin_conditions:
        ruled_out |= {TherapyId.HEAT: "numb_skin", TherapyId.COLD: "numb_skin"}
    return ruled_out


def choose_therapy(answers: Answers, therapies: Mapping[TherapyId, Therapy]) -> TherapyAdvice | None:
    """Cold for swelling, redness or warmth, otherwise heat (the better evidence, even for a fresh
    strain); none where the one chosen would be unsafe."""
    if answers.inflammation_signs:
        kind, lead = TherapyId.COLD, "You noticed swelling, redness or warmth over the sore area."
    else:
        kind, lead = TherapyId.HEAT, "You noticed no swelling, redness or warmth over the sore area."
    if kind in ruled_out_therapies(answers):
        return None
    therapy = therapies[kind]
    minutes = min(max(therapy.default_minutes, MIN_THERAPY_MINUTES), therapy.max_minutes)
    return TherapyAdvice(
        kind="cold" if kind is TherapyId.COLD else "heat",
        minutes=minutes,
        why=f"{lead} {therapy.evidence}",
        do_not_use_if=list(therapy.do_not_use_if),
    )


def advisories(answers: Answers, safety: Safety) -> list[str]:
    """Advice that never gates: each note whose rule applies, then what still applies after a
    clinician's all-clear."""
    long_pain = answers.duration_days > TWELVE_WEEKS
    applies = {
        "age_over_50_new_pain": (answers.age >= 50 and not long_pain) or (answers.age >= 60 and long_pain),
        "age_under_20": answers.age < 20,
        "not_improving_month": answers.duration_days >= 28,
        "inflammatory_pattern": answers.morning_stiffness and answers.age < 45 and long_pain,
        "one_leg_symptoms": answers.leg_symptoms is LegSymptoms.ONE_LEG,
        "arm_symptoms": answers.arm_symptoms,
        "pregnancy": answers.pregnant,
    }
    texts = {a.id: a.text for a in safety.advisories}
    notes = [texts[key] for key in ADVISORIES if applies[key]]
    cleared = {flag.id: flag.when_cleared for flag in safety.flags}
    return notes + [text for flag in answers.cleared_flags if (text := cleared.get(flag))]


def assess(answers: Answers, library: Library) -> Assessment:
    """The whole assessment of one set of answers. Same answers, same result."""
    verdict = triage(answers, library.safety)
    causes = find_causes(answers, library.causes)
    cause_ids = [c.id for c in causes]
    self_care = not verdict.level.needs_care
    plan, left_out = (
        build_plan(answers, cause_ids, library, fresh_strain=is_fresh_strain(answers, cause_ids))
        if self_care
        else (None, [])
    )
    return Assessment(
        contract=CONTRACT_VERSION,
        triage=verdict.level,
        reasons=verdict.reasons,
        red_flags=verdict.red_flags,
        cleared_flags=[f for f in verdict.red_flags if f in answers.cleared_flags],
        action=verdict.action,
        causes=causes,
        therapy=choose_therapy(answers, library.therapies) if self_care else None,
        plan=plan,
        advice=advisories(answers, library.safety) + left_out,
        stop_rules=list(library.safety.stop_rules),
    )
