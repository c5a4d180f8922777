"""The coach's rules: landmarks in, coaching out (reps, time in position, cues). Pure.

A repetition is a return to the zone where the person was first seen (start or target) after
reaching the other one: past REACH of the way from start to target for every tracked angle, and back
under LEAVE of it (hysteresis, so jitter never counts twice). Hold time runs while every tracked
angle is past REACH, between consecutive frames with a person at most GRACE seconds apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unknot.content.schema.coach import Cue
from unknot.core.coach.angles import angle
from unknot.core.coach.landmarks import Frame, points
from unknot.core.coach.position import advice
from unknot.core.coach.spec import CoachSpec

REACH = 0.65
LEAVE = 0.35
GRACE = 1.0  # seconds: a gap in the frames (dropped, or no person) that a hold carries across
CUE_AFTER = 0.6  # seconds a form fault lasts before its cue
CUE_EVERY = 8.0  # seconds before the same cue again
SWITCH = 0.25  # a sided exercise's working side changes when the other side leads by this much
SIDES = ("left", "right")


@dataclass
class Set:
    side: str | None
    reps: int = 0
    hold_seconds: float = 0.0


@dataclass(frozen=True)
class Feedback:
    """What the coach says after one frame (for the live player)."""

    t: float
    person: bool
    advice: str | None  # what to change to be coached
    progress: float | None  # 0 at the start position, 1 at the target
    in_position: bool
    side: str | None
    reps: int
    hold_seconds: float
    cue: str | None  # a form cue said at this frame


@dataclass(frozen=True)
class CoachResult:
    exercise: str
    frames: int
    frames_with_person: int
    reps: int
    hold_seconds: float
    sets: tuple[Set, ...]
    cues: tuple[tuple[float, str], ...]


@dataclass
class _Cueing:
    since: float | None = None
    said: float | None = None


@dataclass
class Coach:
    spec: CoachSpec
    frames: int = 0
    frames_with_person: int = 0
    sets: list[Set] = field(default_factory=list)
    cues: list[tuple[float, str]] = field(default_factory=list)
    _home: str | None = None
    _zone: str | None = None
    _side: str | None = None
    _held_at: float | None = None
    _cueing: dict[int, _Cueing] = field(default_factory=dict)
    last_t: float | None = None  # the latest frame's time

    def _progress(self, found: dict[str, tuple[float, float]], side: str | None) -> list[float] | None:
        other = None if side is None else SIDES[1 - SIDES.index(side)]
        values = []
        for track in self.spec.tracks:
            value = angle(found, track.angle, side if track.limb == "working" else other)
            if value is None:
                return None
            values.append(track.progress(value))
        return values

    def _sided_progress(self, found: dict[str, tuple[float, float]]) -> list[float] | None:
        read = {side: p for side in SIDES if (p := self._progress(found, side)) is not None}
        if not read:
            return None
        lead = max(read, key=lambda side: min(read[side]))
        current = self._side if self._side in read else None
        if current is None or min(read[lead]) - min(read[current]) > SWITCH:
            self._side = lead
        return read[self._side or lead]

    def _zone_of(self, progress: list[float], found: dict[str, tuple[float, float]]) -> str | None:
        if min(progress) >= REACH:
            blocked = any(cue.blocks and self._fault(cue, found) for cue in self.spec.cues)
            return None if blocked else "target"
        if max(progress) <= LEAVE:
            return "start"
        return None

    def _set(self) -> Set:
        side = self._side if self.spec.sided else None
        if not self.sets or self.sets[-1].side != side:
            self.sets.append(Set(side))
        return self.sets[-1]

    def _count(self, zone: str | None) -> None:
        if zone is None or zone == self._zone:
            return
        if self._home is None:
            self._home = zone
        elif zone == self._home:
            self._set().reps += 1
        self._zone = zone

    def _hold(self, t: float, in_position: bool) -> None:
        if in_position and self._held_at is not None and t - self._held_at <= GRACE:
            self._set().hold_seconds += t - self._held_at
        self._held_at = t if in_position else None

    def _fault(self, cue: Cue, found: dict[str, tuple[float, float]]) -> bool:
        side = (
            self._side if cue.limb == "working" or self._side is None else SIDES[1 - SIDES.index(self._side)]
        )
        value = angle(found, cue.angle, side)
        if value is None:
            return False
        return (cue.below is not None and value < cue.below) or (cue.above is not None and value > cue.above)

    def _cue(self, t: float, found: dict[str, tuple[float, float]], active: bool) -> str | None:
        said = None
        for i, cue in enumerate(self.spec.cues):
            state = self._cueing.setdefault(i, _Cueing())
            if not (active and self._fault(cue, found)):
                state.since = None
                continue
            state.since = t if state.since is None else state.since
            quiet = state.said is None or t - state.said >= CUE_EVERY
            if said is None and quiet and t - state.since >= CUE_AFTER:
                state.said, said = t, cue.say
                self.cues.append((t, cue.say))
        return said

    def feed(self, frame: Frame) -> Feedback:
        """Take one frame (in time order) and say where the person is."""
        self.frames += 1
        self.last_t = frame.t
        found = points(frame)
        progress = None
        if frame.has_person:
            self.frames_with_person += 1
            progress = self._sided_progress(found) if self.spec.sided else self._progress(found, None)
        zone = self._zone_of(progress, found) if progress is not None else None
        if frame.has_person:
            self._count(zone)
            self._hold(frame.t, zone == "target")
        active = progress is not None and (
            zone == "target" or self._zone == "target" or min(progress) >= REACH
        )
        cue = self._cue(frame.t, found, active) if frame.has_person else None
        return Feedback(
            t=frame.t,
            person=frame.has_person,
            advice=advice(self.spec, frame),
            progress=None if progress is None else min(progress),
            in_position=zone == "target",
            side=self._side if self.spec.sided else None,
            reps=self.reps,
            hold_seconds=self.hold_seconds,
            cue=cue,
        )

    @property
    def reps(self) -> int:
        return sum(s.reps for s in self.sets)

    @property
    def hold_seconds(self) -> float:
        return sum(s.hold_seconds for s in self.sets)

    def result(self) -> CoachResult:
        return CoachResult(
            exercise=self.spec.exercise,
            frames=self.frames,
            frames_with_person=self.frames_with_person,
            reps=self.reps,
            hold_seconds=self.hold_seconds,
            sets=tuple(Set(s.side, s.reps, s.hold_seconds) for s in self.sets),
            cues=tuple(self.cues),
        )
