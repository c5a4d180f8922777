"""Heat, cold and self-massage: what the person's result suggests, and a timer's length and words."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema import Therapy, TherapyId
from unknot.core.answers import answers_from_dict
from unknot.core.assessment import ruled_out_therapies
from unknot.core.errors import NotAllowedError
from unknot.core.relief import offered_minutes, therapy_minutes, timed_therapy
from unknot.core.result import TherapyAdvice
from unknot.present.intake import SKIN_CONDITION_WORDS
from unknot.present.words import therapy_cap, therapy_end
from unknot.services import care, plans, preferences
from unknot.services.context import Context
from unknot.storage import repository


def advice(ctx: Context) -> TherapyAdvice | None:
    """The heat or cold the current assessment suggests, if any."""
    now = plans.current(ctx)
    return now.assessment.therapy if now else None


def ruled_out(ctx: Context) -> dict[TherapyId, str]:
    """What the person's answers rule out, and what they answered: "heat" -> their skin condition."""
    with ctx.store.reading() as db:
        saved = repository.latest_answers(db)
    return ruled_out_therapies(answers_from_dict(saved)) if saved else {}


def ruled_out_words(ctx: Context) -> dict[TherapyId, str]:
    """Why each therapy the answers rule out is not offered, in a sentence."""
    return {
        kind: f"no {kind.value} timer, as you answered: {SKIN_CONDITION_WORDS[condition]}"
        for kind, condition in ruled_out(ctx).items()
    }


@dataclass(frozen=True)
class Timer:
    therapy: Therapy
    minutes: int
    cap: str  # "Never more than 20 minutes."
    at_end: str  # what to do when the time is up
    choices: list[int]  # other lengths to offer
    voice: bool  # speak the cues


def timer(ctx: Context, kind: str, minutes: int | None = None) -> Timer:
    """A heat or cold timer: its length (the default, or what was asked, never past the cap)."""
    therapy = timed_therapy(ctx.library, kind)
    if not care.now(ctx).may_use_heat_or_cold:
        raise NotAllowedError(
            "relief: your answers say to get care first; no heat or cold timer until a clinician has seen you"
        )
    if therapy.id in ruled_out(ctx):
        raise NotAllowedError(f"relief: {ruled_out_words(ctx)[therapy.id]}")
    length = therapy_minutes(minutes, therapy)
    voice = preferences.get(ctx).voice
    return Timer(therapy, length, therapy_cap(therapy), therapy_end(therapy), offered_minutes(therapy), voice)
