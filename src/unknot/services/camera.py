"""The live camera features of this process: the coach's and the posture watch's runs, each kept
by the id its page chose, fed frames as the page sends them, and the posture watch's time written
to the journal as it goes. The rules are core's (unknot.core.coach); nothing here keeps a picture."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from unknot.core.coach.landmarks import Frame
from unknot.core.coach.posture import PostureFeedback, PostureWatch
from unknot.core.coach.rules import Coach, Feedback
from unknot.core.reminders import Stretch
from unknot.services import care, plans, posture
from unknot.services.coach import spec_for
from unknot.services.context import Context
from unknot.services.reminders import is_desk_stretch

RUNS = 16  # live runs kept at once (a few tabs); the oldest is forgotten first
WRITE_EVERY = 60.0  # seconds of watching between writes of the posture watch's time


@dataclass
class PostureRun:
    watch: PostureWatch
    first: float | None = None
    written: tuple[float, float, int] = (0.0, 0.0, 0)  # watched, slouched, alerts already in the journal
    written_at: float = 0.0

    def totals(self) -> tuple[float, float, int]:
        last = self.watch.last_t
        watched = 0.0 if self.first is None or last is None else last - self.first - self.watch.away_seconds
        result = self.watch.result()
        return max(watched, 0.0), min(result.slouch_seconds, max(watched, 0.0)), len(result.alerts)

    def unwritten(self) -> tuple[float, float, int]:
        now = self.totals()
        return (now[0] - self.written[0], now[1] - self.written[1], now[2] - self.written[2])


@dataclass
class Runs:
    coaches: OrderedDict[str, Coach] = field(default_factory=OrderedDict)
    watches: OrderedDict[str, PostureRun] = field(default_factory=OrderedDict)

    def coach(self, ctx: Context, run_id: str, exercise_id: str) -> Coach:
        found = self.coaches.get(run_id)
        if found is None or found.spec.exercise != exercise_id:
            found = Coach(spec_for(ctx.library, exercise_id))
            self.coaches[run_id] = found
            if len(self.coaches) > RUNS:
                self.coaches.popitem(last=False)
        return found

    def watch(self, run_id: str, delay: float) -> PostureRun:
        found = self.watches.get(run_id)
        if found is None:
            found = PostureRun(PostureWatch(delay=delay))
            self.watches[run_id] = found
            if len(self.watches) > RUNS:
                self.watches.popitem(last=False)
        return found


def _fresh(frames: list[Frame], last_t: float | None) -> list[Frame]:
    """The frames after the latest one seen (a page may send one again), in time order."""
    fresh = []
    for frame in frames:
        if last_t is None or frame.t > last_t:
            fresh.append(frame)
            last_t = frame.t
    return fresh


def coach_frames(
    ctx: Context, runs: Runs, run_id: str, exercise_id: str, frames: list[Frame]
) -> tuple[Coach, list[Feedback]]:
    coach = runs.coach(ctx, run_id, exercise_id)
    return coach, [coach.feed(f) for f in _fresh(frames, coach.last_t)]


def write_posture(ctx: Context, run: PostureRun) -> None:
    watched, slouched, alerts = run.unwritten()
    if watched > 0 or alerts > 0:
        posture.add(ctx, watched, max(slouched, 0.0), max(alerts, 0))
        run.written = run.totals()


@dataclass(frozen=True)
class Watched:
    """What the posture watch says after a batch of frames."""

    calibrated: bool
    last: PostureFeedback | None  # at the batch's latest frame
    alert: bool  # a sustained slouch alerted in the batch
    stretch: Stretch | None  # the desk stretch to suggest with the alert


def posture_frames(ctx: Context, runs: Runs, run_id: str, frames: list[Frame], delay: float) -> Watched:
    run = runs.watch(run_id, delay)
    fresh = _fresh(frames, run.watch.last_t)
    said = [run.watch.feed(f) for f in fresh]
    if fresh and run.first is None:
        run.first = fresh[0].t
    if fresh and fresh[-1].t - run.written_at >= WRITE_EVERY:
        write_posture(ctx, run)
        run.written_at = fresh[-1].t
    alert = any(s.alert for s in said)
    stretch = desk_stretch(ctx, len(run.watch.alerts) - 1) if alert else None
    return Watched(run.watch.upright is not None, said[-1] if said else None, alert, stretch)


def stop_posture(ctx: Context, runs: Runs, run_id: str) -> None:
    run = runs.watches.pop(run_id, None)
    if run is not None:
        write_posture(ctx, run)


def desk_stretch(ctx: Context, alert: int) -> Stretch | None:
    """A desk stretch of the person's plan to suggest at a posture alert (in turn), or None."""
    if not care.now(ctx).may_exercise:
        return None
    current = plans.current(ctx)
    items = current.plan.items if current and current.plan else []
    chosen = [e for item in items if is_desk_stretch(e := ctx.library.exercises[item.id])]
    if not chosen:
        return None
    e = chosen[alert % len(chosen)]
    return Stretch(e.id, e.name, e.steps[0], e.stop_if[0])
