"""The figure drawings: what a person sees in the library, the player, the PDF and the contact sheet."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

from PIL import Image

from unknot.content.schema import Library
from unknot.present.figure.render import png_bytes
from unknot.present.figure.sheet import sheet_png, sheet_svg
from unknot.present.figure.svg import animated_svg, key_frames, pair_svg

SVG = "{http://www.w3.org/2000/svg}"


def classes(svg: str) -> list[str]:
    return [e.get("class", "") for e in ET.fromstring(svg).iter() if e.tag == f"{SVG}path"]


def test_a_pair_shows_start_and_end_with_props_targets_an_arrow_and_words(library: Library) -> None:
    exercise = library.exercises["standing_quad_stretch"]
    svg = pair_svg(exercise)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Standing quad stretch: start and end"  # type: ignore[union-attr]
    desc = root.find(f"{SVG}desc").text or ""  # type: ignore[union-attr]
    first, held = key_frames(exercise)
    assert held == next(i for i, k in enumerate(exercise.pose.keyframes) if k.hold)
    assert desc == f"{exercise.pose.keyframes[first].label}; then {exercise.pose.keyframes[held].label}"
    panels = [g for g in root if g.tag == f"{SVG}g"]
    assert len(panels) == 2
    drawn = classes(svg)
    assert "wall" in drawn and "target" in drawn and "arrow" in drawn
    assert {"near", "far", "core", "face"} <= set(drawn)


def test_each_prop_is_drawn(library: Library) -> None:
    for exercise_id, prop in (
        ("sit_to_stand", "chair"),
        ("lying_hamstring_stretch_towel", "towel"),
        ("foam_roller_upper_back", "foam_roller"),
        ("doorway_chest_stretch", "door_frame"),
        ("thomas_stretch_bed_edge", "bed"),
        ("glute_bridge", "mat"),
        ("wall_ball_upper_back", "ball"),
    ):
        assert prop in classes(pair_svg(library.exercises[exercise_id])), exercise_id


def test_the_animation_moves_every_part_through_the_keyframes(library: Library) -> None:
    exercise = library.exercises["bird_dog"]
    svg = animated_svg(exercise)
    animations = re.findall(r'<animate attributeName="d" values="([^"]+)" keyTimes="([^"]+)"', svg)
    assert animations, "the moving parts are animated"
    for values, times in animations:
        assert len(values.split(";")) == len(times.split(";"))
        assert times.startswith("0;") and times.endswith(";1")
    assert 'repeatCount="indefinite"' in svg and "<script" not in svg


def test_a_pdf_drawing_has_no_words_for_screen_readers(library: Library) -> None:
    svg = pair_svg(library.exercises["cat_cow"], labelled=False)
    assert "<title" not in svg and "role=" not in svg and 'aria-hidden="true"' in svg


def test_the_png_is_the_drawing(library: Library) -> None:
    image = Image.open(io.BytesIO(png_bytes(pair_svg(library.exercises["cat_cow"]), zoom=2)))
    colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 20) or []}
    assert (59, 91, 112) in colours, "the near limbs' colour is drawn"


def test_the_contact_sheet_names_every_exercise_in_each_view(library: Library) -> None:
    exercises = list(library.exercises.values())
    svg = sheet_svg(exercises)
    for exercise in exercises:
        assert f">{exercise.name}</text>" in svg.replace("&#x27;", "'")
    cells = sum(len(e.pose.views) for e in exercises)
    assert svg.count('rx="6"') == cells
    image = Image.open(io.BytesIO(sheet_png(exercises[:4], zoom=1)))
    assert image.format == "PNG" and image.width == 3 * 420
