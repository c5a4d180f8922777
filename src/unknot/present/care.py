"""Banners for the care a person needs: the triage of an assessment, an escalation during the
programme, warning signs at a check-in, and a session after which the pain is worse."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema import CareAdvice, CareLevel, Safety
from unknot.core.care import CareNow
from unknot.core.checkins import Checkin
from unknot.core.progress import Escalation
from unknot.core.result import Assessment

STOP_RULES_HEADING = "Stop and seek advice if"


@dataclass(frozen=True)
class Banner:
    """A heading, what to do, and why. `tone` names its colours (a care level, or "stop"); an alert
    is announced at once by screen readers."""

    tone: str
    heading: str
    action: str
    reasons: tuple[str, ...]
    alert: bool


def _banner(level: CareLevel, advice: CareAdvice, reasons: list[str], *, alert: bool) -> Banner:
    return Banner(level.value, advice.heading, advice.action, tuple(reasons), alert)


def triage_banner(assessment: Assessment, safety: Safety) -> Banner:
    """What the assessment says to do, with a reason for every warning sign."""
    level = assessment.triage
    advice = safety.actions[level]
    return _banner(level, advice, assessment.reasons, alert=level is CareLevel.EMERGENCY)


def escalation_banner(escalation: Escalation, safety: Safety) -> Banner | None:
    """Time to see a professional (or get urgent help), and every rule that says so; None if not."""
    level = escalation.level
    if not level.needs_care:
        return None
    return _banner(level, safety.follow_up_actions[level], escalation.reasons, alert=True)


def warning_banner(checkin: Checkin, safety: Safety) -> Banner | None:
    """What to do about the warning signs a check-in reported; None when it reported none."""
    flags = [flag for flag in safety.flags if flag.id in checkin.red_flags]
    if not flags:
        return None
    level = CareLevel.highest(flag.urgency for flag in flags)
    return _banner(level, safety.follow_up_actions[level], [flag.reason for flag in flags], alert=True)


def flare_banner(safety: Safety) -> Banner:
    """After a session that left the pain 2 or more points worse: ease off, and the stop rules."""
    advice = safety.after_flare
    return Banner("stop", advice.heading, advice.action, tuple(safety.stop_rules), alert=True)


def care_heading(care: CareNow, safety: Safety) -> str | None:
    """The heading of the care needed now (an escalation's, else the triage's); None when none is."""
    if care.escalation.level.needs_care:
        return safety.follow_up_actions[care.escalation.level].heading
    if care.triage is not None and care.triage.needs_care:
        return safety.actions[care.triage].heading
    return None
