"""The landmark channel over real HTTP: the page's pose model sends landmarks, the rules answer;
each request is checked like a form (session, Origin, CSRF)."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from tests.strategies import base_answers
from tests.web.conftest import csrf_of
from unknot.content.loader import default_library
from unknot.core.coach.landmarks import Frame
from unknot.core.coach.model import camera_for
from unknot.core.coach.synthetic import Film
from unknot.core.pose.kinematics import rest

SQUATS = Path(__file__).parents[1] / "media" / "pose_squats.landmarks.jsonl"


def _as_json(frame: Frame) -> dict[str, object]:
    marks = None if frame.landmarks is None else [list(m) for m in frame.landmarks]
    return {"t": frame.t, "landmarks": marks, "width": frame.width, "height": frame.height}


def _send(client: TestClient, address: str, body: dict[str, object], csrf: str) -> dict[str, object]:
    answer = client.post(address, content=json.dumps(body), headers={"X-CSRF-Token": csrf})
    assert answer.status_code == 200, answer.text
    found: dict[str, object] = answer.json()
    return found


def test_the_recorded_squats_sent_in_batches_count_two(client: TestClient) -> None:
    csrf = csrf_of(client)
    frames = [json.loads(line) for line in SQUATS.read_text().splitlines()]
    said = []
    for start in range(0, len(frames), 10):
        batch = {"run": "squats-run-1", "exercise": "sit_to_stand", "frames": frames[start : start + 10]}
        said.append(_send(client, "/coach/frames", batch, csrf))
    assert said[-1]["reps"] == 2 and said[-1]["mode"] == "reps"
    assert [s["reps"] for s in said] == sorted(s["reps"] for s in said)  # type: ignore[type-var]
    again = _send(
        client,
        "/coach/frames",
        {"run": "squats-run-1", "exercise": "sit_to_stand", "frames": frames[-30:]},
        csrf,
    )
    assert again["reps"] == 2  # frames sent again are not counted again


def test_a_request_without_the_csrf_token_or_from_another_site_is_refused(client: TestClient) -> None:
    body = json.dumps({"run": "squats-run-2", "exercise": "sit_to_stand", "frames": []})
    assert client.post("/coach/frames", content=body).status_code == 403
    other = {"X-CSRF-Token": csrf_of(client), "Origin": "http://evil.example"}
    assert client.post("/coach/frames", content=body, headers=other).status_code == 403


def test_a_bad_batch_says_what_is_wrong(client: TestClient) -> None:
    csrf = csrf_of(client)
    cases = [
        ({"run": "x", "exercise": "sit_to_stand", "frames": []}, "run: 8 to 64"),
        ({"run": "squats-run-3", "exercise": "easy_walk", "frames": []}, "cannot coach"),
        (
            {"run": "squats-run-3", "exercise": "sit_to_stand", "frames": [{"t": 0}]},
            "frames: landmarks is missing",
        ),
    ]
    for body, problem in cases:
        answer = client.post("/coach/frames", content=json.dumps(body), headers={"X-CSRF-Token": csrf})
        assert answer.status_code == 400 and problem in answer.text, (body, answer.text)
    huge = b'{"run": "squats-run-4", "frames": [' + b"0," * 300_000 + b"0]}"
    answer = client.post("/coach/frames", content=huge, headers={"X-CSRF-Token": csrf})
    assert answer.status_code == 400 and "frames: more than 512 KB in one request" in answer.text


def test_a_sustained_slouch_alerts_with_a_desk_stretch_and_its_time_reaches_the_progress_page(
    client: TestClient, tmp_path: Path
) -> None:
    answers = base_answers(regions=["neck", "upper_back"], sitting_hours=9)
    csrf = csrf_of(client)
    ctx = client.app.state.context  # type: ignore[attr-defined]
    from unknot.core.answers import answers_from_dict
    from unknot.services import intake

    intake.save_assessment(ctx, answers_from_dict(answers))
    exercise = default_library().exercises["seated_breathing"]
    upright = exercise.pose.keyframes[0]
    slouched = upright.model_copy(
        update={"joints": {**upright.joints, "thoracic": {"flexion": 20.0}, "neck": {"flexion": 25.0}}}
    )
    film = Film(camera_for(rest(exercise.pose, upright), "front", 640, 480), 2.0)
    film.shoot(rest(exercise.pose, upright), 10.0)
    film.shoot(rest(exercise.pose, slouched), 70.0)
    said = []
    frames = [_as_json(f) for f in film.frames]
    for start in range(0, len(frames), 10):
        said.append(
            _send(
                client,
                "/posture/frames",
                {"run": "posture-run-1", "frames": frames[start : start + 10]},
                csrf,
            )
        )
    alerts = [s for s in said if s["alert"]]
    assert len(alerts) == 1 and said[-1]["slouching"] and said[-1]["calibrated"]
    stretch = alerts[0]["stretch"]
    assert isinstance(stretch, dict) and stretch["href"] == f"/session/stretch/{stretch['id']}"
    stop = client.post(
        "/posture/stop", content=json.dumps({"run": "posture-run-1"}), headers={"X-CSRF-Token": csrf}
    )
    assert stop.status_code == 204
    page = client.get("/progress").text
    assert "Posture watch" in page and "Slouched" in page
    assert ">1 min<" in page or ">1.5 min<" in page or "min</td>" in page
