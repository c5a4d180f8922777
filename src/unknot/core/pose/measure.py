"""Joint angles read back from landmark positions alone (the reverse of kinematics). Pure.

The camera coach reads the same angles from what a camera sees. An angle that the positions cannot
show is left out: an arm's plane when it hangs straight down or points straight up, and an arm's
rotation or a forearm's turn while the elbow is straight (under 10 degrees).
"""

from __future__ import annotations

import math

from unknot.core.pose import skeleton as sk
from unknot.core.pose.geometry import (
    Mat,
    Vec,
    add,
    angle_between,
    apply,
    chain,
    cross,
    rot_x,
    rot_y,
    rot_z,
    sided,
    sided_turn,
    sub,
    transpose,
    unit,
)

STRAIGHT = 10.0  # below this elbow or knee bend, the limb's twist is read from the hand or foot
Angles = dict[str, dict[str, float]]


def _triad(a: Vec, b: Vec) -> Mat:
    e1 = unit(a)
    e2 = unit(cross(a, b))
    return transpose((e1, e2, cross(e1, e2)))


def _frame(world: tuple[Vec, Vec, Vec], local: tuple[Vec, Vec, Vec]) -> Mat:
    """The rotation taking three landmarks' local offsets to their positions in the room."""
    tw = _triad(sub(world[1], world[0]), sub(world[2], world[0]))
    tl = _triad(sub(local[1], local[0]), sub(local[2], local[0]))
    return chain(tw, transpose(tl))


def _in(frame: Mat, v: Vec, side: str = "left") -> Vec:
    local = apply(transpose(frame), v)
    return sided(local, side)


def _deg(y: float, x: float) -> float:
    return math.degrees(math.atan2(y, x))


def _swing(d: Vec) -> tuple[float, float]:
    """Flexion and side-bend of a spine segment pointing along d (in its parent's frame)."""
    return _deg(d[0], d[2]), math.degrees(math.asin(max(-1.0, min(1.0, d[1]))))


def _spine(p: dict[str, Vec]) -> tuple[Angles, Mat]:
    pelvis = _frame(
        (p["hip_right"], p["hip_left"], p["sacrum"]),
        ((0.0, -sk.HIP_HALF_WIDTH, 0.0), (0.0, sk.HIP_HALF_WIDTH, 0.0), sk.PELVIS["sacrum"]),
    )
    flexion, side = _swing(unit(_in(pelvis, sub(p["t12"], p["sacrum"]))))
    lumbar = chain(pelvis, rot_y(flexion), rot_x(-side))
    thorax = _frame((p["t12"], p["c7"], p["chest"]), ((0, 0, 0), (0, 0, sk.THORACIC), sk.THORAX["chest"]))
    joint = chain(transpose(lumbar), thorax)
    t_flex, t_side = _swing((joint[0][2], joint[1][2], joint[2][2]))
    twist = chain(transpose(chain(rot_y(t_flex), rot_x(-t_side))), joint)
    angles = {
        "lumbar": {"flexion": flexion, "side_bend": side},
        "thoracic": {"flexion": t_flex, "side_bend": t_side, "rotation": _deg(twist[1][0], twist[0][0])},
    }
    return angles | _neck(p, thorax), pelvis


def _neck(p: dict[str, Vec], thorax: Mat) -> Angles:
    head = _frame((p["c1"], p["ear_left"], p["nose"]), ((0, 0, 0), sk.HEAD["ear_left"], sk.HEAD["nose"]))
    flexion, side = _swing(unit(_in(thorax, sub(p["c1"], p["c7"]))))
    q = chain(transpose(chain(thorax, rot_y(flexion), rot_x(-side))), head)
    rotation = _deg(-q[0][1], q[1][1])
    nod = chain(transpose(rot_z(rotation)), q)
    return {
        "neck": {"flexion": flexion, "side_bend": side, "rotation": rotation},
        "head": {"flexion": _deg(nod[0][2], nod[0][0])},
    }


def _clavicle(p: dict[str, Vec], thorax: Mat, side: str) -> dict[str, float]:
    u = _in(thorax, sub(p[f"shoulder_{side}"], p[f"sc_{side}"]), side)
    w = add(sk.CLAVICLE, (0.0, 0.0, -sk.SHOULDER_BELOW_CLAVICLE))
    reach = math.hypot(w[1], w[2])
    elevation = math.degrees(math.asin(max(-1.0, min(1.0, u[2] / reach)))) - _deg(w[2], w[1])
    lifted = apply(rot_x(elevation), w)
    return {"elevation": elevation, "protraction": _deg(lifted[1], lifted[0]) - _deg(u[1], u[0])}


