"""Between keyframes: interpolated bodies for animation, and the timeline a player loops. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema.pose import Keyframe, Orientation, Pose
from unknot.core.pose.kinematics import Body, lift, posed, raised

HOLD_SECONDS = 1.6
PAUSE_SECONDS = 0.4
MOVE_SECONDS = 1.2
STEPS_BETWEEN = 2  # drawn positions between two keyframes; the player blends the rest


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _joints(a: Keyframe, b: Keyframe, t: float) -> dict[str, dict[str, float]]:
    names = set(a.joints) | set(b.joints)
    mixed: dict[str, dict[str, float]] = {}
    for name in names:
        dofs = set(a.joints.get(name, {})) | set(b.joints.get(name, {}))
        mixed[name] = {d: _mix(a.angle(name, d), b.angle(name, d), t) for d in dofs}
    return mixed


def blend(pose: Pose, a: Keyframe, b: Keyframe, t: float) -> Body:
    """The body a fraction t of the way from keyframe a to b, resting between their supports."""
    frame = Keyframe(
        label=a.label,
        at=(_mix(a.at[0], b.at[0], t), _mix(a.at[1], b.at[1], t)),
        body=Orientation(
            pitch=_mix(a.body.pitch, b.body.pitch, t),
            roll=_mix(a.body.roll, b.body.roll, t),
            yaw=_mix(a.body.yaw, b.body.yaw, t),
        ),
        joints=_joints(a, b, t),
    )
    height = _mix(lift(pose, a, posed(a)), lift(pose, b, posed(b)), t)
    return raised(posed(frame), height)


@dataclass(frozen=True)
class Moment:
    body: Body
    seconds: float  # when this position is reached, from the start of the loop


def timeline(pose: Pose) -> tuple[list[Moment], float]:
    """Each keyframe (held or paused at), the positions between them, and back to the start."""
    moments: list[Moment] = []
    clock = 0.0
    frames = pose.keyframes
    for index, frame in enumerate(frames):
        body = blend(pose, frame, frame, 0.0)
        moments.append(Moment(body, clock))
        clock += HOLD_SECONDS if frame.hold else PAUSE_SECONDS
        moments.append(Moment(body, clock))
        following = frames[(index + 1) % len(frames)]
        for step in range(1, STEPS_BETWEEN + 1):
            share = step / (STEPS_BETWEEN + 1)
            moments.append(Moment(blend(pose, frame, following, share), clock + share * MOVE_SECONDS))
        clock += MOVE_SECONDS
    moments.append(Moment(moments[0].body, clock))
    return moments, clock
