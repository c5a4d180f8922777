"""The 3D body model: joint angles placed by forward kinematics, and read back from positions alone."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from unknot.content.schema.pose import JOINTS, SHOULDER_EXTENSION_LIMIT, Keyframe, Pose
from unknot.core.pose import skeleton as sk
from unknot.core.pose.checks import problems
from unknot.core.pose.geometry import norm, sub
from unknot.core.pose.kinematics import Body, posed, rest
from unknot.core.pose.measure import measure
from unknot.core.pose.motion import blend, timeline

BONES = {
    ("shoulder", "elbow"): sk.UPPER_ARM,
    ("elbow", "wrist"): sk.FOREARM,
    ("hip", "knee"): sk.THIGH,
    ("knee", "ankle"): sk.SHIN,
}


def pose_of(*frames: Keyframe, **extra: Any) -> Pose:
    return Pose(views=["side"], keyframes=list(frames) * (2 if len(frames) == 1 else 1), **extra)


def frame(**joints: dict[str, float]) -> Keyframe:
    return Keyframe(label="a position", joints=joints)


@st.composite
def keyframes(draw: st.DrawFn) -> Keyframe:
    joints = {}
    for name, dofs in JOINTS.items():
        angles = {dof: draw(st.floats(low, high)) for dof, (low, high) in dofs.items()}
        if name.startswith("shoulder") and angles["plane"] < -45:
            angles["elevation"] = min(angles["elevation"], SHOULDER_EXTENSION_LIMIT)
        joints[name] = angles
    body = {k: draw(st.floats(-90, 90)) for k in ("pitch", "roll", "yaw")}
    return Keyframe(label="random", joints=joints, body=body)


def angle_gap(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


@settings(max_examples=150, deadline=None)
@given(keyframes())
def test_every_angle_the_positions_show_is_the_angle_given(keyframe: Keyframe) -> None:
    measured = measure(rest(pose_of(keyframe), keyframe).points)
    compared = 0
    for joint, dofs in measured.items():
        for dof, value in dofs.items():
            assert angle_gap(value, keyframe.angle(joint, dof)) < 0.01, (joint, dof)
            compared += 1
    assert compared >= 27, "the spine's, the legs', the clavicles' and the arms' lift are always measured"
    for side in ("left", "right"):
        shoulder = keyframe.joints[f"shoulder_{side}"]
        if keyframe.angle(f"elbow_{side}", "flexion") >= 12 and 6 < shoulder["elevation"] < 174:
            assert {"plane", "rotation"} <= set(measured[f"shoulder_{side}"])
            assert "pronation" in measured[f"elbow_{side}"] and f"wrist_{side}" in measured


@settings(max_examples=60, deadline=None)
@given(keyframes())
def test_bones_keep_their_length(keyframe: Keyframe) -> None:
    body = posed(keyframe)
    for side in ("left", "right"):
        for (a, b), length in BONES.items():
            assert norm(sub(body.points[f"{b}_{side}"], body.points[f"{a}_{side}"])) == pytest.approx(length)
    assert norm(sub(body.points["c7"], body.points["t12"])) == pytest.approx(sk.THORACIC)


def test_left_is_the_persons_left() -> None:
    body = posed(frame(shoulder_left={"plane": 0, "elevation": 90}, hip_right={"flexion": 90}))
    assert body.points["hand_left"][1] > 40, "the left arm is raised out to the left (+y)"
    assert body.points["hand_right"][1] < 0 and body.points["hand_right"][2] < 100
    assert body.points["knee_right"][0] == pytest.approx(sk.THIGH), "the right thigh points forward"
    assert body.points["knee_right"][1] < 0 and body.points["knee_left"][2] < 0


def test_a_positive_angle_is_the_same_movement_on_either_side() -> None:
    body = posed(
        frame(hip_left={"abduction": 30, "rotation": 40}, hip_right={"abduction": 30, "rotation": 40})
    )
    left, right = body.points["toes_left"], body.points["toes_right"]
    assert left[1] == pytest.approx(-right[1]) and left[0] == pytest.approx(right[0])
    assert left[1] > 20, "abduction and outward rotation take the left foot to the left"


def test_the_spine_bends_and_turns_the_way_its_angles_say() -> None:
    forward = posed(frame(lumbar={"flexion": 40}, thoracic={"flexion": 30}))
    assert forward.points["c7"][0] > 25, "flexion bends forward (+x)"
    to_left = posed(frame(lumbar={"side_bend": 20}, thoracic={"side_bend": 20}))
    assert to_left.points["c7"][1] > 10
    turned = posed(frame(thoracic={"rotation": 40}, neck={"rotation": 40}))
    assert turned.points["nose"][1] > 5, "rotation turns the face to the left"
    tucked = posed(frame(neck={"flexion": -10}, head={"flexion": 10}))
    assert tucked.points["nose"][0] < posed(frame()).points["nose"][0], "a chin tuck moves the head back"


def test_each_support_carries_the_body() -> None:
    standing = rest(pose_of(frame()), frame())
    lowest = min(p[2] - sk.radius(n) for n, p in standing.points.items() if sk.has_volume(n))
    assert lowest == pytest.approx(0.0) and standing.points["hip_left"][2] == pytest.approx(91.5)
    bent = {"flexion": 90}
    sitting = frame(hip_left={"flexion": 85}, hip_right={"flexion": 85}, knee_left=bent, knee_right=bent)
    chair = pose_of(sitting, support="chair", props=[{"kind": "chair", "x": 16, "height": 44}])
    seated = rest(chair, sitting)
    seat = [p[2] - sk.radius(n) for n, p in seated.points.items() if n.startswith(("sit_", "hip_", "sacrum"))]
    assert min(seat) == pytest.approx(44.0), "the buttocks rest on the seat"
    assert seated.points["sole_left"][2] - sk.radius("sole_left") == pytest.approx(0.0, abs=1.5)
    lying = Keyframe(label="on the back", body={"pitch": -90})
    on_bed = rest(pose_of(lying, support="bed", props=[{"kind": "bed", "x": 100}]), lying)
    assert min(p[2] - sk.radius(n) for n, p in on_bed.points.items() if sk.has_volume(n)) == pytest.approx(
        50.0
    )


def test_the_loader_refuses_an_angle_outside_its_range() -> None:
    with pytest.raises(ValidationError, match="knee_left flexion 170 is outside its range 0 to 155"):
        frame(knee_left={"flexion": 170})
    with pytest.raises(ValidationError, match="unknown joint 'knee'"):
        frame(knee={"flexion": 10})
    with pytest.raises(ValidationError, match="hip_left has no 'pronation'"):
        frame(hip_left={"pronation": 10})
    with pytest.raises(ValidationError, match="an arm behind the body lifts at most 70"):
        frame(shoulder_right={"plane": -90, "elevation": 120})
    with pytest.raises(ValidationError, match="touches 'wall', which is neither a prop"):
        Pose(views=["side"], keyframes=[Keyframe(label="push", contacts={"hand_left": "wall"})] * 2)


def test_contacts_and_sinking_are_reported_by_keyframe() -> None:
    reaching = Keyframe(
        label="hand on the wall",
        joints={"shoulder_right": {"plane": 90, "elevation": 90}},
        contacts={"hand_right": "wall"},
    )
    alone = reaching.model_copy(update={"contacts": {}})
    hand_x = rest(pose_of(alone), alone).points["hand_right"][0]
    touching = pose_of(reaching, props=[{"kind": "wall", "x": hand_x + sk.radius("hand_right") + 1}])
    assert problems(touching) == []
    far = pose_of(reaching, props=[{"kind": "wall", "x": hand_x + 15}])
    assert problems(far)[0] == "'hand on the wall': hand_right is +11.0 cm from wall"
    through = pose_of(reaching, props=[{"kind": "wall", "x": hand_x - 10}])
    assert any("inside the wall" in p for p in problems(through))


def test_in_between_positions_move_smoothly_from_one_keyframe_to_the_next() -> None:
    start, end = frame(), frame(hip_right={"flexion": 90}, knee_right={"flexion": 90})
    pose = pose_of(start, end)
    halfway = blend(pose, start, end, 0.5)
    assert measure(halfway.points)["hip_right"]["flexion"] == pytest.approx(45.0)
    moments, seconds = timeline(pose)
    assert [m.seconds for m in moments] == sorted(m.seconds for m in moments)
    assert moments[-1].seconds == seconds and moments[-1].body == moments[0].body


def bodies_differ(a: Body, b: Body) -> bool:
    return any(math.dist(a.points[n], b.points[n]) > 1 for n in a.points)
