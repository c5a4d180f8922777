"""`unknot coach` and `unknot posture` as the contract (docs/contracts/coach.md) says, run as a program."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import ok_json, run_unknot
from unknot.content.loader import default_library
from unknot.core.coach.model import camera_for
from unknot.core.coach.synthetic import Film, lines
from unknot.core.pose.kinematics import rest

SQUATS = Path(__file__).parents[1] / "media" / "pose_squats.landmarks.jsonl"


def one_error(done: object) -> str:
    assert done.returncode == 2  # type: ignore[attr-defined]
    found = done.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(found) == 1 and done.stdout == "", done.stderr  # type: ignore[attr-defined]
    return found[0]


def _shape(value: object, kind: type | tuple[type, ...]) -> None:
    assert isinstance(value, kind) and not isinstance(value, bool), value


def test_the_coached_exercises_are_listed_with_their_view_and_mode() -> None:
    listed = ok_json("coach", "exercises", "--json")
    assert len(listed) >= 12
    for item in listed:
        assert set(item) == {"id", "view", "mode"}
        assert item["view"] in ("front", "side") and item["mode"] in ("reps", "hold")
    assert {"id": "sit_to_stand", "view": "side", "mode": "reps"} in listed


def test_the_recorded_squats_count_two_repetitions_of_sit_to_stand() -> None:
    # the landmarks MediaPipe's lite model found in tests/media/pose_squats.mp4 (see tests/media/README.md)
    result = ok_json("coach", "replay", "--exercise", "sit_to_stand", "--landmarks", str(SQUATS), "--json")
    assert set(result) == {"exercise", "frames", "frames_with_person", "reps", "hold_seconds", "sets", "cues"}
    assert (result["exercise"], result["frames"], result["frames_with_person"]) == ("sit_to_stand", 65, 65)
    assert result["reps"] == 2
    assert result["sets"] == [{"side": None, "reps": 2, "hold_seconds": result["hold_seconds"]}]
    for cue in result["cues"]:
        _shape(cue["t"], (int, float))
        _shape(cue["text"], str)
    again = ok_json("coach", "replay", "--exercise", "sit_to_stand", "--landmarks", str(SQUATS), "--json")
    assert again == result


def test_the_replay_reads_standard_input_and_says_it_in_sentences() -> None:
    done = run_unknot(
        "coach", "replay", "--exercise", "sit_to_stand", "--landmarks", "-", stdin=SQUATS.read_text()
    )
    assert done.returncode == 0, done.stderr
    assert "2 repetitions completed." in done.stdout
    assert "A person was seen in 65 of 65 frames." in done.stdout


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--exercise", "cat_cw"], "exercise: unknown id 'cat_cw'; did you mean cat_cow?"),
        (["--exercise", "easy_walk"], "exercise: the camera cannot coach this one ('easy_walk')"),
    ],
)
def test_an_exercise_it_cannot_coach_is_one_line(args: list[str], problem: str) -> None:
    assert one_error(run_unknot("coach", "replay", *args, "--landmarks", str(SQUATS), "--json")) == problem


def test_a_malformed_file_is_one_line_naming_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    good = SQUATS.read_text().splitlines()
    bad.write_text("\n".join([*good[:3], '{"t": 99, "landmarks": [[0.5, 0.5, 0, 2]]}']) + "\n")
    done = run_unknot("coach", "replay", "--exercise", "sit_to_stand", "--landmarks", str(bad), "--json")
    assert one_error(done) == "landmarks: line 4: landmarks is not a list of 33 landmarks"
    missing = run_unknot("posture", "replay", "--landmarks", str(tmp_path / "none.jsonl"), "--json")
    assert "none.jsonl" in one_error(missing)


def test_the_posture_replay_finds_a_sustained_slouch(tmp_path: Path) -> None:
    exercise = default_library().exercises["seated_breathing"]
    upright = exercise.pose.keyframes[0]
    slouched = upright.model_copy(update={"joints": {**upright.joints, "thoracic": {"flexion": 20.0},
                                                     "neck": {"flexion": 25.0}}})  # fmt: skip
    film = Film(camera_for(rest(exercise.pose, upright), "front", 640, 480), 2.0)
    film.shoot(rest(exercise.pose, upright), 10.0)
    film.shoot(rest(exercise.pose, slouched), 50.0)
    film.away(5.0)
    film.shoot(rest(exercise.pose, upright), 5.0)
    recorded = tmp_path / "desk.jsonl"
    recorded.write_text("\n".join(lines(film.frames)) + "\n")
    result = ok_json("posture", "replay", "--landmarks", str(recorded), "--delay", "20", "--json")
    assert set(result) == {"calibrated", "frames", "away_seconds", "slouch_episodes", "alerts"}
    assert result["calibrated"] is True and result["frames"] == len(film.frames)
    assert result["away_seconds"] == 5.0
    [episode] = result["slouch_episodes"]
    assert abs(episode["start"] - 10.0) <= 1.5 and episode["end"] == 60.0
    assert result["alerts"] == [episode["start"] + 20]
    shorter = ok_json("posture", "replay", "--landmarks", str(recorded), "--delay", "60", "--json")
    assert shorter["slouch_episodes"] == [] and shorter["alerts"] == []
    assert json.loads(json.dumps(shorter)) == shorter
