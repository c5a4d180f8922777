"""Heat, cold and self-massage: what the person's result suggests, and a timer's length and words."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema import Therapy
from unknot.core.relief import offered_minutes, therapy_minutes, timed_therapy
from unknot.core.result import TherapyAdvice
from unknot.present.words import therapy_cap, therapy_end
from unknot.services import plans, preferences
from unknot.services.context import Context


def advice(ctx: Context) -> TherapyAdvice | None:
    """The heat or cold the current assessment suggests, if any."""
    now = plans.current(ctx)
    return now.assessment.therapy if now else None


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
    length = therapy_minutes(minutes, therapy)
    voice = preferences.get(ctx).voice
    return Timer(therapy, length, therapy_cap(therapy), therapy_end(therapy), offered_minutes(therapy), voice)
