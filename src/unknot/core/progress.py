"""Progress and escalation, exactly as the progress contract (docs/contracts/progress.md, version 2)
defines them. Pure.

Escalation is the "see a professional" of the mission: the highest level that applies wins and
every rule that fired is named in plain words. A warning sign reported at a check-in stays until a
clinician's all-clear is recorded for it (an emergency sign: until a new intake without it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from statistics import fmean

from unknot.content.schema import CareLevel
from unknot.core.answers import EMERGENCY_FLAGS
from unknot.core.checkins import Checkin
from unknot.core.history import SessionRecord

CONTRACT_VERSION = 2
WINDOW_DAYS = 7
BASELINE_COUNT = 3
WORSENING_POINTS = 2
WORSENING_CHECKINS = 2
SEVERE_PAIN = 8  # pain that, on three check-ins in a week, is a reason to see a professional
SEVERE_CHECKINS = 3
REVIEW_AFTER_DAYS = 28
REVIEW_FROM_PAIN = 3
LOW_ADHERENCE = 0.5
IMPROVEMENT_NEEDED = 0.7  # recent above 70 % of baseline: less than a 30 % reduction
SILENCED_DAYS = 28  # a clinician's all-clear for the pain rules holds this long
ESCALATION = "escalation"  # what `unknot cleared` names to clear rules 2-4


@dataclass(frozen=True)
class Clearance:
    """A clinician checked the person for a red flag (or for an escalation) on a date."""

    flag: str
    date: dt.date


@dataclass(frozen=True)
class Intake:
    """A saved assessment: when, and the red flags it reported."""

    at: dt.datetime
    red_flags: tuple[str, ...]


@dataclass(frozen=True)
class Escalation:
    level: CareLevel = CareLevel.SELF_CARE
    reasons: list[str] = field(default_factory=list)
    blocks_sessions: bool = False  # a warning sign needs care first: no session until then


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
            "contract": CONTRACT_VERSION,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "baseline_pain": self.baseline_pain,
            "recent_pain": self.recent_pain,
            "change_pct": self.change_pct,
            "adherence": self.adherence,
            "escalation": {
                "level": self.escalation.level.escalation_name,
                "reasons": list(self.escalation.reasons),
                "blocks_sessions": self.escalation.blocks_sessions,
            },
        }


def _window(checkins: list[Checkin], today: dt.date) -> list[Checkin]:
    first = today - dt.timedelta(days=WINDOW_DAYS - 1)
    return [c for c in checkins if first <= c.date <= today]


def _still_active(flag: str, checkin: Checkin, clearances: list[Clearance], intakes: list[Intake]) -> bool:
    if flag in EMERGENCY_FLAGS:
        since = checkin.recorded_at
        later = [i for i in intakes if (i.at > since if since else i.at.date() > checkin.date)]
        return not any(flag not in intake.red_flags for intake in later)
    return not any(c.flag == flag and c.date >= checkin.date for c in clearances)


def _red_flag_rule(
    checkins: list[Checkin], clearances: list[Clearance], intakes: list[Intake]
) -> tuple[CareLevel, str] | None:
    active = {f for c in checkins for f in c.red_flags if _still_active(f, c, clearances, intakes)}
    if active & set(EMERGENCY_FLAGS):
        return CareLevel.EMERGENCY, (
            "A check-in reported an emergency warning sign, and no new assessment without it has been "
            "saved since."
        )
    if active:
        return CareLevel.SEE_CLINICIAN, (
            "A check-in reported a warning sign that needs a clinician, and no clinician's all-clear "
            "has been recorded since."
        )
    return None


def _not_improving(report: Progress, today: dt.date) -> bool:
    baseline, latest, started = report.baseline_pain, report.recent_pain, report.start_date
    if baseline is None or latest is None or started is None:
        return False
    reviewed = (today - started).days >= REVIEW_AFTER_DAYS
    return reviewed and latest >= REVIEW_FROM_PAIN and latest > IMPROVEMENT_NEEDED * baseline


def _worsening(report: Progress, recent: list[Checkin]) -> bool:
    baseline, latest = report.baseline_pain, report.recent_pain
    if baseline is None or latest is None:
        return False
    return len(recent) >= WORSENING_CHECKINS and latest >= baseline + WORSENING_POINTS


def _pain_rules(report: Progress, recent: list[Checkin], today: dt.date) -> list[str]:
    """Rules 2-4: pain getting worse, severe pain, or not improving after four weeks."""
    baseline, latest = report.baseline_pain, report.recent_pain
    fired = []
    if _worsening(report, recent):
        fired.append(f"Your pain has risen from about {baseline:.1f} to {latest:.1f} over the last week.")
    if sum(c.pain >= SEVERE_PAIN for c in recent) >= SEVERE_CHECKINS:
        fired.append(f"Your pain has been {SEVERE_PAIN} or more at three check-ins this week.")
    if _not_improving(report, today):
        low = (
            " You did the programme on fewer than half of the days."
            if report.adherence < LOW_ADHERENCE
            else ""
        )
        fired.append(f"After four weeks your pain has not eased by 30 % or more.{low}")
    return fired


def _silenced(clearances: list[Clearance], today: dt.date) -> bool:
    return any(c.flag == ESCALATION and 0 <= (today - c.date).days < SILENCED_DAYS for c in clearances)


@dataclass(frozen=True)
class JournalWindow:
    """What progress reads of a journal as of a day: windows a database can read without the rest."""

    first: list[Checkin]  # the first BASELINE_COUNT check-ins dated on or before the day
    recent: list[Checkin]  # the check-ins of the WINDOW_DAYS days up to the day
    flagged: list[Checkin]  # every check-in up to the day that reported a warning sign
    session_days: int  # days from the first check-in to the day with a completed session


def journal_window(checkins: list[Checkin], sessions: list[SessionRecord], today: dt.date) -> JournalWindow:
    """The window of a whole journal (anything dated after `today` is ignored)."""
    known = sorted((c for c in checkins if c.date <= today), key=lambda c: c.date)
    start = known[0].date if known else None
    days = {s.date for s in sessions if s.completed and start is not None and start <= s.date <= today}
    flagged = [c for c in known if c.red_flags]
    return JournalWindow(known[:BASELINE_COUNT], _window(known, today), flagged, len(days))


def escalate(
    report: Progress,
    window: JournalWindow,
    today: dt.date,
    clearances: list[Clearance],
    intakes: list[Intake],
) -> Escalation:
    flag_rule = _red_flag_rule(window.flagged, clearances, intakes)
    pain = [] if _silenced(clearances, today) else _pain_rules(report, window.recent, today)
    levels = [flag_rule[0]] if flag_rule else []
    levels += [CareLevel.SEE_CLINICIAN] * len(pain)
    reasons = ([flag_rule[1]] if flag_rule else []) + pain
    return Escalation(CareLevel.highest(levels), reasons, blocks_sessions=flag_rule is not None)


def evaluate(
    checkins: list[Checkin],
    sessions: list[SessionRecord],
    today: dt.date,
    clearances: list[Clearance] | None = None,
    intakes: list[Intake] | None = None,
) -> Progress:
    """The journal as of `today`; anything dated after it is ignored."""
    return evaluate_window(journal_window(checkins, sessions, today), today, clearances, intakes)


def evaluate_window(
    window: JournalWindow,
    today: dt.date,
    clearances: list[Clearance] | None = None,
    intakes: list[Intake] | None = None,
) -> Progress:
    """The same as `evaluate`, from the window of the journal as of `today` (`journal_window`)."""
    cleared = [c for c in clearances or [] if c.date <= today]
    saved = [i for i in intakes or [] if i.at.date() <= today]
    start = window.first[0].date if window.first else None
    baseline = fmean(c.pain for c in window.first) if window.first else None
    recent = window.recent
    latest = fmean(c.pain for c in recent) if recent else None
    change = None if not baseline or latest is None else (latest - baseline) / baseline * 100
    adherence = window.session_days / ((today - start).days + 1) if start else 0.0
    report = Progress(start, baseline, latest, change, adherence, Escalation(), len(recent))
    escalation = escalate(report, window, today, cleared, saved)
    return Progress(start, baseline, latest, change, adherence, escalation, len(recent))
