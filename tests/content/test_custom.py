"""A clinic's own exercise, written in the browser form: checked as a content file is, drawn as the app
draws exercises, stored as JSON, and shown on its pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.testclient import TestClient
from starlette.datastructures import FormData

from unknot.content.custom import (
    CUSTOM_PREFIX,
    CustomExerciseError,
    check_form,
    exercise_from_form,
    exercise_from_json,
    exercise_json,
    form_fields,
    form_of,
    library_with,
    new_form,
)
from unknot.content.loader import load_library
from unknot.content.schema import Exercise, Library
from unknot.core.player import PhaseKind, build_phases
from unknot.core.result import Plan, PlanItem
from unknot.present.custom_form import form_choices
from unknot.present.figure.preview import preview_svg
from unknot.settings import Settings
from unknot.web.app import create_app
from unknot.web.forms import posted_form
from unknot.web.render import render

GOOD_YAML = """\
id: custom_wall_sit
name: Wall sit
kind: strength
targets: [quadriceps, glutes]
position: standing
equipment: [wall]
purpose: May help your thighs carry you up stairs and out of a chair.
steps:
  - Stand with your back against a wall, feet a step away from it.
  - Slide down until your knees are a little bent.
  - Hold, breathing easily, then slide back up.
feel: Your thighs working; no pain in the knees or the back.
stop_if:
  - Pain shoots down a leg, or a leg tingles or goes numb.
  - Your knees hurt.
cautions:
  - Bend your knees only as far as is comfortable.
regression: Bend your knees less.
progression: Bend your knees a little more, or hold for longer.
dose:
  standard: {hold_seconds: 20, sets: 3, sides: 1, rest_seconds: 20}
