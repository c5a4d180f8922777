"""The posture watch's days in the journal: the web page adds what it watched, the progress page
reads the last weeks."""

from __future__ import annotations

import datetime as dt
import math

from unknot.core.checkins import JournalInputError
from unknot.core.coach.records import MOST_SECONDS, PostureDay
from unknot.services.context import Context
from unknot.storage import camera

SHOWN_DAYS = 14


def _seconds(value: float, field: str) -> float:
    if not math.isfinite(value) or not 0 <= value <= MOST_SECONDS:
        raise JournalInputError(f"{field}: must be between 0 and {MOST_SECONDS:.0f} seconds")
    return float(value)


def add(ctx: Context, watched_seconds: float, slouch_seconds: float, alerts: int) -> PostureDay:
    """Add a stretch of watching (today's) to the journal; today's totals after it. A slouch may be
    added after the minutes it began in were (it counts once it has lasted the delay), so only the
    day's totals must keep slouched time within watched time."""
    watched = _seconds(watched_seconds, "watched_seconds")
    slouched = _seconds(slouch_seconds, "slouch_seconds")
    if not 0 <= alerts <= 10_000:
        raise JournalInputError("alerts: must be between 0 and 10000")
    with ctx.store.writing() as db:
        total = camera.add_posture(db, PostureDay(ctx.today(), watched, slouched, alerts))
        if total.slouch_seconds > total.watched_seconds + 1e-6:
            raise JournalInputError("slouch_seconds: the day's slouched time cannot pass its watched time")
        return total


def recent(ctx: Context, days: int = SHOWN_DAYS) -> list[PostureDay]:
    """The days the posture watch ran, of the last `days` (today included)."""
    with ctx.store.reading() as db:
        return camera.posture_days(db, ctx.today() - dt.timedelta(days=days - 1))
