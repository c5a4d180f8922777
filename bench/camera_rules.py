"""The camera rules' cost per frame (the part of `make bench-camera` that needs no browser).

Feeds the coach every coached exercise's synthetic repetitions (from the 3D pose model, as the tests
make them) and the posture watch a sitting hour at 2 frames a second, and reports microseconds per
frame, with the cost of reading a landmarks file's line beside them. Target: under 1 ms a frame.
"""

from __future__ import annotations

import json
import time

from unknot.content.loader import default_library
from unknot.core.coach.landmarks import Frame, frame_from_json
from unknot.core.coach.model import camera_for
from unknot.core.coach.posture import PostureWatch
from unknot.core.coach.rules import Coach
from unknot.core.coach.spec import coach_spec
from unknot.core.coach.synthetic import Film, lines, movement, start_body
from unknot.core.pose.kinematics import rest

TARGET_MS = 1.0


def _per_frame(feed: object, frames: list[Frame], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for frame in frames:
            feed(frame)  # type: ignore[operator]
        best = min(best, (time.perf_counter() - started) / len(frames))
    return best * 1000


def coach_costs() -> dict[str, float]:
    library = default_library()
    costs = {}
    for exercise in library.exercises.values():
        if exercise.coach is None:
            continue
        spec = coach_spec(exercise)
        film = Film(camera_for(start_body(exercise), spec.view), 15, noise_px=1.0, drop=0.05, seed=1)
        bodies = movement(exercise)
        for _ in range(5):
            for body in [*bodies, *reversed(bodies)]:
                film.shoot(body, 0.3)
        costs[exercise.id] = _per_frame(Coach(spec).feed, film.frames)
    return costs


def posture_cost() -> tuple[float, float]:
    exercise = default_library().exercises["seated_breathing"]
    body = rest(exercise.pose, exercise.pose.keyframes[0])
    film = Film(camera_for(body, "front", 640, 480), 2.0, noise_px=1.0, seed=2)
    film.shoot(body, 3600.0)
    parse = [json.loads(line) for line in lines(film.frames[:2000])]
    started = time.perf_counter()
    for data in parse:
        frame_from_json(data)
    reading = (time.perf_counter() - started) / len(parse) * 1000
    return _per_frame(PostureWatch().feed, film.frames, rounds=1), reading


def main() -> int:
    costs = coach_costs()
    watch, reading = posture_cost()
    print("the camera rules, milliseconds per frame (best of 3 rounds)")
    for exercise_id, ms in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  coach {exercise_id:<28} {ms:6.3f}")
    print(f"  posture watch                      {watch:6.3f}")
    print(f"  reading a frame's JSON             {reading:6.3f}")
    worst = max([*costs.values(), watch])
    verdict = "ok" if worst < TARGET_MS else "MISSED"
    print(f"slowest {worst:.3f} ms a frame, target < {TARGET_MS} ms: {verdict}")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