pattern: custom_wall_sit
spinal_flexion: false
evidence: general
sources: [nice_ng59, cochrane_exercise_2021]
"""


def good_form(library: Library) -> dict[str, str | list[str]]:
    """The form a clinician fills in for the file above, its figure drawn like the glute bridge."""
    data = yaml.safe_load(GOOD_YAML)
    return {
        **new_form(),
        **{k: data[k] for k in ("name", "kind", "position", "purpose", "feel", "regression", "progression")},
        **{k: "\n".join(data[k]) for k in ("steps", "stop_if", "cautions")},
        "targets": data["targets"],
        "equipment": data["equipment"],
        "sources": data["sources"],
        "hold_seconds": "20",
        "sets": "3",
        "rest_seconds": "20",
        "spinal_flexion": "no",
        "drawn_like": "glute_bridge",
    }


def test_a_good_form_gives_the_exercise_its_content_file_would(library: Library, tmp_path: Path) -> None:
    content = yaml.safe_load(GOOD_YAML)
    content["pose"] = library.exercises["glute_bridge"].pose.model_dump(mode="json")
    (tmp_path / "exercises").mkdir()
    file = tmp_path / "exercises" / "custom_wall_sit.yaml"
    file.write_text(yaml.safe_dump(content), encoding="utf-8")
    loaded = load_library(overlay={"exercises/custom_wall_sit.yaml": file}).exercises["custom_wall_sit"]

    made = exercise_from_form(good_form(library), library)

    assert made == loaded
    assert made.id == CUSTOM_PREFIX + "wall_sit"


def bad(library: Library, **changes: str | list[str]) -> dict[str, str]:
    with pytest.raises(CustomExerciseError) as raised:
        exercise_from_form({**good_form(library), **changes}, library)
    return raised.value.errors


def test_each_bad_field_is_named_with_its_own_message(library: Library) -> None:
    pose = form_of(library.exercises["glute_bridge"])["pose"]
    assert isinstance(pose, str)
    errors = bad(
        library,
        sources=["nice_ng59", "made_up_2099"],
        steps="\n".join(f"Step number {n}" for n in range(1, 7)),
        reps="10",
        pose=pose.replace("knee_right: {flexion: 114}", "knee_rigth: {flexion: 114}"),
        stop_if="\n  \n",
    )
    assert errors["sources"] == "Unknown source 'made_up_2099'."
    assert errors["steps"] == "Give at most 5 steps, not 6."
    assert errors["dose"].startswith("Give a hold time or a number of repetitions")
    line = pose.splitlines().index("    knee_right: {flexion: 114}") + 1
    assert errors["pose"].startswith(f"line {line}: ")
    assert "unknown joint 'knee_rigth'" in errors["pose"]
    assert errors["stop_if"] == "Give at least one line."
    assert set(errors) == {"sources", "steps", "dose", "pose", "stop_if"}


def test_the_loaders_cross_checks_name_their_field(library: Library) -> None:
    assert bad(library, harder="bird_dog") == {
        "harder": "'bird_dog' must be a strength of pattern custom_wall_sit."
    }
    assert bad(library, name="Glute bridge", drawn_like="")["drawn_like"].startswith("Choose the exercise")
    assert "a whole number" in bad(library, sets="two")["sets"]
    assert bad(library, spinal_flexion="")["spinal_flexion"] == "Say whether it bends the spine forward."
    assert bad(library, steps="Stand.\n\nOk")["steps"] == "Line 3: write at least 3 characters."


def test_a_name_already_taken_is_refused_but_editing_keeps_the_id(library: Library) -> None:
    joined = library_with(library, [exercise_from_form(good_form(library), library)])
    assert "already an exercise" in bad(joined, name="Wall sit!")["name"]
    renamed = exercise_from_form(
        {**good_form(library), "name": "Wall squat"}, joined, editing="custom_wall_sit"
    )
    assert (renamed.id, renamed.name) == ("custom_wall_sit", "Wall squat")


def test_a_pose_in_bad_yaml_names_its_line(library: Library) -> None:
    errors = bad(library, pose="views: [side]\nkeyframes:\n  - label: one\n   hold: [")
    assert errors["pose"].startswith("line 4: not valid YAML")


def test_the_form_shows_the_pose_it_is_drawn_like_to_edit(library: Library) -> None:
    checked = check_form({"drawn_like": "cat_cow", "name": "x"}, library)
    assert checked.exercise is None
    assert isinstance(checked.values["pose"], str)
    assert "Hands and knees" in checked.values["pose"]
    assert checked.preview is not None
    assert checked.preview.pose == library.exercises["cat_cow"].pose


def test_editing_an_exercise_starts_from_its_values(library: Library) -> None:
    made = exercise_from_form(good_form(library), library)
    again = exercise_from_form(form_of(made), library_with(library, [made]), editing=made.id)
    assert again == made


def test_the_clinics_library_plays_its_exercise_by_id(library: Library) -> None:
    made = exercise_from_form(good_form(library), library)
    joined = library_with(library, [made])
    item = PlanItem(
        id=made.id, name=made.name, kind="strength", minutes=2, targets=["quadriceps"], level="gentle", why=""
    )
    plan = Plan(level="gentle", total_minutes=2, items=[item], habits=[])
    work = [p for p in build_phases(plan, joined.exercises) if p.kind is PhaseKind.WORK]
    assert [(p.exercise_id, p.seconds) for p in work] == [(made.id, 20)] * 3
    assert made.id not in library.exercises  # the content library itself is left as it was


def test_the_clinics_library_checks_its_exercises_together(library: Library) -> None:
    made = exercise_from_form(good_form(library), library)
    harder = made.model_copy(update={"id": "custom_deep_wall_sit", "name": "Deep wall sit"})
    easier = made.model_copy(update={"harder": harder.id})
    assert library_with(library, [easier, harder]).exercises[easier.id].harder == harder.id
    with pytest.raises(CustomExerciseError, match="harder: custom_wall_sit: no other exercise"):
        library_with(library, [easier])
    with pytest.raises(CustomExerciseError, match="'glute_bridge' is not a new custom exercise's id"):
        library_with(library, [made.model_copy(update={"id": "glute_bridge"})])


def test_json_round_trip(library: Library) -> None:
    made = exercise_from_form(good_form(library), library)
    stored = json.loads(json.dumps(exercise_json(made)))
    assert exercise_from_json(stored, library) == made
    with pytest.raises(CustomExerciseError) as raised:
        exercise_from_json({**stored, "sources": ["gone_2001"], "steps": []}, library)
    assert set(raised.value.errors) == {"steps"}  # the shape first, then the cross-checks
    with pytest.raises(CustomExerciseError, match="sources: unknown source 'gone_2001'"):
        exercise_from_json({**stored, "sources": ["gone_2001"]}, library)


def test_the_preview_is_the_figure_the_app_draws(library: Library) -> None:
    made = exercise_from_form(good_form(library), library)
    svg = preview_svg(made)
    assert svg.count('<svg class="figure') == 2  # moving, then start and end
    assert "<title" in svg and "Wall sit: the movement" in svg
    assert "<animate" in svg


# The pages, rendered by a tiny app of the lead's shape: the local app with two routes added.
BASE = "/clinic/exercises"


@pytest.fixture
def pages(home: Path, library: Library) -> Iterator[TestClient]:
    app = create_app(Settings(home=home))
    made: list[Exercise] = []

    def form_page(request: Request, form: dict[str, str | list[str]], errors: dict[str, str]) -> HTMLResponse:
        checked = check_form(form, library) if errors else None
        figure = checked.preview if checked else None
        return render(
            request,
            "server/exercise_form.html",
            status_code=400 if errors else 200,
            title="New exercise",
            form=checked.values if checked else form,
            errors=errors,
            choices=form_choices(library),
            preview=preview_svg(figure) if figure else None,
            action=BASE,
            back=BASE,
            editing=None,
        )

    @app.get(BASE + "/new")
    def new(request: Request) -> HTMLResponse:
        return form_page(request, new_form(), {})

    def save(request: Request, form: FormData) -> Response:
        checked = check_form(form_fields(form.multi_items()), library)
        if checked.exercise is None:
            return form_page(request, checked.values, checked.errors)
        made.append(checked.exercise)
        return listing(request)

    app.post(BASE)(posted_form(save))

    @app.get(BASE)
    def listing(request: Request) -> HTMLResponse:
        return render(request, "server/exercises.html", title="Your exercises", exercises=made, base_url=BASE)

    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        assert client.get(f"/?token={app.state.access_token}").status_code == 200
        yield client


def test_the_form_labels_every_field_and_shows_each_error_beside_it(
    pages: TestClient, library: Library
) -> None:
    page = pages.get(BASE + "/new").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf
    for name in ("name", "purpose", "steps", "stop_if", "hold_seconds", "drawn_like", "pose"):
        assert f'<label for="f-{name}">' in page
    assert "What it is for" in page and "never promise a cure" in page
    assert "When to stop at once" in page

    posted = {**good_form(library), "sources": ["made_up_2099"], "steps": "Go", "csrf": csrf.group(1)}
    answer = pages.post(BASE, data=posted)

    assert answer.status_code == 400
    assert 'aria-describedby="f-sources-hint f-sources-error"' not in answer.text  # sources has no hint
    assert 'id="f-sources" aria-describedby="f-sources-error" aria-invalid="true"' in answer.text
    assert '<p class="error" id="f-sources-error">Unknown source &#39;made_up_2099&#39;.</p>' in answer.text
    assert 'aria-describedby="f-steps-hint f-steps-error" aria-invalid="true"' in answer.text
    assert "Line 1: write at least 3 characters." in answer.text
    assert '<a href="#f-sources">Sources</a>' in answer.text
    assert "Glute bridge: the movement" in answer.text  # the figure drawn meanwhile
    assert "Wall sit" in answer.text  # what was typed is kept


def test_a_saved_exercise_is_listed_with_its_figure_and_an_edit_link(
    pages: TestClient, library: Library
) -> None:
    assert "no exercises of its own yet" in pages.get(BASE).text
    csrf = re.search(r'name="csrf" value="([^"]+)"', pages.get(BASE + "/new").text)
    assert csrf
    listed = pages.post(BASE, data={**good_form(library), "csrf": csrf.group(1)})
    assert listed.status_code == 200
    assert f'href="{BASE}/custom_wall_sit"' in listed.text
    assert '<svg class="figure small' in listed.text
