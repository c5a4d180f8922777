"""The camera coach's rules over synthetic landmark sequences from the 3D pose model: a known number
of repetitions and seconds in position, with noise and dropped frames (unknot.core.coach.synthetic)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unknot.content.loader import Library, default_library
from unknot.core.coach.model import camera_for
from unknot.core.coach.replay import LandmarksError, frames, replay_coach
from unknot.core.coach.rules import Coach
from unknot.core.coach.spec import CoachSpec, NotCoachableError, coach_spec
from unknot.core.coach.synthetic import Film, lines, mirrored, movement, start_body
from unknot.core.pose.kinematics import Body, rest

LIBRARY: Library = default_library()
SPECS = {e.id: coach_spec(e) for e in LIBRARY.exercises.values() if e.coach is not None}
REPS = sorted(i for i, s in SPECS.items() if s.mode == "reps")
HOLDS = sorted(i for i, s in SPECS.items() if s.mode == "hold")
MOVE = 0.6  # seconds from the start position to the target, and back
FAST = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _film(exercise_id: str, fps: float, noise: float, drop: float, seed: int) -> Film:
    spec = SPECS[exercise_id]
    return Film(camera_for(start_body(LIBRARY.exercises[exercise_id]), spec.view), fps, noise, drop, seed)


def _sides(spec: CoachSpec) -> list[str | None]:
    return ["right", "left"] if spec.sided else [None]


def _play(film: Film, exercise_id: str, side: str | None, reps: int, hold: float) -> tuple[float, float]:
    """Film the repetitions; the seconds filmed at the target, and in the moves to and from it."""
    bodies = _movement(exercise_id)
    if side == "left":
        bodies = [mirrored(b) for b in bodies]
    film.shoot(bodies[0], 1.0)
    held = moving = 0.0
    for _ in range(reps):
        for there, way in enumerate((bodies[1:-1], bodies[-2:0:-1])):
            began = film.t
            for body in way:
                film.shoot(body, MOVE / len(way))
            moving += film.t - began
            if there == 0:
                began = film.t
                film.shoot(bodies[-1], hold)
                held += film.t - began
        film.shoot(bodies[0], 0.8)
    return held, moving


@functools.cache
def _movement(exercise_id: str) -> list[Body]:
    return movement(LIBRARY.exercises[exercise_id])


def test_at_least_twelve_exercises_are_coached_including_those_people_ask_for() -> None:
    wanted = {
        "sit_to_stand", "standing_hamstring_stretch", "standing_quad_stretch", "glute_bridge", "bird_dog",
        "cat_cow", "chin_tucks", "wall_angels", "standing_back_extension", "standing_calf_raise",
    }  # fmt: skip
    assert wanted <= set(SPECS) and len(SPECS) >= 12


def test_the_target_ranges_come_from_the_keyframes_and_each_angle_moves_between_them() -> None:
    squat = SPECS["sit_to_stand"].tracks[0]
    assert (squat.angle, round(squat.start), round(squat.target)) == ("knee", 80, 180)
    assert all(abs(t.target - t.start) >= 8 for s in SPECS.values() for t in s.tracks)


def test_an_exercise_without_coaching_says_the_camera_cannot_coach_it() -> None:
    with pytest.raises(NotCoachableError, match="cannot coach"):
        coach_spec(LIBRARY.exercises["easy_walk"])


@pytest.mark.parametrize("exercise_id", REPS)
@FAST
@given(
    reps=st.integers(1, 4),
    hold=st.floats(0.4, 2.0),
    fps=st.sampled_from([8.0, 12.0, 20.0]),
    noise=st.floats(0, 1.5),
    drop=st.floats(0, 0.15),
    seed=st.integers(0, 2**16),
)
def test_repetitions_are_counted_once_each_per_side(
    exercise_id: str, reps: int, hold: float, fps: float, noise: float, drop: float, seed: int
) -> None:
    spec = SPECS[exercise_id]
    film = _film(exercise_id, fps, noise, drop, seed)
    for side in _sides(spec):
        _play(film, exercise_id, side, reps, hold)
    result = replay_coach(spec, lines(film.frames))
    assert [(s.side, s.reps) for s in result.sets] == [(side, reps) for side in _sides(spec)]
    assert result.reps == reps * len(_sides(spec))
    assert result.frames == len(film.frames)
    assert result.frames_with_person == sum(f.has_person for f in film.frames)


@pytest.mark.parametrize("exercise_id", HOLDS)
@FAST
@given(
    hold=st.floats(3, 20),
    fps=st.sampled_from([8.0, 12.0, 20.0]),
    noise=st.floats(0, 1.5),
    drop=st.floats(0, 0.15),
    seed=st.integers(0, 2**16),
)
def test_hold_time_runs_only_in_position(
    exercise_id: str, hold: float, fps: float, noise: float, drop: float, seed: int
) -> None:
    spec = SPECS[exercise_id]
    film = _film(exercise_id, fps, noise, drop, seed)
    filmed = [_play(film, exercise_id, side, 1, hold) for side in _sides(spec)]
    result = replay_coach(spec, lines(film.frames))
    assert [s.side for s in result.sets] == _sides(spec)
    for counted, (held, moving) in zip(result.sets, filmed, strict=True):
        # in position while at the target, and for part of the moves to and from it
        assert held - 1.5 / fps <= counted.hold_seconds <= held + moving, (counted, held, moving)


def test_seconds_without_a_person_do_not_count_and_a_short_gap_is_carried() -> None:
    spec = SPECS["standing_quad_stretch"]
    bodies = _movement("standing_quad_stretch")
    film = _film("standing_quad_stretch", 10, 0, 0, 1)
    film.shoot(bodies[-1], 5.0)
    film.away(3.0)  # longer than the grace: not counted
    film.shoot(bodies[-1], 5.0)
    film.away(0.5)  # within the grace: carried
    film.shoot(bodies[-1], 2.0)
    result = replay_coach(spec, lines(film.frames))
    assert result.hold_seconds == pytest.approx(4.9 + 4.9 + 0.6 + 1.9, abs=0.01)


def test_the_recorded_squats_count_two_and_an_empty_room_after_them_adds_nothing() -> None:
    recorded = (Path(__file__).parents[1] / "media" / "pose_squats.landmarks.jsonl").read_text().splitlines()
    last = json.loads(recorded[-1])["t"]
    empty = [json.dumps({"t": round(last + (i + 1) * 0.2, 1), "landmarks": None}) for i in range(150)]
    assert replay_coach(SPECS["sit_to_stand"], recorded + empty).reps == 2


def test_jitter_around_a_threshold_never_counts_a_repetition() -> None:
    spec = SPECS["sit_to_stand"]
    bodies = movement(LIBRARY.exercises["sit_to_stand"], steps=20)
    film = _film("sit_to_stand", 15, 0, 0, 1)
    for _ in range(10):  # between 40 % and 60 % of the way: neither back at the start nor at the target
        film.shoot(bodies[8], 0.2)
        film.shoot(bodies[12], 0.2)
    assert replay_coach(spec, lines(film.frames)).reps == 0


def test_a_form_fault_held_in_position_gets_its_cue_and_not_too_often() -> None:
    exercise = LIBRARY.exercises["standing_quad_stretch"]
    target = exercise.pose.keyframes[-1]
    leaning = target.model_copy(update={"body": target.body.model_copy(update={"pitch": 30.0})})
    film = _film("standing_quad_stretch", 10, 0, 0, 1)
    film.shoot(rest(exercise.pose, leaning), 20.0)
    result = replay_coach(SPECS["standing_quad_stretch"], lines(film.frames))
    said = [text for _, text in result.cues]
    assert said.count("Keep your trunk upright.") == 3  # at 0.6 s, then every 8 s at most
    clean = Film(film.camera, 10)
    clean.shoot(rest(exercise.pose, target), 20.0)
    assert replay_coach(SPECS["standing_quad_stretch"], lines(clean.frames)).cues == ()


def test_live_feedback_says_what_to_change_and_where_the_person_is() -> None:
    coach = Coach(SPECS["sit_to_stand"])
    film = _film("sit_to_stand", 10, 0, 0, 1)
    film.away(0.1)
    film.shoot(_movement("sit_to_stand")[-1], 0.1)
    nobody, standing = (coach.feed(f) for f in film.frames)
    assert (nobody.person, nobody.advice) == (False, "Step into the picture.")
    assert (
        standing.in_position and standing.advice is None and standing.progress == pytest.approx(1, abs=0.05)
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json", "line 1: not valid JSON"),
        ('{"t": 0}', "line 1: landmarks is missing"),
        ('{"t": "x", "landmarks": null}', "line 1: t is not a number"),
        ('{"t": 0, "landmarks": [[0, 0, 0, 1]]}', "line 1: landmarks is not a list of 33"),
        ('{"t": 0, "landmarks": null}\n{"t": 0, "landmarks": null}', "line 2: t 0 does not come after 0"),
    ],
)
def test_a_malformed_file_names_its_line(line: str, problem: str) -> None:
    with pytest.raises(LandmarksError, match=problem):
        list(frames(line.splitlines()))
