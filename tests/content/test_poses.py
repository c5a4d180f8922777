"""Every keyframe of every exercise, checked as geometry: a body that rests on its support, touches
what its steps say it touches, moves only within anatomical ranges, and looks like no other exercise."""

from __future__ import annotations

import itertools

import pytest

from unknot.content.schema import Exercise, Library
from unknot.core.pose import skeleton as sk
from unknot.core.pose.checks import problems
from unknot.core.pose.geometry import norm, sub
from unknot.core.pose.kinematics import rest, support_height
from unknot.core.pose.measure import measure
from unknot.core.pose.motion import timeline
from unknot.present.figure.svg import strip

SEGMENTS = {
    ("shoulder", "elbow"): sk.UPPER_ARM,
    ("elbow", "wrist"): sk.FOREARM,
    ("hip", "knee"): sk.THIGH,
    ("knee", "ankle"): sk.SHIN,
}


def exercises() -> list[Exercise]:
    from unknot.content.loader import default_library

    return list(default_library().exercises.values())


@pytest.mark.parametrize("exercise", exercises(), ids=lambda e: e.id)
def test_every_keyframe_rests_on_its_support_and_touches_what_it_should(exercise: Exercise) -> None:
    assert problems(exercise.pose) == []
    for frame in exercise.pose.keyframes:
        body = rest(exercise.pose, frame)
        resting = min(p[2] - sk.radius(n) for n, p in body.points.items() if sk.has_volume(n))
        assert resting >= -1.0, f"{frame.label}: below the floor"
        if exercise.pose.support_of(frame) == "floor":
            assert resting == pytest.approx(0.0, abs=1e-6), f"{frame.label}: floats above the floor"
        else:
            assert resting <= support_height(exercise.pose, frame) + 1e-6


@pytest.mark.parametrize("exercise", exercises(), ids=lambda e: e.id)
def test_bones_keep_their_length_through_the_whole_movement(exercise: Exercise) -> None:
    moments, _ = timeline(exercise.pose)
    for moment in moments:
        for side in ("left", "right"):
            for (a, b), length in SEGMENTS.items():
                bone = norm(sub(moment.body.points[f"{b}_{side}"], moment.body.points[f"{a}_{side}"]))
                assert bone == pytest.approx(length), (a, b, side)


@pytest.mark.parametrize("exercise", exercises(), ids=lambda e: e.id)
def test_the_angles_measured_from_the_positions_are_the_angles_written(exercise: Exercise) -> None:
    """What the camera coach will check: each named angle, read back from the 3D joint positions."""
    for frame in exercise.pose.keyframes:
        measured = measure(rest(exercise.pose, frame).points)
        for joint, angles in frame.joints.items():
            for dof, written in angles.items():
                if dof in measured.get(joint, {}):
                    gap = abs((measured[joint][dof] - written + 180) % 360 - 180)
                    assert gap < 1.0, f"{frame.label}: {joint} {dof}"


def test_the_left_side_is_drawn_on_the_left() -> None:
    """Seen from the front, the person's left hand is on the right of the picture; seen from the side
    (from their right), their right limbs are nearer and drawn darker."""
    from unknot.content.schema import Keyframe, Pose
    from unknot.present.figure.body import body_shapes
    from unknot.present.figure.camera import camera

    lifted = Keyframe(label="left arm out", joints={"shoulder_left": {"plane": 0, "elevation": 90}})
    pose = Pose(views=["front"], keyframes=[lifted, lifted])
    body = rest(pose, lifted)
    front = camera("front")
    assert front.project(body.points["hand_left"])[0] > front.project(body.points["hand_right"])[0] + 40
    roles = {s.key: s.role for s in body_shapes(body, camera("side"), [], "both")}
    assert roles["thigh_right"] == "near" and roles["thigh_left"] == "far"


def test_no_two_exercises_look_the_same(library: Library) -> None:
    drawn = {e.id: strip(e, range(len(e.pose.keyframes))).body for e in library.exercises.values()}
    for (a, first), (b, second) in itertools.combinations(drawn.items(), 2):
        assert first != second, f"{a} and {b} are drawn the same"


def test_forty_exercises_show_their_movement(library: Library) -> None:
    """Each has a start and a clearly different held (or last) position."""
    from unknot.present.figure.svg import key_frames

    moving = 0
    for e in library.exercises.values():
        first, last = (rest(e.pose, e.pose.keyframes[i]) for i in key_frames(e))
        if max(norm(sub(first.points[n], last.points[n])) for n in first.points) > 4:
            moving += 1
    assert len(library.exercises) >= 40 and moving >= len(library.exercises) - 4
