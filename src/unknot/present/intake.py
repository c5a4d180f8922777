"""The intake's questions, in plain words, as both the terminal and the web ask them.

The red-flag questions live in the content (`safety.yaml`); these are the others. Each answers one
field of `unknot.core.answers.Answers`, whose limits they show.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, cast

from annotated_types import Ge, Le

from unknot.core.answers import Answers, has_emergency_sign

Kind = Literal["many", "one", "whole", "number", "yes_no"]


@dataclass(frozen=True)
class Question:
    field: str
    text: str
    kind: Kind  # many or one of `choices`, a whole number, a number, or yes or no
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    optional: bool = False  # "many": none of the choices may be the answer

    @property
    def bounds(self) -> tuple[float, float]:
        """The lowest and highest answer the contract allows (numbers only)."""
        low, high = 0.0, 0.0
        for rule in Answers.model_fields[self.field].metadata:
            low = float(cast(float, rule.ge)) if isinstance(rule, Ge) else low
            high = float(cast(float, rule.le)) if isinstance(rule, Le) else high
        return low, high


YES_NO = (("yes", "Yes"), ("no", "No"))
SKIN_CONDITION_WORDS = {
    "raynauds": "Raynaud's: fingers or toes often go white or blue in the cold",
    "numb_skin": "Numb or poorly-feeling skin over the sore area (for example from diabetes)",
}
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
# Asked with the red flags: an answer here can send a person to a clinician, or to hospital.
SAFETY = (
    Question(
        "leg_symptoms",
        "Does pain, numbness or pins and needles spread below your knee?",
        "one",
        (("none", "No"), ("one_leg", "Yes, in one leg"), ("both_legs", "Yes, in both legs")),
    ),
    Question(
        "arm_symptoms",
        "Does pain, numbness or pins and needles spread into an arm or hand?",
        "yes_no",
        YES_NO,
    ),
    Question(
        "osteoporosis",
        "Do you have osteoporosis (thin, weak bones), or have you taken steroid tablets for three months "
        "or more?",
        "yes_no",
        YES_NO,
    ),
)
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
    Question("pregnant", "Are you pregnant, or did you give birth in the last 6 months?", "yes_no", YES_NO),
    Question(
        "floor_ok", "Can you get down to the floor and back up again safely without help?", "yes_no", YES_NO
    ),
    Question("falls_last_year", "Have you fallen at least once in the last 12 months?", "yes_no", YES_NO),
    Question(
        "morning_stiffness",
        "Are you stiff for more than 30 minutes after waking, easing as you move about?",
        "yes_no",
        YES_NO,
    ),
    Question(
        "skin_conditions",
        "Does either of these apply to you? Choose any, or none.",
        "many",
        tuple(SKIN_CONDITION_WORDS.items()),
        optional=True,
    ),
)

YES_NO_VALUES = {"yes": True, "no": False}
# Said when a new intake starts from the last one's answers.
PREFILLED_WORDS = (
    "Your last answers are filled in: change what has changed. The safety questions are asked afresh "
    "every time."
)


def starting_answers(saved: dict[str, Any] | None) -> dict[str, Any]:
    """The answers a new intake starts from: the last intake's (`saved`), so answering again is quick.

    Never the red flags nor the other safety questions (`SAFETY`): a warning sign prefilled "no" is
    easily waved through unread, so they are asked afresh every time. Nor the details when the last
    intake stopped at an emergency sign: they were never asked, the saved ones are stand-ins.
    """
    if not saved:
        return {}
    stopped = has_emergency_sign(saved.get("red_flags", []), saved.get("leg_symptoms", "none"))
    kept = FIRST_STEP if stopped else FIRST_STEP + DETAILS
    return {q.field: saved[q.field] for q in kept if q.field in saved}


def form_value(given: Any) -> str:
    """An answer as a web form sends it back: yes or no for a yes-no question, text otherwise."""
    if isinstance(given, bool):
        return "yes" if given else "no"
    return "" if given is None else str(given)
