"""What this person may do now: one answer, from the triage and the escalation, that every screen
follows (today, both session players, `session --done`, the heat and cold timer, break reminders,
every web page). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema import CareLevel
from unknot.core.progress import Escalation


@dataclass(frozen=True)
class CareNow:
    triage: CareLevel | None  # of the saved assessment; None before any
    escalation: Escalation
    has_plan: bool
    outdated: bool = False  # the assessment predates today's safety questions: answer them again

    @property
    def level(self) -> CareLevel:
        """The care needed now: the higher of the triage and the escalation."""
        return CareLevel.highest([self.triage or CareLevel.SELF_CARE, self.escalation.level])

    @property
    def may_exercise(self) -> bool:
        """A session may be played or recorded: a self-care plan made with today's safety questions,
        and no warning sign waiting."""
        self_care = self.has_plan and self.triage is CareLevel.SELF_CARE
        return self_care and not self.outdated and not self.escalation.blocks_sessions

    @property
    def may_use_heat_or_cold(self) -> bool:
        """The heat and cold timers: not when the assessment or a warning sign says to get care."""
        return not (self.triage or CareLevel.SELF_CARE).needs_care and self.level is not CareLevel.EMERGENCY

    @property
    def suggest_session(self) -> bool:
        """Today's session may be offered as the next step: never while an escalation is active."""
        return self.may_exercise and not self.escalation.level.needs_care
