"""The posture watch: a sitting person seen by a camera in front of them; a sustained slouch alerts.
Pure: landmarks in, episodes and alerts out.

The first CALIBRATION seconds with a person are the upright posture. Two measures, each smoothed
over the last SMOOTH seconds: the head's height over the shoulders and the shoulders' width, both
against the calibration. A slouch lowers the head (height under 1 - DROP of upright) or leans in
towards the screen (shoulders wider than 1 + LEAN of upright). An episode is a stretch out of range;
it alerts once it has lasted `delay` seconds, at most once per `cooldown`.
"""

from __future__ import annotations

import math
import statistics
from collections import deque
from dataclasses import dataclass, field

from unknot.core.coach.landmarks import Frame, points

CALIBRATION = 5.0
SMOOTH = 1.0
DROP = 0.2
LEAN = 0.15
DELAY = 30.0
COOLDOWN = 300.0


@dataclass(frozen=True)
class Upright:
    head: float  # the nose's height over mid-shoulders, in shoulder widths
    width: float  # the shoulders' width in pixels


@dataclass(frozen=True)
class Episode:
    start: float
    end: float


@dataclass(frozen=True)
class PostureFeedback:
    t: float
    person: bool
    calibrated: bool
    slouching: bool  # out of the upright range now (smoothed)
    alert: bool  # a sustained slouch: suggest a stretch now


@dataclass(frozen=True)
class PostureResult:
    calibrated: bool
    frames: int
    away_seconds: float
    episodes: tuple[Episode, ...]
    alerts: tuple[float, ...]

    @property
    def slouch_seconds(self) -> float:
        return sum(e.end - e.start for e in self.episodes)


def measures(frame: Frame) -> tuple[float, float] | None:
    """The head's height over the shoulders (in shoulder widths) and the shoulders' width."""
    found = points(frame)
    nose, left, right = found.get("nose"), found.get("shoulder_left"), found.get("shoulder_right")
    if nose is None or left is None or right is None:
        return None
    width = math.dist(left, right)
    if width == 0:
        return None
    return ((left[1] + right[1]) / 2 - nose[1]) / width, width


@dataclass
class PostureWatch:
    delay: float = DELAY
    cooldown: float = COOLDOWN
    frames: int = 0
    away_seconds: float = 0.0
    episodes: list[Episode] = field(default_factory=list)
    alerts: list[float] = field(default_factory=list)
    upright: Upright | None = None
    _calibration: list[tuple[float, float]] = field(default_factory=list)
    _first_seen: float | None = None
    _recent: deque[tuple[float, float, float]] = field(default_factory=deque)
    _left_at: float | None = None  # when the current stretch out of range began
    _alerted: bool = False
    _last: Frame | None = None

    @property
    def last_t(self) -> float | None:
        return None if self._last is None else self._last.t

    def _calibrate(self, t: float, measured: tuple[float, float]) -> None:
        self._first_seen = t if self._first_seen is None else self._first_seen
        self._calibration.append(measured)
        if t - self._first_seen >= CALIBRATION:
            heads, widths = zip(*self._calibration, strict=True)
            self.upright = Upright(statistics.median(heads), statistics.median(widths))

    def _smoothed(self, t: float, measured: tuple[float, float]) -> tuple[float, float]:
        self._recent.append((t, *measured))
        while self._recent and t - self._recent[0][0] > SMOOTH:
            self._recent.popleft()
        return (
            statistics.median(r[1] for r in self._recent),
            statistics.median(r[2] for r in self._recent),
        )

    def _out_of_range(self, head: float, width: float) -> bool:
        assert self.upright is not None
        return head < self.upright.head * (1 - DROP) or width > self.upright.width * (1 + LEAN)

    def _end_episode(self, t: float) -> None:
        if self._left_at is not None and t - self._left_at >= self.delay:
            self.episodes.append(Episode(self._left_at, t))
        self._left_at, self._alerted = None, False

    def _alert_due(self, t: float) -> bool:
        if self._left_at is None or self._alerted or t - self._left_at < self.delay:
            return False
        self._alerted = True
        due = self._left_at + self.delay
        if self.alerts and due - self.alerts[-1] < self.cooldown:
            return False
        self.alerts.append(due)
        return True

    def _away(self, frame: Frame) -> PostureFeedback:
        self._end_episode(frame.t)
        self._recent.clear()
        return PostureFeedback(frame.t, False, self.upright is not None, False, False)

    def feed(self, frame: Frame) -> PostureFeedback:
        """Take one frame (in time order)."""
        self.frames += 1
        if self._last is not None and not self._last.has_person:
            self.away_seconds += frame.t - self._last.t
        self._last = frame
        measured = measures(frame) if frame.has_person else None
        if measured is None:
            return self._away(frame)
        if self.upright is None:
            self._calibrate(frame.t, measured)
            return PostureFeedback(frame.t, True, self.upright is not None, False, False)
        slouching = self._out_of_range(*self._smoothed(frame.t, measured))
        if slouching and self._left_at is None:
            self._left_at = frame.t
        elif not slouching:
            self._end_episode(frame.t)
        return PostureFeedback(frame.t, True, True, slouching, self._alert_due(frame.t))

    def result(self) -> PostureResult:
        episodes = list(self.episodes)
        if (
            self._left_at is not None
            and self._last is not None
            and self._last.t - self._left_at >= self.delay
        ):
            episodes.append(Episode(self._left_at, self._last.t))
        return PostureResult(
            self.upright is not None, self.frames, self.away_seconds, tuple(episodes), tuple(self.alerts)
        )
