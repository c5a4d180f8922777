"""The body's proportions: where each landmark sits in its segment's frame, in cm, for an adult of
about 175 cm (after Winter's segment proportions). Every frame is x forward, y left, z up in the
neutral standing position; a left-side landmark is given here and mirrored for the right side.
"""

from __future__ import annotations

from unknot.core.pose.geometry import Vec

HIP_HALF_WIDTH = 8.5
LUMBAR = 17.0  # sacrum (L5/S1) to T12
THORACIC = 28.0  # T12 to C7
NECK = 10.0  # C7 to the skull's base
UPPER_ARM = 30.0
FOREARM = 25.0
THIGH = 42.0
SHIN = 42.0
ANKLE_HEIGHT = 7.5
CLAVICLE: Vec = (-8.1, 16.0, 0.9)
SHOULDER_BELOW_CLAVICLE = 3.0

# Landmarks fixed in a segment's frame: name -> (segment, offset). Sided names end in _left.
PELVIS: dict[str, Vec] = {
    "hip_left": (0.0, HIP_HALF_WIDTH, 0.0),
    "sacrum": (-4.0, 0.0, 9.0),
    "sit_left": (-4.0, 6.0, -5.0),
    "pelvis_front": (6.0, 0.0, 5.0),
}
LUMBAR_MARKS: dict[str, Vec] = {"belly": (9.0, 0.0, 8.0)}
THORAX: dict[str, Vec] = {
    "chest": (8.0, 0.0, 13.0),
    "sternum": (15.0, 0.0, 16.0),
    "rib_left": (5.0, 9.0, 10.0),
    "sc_left": (10.0, 2.0, 25.0),
    "upper_back": (2.0, 0.0, 18.0),
}
HEAD: dict[str, Vec] = {
    "head_centre": (3.0, 0.0, 9.0),
    "nose": (13.0, 0.0, 7.0),
    "eye_left": (10.5, 3.3, 10.5),
    "ear_left": (1.0, 7.8, 8.5),
    "chin": (9.5, 0.0, -1.0),
    "crown": (2.0, 0.0, 19.5),
}
HAND: dict[str, Vec] = {
    "hand_left": (0.0, 0.0, -8.0),
    "fingers_left": (0.0, 0.0, -17.0),
    "thumb_left": (4.0, -1.0, -6.0),
}
FOOT: dict[str, Vec] = {
    "heel_left": (-4.5, 0.0, -4.0),
    "ball_left": (13.0, 0.0, -4.5),
    "toes_left": (18.0, 0.0, -5.5),
    "sole_left": (5.0, 0.0, -4.5),
}

# Radii of the body's volume at its landmarks (cm), for drawing and for contact checks.
RADIUS: dict[str, float] = {
    "hip": 10.0,
    "sacrum": 9.0,
    "pelvis_front": 9.0,
    "sit": 4.0,
    "belly": 10.0,
    "t12": 7.0,
    "chest": 11.0,
    "rib": 9.0,
    "c7": 6.0,
    "upper_back": 8.0,
    "sternum": 3.0,
    "sc": 3.0,
    "c1": 4.5,
    "head_centre": 10.5,
    "shoulder": 5.5,
    "elbow": 4.0,
    "wrist": 3.0,
    "hand": 4.0,
    "fingers": 2.5,
    "thumb": 2.0,
    "forearm": 3.5,
    "thigh": 7.0,
    "knee": 5.5,
    "shin": 4.5,
    "calf": 5.0,
    "ankle": 3.8,
    "heel": 3.5,
    "ball": 3.0,
    "toes": 2.0,
    "sole": 3.0,
}


def _base(landmark: str) -> str:
    return landmark.removesuffix("_left").removesuffix("_right")


def has_volume(landmark: str) -> bool:
    return _base(landmark) in RADIUS


def radius(landmark: str) -> float:
    """A landmark's radius: its name without the side (hip_left -> hip)."""
    return RADIUS[_base(landmark)]
