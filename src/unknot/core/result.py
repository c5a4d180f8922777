"""What an assessment produces: the JSON shape of `shared/contracts/assess.md`, plus explanations."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from unknot.content.schema import CauseId, Level


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TriageLevel(StrEnum):
    EMERGENCY = "emergency"
    SEE_CLINICIAN = "see_clinician"
    SELF_CARE = "self_care"


class Triage(Frozen):
    level: TriageLevel
    reasons: list[str]
    red_flags: list[str]
    action: str | None


class CauseFinding(Frozen):
    id: CauseId
    name: str
    why: str


class TherapyAdvice(Frozen):
    kind: Literal["heat", "cold"]
    minutes: int
    why: str


class PlanItem(Frozen):
    id: str
    name: str
    kind: str
    minutes: float
    targets: list[str]
    level: Level
    why: str
    longer_holds: bool = False  # stretches held 30 s or more (older adults); see core.dosing


class Plan(Frozen):
    level: Literal["gentle", "standard"]
    total_minutes: float
    items: list[PlanItem]
    habits: list[str]


class Assessment(Frozen):
    triage: TriageLevel
    reasons: list[str]
    red_flags: list[str]
    action: str | None
    causes: list[CauseFinding]
    therapy: TherapyAdvice | None
    plan: Plan | None
    advice: list[str]
    stop_rules: list[str]
