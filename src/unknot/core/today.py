"""What to do next today, in order of priority. Pure."""

from __future__ import annotations

from enum import StrEnum

from unknot.content.schema import CareLevel


class NextStep(StrEnum):
    START = "start"
    SEEK_CARE = "seek_care"
    CHECKIN = "checkin"
    SESSION = "session"
    DONE = "done"


def next_step(*, triage: CareLevel | None, checked_in: bool, sessions_completed: int) -> NextStep:
    if triage is None:
        return NextStep.START
    if triage.needs_care:
        return NextStep.SEEK_CARE
    if not checked_in:
        return NextStep.CHECKIN
    return NextStep.SESSION if sessions_completed == 0 else NextStep.DONE
