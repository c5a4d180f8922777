"""What a real pose model makes of unknot's own figures (for maintainers; docs/pose-on-figures.md).

Every keyframe of every standing and seated exercise is drawn by the figure renderer, from the side
and from the front, as a PNG on white; MediaPipe's PoseLandmarker looks for a person in each; and the
coach's camera angles read from what it found are set against the same angles read from the pose
model's own landmarks, projected with the camera the figure was drawn with.

unknot's code and MediaPipe live in two Pythons, so this runs in three steps that share a folder:

    # 1. draw the figures and the model's angles (unknot's venv)
    PYTHONPATH=src .venv/bin/python scripts/pose_on_figures.py render WORK
    # 2. detect (a Python with mediapipe==0.10.21 and opencv-python-headless; the .task bundles of
    #    MediaPipe's pose landmarker, lite and full)
    MP_PYTHON scripts/pose_on_figures.py detect WORK lite=PATH/pose_landmarker_lite.task \\
        full=PATH/pose_landmarker_full.task
    # 3. compare, and write the figure, the table and the examples into docs/ (unknot's venv)
    PYTHONPATH=src .venv/bin/python scripts/pose_on_figures.py report WORK docs

WORK holds the PNGs, model.json (the model's landmarks and angles per picture) and one
detected-NAME.json per pose model (MediaPipe's landmarks, or null where it found no one). Step 2 uses
only the standard library, MediaPipe and OpenCV; steps 1 and 3 import unknot.
"""

from __future__ import annotations

import csv
import io
import json
import math
import statistics
import struct
import sys
from pathlib import Path
from typing import Any

POSITIONS = ("standing", "seated")
VIEWS = ("side", "front")
HEIGHT = 640  # pixels: a tight picture's height
SQUARE = 720  # pixels: a camera-like picture's side
# framing -> how much of the room a square picture shows (cm), centred on the body; None: the drawing
# as the figure renderer frames it (to its edges, props and floor included).
FRAMINGS: dict[str, float | None] = {
    "tight": None,
    "room200": 200.0,
    "room240": 240.0,
    "room280": 280.0,
    "room320": 320.0,
    "room400": 400.0,
}
LIMBS = ("knee", "hip", "elbow", "shoulder")
SIDES = ("left", "right")
ANGLES = (*LIMBS, "trunk_lean")
EXAMPLES = (  # (exercise, keyframe, view, model) drawn with what the model found
    ("standing_hip_flexor_stretch", 1, "side", "lite"),  # found well
    ("standing_quad_stretch", 1, "front", "lite"),  # taken as seen from behind: left and right swapped
    ("seated_breathing", 1, "side", "full"),  # the near arm over the trunk lost
)


# --- step 1: the figures and the model's angles -------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _frame(drawn: Any, centre: tuple[float, float], framing: str) -> tuple[float, float, float, int, int]:
    """Where the picture's corner is in the drawing (cm), its pixels per cm and its size in pixels."""
    across = FRAMINGS[framing]
    if across is None:  # the drawing, to its edges, HEIGHT pixels tall
        scale = HEIGHT / drawn.height
        return 0.0, 0.0, scale, math.ceil(drawn.width * scale), HEIGHT
    scale = SQUARE / across
    return centre[0] - across / 2, centre[1] - across / 2, scale, SQUARE, SQUARE


