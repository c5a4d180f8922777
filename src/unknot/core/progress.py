"""Progress and escalation, exactly as the progress contract (docs/contracts/progress.md) defines them. Pure.

Escalation is the "see a professional" of the mission: the highest level that applies wins and
every rule that fired is named in plain words.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from statistics import fmean

from unknot.content.schema import CareLevel
from unknot.core.answers import EMERGENCY_FLAGS
from unknot.core.checkins import Checkin
from unknot.core.history import SessionRecord

WINDOW_DAYS = 7
BASELINE_COUNT = 3
WORSENING_POINTS = 2
SEVERE_PAIN = 8  # pain that, on three days in a row, is a reason to see a professional
REVIEW_AFTER_DAYS = 28
ADHERENCE_FOR_REVIEW = 0.5
IMPROVEMENT_NEEDED = 0.7  # recent above 70 % of baseline: less than a 30 % reduction


@dataclass(frozen=True)
class Escalation:
    level: CareLevel = CareLevel.SELF_CARE
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Progress:
    start_date: dt.date | None
    baseline_pain: float | None
    recent_pain: float | None
    change_pct: float | None
    adherence: float
    escalation: Escalation
    recent_checkins: int = 0

    def as_contract(self) -> dict[str, object]:
        return {
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "baseline_pain": self.baseline_pain,
            "recent_pain": self.recent_pain,
            "change_pct": self.change_pct,
            "adherence": self.adherence,
            "escalation": {
                "level": self.escalation.level.escalation_name,
                "reasons": list(self.escalation.reasons),
            },
        }


def _window(checkins: list[Checkin], today: dt.date) -> list[Checkin]:
    first = today - dt.timedelta(days=WINDOW_DAYS - 1)
    return [c for c in checkins if first <= c.date <= today]


def _adherence(sessions: list[SessionRecord], start: dt.date | None, today: dt.date) -> float:
    if start is None:
        return 0.0
    days = {s.date for s in sessions if s.completed and start <= s.date <= today}
    return len(days) / ((today - start).days + 1)


def _red_flag_rule(recent: list[Checkin]) -> tuple[CareLevel, str] | None:
    flags = [f for c in recent for f in c.red_flags]
    if any(f in EMERGENCY_FLAGS for f in flags):
        return CareLevel.EMERGENCY, "A check-in in the last 7 days reported an emergency warning sign."
    if flags:
        return (
            CareLevel.SEE_CLINICIAN,
            "A check-in in the last 7 days reported a warning sign that needs a clinician.",
        )
    return None


def _severe_streak(checkins: list[Checkin]) -> bool:
    last = checkins[-3:]
    if len(last) < 3 or any(c.pain < SEVERE_PAIN for c in last):
        return False
    return all((b.date - a.date).days == 1 for a, b in itertools.pairwise(last))


def escalate(report: Progress, checkins: list[Checkin], today: dt.date) -> Escalation:
    recent = _window(checkins, today)
    fired: list[tuple[CareLevel, str]] = []
    if rule := _red_flag_rule(recent):
        fired.append(rule)
    baseline, latest = report.baseline_pain, report.recent_pain
    if (
        baseline is not None
        and latest is not None
        and len(recent) >= 3
        and latest >= baseline + WORSENING_POINTS
    ):
        fired.append(
            (
                CareLevel.SEE_CLINICIAN,
                f"Your pain has risen from about {baseline:.1f} to {latest:.1f} over the last week.",
            )
        )
    if _severe_streak(checkins):
        fired.append(
            (CareLevel.SEE_CLINICIAN, f"Your pain has been {SEVERE_PAIN} or more on three days in a row.")
        )
    if (
        report.start_date is not None
        and (today - report.start_date).days >= REVIEW_AFTER_DAYS
        and report.adherence >= ADHERENCE_FOR_REVIEW
        and baseline is not None
        and latest is not None
        and latest > IMPROVEMENT_NEEDED * baseline
    ):
        fired.append(
            (
                CareLevel.SEE_CLINICIAN,
                "After four weeks of the programme your pain has not eased by 30 % or more.",
            )
        )
    if not fired:
        return Escalation()
    return Escalation(CareLevel.highest(level for level, _ in fired), [reason for _, reason in fired])


def evaluate(checkins: list[Checkin], sessions: list[SessionRecord], today: dt.date) -> Progress:
    """The journal as of `today`; anything dated after it is ignored."""
    known = sorted((c for c in checkins if c.date <= today), key=lambda c: c.date)
    start = known[0].date if known else None
    baseline = fmean(c.pain for c in known[:BASELINE_COUNT]) if known else None
    recent = _window(known, today)
    latest = fmean(c.pain for c in recent) if recent else None
    change = None if not baseline or latest is None else (latest - baseline) / baseline * 100
    report = Progress(
        start, baseline, latest, change, _adherence(sessions, start, today), Escalation(), len(recent)
    )
    return Progress(
        start, baseline, latest, change, report.adherence, escalate(report, known, today), len(recent)
    )
