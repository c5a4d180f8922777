"""The props as simple solids (boxes, a ball, a roller, a strap), drawn as shaded visible faces."""

from __future__ import annotations

import math

from unknot.content.schema.pose import Prop
from unknot.core.pose.geometry import Vec, dot, lerp
from unknot.core.pose.kinematics import Body
from unknot.core.pose.room import (
    BALL_RADIUS,
    ROLLER_HALF_LENGTH,
    ROLLER_RADIUS,
    ROOM_PROPS,
    YAW,
    Box,
    boxes,
    landmark,
    pivot,
    turn,
)
from unknot.present.figure.body import Shape
from unknot.present.figure.camera import Camera, outline


def _faces(box: Box) -> list[tuple[Vec, list[Vec]]]:
    x0, x1, y0, y1, z0, z1 = box
    return [
        ((0, 0, 1), [(x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)]),
        ((0, 0, -1), [(x0, y0, z0), (x0, y1, z0), (x1, y1, z0), (x1, y0, z0)]),
        ((1, 0, 0), [(x1, y0, z0), (x1, y1, z0), (x1, y1, z1), (x1, y0, z1)]),
        ((-1, 0, 0), [(x0, y0, z0), (x0, y0, z1), (x0, y1, z1), (x0, y1, z0)]),
        ((0, 1, 0), [(x0, y1, z0), (x0, y1, z1), (x1, y1, z1), (x1, y1, z0)]),
        ((0, -1, 0), [(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)]),
    ]


def _shade(normal: Vec) -> str:
    return "top" if normal[2] > 0.5 else "side" if abs(normal[0]) > 0.5 else "end"


def room_shapes(props: list[Prop], cam: Camera) -> list[Shape]:
    shapes = []
    for index, prop in enumerate(props):
        if prop.kind not in ROOM_PROPS:
            continue  # a ball, roller or towel is drawn with the body
        centre = pivot(prop)
        for b, box in enumerate(boxes(prop)):
            for f, (normal, corners) in enumerate(_faces(box)):
                turned_normal = turn(normal, (0.0, 0.0), YAW[prop.facing])
                if dot(turned_normal, cam.forward) >= 0:
                    continue
                moved = [turn(c, centre, YAW[prop.facing]) for c in corners]
                # The room stands behind the body (a post sorted face by face with the limbs hid an
                # arm resting on it): walls and frames are drawn first, farthest face first.
                depth = max(cam.depth(c) for c in moved)
                shapes.append(
                    Shape(
                        f"prop{index}_{b}_{f}",
                        f"{prop.kind} {_shade(turned_normal)}",
                        [cam.project(c) for c in moved],
                        depth,
                        layer=0,
                    )
                )
    return shapes


def small_shapes(props: list[Prop], body: Body, cam: Camera) -> list[Shape]:
    shapes = []
    for index, prop in enumerate(props):
        key = f"prop{index}"
        if prop.kind == "ball":
            centre = (prop.x or 0.0, prop.y or 0.0, prop.z or 0.0)
            circle = [(cam.project(centre), prop.radius or BALL_RADIUS)]
            # On top: a ball under a buttock or a shoulder blade is what the picture must show.
            shapes.append(Shape(key, "ball", outline(circle, 16), cam.depth(centre), layer=2))
        elif prop.kind == "foam_roller":
            radius, y = prop.radius or ROLLER_RADIUS, prop.y or 0.0
            half = ROLLER_HALF_LENGTH
            ends = [(prop.x or 0.0, y + dy, prop.z or radius) for dy in (-half, half)]
            rim = [
                (cam.project((e[0] + radius * math.cos(a), e[1], e[2] + radius * math.sin(a))), 0.5)
                for e in ends
                for a in (k * math.pi / 8 for k in range(16))
            ]
            shapes.append(Shape(key, "foam_roller", outline(rim, 24), cam.depth(lerp(ends[0], ends[1], 0.5))))
        elif prop.kind == "towel":
            around = body.points[landmark(prop.around or "foot_left")]
            hands = [body.points["hand_left"], body.points["hand_right"]]
            path = [cam.project(hands[0]), cam.project(around), cam.project(hands[1])]
            shapes.append(Shape(key, "towel", path, cam.depth(around), layer=2))
    return shapes