def render(work: Path) -> None:
    from unknot.content.loader import default_library
    from unknot.core.coach.angles import angle
    from unknot.core.coach.model import FROM_SKELETON
    from unknot.core.pose.kinematics import rest
    from unknot.present.figure import svg as figure
    from unknot.present.figure.camera import camera
    from unknot.present.figure.render import png_bytes

    pictures = []
    exercises = [e for e in default_library().exercises.values() if e.position.value in POSITIONS]
    for framing in FRAMINGS:
        (work / framing).mkdir(parents=True, exist_ok=True)
    for exercise in sorted(exercises, key=lambda e: (POSITIONS.index(e.position.value), e.id)):
        for index, keyframe in enumerate(exercise.pose.keyframes):
            body = rest(exercise.pose, keyframe)
            for view in VIEWS:
                cam = camera(view)
                drawn = figure.strip(exercise, [index], view)
                # The drawing's corner in the room's picture plane, as strip() finds it.
                shapes = [figure._floor([body], exercise, cam), *figure.scene(exercise, body, cam)]
                left, top, right, bottom = figure._bounds([shapes])
                assert math.isclose(right - left, drawn.width) and math.isclose(bottom - top, drawn.height)
                # The model's landmarks in the drawing (cm from its corner).
                at = {}
                for mark, model in FROM_SKELETON.items():
                    u, v = cam.project(body.points[model])
                    at[mark] = (u - left, v - top)
                xs, ys = [p[0] for p in at.values()], [p[1] for p in at.values()]
                centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
                for framing in FRAMINGS:
                    x0, y0, scale, width, height = _frame(drawn, centre, framing)
                    svg = (
                        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.4f} {y0:.4f} '
                        f'{width / scale:.4f} {height / scale:.4f}" width="{width}" height="{height}">'
                        f"{drawn.body}</svg>"
                    )
                    data = png_bytes(svg, zoom=1.0)
                    assert _png_size(data) == (width, height)
                    name = f"{framing}/{exercise.id}-{index}-{view}.png"
                    (work / name).write_bytes(data)
                    marks = {k: ((x - x0) * scale, (y - y0) * scale) for k, (x, y) in at.items()}
                    angles = {f"{a}_{s}": angle(marks, a, s) for a in LIMBS for s in SIDES}
                    angles["trunk_lean"] = angle(marks, "trunk_lean")
                    pictures.append(
                        {
                            "file": name,
                            "framing": framing,
                            "exercise": exercise.id,
                            "position": exercise.position.value,
                            "keyframe": index,
                            "label": keyframe.label,
                            "view": view,
                            "width": width,
                            "height": height,
                            "landmarks": marks,
                            "angles": angles,
                        }
                    )
    (work / "model.json").write_text(json.dumps(pictures, indent=1), "utf-8")
    print(f"drew {len(pictures)} pictures of {len(exercises)} exercises into {work}")


# --- step 2: MediaPipe over the pictures (no unknot here) ---------------------------------------


def detect(work: Path, models: dict[str, str]) -> None:
    import cv2
    import mediapipe as mp
    from mediapipe.tasks.python import BaseOptions, vision

    pictures = json.loads((work / "model.json").read_text("utf-8"))
    for name, path in models.items():
        options = vision.PoseLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=path),
            running_mode=vision.RunningMode.IMAGE,
            num_poses=1,
        )
        found: dict[str, Any] = {"model": Path(path).name, "mediapipe": mp.__version__, "pictures": {}}
        with vision.PoseLandmarker.create_from_options(options) as landmarker:
            for picture in pictures:
                pixels = cv2.cvtColor(cv2.imread(str(work / picture["file"])), cv2.COLOR_BGR2RGB)
                result = landmarker.detect(mp.Image(image_format=mp.ImageFormat.SRGB, data=pixels))
                marks = None
                if result.pose_landmarks:
                    marks = [
                        [round(p.x, 5), round(p.y, 5), round(p.z, 5), round(p.visibility, 4)]
                        for p in result.pose_landmarks[0]
                    ]
                found["pictures"][picture["file"]] = marks
        (work / f"detected-{name}.json").write_text(json.dumps(found), "utf-8")
        seen = sum(m is not None for m in found["pictures"].values())
        print(f"{name}: a person in {seen} of {len(pictures)} pictures")


# --- step 3: the comparison, the figure, the table and the examples -----------------------------

MAIN = "room280"  # the framing the angles are compared in
ON_BODY = 0.25  # a detection is on the body when its joints are this near (median, in trunk lengths)
JOINTS = tuple(f"{j}_{s}" for j in ("shoulder", "elbow", "wrist", "hip", "knee", "ankle") for s in SIDES)