def _arm(p: dict[str, Vec], thorax: Mat, side: str) -> Angles:
    upper = sub(p[f"elbow_{side}"], p[f"shoulder_{side}"])
    d = unit(_in(thorax, upper, side))
    elevation = math.degrees(math.acos(max(-1.0, min(1.0, -d[2]))))
    shoulder = {"elevation": elevation}
    plane = _deg(d[0], d[1]) if elevation > 0.01 else 0.0  # any plane gives the same hanging arm
    if 5 < elevation < 175:
        shoulder["plane"] = plane
    fore = sub(p[f"wrist_{side}"], p[f"elbow_{side}"])
    bend = angle_between(upper, fore)
    found = {f"shoulder_{side}": shoulder, f"elbow_{side}": {"flexion": bend}}
    if bend < STRAIGHT or elevation >= 175:
        return found
    lifted = chain(rot_z(-plane), rot_x(elevation))
    f = apply(transpose(lifted), _in(thorax, fore, side))
    shoulder["rotation"] = _wrap(_deg(f[1], f[0]) - plane)
    hand = _frame(
        (p[f"wrist_{side}"], p[f"fingers_{side}"], p[f"thumb_{side}"]),
        ((0, 0, 0), sided(sk.HAND["fingers_left"], side), sided(sk.HAND["thumb_left"], side)),
    )
    local = sided_turn(chain(transpose(thorax), hand), side)
    bent = chain(lifted, rot_z(plane + shoulder["rotation"]), rot_y(-bend))
    rest = chain(transpose(bent), local)
    pronation = _deg(-rest[1][0], rest[0][0])
    wrist = chain(rot_z(pronation), rest)
    found[f"elbow_{side}"]["pronation"] = pronation
    found[f"wrist_{side}"] = {"extension": _deg(wrist[2][1], wrist[1][1])}
    return found


def _wrap(degrees: float) -> float:
    return (degrees + 180.0) % 360.0 - 180.0


def _leg(p: dict[str, Vec], pelvis: Mat, side: str) -> dict[str, float]:
    thigh = sub(p[f"knee_{side}"], p[f"hip_{side}"])
    d = unit(_in(pelvis, thigh, side))
    abduction = math.degrees(math.asin(max(-1.0, min(1.0, d[1]))))
    flexion = _deg(d[0], -d[2])
    shin = sub(p[f"ankle_{side}"], p[f"knee_{side}"])
    foot = sub(p[f"toes_{side}"], p[f"heel_{side}"])
    bend = angle_between(thigh, shin)
    base = chain(rot_y(-flexion), rot_x(abduction))
    if bend >= STRAIGHT:
        s = apply(transpose(base), _in(pelvis, shin, side))
        rotation = _wrap(_deg(s[1], s[0]) - 180.0)
    else:
        f = apply(transpose(base), _in(pelvis, foot, side))
        rotation = _deg(f[1], f[0])
    neutral = angle_between((0.0, 0.0, -1.0), sub(sk.FOOT["toes_left"], sk.FOOT["heel_left"]))
    return {
        "flexion": flexion,
        "abduction": abduction,
        "rotation": rotation,
        "knee": bend,
        "ankle": angle_between(shin, foot) - neutral,
    }


def measure(points: dict[str, Vec]) -> Angles:
    """Every joint angle the landmark positions show, named as in a keyframe."""
    angles, pelvis = _spine(points)
    thorax = _frame(
        (points["t12"], points["c7"], points["chest"]),
        ((0, 0, 0), (0, 0, sk.THORACIC), sk.THORAX["chest"]),
    )
    for side in ("left", "right"):
        angles[f"clavicle_{side}"] = _clavicle(points, thorax, side)
        angles |= _arm(points, thorax, side)
        leg = _leg(points, pelvis, side)
        angles[f"knee_{side}"] = {"flexion": leg.pop("knee")}
        angles[f"ankle_{side}"] = {"dorsiflexion": leg.pop("ankle")}
        angles[f"hip_{side}"] = leg
    return angles
