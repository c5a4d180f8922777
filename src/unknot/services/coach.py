"""The camera coach and the posture watch: which exercises the camera coaches, and recorded
landmarks replayed through the rules (`unknot coach replay`, `unknot posture replay`)."""

from __future__ import annotations

from collections.abc import Iterable

from unknot.content.schema import Library
from unknot.core.coach.posture import COOLDOWN, DELAY, PostureResult
from unknot.core.coach.replay import replay_coach, replay_posture
from unknot.core.coach.rules import CoachResult
from unknot.core.coach.spec import CoachSpec, NotCoachableError, coach_spec
from unknot.services.catalog import get_exercise


def coachable(library: Library) -> list[CoachSpec]:
    """Every exercise the camera coaches, by id."""
    return [coach_spec(e) for _, e in sorted(library.exercises.items()) if e.coach is not None]


def spec_for(library: Library, exercise_id: str) -> CoachSpec:
    """The coach's checks for one exercise: UnknownExerciseError or NotCoachableError otherwise."""
    exercise = get_exercise(library, exercise_id)
    if exercise.coach is None:
        raise NotCoachableError(f"exercise: the camera cannot coach this one ('{exercise_id}')")
    return coach_spec(exercise)


def replay(library: Library, exercise_id: str, lines: Iterable[str]) -> CoachResult:
    return replay_coach(spec_for(library, exercise_id), lines)


def posture_replay(lines: Iterable[str], delay: float = DELAY, cooldown: float = COOLDOWN) -> PostureResult:
    return replay_posture(lines, delay, cooldown)
