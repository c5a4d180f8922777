"""What to do next today, in order of priority. Pure."""

from __future__ import annotations

from enum import StrEnum

from unknot.core.care import CareNow


class NextStep(StrEnum):
    START = "start"
    SEEK_CARE = "seek_care"
    ANSWER_AGAIN = "answer_again"  # the questions changed since the saved assessment
    CHECKIN = "checkin"
    SESSION = "session"
    DONE = "done"


def next_step(care: CareNow, *, checked_in: bool, sessions_completed: int) -> NextStep:
    if care.triage is None:
        return NextStep.START
    if care.level.needs_care:
        return NextStep.SEEK_CARE
    if care.outdated:
        return NextStep.ANSWER_AGAIN
    if not checked_in:
        return NextStep.CHECKIN
    if sessions_completed == 0 and care.suggest_session:
        return NextStep.SESSION
    return NextStep.DONE
