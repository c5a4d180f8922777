"""What an assessment produces (the JSON shape of the assessment contract, docs/contracts/assess.md),
plus explanations; and the plan a person follows now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from unknot.content.schema import CareLevel, CauseId, Level


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Triage(Frozen):
    level: CareLevel
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
    triage: CareLevel
    reasons: list[str]
    red_flags: list[str]
    action: str | None
    causes: list[CauseFinding]
    therapy: TherapyAdvice | None
    plan: Plan | None
    advice: list[str]
    stop_rules: list[str]


@dataclass(frozen=True)
class CurrentPlan:
    """The saved assessment a person follows now, and its plan as it stands (it adapts over time)."""

    assessment: Assessment
    plan: Plan | None
    plan_id: int | None
    changed_on: dt.date | None = None
    change_reason: str | None = None
