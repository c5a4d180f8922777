"""Time is passed in: the real clock at the edges, a fixed one in tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()


@dataclass(frozen=True)
class FixedClock:
    moment: dt.datetime

    def now(self) -> dt.datetime:
        return self.moment


def today(clock: Clock) -> dt.date:
    """The user's local date."""
    return clock.now().date()
