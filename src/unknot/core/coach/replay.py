"""Recorded landmarks (the coach contract's JSON lines file) through the live rules. Pure."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from unknot.core.coach.landmarks import Frame, frame_from_json
from unknot.core.coach.posture import PostureResult, PostureWatch
from unknot.core.coach.rules import Coach, CoachResult
from unknot.core.coach.spec import CoachSpec
from unknot.core.errors import UserError


class LandmarksError(UserError):
    """A landmarks file that is not as the contract says; the message names the line."""


def frames(lines: Iterable[str]) -> Iterator[Frame]:
    """The frames of a landmarks file, checked line by line (blank lines are skipped)."""
    last: float | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            frame = frame_from_json(json.loads(line))
        except json.JSONDecodeError as exc:
            raise LandmarksError(f"landmarks: line {number}: not valid JSON ({exc.msg})") from None
        except ValueError as exc:
            raise LandmarksError(f"landmarks: line {number}: {exc}") from None
        if last is not None and frame.t <= last:
            raise LandmarksError(f"landmarks: line {number}: t {frame.t:g} does not come after {last:g}")
        last = frame.t
        yield frame


def replay_coach(spec: CoachSpec, lines: Iterable[str]) -> CoachResult:
    coach = Coach(spec)
    for frame in frames(lines):
        coach.feed(frame)
    return coach.result()


def replay_posture(lines: Iterable[str], delay: float, cooldown: float) -> PostureResult:
    watch = PostureWatch(delay=delay, cooldown=cooldown)
    for frame in frames(lines):
        watch.feed(frame)
    return watch.result()
