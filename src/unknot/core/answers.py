"""Intake answers, as the assessment contract (docs/contracts/assess.md) defines them, and their
validation.

Validation is strict (no coercion of "5" to 5 or 1 to true) so a script gets told exactly what is
wrong. `parse_answers` turns the first problem into one line naming the field.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from unknot.core.errors import UserError


class Region(StrEnum):
    NECK = "neck"
    UPPER_BACK = "upper_back"
    LOWER_BACK = "lower_back"


class Trauma(StrEnum):
    NONE = "none"
    MINOR = "minor"
    MAJOR = "major"


EMERGENCY_FLAGS = (
    "bladder_bowel_change",
    "saddle_numbness",
    "progressive_leg_weakness",
    "chest_pain_or_breathless",
)
CLINICIAN_FLAGS = (
    "fever_or_unwell",
    "unexplained_weight_loss",
    "cancer_history",
    "constant_night_pain",
    "osteoporosis_or_steroids",
    "immunosuppressed_or_iv_drugs",
)
RED_FLAG_IDS = EMERGENCY_FLAGS + CLINICIAN_FLAGS

# Once an emergency sign is reported the intake stops asking: these stand in for the questions it
# skipped. They cannot change an emergency triage, and no plan is made for one.
SKIPPED_AFTER_EMERGENCY: dict[str, Any] = {
    "pain_now": 0,
    "duration_days": 0,
    "lifting_strain": False,
    "repetitive_load": False,
    "sitting_hours": 0,
    "hamstrings_tight": "unknown",
    "inflammation_signs": False,
}


def has_emergency_flag(flags: list[str]) -> bool:
    return any(flag in EMERGENCY_FLAGS for flag in flags)


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


class Answers(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    age: Annotated[int, Field(ge=16, le=110)]
    regions: Annotated[list[str], Field(min_length=1)]
    pain_now: Annotated[int, Field(ge=0, le=10)]
    duration_days: Annotated[int, Field(ge=0, le=36500)]
    trauma: Trauma
    lifting_strain: bool
    repetitive_load: bool
    sitting_hours: Annotated[float, Field(ge=0, le=24, allow_inf_nan=False)]
    hamstrings_tight: Literal["yes", "no", "unknown"]
    inflammation_signs: bool
    red_flags: list[str]

    @field_validator("regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        return _unique_known(value, tuple(r.value for r in Region), "region")

    @field_validator("red_flags")
    @classmethod
    def _red_flags(cls, value: list[str]) -> list[str]:
        return _unique_known(value, RED_FLAG_IDS, "red flag")

    @property
    def region_set(self) -> frozenset[Region]:
        return frozenset(Region(r) for r in self.regions)


def _describe(error: Any) -> str:
    loc = [str(p) for p in error["loc"]]
    field = loc[0] if loc else "answers"
    kind = error["type"]
    if kind == "missing":
        return f"{field}: missing (every field is required)"
    if kind == "extra_forbidden":
        return f"{field}: unknown field"
    if kind == "json_invalid":
        return f"answers: not valid JSON ({error['ctx']['error']})"
    if kind == "model_type":
        return "answers: must be a JSON object"
    message = str(error["msg"]).removeprefix("Value error, ")
    message = message.replace("Input should be", "must be").replace("a valid array", "a list")
    where = f" (item {loc[1]})" if len(loc) > 1 and field in ("regions", "red_flags") else ""
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
