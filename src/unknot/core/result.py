"""What an assessment produces (the JSON shape of the assessment contract, docs/contracts/assess.md),
plus explanations; and the plan a person follows now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from unknot.content.schema import CareLevel, CauseId, Dose, Level

CONTRACT_VERSION = 2


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
    do_not_use_if: list[str] = Field(default_factory=list)


class PlanItem(Frozen):
    id: str
    name: str
    kind: str
    minutes: float
    targets: list[str]
    position: str = ""
    stop_if: list[str] = Field(default_factory=list)
    level: Level
    why: str
    longer_holds: bool = False  # stretches held 30 s or more (older adults); see core.dosing
    dose: Dose | None = None  # a clinician's dose (core.programme); None: the library's, see core.dosing
    note: str = ""  # a clinician's note on this item


class Walking(Frozen):
    minutes_per_day: float
    why: str


class Plan(Frozen):
    level: Literal["gentle", "standard"]
    total_minutes: float
    items: list[PlanItem]
    walking: Walking | None = None  # None only in plans saved before contract version 2
    lessons: list[str] = Field(default_factory=list)
    habits: list[str]


class Assessment(Frozen):
    contract: int = 1  # results saved before version 2 have no contract field
    triage: CareLevel
    reasons: list[str]
    red_flags: list[str]
    cleared_flags: list[str] = Field(default_factory=list)
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
