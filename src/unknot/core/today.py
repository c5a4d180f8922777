"""What to do next today, in order of priority; and the journal's first day. Pure."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from unknot.core.care import CareNow


class NextStep(StrEnum):
    START = "start"
    SEEK_CARE = "seek_care"
    ANSWER_AGAIN = "answer_again"  # the questions changed since the saved assessment
    CHECKIN = "checkin"
    SESSION = "session"
    DONE = "done"


def journal_day(start: dt.date | None, today: dt.date) -> int | None:
    """Which day of the journal today is: 1 on the day of the first intake (None before any)."""
    return None if start is None else (today - start).days + 1


def is_first_day(care: CareNow, *, day: int | None, sessions_completed: int) -> bool:
    """Day one of the journal until a session is completed, while a session may be offered: today
    asks for that first session alone and keeps the rest (check-in, questionnaires, lessons) for
    later. Care comes first: a triage or an escalation that needs care is never a first day."""
    return day == 1 and sessions_completed == 0 and care.suggest_session


def next_step(
    care: CareNow, *, checked_in: bool, sessions_completed: int, first_day: bool = False
) -> NextStep:
    if care.triage is None:
        return NextStep.START
    if care.level.needs_care:
        return NextStep.SEEK_CARE
    if care.outdated:
        return NextStep.ANSWER_AGAIN
    if not checked_in and not first_day:
        return NextStep.CHECKIN
    if sessions_completed == 0 and care.suggest_session:
        return NextStep.SESSION
    return NextStep.DONE
