"""The clinic's own exercises: the list, a new one, and changing one (each with the figure's preview)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.content.custom import FormCheck, form_fields, form_of, new_form
from unknot.present.custom_form import form_choices
from unknot.present.figure.preview import preview_svg
from unknot.services import clinic_exercises
from unknot.services.clinic import clinic_library
from unknot.web.forms import posted_form, text
from unknot.web.server.render import clinic_of, signed_in, staff_page

router = APIRouter()
BASE = "/clinic/exercises"


def _form_page(
    request: Request, form: dict[str, str | list[str]], editing: str | None, checked: FormCheck | None = None
) -> HTMLResponse:
    library = clinic_library(clinic_of(request))
    errors = checked.errors if checked else {}
    figure = checked.preview if checked else None
    page = {
        "form": form,
        "errors": errors,
        "choices": form_choices(library),
        "preview": preview_svg(figure) if figure else None,
        "action": f"{BASE}/{editing}" if editing else f"{BASE}/new",
        "back": BASE,
        "editing": editing,
    }
    title = "Change an exercise" if editing else "New exercise"
    return staff_page(
        request, "server/exercise_form.html", status_code=400 if errors else 200, title=title, **page
    )


@router.get(BASE, response_class=HTMLResponse)
def listing(request: Request) -> Response:
    found = clinic_exercises.customs(clinic_of(request))
    return staff_page(
        request, "server/exercises.html", title="Your clinic's exercises", exercises=found, base_url=BASE
    )


@router.get(BASE + "/new", response_class=HTMLResponse)
def new(request: Request) -> Response:
    return _form_page(request, new_form(), None)


@router.get(BASE + "/{exercise_id}", response_class=HTMLResponse)
def change(request: Request, exercise_id: str) -> Response:
    exercise = clinic_exercises.custom(clinic_of(request), exercise_id)
    return _form_page(request, form_of(exercise), exercise.id)


def _posted(request: Request, form: FormData, editing: str | None) -> Response:
    clinic = clinic_of(request)
    checked = clinic_exercises.check(clinic, form_fields(form.multi_items()), editing)
    if checked.exercise is None or text(form, "do") != "save":
        return _form_page(request, checked.values, editing, checked)
    clinic_exercises.save(clinic, signed_in(request), checked.exercise)
    return RedirectResponse(f"{BASE}?saved={checked.exercise.id}", status_code=303)


@router.post(BASE + "/new")
@posted_form
def create(request: Request, form: FormData) -> Response:
    return _posted(request, form, None)


@router.post(BASE + "/{exercise_id}")
@posted_form
def update(request: Request, form: FormData) -> Response:
    return _posted(request, form, request.path_params["exercise_id"])
