"""The intake's questions, in plain words, as both the terminal and the web ask them.

The red-flag questions live in the content (`safety.yaml`); these are the others. Each answers one
field of `unknot.core.answers.Answers`, whose limits they show.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, cast

from annotated_types import Ge, Le

from unknot.core.answers import Answers

Kind = Literal["many", "one", "whole", "number", "yes_no"]


@dataclass(frozen=True)
class Question:
    field: str
    text: str
    kind: Kind  # many or one of `choices`, a whole number, a number, or yes or no
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def bounds(self) -> tuple[float, float]:
        """The lowest and highest answer the contract allows (numbers only)."""
        low, high = 0.0, 0.0
        for rule in Answers.model_fields[self.field].metadata:
            low = float(cast(float, rule.ge)) if isinstance(rule, Ge) else low
            high = float(cast(float, rule.le)) if isinstance(rule, Le) else high
        return low, high


YES_NO = (("yes", "Yes"), ("no", "No"))
REGIONS = Question(
    "regions",
    "Where does it hurt or feel stiff? Choose all that apply.",
    "many",
    (("neck", "Neck"), ("upper_back", "Upper back"), ("lower_back", "Lower back")),
)
AGE = Question("age", "How old are you?", "whole")
TRAUMA = Question(
    "trauma",
    "Did it start with an injury?",
    "one",
    (
        ("none", "No"),
        ("minor", "A minor one: a slip, twist or strain without a hard impact"),
        ("major", "A major one: a fall from a height, a road accident, a forceful sports collision"),
    ),
)
FIRST_STEP = (REGIONS, AGE, TRAUMA)
# After the safety questions, in the order they are asked.
DETAILS = (
    Question("pain_now", "How bad is the pain right now? 0 is none, 10 the worst imaginable.", "whole"),
    Question("duration_days", "How many days ago did it begin?", "whole"),
    Question("lifting_strain", "Did it begin while lifting or carrying something heavy?", "yes_no", YES_NO),
    Question(
        "repetitive_load",
        "Do you do repeated motions or carry loads often (a heavy bag every day, repetitive work)?",
        "yes_no",
        YES_NO,
    ),
    Question("sitting_hours", "About how many hours a day do you sit?", "number", extra={"step": "0.5"}),
    Question(
        "hamstrings_tight",
        "With straight legs, is it hard to reach past your knees (tight hamstrings)?",
        "one",
        (*YES_NO, ("unknown", "Not sure")),
    ),
    Question(
        "inflammation_signs", "Is there swelling, redness or warmth over the sore area?", "yes_no", YES_NO
    ),
)
