"""What the camera features keep in the journal: the coach's counts per exercise of a session, and
the posture watch's time per day. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MOST_REPS = 1000
MOST_SECONDS = 24 * 3600.0


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
