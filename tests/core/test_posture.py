"""The posture watch over synthetic sitting sequences from the 3D pose model: upright, slouched (the
upper back and neck bent forward) and away, with the episodes and alerts read from how the sequence
was made."""

from __future__ import annotations

import functools
import itertools

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from unknot.content.loader import default_library
from unknot.core.coach.model import camera_for
from unknot.core.coach.replay import replay_posture
from unknot.core.coach.synthetic import Film, lines
from unknot.core.pose.kinematics import Body, rest

FPS = 2.0
DELAY, COOLDOWN = 10.0, 40.0
LIBRARY = default_library()
SLACK = 1.6  # seconds: the smoothing (1 s) and a frame either side


@functools.cache
def _bodies() -> dict[str, Body]:
    exercise = LIBRARY.exercises["seated_breathing"]
    upright = exercise.pose.keyframes[0]
    slouched = upright.model_copy(
        update={"joints": {**upright.joints, "thoracic": {"flexion": 20.0}, "neck": {"flexion": 25.0}}}
    )
    return {"upright": rest(exercise.pose, upright), "slouched": rest(exercise.pose, slouched)}


def _film(
    parts: list[tuple[str, float]], noise: float, seed: int
) -> tuple[Film, list[tuple[str, float, float]]]:
    bodies = _bodies()
    film = Film(camera_for(bodies["upright"], "front", 640, 480), FPS, noise, 0.0, seed)
    spans = []
    for what, seconds in [("upright", 6.0), *parts]:
        began = film.t
        if what == "away":
            film.away(seconds)
        else:
            film.shoot(bodies[what], seconds)
        spans.append((what, began, film.t))
    film.shoot(bodies["upright"], 3.0)
    return film, spans


def _expected_alerts(starts: list[float]) -> list[float]:
    alerts: list[float] = []
    for start in starts:
        if not alerts or start + DELAY - alerts[-1] >= COOLDOWN:
            alerts.append(start + DELAY)
    return alerts


PARTS = st.lists(
    st.tuples(st.sampled_from(["upright", "slouched", "away"]), st.floats(3, 40)), min_size=1, max_size=6
).filter(lambda parts: all(a[0] != b[0] for a, b in itertools.pairwise(parts)))


@settings(max_examples=40, deadline=None)
@given(parts=PARTS, noise=st.floats(0, 1.0), seed=st.integers(0, 2**16))
def test_a_sustained_slouch_is_an_episode_with_one_alert_per_cooldown(
    parts: list[tuple[str, float]], noise: float, seed: int
) -> None:
    assume(all(abs(seconds - DELAY) > 2 * SLACK for what, seconds in parts if what == "slouched"))
    film, spans = _film(parts, noise, seed)
    slouches = [
        (began, ended) for what, began, ended in spans if what == "slouched" and ended - began >= DELAY
    ]
    starts = [began for began, _ in slouches]
    assume(all(abs(b + DELAY - (a + DELAY) - COOLDOWN) > 2 * SLACK for a in starts for b in starts if b > a))
    result = replay_posture(lines(film.frames), DELAY, COOLDOWN)
    assert result.calibrated
    assert len(result.episodes) == len(slouches)
    for episode, (began, ended) in zip(result.episodes, slouches, strict=True):
        assert abs(episode.start - began) <= SLACK and abs(episode.end - ended) <= SLACK
    expected = _expected_alerts(starts)
    assert len(result.alerts) == len(expected)
    assert all(abs(a - b) <= SLACK for a, b in zip(result.alerts, expected, strict=True))
    away = sum(ended - began for what, began, ended in spans if what == "away")
    assert abs(result.away_seconds - away) <= 1 / FPS + 1e-6


def test_without_five_seconds_of_a_person_nothing_is_calibrated_or_alerted() -> None:
    film = Film(camera_for(_bodies()["upright"], "front", 640, 480), FPS)
    film.shoot(_bodies()["upright"], 4.0)
    film.away(60.0)
    result = replay_posture(lines(film.frames), DELAY, COOLDOWN)
    assert (result.calibrated, result.episodes, result.alerts) == (False, (), ())
    assert abs(result.away_seconds - 60.0) <= 1 / FPS


def test_a_slouch_that_is_still_going_at_the_end_is_an_episode_to_the_last_frame() -> None:
    film = Film(camera_for(_bodies()["upright"], "front", 640, 480), FPS)
    film.shoot(_bodies()["upright"], 6.0)
    film.shoot(_bodies()["slouched"], 30.0)
    result = replay_posture(lines(film.frames), DELAY, COOLDOWN)
    assert len(result.episodes) == 1 and result.episodes[0].end == film.frames[-1].t
    assert len(result.alerts) == 1
