"""Forward kinematics: a keyframe's joint angles to landmark positions in the room, resting on its
support. Pure. Limb maths is written for the left side; the right side is its mirror image, so a
positive angle means the same movement on either side.
"""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema.pose import Keyframe, Pose
from unknot.core.pose import skeleton as sk
from unknot.core.pose.geometry import (
    Mat,
    Vec,
    add,
    apply,
    chain,
    rot_x,
    rot_y,
    rot_z,
    sided,
    sided_turn,
)

SIDES = ("left", "right")
DEFAULT_HEIGHT = {"chair": 44.0, "bed": 50.0, "table": 75.0}
# The landmarks that rest on each support (all of them for the floor).
RESTS_ON = {
    "chair": ("sit_", "hip_", "sacrum"),
    "bed": ("sacrum", "upper_back", "c7", "head_centre", "hip_", "sit_", "chest", "rib_", "belly"),
}
RESTS_ON["table"] = RESTS_ON["bed"]


@dataclass(frozen=True)
class Body:
    """Landmark positions (cm, the floor at z = 0) and each segment's orientation in the room."""

    points: dict[str, Vec]
    frames: dict[str, Mat]


def _spine(keyframe: Keyframe, joint: str) -> Mat:
    a = keyframe.joints.get(joint, {})
    return chain(rot_y(a.get("flexion", 0)), rot_x(-a.get("side_bend", 0)), rot_z(a.get("rotation", 0)))


def _limb(keyframe: Keyframe, joint: str, side: str) -> Mat:
    a = keyframe.joints.get(f"{joint}_{side}", {})
    if joint == "clavicle":
        m = chain(rot_z(-a.get("protraction", 0)), rot_x(a.get("elevation", 0)))
    elif joint == "shoulder":
        plane = a.get("plane", 0)
        m = chain(rot_z(-plane), rot_x(a.get("elevation", 0)), rot_z(plane + a.get("rotation", 0)))
    elif joint == "elbow":
        m = chain(rot_y(-a.get("flexion", 0)), rot_z(-a.get("pronation", 0)))
    elif joint == "wrist":
        m = rot_x(a.get("extension", 0))
    elif joint == "hip":
        m = chain(rot_y(-a.get("flexion", 0)), rot_x(a.get("abduction", 0)), rot_z(a.get("rotation", 0)))
    elif joint == "knee":
        m = rot_y(a.get("flexion", 0))
    else:
        m = rot_y(-a.get("dorsiflexion", 0))
    return sided_turn(m, side)


class _Builder:
    def __init__(self) -> None:
        self.points: dict[str, Vec] = {}
        self.frames: dict[str, Mat] = {}

    def mark(self, origin: Vec, frame: Mat, marks: dict[str, Vec], side: str | None = None) -> None:
        for name, offset in marks.items():
            if side is None and name.endswith("_left"):
                for each in SIDES:
                    self.points[name.replace("_left", f"_{each}")] = add(
                        origin, apply(frame, sided(offset, each))
                    )
            elif side is None:
                self.points[name] = add(origin, apply(frame, offset))
            else:
                self.points[name.replace("_left", f"_{side}")] = add(
                    origin, apply(frame, sided(offset, side))
                )


def _trunk(b: _Builder, keyframe: Keyframe, origin: Vec) -> None:
    o = keyframe.body
    pelvis = chain(rot_z(o.yaw), rot_y(o.pitch), rot_z(o.roll))
    b.frames["pelvis"] = pelvis
    b.points["pelvis"] = origin
    b.mark(origin, pelvis, sk.PELVIS)
    lumbar = chain(pelvis, _spine(keyframe, "lumbar"))
    b.frames["lumbar"] = lumbar
    b.mark(b.points["sacrum"], lumbar, {"t12": (0.0, 0.0, sk.LUMBAR)} | sk.LUMBAR_MARKS)
    thorax = chain(lumbar, _spine(keyframe, "thoracic"))
    b.frames["thorax"] = thorax
    b.mark(b.points["t12"], thorax, {"c7": (0.0, 0.0, sk.THORACIC)} | sk.THORAX)
    neck = chain(thorax, _spine(keyframe, "neck"))
    b.frames["neck"] = neck
    b.mark(b.points["c7"], neck, {"c1": (0.0, 0.0, sk.NECK)})
    head = chain(neck, rot_y(keyframe.angle("head", "flexion")))
    b.frames["head"] = head
    b.mark(b.points["c1"], head, sk.HEAD)


