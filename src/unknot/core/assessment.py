"""Assessment: red-flag triage, contributing causes, heat or cold, and advice. Pure functions.

The rules are those of the assessment contract (docs/contracts/assess.md); the words come from the
content library.
"""

from __future__ import annotations

from collections.abc import Mapping

from unknot.content.schema import CareLevel, Cause, CauseId, Library, Safety, Therapy, TherapyId
from unknot.core.answers import Answers, Trauma
from unknot.core.planning import build_plan
from unknot.core.result import Assessment, CauseFinding, TherapyAdvice, Triage

# Strongest first: a specific event outweighs load patterns; the evidence linking sitting to back
# pain is observational, and for hamstring tightness it is weaker still (see docs/assessment.md).
CAUSE_ORDER = (CauseId.TRAUMA, CauseId.OVERUSE, CauseId.SITTING_POSTURE, CauseId.TIGHT_HAMSTRINGS)
SITTING_HOURS_THRESHOLD = 6
FRESH_STRAIN_DAYS = 2
MIN_THERAPY_MINUTES = 10


def triage(answers: Answers, safety: Safety) -> Triage:
    flags = {flag.id: flag for flag in safety.flags}
    present = [flag_id for flag_id in flags if flag_id in answers.red_flags]
    reasons = [flags[f].reason for f in present]
    if answers.trauma is Trauma.MAJOR:
        reasons.append(safety.major_trauma_reason)
    level = CareLevel.highest(flags[f].urgency for f in present)
    if reasons and not level.needs_care:
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


def choose_therapy(
    answers: Answers, cause_ids: list[CauseId], therapies: Mapping[TherapyId, Therapy]
) -> TherapyAdvice:
    if answers.inflammation_signs:
        kind, lead = TherapyId.COLD, "You noticed swelling, redness or warmth over the sore area."
    elif is_fresh_strain(answers, cause_ids):
        kind, lead = TherapyId.COLD, "Your strain is fresh (two days or less)."
    else:
        kind, lead = TherapyId.HEAT, "Your muscles feel tight and stiff, with no sign of swelling."
    therapy = therapies[kind]
    minutes = min(max(therapy.default_minutes, MIN_THERAPY_MINUTES), therapy.max_minutes)
    why = f"{lead} {therapy.evidence}"
    return TherapyAdvice(kind="cold" if kind is TherapyId.COLD else "heat", minutes=minutes, why=why)


def advisories(answers: Answers, safety: Safety) -> list[str]:
    texts = {a.id: a.text for a in safety.advisories}
    applies = {
        "age_over_50_new_pain": answers.age >= 50 and answers.duration_days < 90,
        "age_under_20": answers.age < 20,
        "not_improving_month": answers.duration_days >= 28,
        "inflammatory_pattern": answers.age < 40 and answers.duration_days >= 90,
    }
    return [texts[key] for key, yes in applies.items() if yes and key in texts]


def assess(answers: Answers, library: Library) -> Assessment:
    """The whole assessment of one set of answers. Same answers, same result."""
    verdict = triage(answers, library.safety)
    causes = find_causes(answers, library.causes)
    cause_ids = [c.id for c in causes]
    self_care = not verdict.level.needs_care
    return Assessment(
        triage=verdict.level,
        reasons=verdict.reasons,
        red_flags=verdict.red_flags,
        action=verdict.action,
        causes=causes,
        therapy=choose_therapy(answers, cause_ids, library.therapies) if self_care else None,
        plan=build_plan(answers, cause_ids, library, fresh_strain=is_fresh_strain(answers, cause_ids))
        if self_care
        else None,
        advice=advisories(answers, library.safety),
        stop_rules=list(library.safety.stop_rules),
    )
