"""An exercise's pose: keyframes of anatomical joint angles on a support, with the props it needs.

The joint table below is the one list of what a keyframe may say and how far each joint may move
(degrees, neutral standing = 0 everywhere). docs/content.md explains each angle with an example.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from unknot.content.schema.base import Step, Strict

Range = tuple[float, float]

# Signs: flexion forward, side_bend and rotation of the spine towards the person's left; for the
# limbs, abduction and rotation outward (external), on either side.
SPINE_JOINTS: dict[str, dict[str, Range]] = {
    "lumbar": {"flexion": (-30, 60), "side_bend": (-30, 30)},
    "thoracic": {"flexion": (-25, 45), "side_bend": (-30, 30), "rotation": (-45, 45)},
    "neck": {"flexion": (-60, 50), "side_bend": (-45, 45), "rotation": (-80, 80)},
    "head": {"flexion": (-25, 25)},
}
LIMB_JOINTS: dict[str, dict[str, Range]] = {
    "clavicle": {"elevation": (-10, 40), "protraction": (-25, 30)},
    "shoulder": {"plane": (-90, 135), "elevation": (0, 180), "rotation": (-90, 90)},
    "elbow": {"flexion": (0, 150), "pronation": (-90, 90)},
    "wrist": {"extension": (-80, 80)},
    "hip": {"flexion": (-30, 130), "abduction": (-30, 50), "rotation": (-45, 60)},
    "knee": {"flexion": (0, 155)},
    "ankle": {"dorsiflexion": (-50, 30)},
}
SIDES = ("left", "right")
JOINTS: dict[str, dict[str, Range]] = SPINE_JOINTS | {
    f"{joint}_{side}": dofs for joint, dofs in LIMB_JOINTS.items() for side in SIDES
}
# The shoulder reaches less far behind the body than in front of it or to the side.
SHOULDER_EXTENSION_PLANE = -45.0
SHOULDER_EXTENSION_LIMIT = 70.0

BODY_PARTS = tuple(
    [
        f"{part}_{side}"
        for part in (
            "hand",
            "foot",
            "heel",
            "knee",
            "ankle",
            "elbow",
            "thigh",
            "shin",
            "forearm",
            "toes",
            "hip",
        )
        for side in SIDES
    ]
    + ["head", "back", "buttocks", "chest", "belly", "upper_back", "neck_back"]
)
PropKind = Literal["mat", "wall", "door_frame", "chair", "bed", "table", "towel", "ball", "foam_roller"]
Support = Literal["floor", "chair", "bed", "table"]
View = Literal["side", "front", "three_quarter", "above", "back"]
Degrees = Annotated[float, Field(ge=-180, le=180)]


class Prop(Strict):
    """A prop placed in the room (cm; x forward of where the person starts, y to their left, z up).

    wall: a plane across x = `x` (or along y = `y`); door_frame: two posts at x, y ± 45; chair, bed,
    table: a seat or top of `height` whose front edge is at x; ball: a ball of `radius` at (x, y, z);
    foam_roller: a roller across the body at (x, y, z); towel: a strap from the hands round `around`.
    """

    kind: PropKind
    x: float | None = None
    y: float | None = None
    z: float | None = None
    height: float | None = Field(default=None, ge=20, le=110)
    radius: float | None = Field(default=None, ge=2, le=40)
    facing: Literal["forward", "back", "left", "right"] = "forward"
    around: str | None = None

    @model_validator(mode="after")
    def _placed(self) -> Prop:
        if self.kind == "towel":
            if self.around not in BODY_PARTS:
                raise ValueError(f"a towel needs `around`: one of {', '.join(BODY_PARTS)}")
        elif self.kind == "wall" and (self.x is None) == (self.y is None):
            raise ValueError("a wall needs exactly one of x or y")
        elif self.kind in {"ball", "foam_roller"} and None in (self.x, self.z):
            raise ValueError(f"a {self.kind} needs x and z")
        elif self.kind in {"door_frame", "chair", "bed", "table", "mat"} and self.x is None:
            raise ValueError(f"a {self.kind.replace('_', ' ')} needs x")
        return self


class Orientation(Strict):
    """How the pelvis is turned in the room: pitch forward (90 face down, -90 on the back), then roll
    onto the left side (90) or the right (-90), with yaw turning the whole body to its left."""

    pitch: Degrees = 0.0
    roll: Degrees = 0.0
    yaw: Degrees = 0.0


def check_joint(name: str, angles: dict[str, float]) -> None:
    """Raise ValueError naming the joint or angle that is unknown or out of its range."""
    if name not in JOINTS:
        raise ValueError(f"unknown joint '{name}' (joints: {', '.join(JOINTS)})")
    for dof, value in angles.items():
        if dof not in JOINTS[name]:
            raise ValueError(f"{name} has no '{dof}' (it has {', '.join(JOINTS[name])})")
        low, high = JOINTS[name][dof]
        if not low <= value <= high:
            raise ValueError(f"{name} {dof} {value:g} is outside its range {low:g} to {high:g}")
    behind = name.startswith("shoulder") and angles.get("plane", 0) < SHOULDER_EXTENSION_PLANE
    if behind and angles.get("elevation", 0) > SHOULDER_EXTENSION_LIMIT:
        raise ValueError(f"{name}: an arm behind the body lifts at most {SHOULDER_EXTENSION_LIMIT:g}")


class Keyframe(Strict):
    """One position: where the body is, how it is turned, and its joint angles (others stay 0)."""

    label: Step
    hold: bool = False
    support: Support | None = None
    at: tuple[float, float] = (0.0, 0.0)
    body: Orientation = Orientation()
    joints: dict[str, dict[str, float]] = Field(default_factory=dict)
    contacts: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _in_range(self) -> Keyframe:
        try:
            for name, angles in self.joints.items():
                check_joint(name, angles)
        except ValueError as error:
            raise ValueError(f"keyframe '{self.label}': {error}") from None
        for part in self.contacts:
            if part not in BODY_PARTS:
                raise ValueError(f"keyframe '{self.label}': unknown body part '{part}' in contacts")
        return self

    def angle(self, joint: str, dof: str) -> float:
        return self.joints.get(joint, {}).get(dof, 0.0)


class Pose(Strict):
    views: list[View] = Field(min_length=1, max_length=2)
    support: Support = "floor"
    side: Literal["left", "right", "both"] = "both"  # the side that works: its muscles are highlighted
    arrow: str | None = None  # the body part the movement's arrow follows (else the one moving most)
    props: list[Prop] = Field(default_factory=list)
    keyframes: list[Keyframe] = Field(min_length=2, max_length=5)

    @model_validator(mode="after")
    def _contacts_exist(self) -> Pose:
        if self.arrow is not None and self.arrow not in BODY_PARTS:
            raise ValueError(f"arrow: '{self.arrow}' is not a body part ({', '.join(BODY_PARTS)})")
        kinds = {p.kind for p in self.props} | {"floor"}
        for frame in self.keyframes:
            for part, target in frame.contacts.items():
                if target not in kinds and target not in BODY_PARTS:
                    raise ValueError(
                        f"keyframe '{frame.label}': {part} touches '{target}', which is neither a prop of "
                        "this pose nor a body part"
                    )
            if self.support_of(frame) not in kinds:
                raise ValueError(f"keyframe '{frame.label}' rests on a {frame.support} the pose lacks")
        return self

    def support_of(self, frame: Keyframe) -> Support:
        return frame.support or self.support
