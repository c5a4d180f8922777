"""What the camera features keep in the journal: the coach's counts per exercise of a session, and
the posture watch's time per day. Pure."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

MOST_REPS = 1000
MOST_SECONDS = 24 * 3600.0
MOST_ITEMS = 200  # counts in one session: an exercise per side, for far more exercises than a plan holds


@dataclass(frozen=True)
class Coached:
    """The camera coach's count of one exercise (one side) in a session."""

    exercise: str
    side: str | None
    reps: int
    hold_seconds: float


@dataclass(frozen=True)
class PostureDay:
    date: dt.date
    watched_seconds: float
    slouch_seconds: float
    alerts: int


def coached_from_json(text: str) -> list[Coached]:
    """The camera's counts as the player sends them with a session: a JSON list of
    {"exercise", "side", "reps", "hold_seconds"}; ValueError names what is wrong."""
    if not text.strip():
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise ValueError("coaching: not valid JSON") from None
    if not isinstance(data, list) or len(data) > MOST_ITEMS:
        raise ValueError(f"coaching: a list of at most {MOST_ITEMS} counts")
    found = []
    for item in data:
        if not isinstance(item, dict) or set(item) != {"exercise", "side", "reps", "hold_seconds"}:
            raise ValueError("coaching: each count has exercise, side, reps and hold_seconds")
        reps, held = item["reps"], item["hold_seconds"]
        if type(reps) is not int or type(held) not in (int, float) or not isinstance(item["exercise"], str):
            raise ValueError("coaching: reps is a whole number and hold_seconds a number")
        if item["side"] not in (None, "left", "right"):
            raise ValueError("coaching: side is left, right or null")
        found.append(Coached(item["exercise"], item["side"], reps, float(held)))
    return found
