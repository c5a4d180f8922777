"""The daemon's clocks. A suspend is time that a clock counting since boot saw and the monotonic clock
(which stops while the machine sleeps) did not. The wall clock plays no part: setting it, or an NTP
step, is no suspend and so no break.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable


def _since_boot() -> Callable[[], float]:
    """A clock that keeps counting during suspend, where there is one beside time.monotonic."""
    if hasattr(time, "CLOCK_BOOTTIME"):  # Linux
        return lambda: time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":  # time.monotonic stops during sleep there; CLOCK_MONOTONIC does not
        return lambda: time.clock_gettime(time.CLOCK_MONOTONIC)
    # Elsewhere (Windows) time.monotonic counts suspend itself: the engine's clock moves on over a
    # sleep and the idle time covers it, so there is nothing to detect.
    return time.monotonic


class SystemClocks:
    """Awake time (the engine's clock), time since boot (to see a suspend) and the wall clock (pauses
    are until a wall-clock time)."""

    monotonic = staticmethod(time.monotonic)
    since_boot = staticmethod(_since_boot())
    wall = staticmethod(time.time)
