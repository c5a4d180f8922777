"""What the geometry of a pose must satisfy, as readable problems (empty when all is well). Pure.

Used by the content tests and by the authoring script: every keyframe rests on its support, nothing
sinks into the floor or a prop, and every contact the keyframe lists is within a few centimetres.
"""

from __future__ import annotations

from unknot.content.schema.pose import Keyframe, Pose
from unknot.core.pose import skeleton as sk
from unknot.core.pose.kinematics import Body, rest
from unknot.core.pose.room import distance, gap

TOUCH = 3.0  # a contact may leave this much air (cm)
SINK = 2.5  # a body may press this far into a mat or a seat (soft tissue)
SINK_INTO_BODY = 5.0  # and a hand this far into a thigh it holds or rests on (both are soft)
SUPPORTED = ("sit_", "hip_", "sacrum")  # rest on a seat and press into it a little more


def _contacts(pose: Pose, frame: Keyframe, body: Body) -> list[str]:
    found = []
    props = {p.kind for p in pose.props} | {"floor"}
    for part, target in frame.contacts.items():
        if target == "towel" and part.startswith("hand_"):
            continue  # the strap is drawn from the hands: they hold it by construction
        space = gap(pose, body, part, target)
        if not -(SINK if target in props else SINK_INTO_BODY) <= space <= TOUCH:
            found.append(f"{part} is {space:+.1f} cm from {target}")
    return found


def _sinking(pose: Pose, body: Body) -> list[str]:
    found = []
    for name, p in body.points.items():
        if not sk.has_volume(name):
            continue
        r = sk.radius(name)
        if p[2] - r < -1.0:
            found.append(f"{name} sinks {r - p[2]:.1f} cm into the floor")
        for prop in pose.props:
            if prop.kind in {"towel", "mat"}:
                continue
            inside = r - distance(prop, p, body)
            if inside > SINK + (4.0 if name.startswith(SUPPORTED) else 0.0):
                found.append(f"{name} is {inside:.1f} cm inside the {prop.kind.replace('_', ' ')}")
    return found


def problems(pose: Pose) -> list[str]:
    """Every keyframe's geometry problems, each naming its keyframe."""
    found = []
    for frame in pose.keyframes:
        body = rest(pose, frame)
        found += [f"'{frame.label}': {p}" for p in _contacts(pose, frame, body) + _sinking(pose, body)]
    return found