def _percentile(values: list[float], share: float) -> float:
    """The value below which `share` of them lie (linear between the nearest two)."""
    ordered = sorted(values)
    at = share * (len(ordered) - 1)
    low = math.floor(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def _swap(name: str) -> str:
    side = next((s for s in SIDES if name.endswith(s)), "")
    return name[: -len(side)] + {"left": "right", "right": "left", "": ""}[side]


def _placement(picture: dict[str, Any], seen: dict[str, tuple[float, float]]) -> tuple[float, float]:
    """How far the detected joints are from the model's (median, in trunk lengths): as labelled, and
    with left and right swapped. Every joint counts, seen or not."""
    model = picture["landmarks"]

    def middle(k: str) -> tuple[float, float]:
        return tuple((a + b) / 2 for a, b in zip(model[f"{k}_left"], model[f"{k}_right"], strict=True))

    trunk = math.dist(middle("hip"), middle("shoulder"))
    as_labelled = statistics.median(math.dist(model[j], seen[j]) for j in JOINTS) / trunk
    swapped = statistics.median(math.dist(model[_swap(j)], seen[j]) for j in JOINTS) / trunk
    return as_labelled, swapped


def _compare(pictures: list[dict[str, Any]], detected: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per picture, model and angle (one with no angle where no person was found)."""
    from unknot.core.coach.angles import angle
    from unknot.core.coach.landmarks import NAMES, Frame, points

    rows = []
    for name, found in detected.items():
        for picture in pictures:
            marks = found["pictures"][picture["file"]]
            base = {k: picture[k] for k in ("framing", "exercise", "position", "keyframe", "view")}
            base |= {"model": name, "found": marks is not None}
            if marks is None:
                rows.append(base | {"angle": "", "side": "", "expected": None, "read": None})
                continue
            frame = Frame(0.0, tuple(tuple(m) for m in marks), picture["width"], picture["height"])
            everywhere = {
                n: (m[0] * frame.width, m[1] * frame.height) for n, m in zip(NAMES, marks, strict=True)
            }
            as_labelled, swapped = _placement(picture, everywhere)
            base |= {
                "joints_off": round(min(as_labelled, swapped), 3),
                "swapped": swapped <= ON_BODY < as_labelled,  # on the body only with its sides swapped
                "on_body": min(as_labelled, swapped) <= ON_BODY,
            }
            seen = points(frame)
            for key, expected in picture["angles"].items():
                limb, _, side = key.partition("_") if key != "trunk_lean" else (key, "", "")
                read = angle(seen, limb, side or None)
                rows.append(base | {"angle": limb, "side": side, "expected": expected, "read": read})
    return rows


def _error(row: dict[str, Any]) -> float | None:
    if row["read"] is None or row["expected"] is None:
        return None
    return abs(row["read"] - row["expected"])


def _summary(rows: list[dict[str, Any]], models: list[str]) -> dict[str, Any]:
    """Detections per framing, position and view, with how many were on the body only with their
    sides swapped or were off it; the angles' errors in the main framing: all, and "placed" (those in
    detections on the body with their sides as labelled). An angle counts where the model has one
    and a person was found; it is read where its three landmarks are seen (visibility 0.5 or more)."""
    firsts = [r for r in rows if r["angle"] in ("", "trunk_lean")]  # one row per picture and model
    found: dict[tuple[str, ...], list[int]] = {}
    for r in firsts:
        key = (r["model"], r["framing"], r["position"], r["view"])
        count = found.setdefault(key, [0, 0, 0, 0])  # found, pictures, sides swapped, off the body
        count[0] += r["found"]
        count[1] += 1
        count[2] += r["found"] and r["swapped"]
        count[3] += r["found"] and not r["on_body"]
    errors: dict[tuple[str, ...], list[float]] = {}
    asked: dict[tuple[str, ...], int] = {}
    for r in rows:
        if r["framing"] != MAIN or not r["angle"] or r["expected"] is None:
            continue
        subsets = ("all", "placed") if r["on_body"] and not r["swapped"] else ("all",)
        for view in (r["view"], "both"):
            for subset in subsets:
                key = (r["model"], r["angle"], view, subset)
                asked[key] = asked.get(key, 0) + 1
                if (e := _error(r)) is not None:
                    errors.setdefault(key, []).append(e)
    spread = {
        key: (len(values), asked[key], statistics.median(values), _percentile(values, 0.9))
        for key, values in errors.items()
    }
    return {"found": found, "spread": spread, "models": models}


def _across(framing: str) -> str:
    seen = FRAMINGS[framing]
    return "the drawing, edge to edge" if seen is None else f"{seen / 100:.1f} m of the room"


def _tables(summary: dict[str, Any]) -> tuple[str, list[list[Any]]]:
    models, found, spread = summary["models"], summary["found"], summary["spread"]
    head = ["table", "model", "framing", "position_or_angle", "view", "subset", "n", "of"]
    csv_rows: list[list[Any]] = [[*head, "median_deg", "p90_deg", "sides_swapped", "off_the_body"]]
    for (m, framing, p, v), (n, of, swapped, off) in sorted(found.items()):
        csv_rows.append(["found", m, framing, p, v, "", n, of, "", "", swapped, off])
    for (m, a, v, subset), (n, of, median, p90) in sorted(spread.items()):
        csv_rows.append(["error", m, MAIN, a, v, subset, n, of, round(median, 1), round(p90, 1), "", ""])

    lines = [
        "| Position | View | "
        + " | ".join(f"{m}: found (sides swapped, off the body)" for m in models)
        + " |",
        "|---|---|" + "---:|" * len(models),
    ]
    for p in POSITIONS:
        for v in VIEWS:
            cells = []
            for m in models:
                n, of, swapped, off = found[(m, MAIN, p, v)]
                cells.append(f"{n} of {of} ({swapped}, {off})")
            lines.append(f"| {p} | {v} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| The picture shows | " + " | ".join(f"{m}: {p}" for m in models for p in POSITIONS) + " |",
    ]
    lines.append("|---|" + "---:|" * (len(models) * len(POSITIONS)))
    for framing in FRAMINGS:
        cells = []
        for m in models:
            for p in POSITIONS:
                n = sum(found[(m, framing, p, v)][0] for v in VIEWS)
                of = sum(found[(m, framing, p, v)][1] for v in VIEWS)
                cells.append(f"{n} of {of}")
        lines.append(f"| {_across(framing)} | " + " | ".join(cells) + " |")
    columns = [f"{m}: median, p90 (n of N)" for m in models]
    lines += ["", "| Angle | View | " + " | ".join(columns) + " |", "|---|---|" + "---:|" * len(columns)]
    for a in ANGLES:
        for v in (*VIEWS, "both"):
            cells = []
            for m in models:
                got = spread.get((m, a, v, "all"))
                cells.append("-" if got is None else f"{got[2]:.0f}°, {got[3]:.0f}° ({got[0]} of {got[1]})")
            lines.append(f"| {a.replace('_', ' ')} | {v} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n", csv_rows


# The figure: plain SVG, text as text.
INK = "#1d2f3b"
MUTED = "#5b6770"
GRID = "#e3e0da"
COLOURS = {"lite": "#3b5b70", "full": "#ef8a4c"}
FONT = 'font-family="sans-serif"'


def _text(x: float, y: float, words: str, size: int = 11, anchor: str = "start", fill: str = INK) -> str:
    from html import escape

    return (
        f'<text x="{x:.1f}" y="{y:.1f}" {FONT} font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}">{escape(words)}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str = GRID, extra: str = "") -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}"{extra}/>'


def _share_axis(x0: float, y0: float, plot_w: float, plot_h: float) -> list[str]:
    parts = []
    for tick in (0, 50, 100):
        y = y0 + plot_h * (1 - tick / 100)
        parts.append(_line(x0 - 4, y, x0 + plot_w, y))
        parts.append(_text(x0 - 8, y + 4, f"{tick}%", 10, "end", MUTED))
    return parts


def _found_panel(summary: dict[str, Any], x0: float, y0: float, plot_h: float) -> list[str]:
    """Bars: the share of keyframes with a person found, by position and view, in the main framing."""
    models, found = summary["models"], summary["found"]
    bar_w, group_w = 20, 60
    parts = [_text(x0 - 30, y0 - 36, "A person found", 13)]
    parts.append(_text(x0 - 30, y0 - 20, f"picture showing {_across(MAIN)}", 10, fill=MUTED))
    parts += _share_axis(x0, y0, group_w * 4 + 10, plot_h)
    group = 0
    for p in POSITIONS:
        for v in VIEWS:
            gx = x0 + 10 + group * group_w
            for k, m in enumerate(models):
                n, of = found[(m, MAIN, p, v)][:2]
                h = plot_h * n / of
                bx = gx + k * (bar_w + 2)
                parts.append(
                    f'<rect x="{bx}" y="{y0 + plot_h - h:.1f}" width="{bar_w}" height="{h:.1f}" '
                    f'fill="{COLOURS.get(m, MUTED)}"/>'
                )
                parts.append(_text(bx + bar_w / 2, y0 + plot_h - h - 4, f"{n}", 9, "middle"))
            mid = gx + len(models) * (bar_w + 2) / 2
            of = found[(models[0], MAIN, p, v)][1]
            parts.append(_text(mid, y0 + plot_h + 15, p, 10, "middle"))
            parts.append(_text(mid, y0 + plot_h + 28, f"{v}, of {of}", 10, "middle", MUTED))
            group += 1
    return parts


def _framing_panel(summary: dict[str, Any], x0: float, y0: float, plot_h: float) -> list[str]:
    """Lines: the share found against how much of the room the picture shows."""
    models, found = summary["models"], summary["found"]
    step = 38
    framings = list(FRAMINGS)
    parts = [_text(x0 - 30, y0 - 36, "Found, by framing", 13)]
    parts.append(_text(x0 - 30, y0 - 20, "metres of the room across the picture", 10, fill=MUTED))
    parts += _share_axis(x0, y0, step * (len(framings) - 1) + 20, plot_h)
    for i, framing in enumerate(framings):
        seen = FRAMINGS[framing]
        label = "tight" if seen is None else f"{seen / 100:.1f}"
        parts.append(_text(x0 + 10 + i * step, y0 + plot_h + 15, label, 10, "middle", MUTED))
    for m in models:
        for p, dash in zip(POSITIONS, ("", ' stroke-dasharray="4 3"'), strict=True):
            spots = []
            for i, framing in enumerate(framings):
                n = sum(found[(m, framing, p, v)][0] for v in VIEWS)
                of = sum(found[(m, framing, p, v)][1] for v in VIEWS)
                spots.append((x0 + 10 + i * step, y0 + plot_h * (1 - n / of)))
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in spots)
            colour = COLOURS.get(m, MUTED)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
    parts.append(_line(x0, y0 + plot_h + 34, x0 + 22, y0 + plot_h + 34, MUTED, ' stroke-width="2"'))
    parts.append(_text(x0 + 27, y0 + plot_h + 38, "standing", 10, fill=MUTED))
    dashed = ' stroke-width="2" stroke-dasharray="4 3"'
    parts.append(_line(x0 + 90, y0 + plot_h + 34, x0 + 112, y0 + plot_h + 34, MUTED, dashed))
    parts.append(_text(x0 + 117, y0 + plot_h + 38, "seated", 10, fill=MUTED))
    return parts


def _error_panel(summary: dict[str, Any], x0: float, y0: float) -> list[str]:
    """Bars and ticks: each angle's median and 90th percentile error, both views."""
    models, spread = summary["models"], summary["spread"]
    row_h, span, most = 38, 240, 60.0
    parts = [_text(x0 - 90, y0 - 36, "Angle error, degrees", 13)]
    parts.append(
        _text(x0 - 90, y0 - 20, "median (bar) and 90th percentile (tick), both views", 10, fill=MUTED)
    )
    bottom = y0 + row_h * len(ANGLES)
    for tick in range(0, int(most) + 1, 15):
        x = x0 + span * tick / most
        parts.append(_line(x, y0 - 6, x, bottom))
        parts.append(_text(x, bottom + 14, f"{tick}°", 10, "middle", MUTED))
    for i, a in enumerate(ANGLES):
        y = y0 + i * row_h
        parts.append(_text(x0 - 8, y + 16, a.replace("_", " "), 11, "end"))
        for k, m in enumerate(models):
            got = spread.get((m, a, "both", "all"))
            if got is None:
                continue
            _n, _of, median, p90 = got
            by = y + 4 + k * 13
            w = span * min(median, most) / most
            px = x0 + span * min(p90, most) / most
            colour = COLOURS.get(m, MUTED)
            parts.append(f'<rect x="{x0}" y="{by}" width="{w:.1f}" height="10" fill="{colour}"/>')
            parts.append(_line(x0 + w, by + 5, px, by + 5, colour))
            parts.append(_line(px, by, px, by + 10, colour, ' stroke-width="2"'))
            label = f"{median:.0f}, {p90:.0f}"
            parts.append(_text(px + 5, by + 9, label, 9, fill=MUTED))
    return parts


def figure_svg(summary: dict[str, Any]) -> str:
    width, height = 960, 330
    top, plot_h = 70, 190
    parts = [f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    parts += _found_panel(summary, 50, top, plot_h)
    parts += _framing_panel(summary, 370, top, plot_h)
    parts += _error_panel(summary, 690, top)
    for k, m in enumerate(summary["models"]):
        kx = 20 + k * 130
        parts.append(
            f'<rect x="{kx}" y="{height - 22}" width="12" height="12" fill="{COLOURS.get(m, MUTED)}"/>'
        )
        parts.append(_text(kx + 18, height - 12, f"{m} model", 11))
    found = summary["found"]
    desc = "; ".join(
        f"{m}, {p}, {v}: {found[(m, MAIN, p, v)][0]} of {found[(m, MAIN, p, v)][1]}"
        for m in summary["models"]
        for p in POSITIONS
        for v in VIEWS
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="t d"><title id="t">What MediaPipe Pose makes '
        f'of unknot\'s figures</title><desc id="d">A person found: {desc}.</desc>{"".join(parts)}</svg>\n'
    )


# BlazePose's skeleton, for drawing what was found over the figure.
BONES = [
    ("shoulder_left", "shoulder_right"), ("hip_left", "hip_right"),
    *((f"shoulder_{s}", f"hip_{s}") for s in SIDES),
    *((f"{a}_{s}", f"{b}_{s}") for s in SIDES for a, b in (
        ("shoulder", "elbow"), ("elbow", "wrist"), ("hip", "knee"), ("knee", "ankle"),
        ("ankle", "heel"), ("heel", "foot"), ("ankle", "foot"),
    )),
    ("ear_left", "eye_left"), ("ear_right", "eye_right"), ("eye_left", "nose"), ("eye_right", "nose"),
]  # fmt: skip
SIDE_COLOUR = {"left": (30, 150, 70), "right": (210, 40, 150), "": (250, 190, 0)}


def _side(name: str) -> str:
    return next((s for s in SIDES if name.endswith(s)), "")


def example_png(
    work: Path, picture: dict[str, Any], marks: list[list[float]] | None, tall: int = 360
) -> bytes:
    """The figure, then the figure with what the model found over it (the person's left green, right
    magenta; a landmark seen with visibility under 0.5 hollow) and the pose model's own landmarks as
    small black dots: cropped round the body, small, in a few colours."""
    from PIL import Image, ImageDraw

    from unknot.core.coach.landmarks import NAMES

    figure = Image.open(work / picture["file"]).convert("RGB")
    xs = [p[0] for p in picture["landmarks"].values()]
    ys = [p[1] for p in picture["landmarks"].values()]
    room = (max(ys) - min(ys)) * 0.2
    box = (
        round(max(0, min(xs) - room)),
        round(max(0, min(ys) - room)),
        round(min(figure.width, max(xs) + room)),
        round(min(figure.height, max(ys) + room)),
    )
    k = tall / (box[3] - box[1])
    small = figure.crop(box).resize((round((box[2] - box[0]) * k), tall), Image.Resampling.LANCZOS)
    over = small.copy()
    draw = ImageDraw.Draw(over)

    def here(x: float, y: float) -> tuple[float, float]:
        return (x - box[0]) * k, (y - box[1]) * k

    if marks is not None:
        at = {
            n: (*here(m[0] * figure.width, m[1] * figure.height), m[3])
            for n, m in zip(NAMES, marks, strict=True)
        }
        for a, b in BONES:
            colour = SIDE_COLOUR[_side(a) if _side(a) == _side(b) else ""]
            draw.line((at[a][:2], at[b][:2]), fill=colour, width=2)
        for n in {a for bone in BONES for a in bone}:
            x, y, seen = at[n]
            colour = SIDE_COLOUR[_side(n)]
            draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill=colour if seen >= 0.5 else None, outline=colour)
    for x, y in (here(*p) for p in picture["landmarks"].values()):
        draw.ellipse((x - 1.5, y - 1.5, x + 1.5, y + 1.5), fill=(0, 0, 0))
    both = Image.new("RGB", (small.width * 2 + 8, tall), (255, 255, 255))
    both.paste(small, (0, 0))
    both.paste(over, (small.width + 8, 0))
    out = io.BytesIO()
    both.quantize(colors=48, dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
    return out.getvalue()


def report(work: Path, docs: Path) -> None:
    pictures = json.loads((work / "model.json").read_text("utf-8"))
    detected = {
        path.stem.removeprefix("detected-"): json.loads(path.read_text("utf-8"))
        for path in sorted(work.glob("detected-*.json"))
    }
    models = sorted(detected, key=lambda m: list(COLOURS).index(m) if m in COLOURS else len(COLOURS))
    rows = _compare(pictures, detected)
    summary = _summary(rows, models)
    markdown, csv_rows = _tables(summary)
    out = docs / "figures"
    out.mkdir(parents=True, exist_ok=True)
    (out / "pose-on-figures.svg").write_text(figure_svg(summary), "utf-8")
    with (out / "pose-on-figures.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(csv_rows)
    (work / "tables.md").write_text(markdown, "utf-8")
    with (work / "angles.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(next(r for r in rows if r["angle"])))
        writer.writeheader()
        writer.writerows(rows)
    by_file = {p["file"]: p for p in pictures}
    for exercise, index, view, model in EXAMPLES:
        name = f"{MAIN}/{exercise}-{index}-{view}.png"
        png = example_png(work, by_file[name], detected[model]["pictures"][name])
        (out / f"pose-on-figures-{exercise}-{view}-{model}.png").write_bytes(png)
    print(markdown)
    for name, found in detected.items():
        print(f"{name}: {found['model']}, MediaPipe {found['mediapipe']}")


def main() -> None:
    step, *rest = sys.argv[1:] or [""]
    if step == "render" and len(rest) == 1:
        render(Path(rest[0]))
    elif step == "detect" and len(rest) >= 2:
        detect(Path(rest[0]), dict(arg.split("=", 1) for arg in rest[1:]))
    elif step == "report" and len(rest) == 2:
        report(Path(rest[0]), Path(rest[1]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
