"""Intake answers, as the assessment contract (docs/contracts/assess.md, version 2) defines them, and
their validation.

Validation is strict (no coercion of "5" to 5 or 1 to true) so a script gets told exactly what is
wrong. `parse_answers` turns the first problem into one line naming the field.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from unknot.core.errors import UserError

ADULT_AGE = 16
CHILD_MESSAGE = (
    "back pain in children and young people under 16 needs a doctor's check; unknot is for people 16 and over"
)


class Region(StrEnum):
    NECK = "neck"
    UPPER_BACK = "upper_back"
    LOWER_BACK = "lower_back"


EMERGENCY_FLAGS = (
    "bladder_bowel_change",
    "saddle_numbness",
    "progressive_leg_weakness",
    "chest_pain_or_breathless",
    "stroke_like_signs",
    "sudden_severe_headache",
    "sudden_abdominal_pain",
)


class Trauma(StrEnum):
    NONE = "none"
    MINOR = "minor"
    MAJOR = "major"


CLINICIAN_FLAGS = (
    "fever_or_unwell",
    "unexplained_weight_loss",
    "cancer_history",
    "constant_night_pain",
    "immunosuppressed_or_iv_drugs",
    "hand_clumsiness_or_unsteady_walking",
    "recent_spine_surgery",
)
RED_FLAG_IDS = EMERGENCY_FLAGS + CLINICIAN_FLAGS


class LegSymptoms(StrEnum):
    """Pain, numbness or pins and needles spreading below the knee."""

    NONE = "none"
    ONE_LEG = "one_leg"
    BOTH_LEGS = "both_legs"


SKIN_CONDITIONS = ("raynauds", "numb_skin")

# Once an emergency sign is reported the intake stops asking: these stand in for the questions it
# skipped. They cannot change an emergency triage, and no plan is made for one.
SKIPPED_AFTER_EMERGENCY: dict[str, Any] = {
    "leg_symptoms": "none",
    "arm_symptoms": False,
    "osteoporosis": False,
    "pain_now": 0,
    "duration_days": 0,
    "lifting_strain": False,
    "repetitive_load": False,
    "sitting_hours": 0,
    "hamstrings_tight": "unknown",
    "inflammation_signs": False,
    "pregnant": False,
    "floor_ok": True,
    "falls_last_year": False,
    "morning_stiffness": False,
    "skin_conditions": [],
}


def has_emergency_sign(flags: list[str], leg_symptoms: str = LegSymptoms.NONE) -> bool:
    """An emergency red flag, or symptoms below the knee in both legs (possible cauda equina)."""
    return any(flag in EMERGENCY_FLAGS for flag in flags) or leg_symptoms == LegSymptoms.BOTH_LEGS


class AnswersError(UserError):
    """Invalid answers; the message is one line that starts with the offending field."""


def _unique_known(values: list[str], known: tuple[str, ...], noun: str) -> list[str]:
    for value in values:
        if value not in known:
            raise ValueError(f"unknown {noun} {value!r}")
    if len(set(values)) != len(values):
        duplicate = next(v for v in values if values.count(v) > 1)
        raise ValueError(f"duplicate {noun} {duplicate!r}")
    return values


def check_age(age: int) -> int:
    if age < ADULT_AGE:
        raise ValueError(CHILD_MESSAGE)
    return age


class Answers(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    age: Annotated[int, Field(ge=0, le=110)]
    regions: Annotated[list[str], Field(min_length=1)]
    pain_now: Annotated[int, Field(ge=0, le=10)]
    duration_days: Annotated[int, Field(ge=0, le=36500)]
    trauma: Trauma
    lifting_strain: bool
    repetitive_load: bool
    sitting_hours: Annotated[float, Field(ge=0, le=24, allow_inf_nan=False)]
    hamstrings_tight: Literal["yes", "no", "unknown"]
    inflammation_signs: bool
    leg_symptoms: LegSymptoms
    arm_symptoms: bool
    osteoporosis: bool
    pregnant: bool
    floor_ok: bool
    falls_last_year: bool
    morning_stiffness: bool
    skin_conditions: list[str]
    red_flags: list[str]
    cleared_flags: list[str] = Field(default_factory=list)

    @field_validator("age")
    @classmethod
    def _age(cls, value: int) -> int:
        return check_age(value)

    @field_validator("regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        return _unique_known(value, tuple(r.value for r in Region), "region")

    @field_validator("red_flags", "cleared_flags")
    @classmethod
    def _red_flags(cls, value: list[str]) -> list[str]:
        return _unique_known(value, RED_FLAG_IDS, "red flag")

    @field_validator("skin_conditions")
    @classmethod
    def _skin(cls, value: list[str]) -> list[str]:
        return _unique_known(value, SKIN_CONDITIONS, "skin condition")

    @model_validator(mode="after")
    def _consistent(self) -> Answers:
        if self.duration_days > (self.age - 10) * 366:
            raise ValueError(f"duration_days: {self.duration_days} days is longer than your age allows")
        for flag in self.cleared_flags:
            if flag in EMERGENCY_FLAGS:
                raise ValueError(f"cleared_flags: '{flag}' is an emergency sign and cannot be cleared")
            if flag not in self.red_flags:
                raise ValueError(f"cleared_flags: '{flag}' is not in red_flags")
        return self

    @property
    def region_set(self) -> frozenset[Region]:
        return frozenset(Region(r) for r in self.regions)

    @property
    def gating_flags(self) -> list[str]:
        """The red flags that gate: those present and not cleared by a clinician."""
        return [f for f in self.red_flags if f not in self.cleared_flags]


def _describe(error: Any) -> str:
    loc = [str(p) for p in error["loc"]]
    field = loc[0] if loc else "answers"
    kind = error["type"]
    if kind == "json_invalid":
        return f"answers: not valid JSON ({error['ctx']['error']})"
    plain = {
        "missing": f"{field}: missing (every field is required)",
        "extra_forbidden": f"{field}: unknown field",
        "model_type": "answers: must be a JSON object",
        "too_short": "regions: choose at least one place where it hurts" if field == "regions" else "",
    }
    if plain.get(kind):
        return plain[kind]
    message = str(error["msg"]).removeprefix("Value error, ")
    if not loc:  # a rule across fields: its message starts with the field
        return message
    message = message.replace("Input should be", "must be").replace("a valid array", "a list")
    lists = ("regions", "red_flags", "cleared_flags", "skin_conditions")
    where = f" (item {loc[1]})" if len(loc) > 1 and field in lists else ""
    return f"{field}{where}: {message}"


def parse_answers(text: str | bytes) -> Answers:
    """Parse answers from JSON text. Raises AnswersError with a one-line, field-first message."""
    try:
        return Answers.model_validate_json(text)
    except ValidationError as exc:
        raise AnswersError(_describe(exc.errors()[0])) from None


def answers_from_dict(data: dict[str, Any]) -> Answers:
    """Validate answers built in Python (e.g. by the interactive intake)."""
    return parse_answers(json.dumps(data))


def upgrade_answers(data: dict[str, Any]) -> dict[str, Any]:
    """Answers saved by contract version 1, in version 2's shape: the old osteoporosis-or-steroids
    flag becomes the `osteoporosis` answer, and the questions not asked then take the answers that
    change nothing (no symptoms, floor fine, no skin condition)."""
    if "leg_symptoms" in data:
        return data
    flags = [f for f in data.get("red_flags", []) if f != "osteoporosis_or_steroids"]
    return {
        **data,
        "red_flags": flags,
        "leg_symptoms": "none",
        "arm_symptoms": False,
        "osteoporosis": "osteoporosis_or_steroids" in data.get("red_flags", []),
        "pregnant": False,
        "floor_ok": True,
        "falls_last_year": False,
        "morning_stiffness": False,
        "skin_conditions": [],
    }