def _arm(b: _Builder, keyframe: Keyframe, side: str) -> None:
    thorax = b.frames["thorax"]
    clavicle = chain(thorax, _limb(keyframe, "clavicle", side))
    reach = add(sk.CLAVICLE, (0.0, 0.0, -sk.SHOULDER_BELOW_CLAVICLE))
    b.mark(b.points[f"sc_{side}"], clavicle, {"shoulder_left": reach}, side)
    upper = chain(thorax, _limb(keyframe, "shoulder", side))
    b.mark(b.points[f"shoulder_{side}"], upper, {"elbow_left": (0.0, 0.0, -sk.UPPER_ARM)}, side)
    fore = chain(upper, _limb(keyframe, "elbow", side))
    marks = {"wrist_left": (0.0, 0.0, -sk.FOREARM), "forearm_left": (0.0, 0.0, -sk.FOREARM / 2)}
    b.mark(b.points[f"elbow_{side}"], fore, marks, side)
    hand = chain(fore, _limb(keyframe, "wrist", side))
    b.mark(b.points[f"wrist_{side}"], hand, sk.HAND, side)
    b.frames |= {f"upper_arm_{side}": upper, f"forearm_{side}": fore, f"hand_{side}": hand}


def _leg(b: _Builder, keyframe: Keyframe, side: str) -> None:
    thigh = chain(b.frames["pelvis"], _limb(keyframe, "hip", side))
    marks = {"knee_left": (0.0, 0.0, -sk.THIGH), "thigh_left": (0.0, 0.0, -sk.THIGH / 2)}
    b.mark(b.points[f"hip_{side}"], thigh, marks, side)
    shin = chain(thigh, _limb(keyframe, "knee", side))
    marks = {
        "ankle_left": (0.0, 0.0, -sk.SHIN),
        "shin_left": (0.0, 0.0, -sk.SHIN / 2),
        "calf_left": (-2.0, 0.0, -sk.SHIN / 3),
    }
    b.mark(b.points[f"knee_{side}"], shin, marks, side)
    foot = chain(shin, _limb(keyframe, "ankle", side))
    b.mark(b.points[f"ankle_{side}"], foot, sk.FOOT, side)
    b.frames |= {f"thigh_{side}": thigh, f"shin_{side}": shin, f"foot_{side}": foot}


def posed(keyframe: Keyframe) -> Body:
    """The body in its keyframe's position, its pelvis at `at` and height 0 (before resting it)."""
    b = _Builder()
    _trunk(b, keyframe, (keyframe.at[0], keyframe.at[1], 0.0))
    for side in SIDES:
        _arm(b, keyframe, side)
        _leg(b, keyframe, side)
    return Body(b.points, b.frames)


def support_height(pose: Pose, keyframe: Keyframe) -> float:
    support = pose.support_of(keyframe)
    if support == "floor":
        return 0.0
    prop = next(p for p in pose.props if p.kind == support)
    return prop.height or DEFAULT_HEIGHT[support]


def lowest(body: Body, prefixes: tuple[str, ...] | None = None) -> float:
    """The lowest surface of the landmarks (all, or those whose names start with a prefix)."""
    return min(
        p[2] - sk.radius(name)
        for name, p in body.points.items()
        if sk.has_volume(name) and (prefixes is None or name.startswith(prefixes))
    )


def lift(pose: Pose, keyframe: Keyframe, body: Body) -> float:
    """How far the posed body must rise (or sink) to rest on the keyframe's support."""
    return support_height(pose, keyframe) - lowest(body, RESTS_ON.get(pose.support_of(keyframe)))


def raised(body: Body, height: float) -> Body:
    return Body({name: (p[0], p[1], p[2] + height) for name, p in body.points.items()}, body.frames)


def rest(pose: Pose, keyframe: Keyframe) -> Body:
    """The keyframe's body lowered or raised so it rests on its support."""
    body = posed(keyframe)
    return raised(body, lift(pose, keyframe, body))
