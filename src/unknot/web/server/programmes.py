"""The programme builder: a clinician's templates, and each patient's programme (assign, change,
end, print)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.core.errors import UserError
from unknot.core.programme import Programme
from unknot.services import assignments
from unknot.services.clinic import Account, clinic_library, patient_for
from unknot.web.forms import posted_form, text
from unknot.web.render import download
from unknot.web.server.render import clinic_of, signed_in, staff_page

router = APIRouter()


def _builder(
    request: Request,
    *,
    title: str,
    action: str,
    programme: Programme | None,
    patient: Account | None = None,
    posted: dict[str, str] | None = None,
    problem: str = "",
) -> HTMLResponse:
    """The builder: a programme's rows, or (beside a problem) the rows as they were posted."""
    clinic, viewer = clinic_of(request), signed_in(request)
    library = clinic_library(clinic)
    if posted is not None:
        rows = assignments.rows_as_posted(posted)
        name, notes = posted.get("name", ""), posted.get("notes", "")
    else:
        rows = assignments.builder_rows(programme)
        name, notes = (programme.name, programme.notes) if programme else ("Home programme", "")
    page = {
        "action": action,
        "name": name,
        "notes": notes,
        "has_programme": programme is not None,
        "rows": rows,
        "exercises": sorted(library.exercises.values(), key=lambda e: e.name),
        "templates": assignments.templates(clinic, viewer),
        "patient": patient,
        "problem": problem,
    }
    return staff_page(
        request, "server/programme.html", status_code=400 if problem else 200, title=title, **page
    )


def _fields(form: FormData) -> dict[str, str]:
    return {key: value for key, value in form.multi_items() if isinstance(value, str)}


@router.get("/clinic/programmes", response_class=HTMLResponse)
def templates_page(request: Request, template: int | None = None) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    programme = assignments.template(clinic, viewer, template) if template is not None else None
    return _builder(request, title="Programmes", action="/clinic/programmes", programme=programme)


@router.post("/clinic/programmes")
@posted_form
def save_template(request: Request, form: FormData) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    library = clinic_library(clinic)
    try:
        programme = assignments.programme_from_form(_fields(form), library)
    except UserError as exc:
        action, problem = "/clinic/programmes", str(exc)
        return _builder(
            request, title="Programmes", action=action, programme=None, posted=_fields(form), problem=problem
        )
    assignments.save_template(clinic, viewer, programme, library)
    return RedirectResponse("/clinic/programmes?saved=1", status_code=303)


@router.get("/clinic/patients/{patient_id}/programme", response_class=HTMLResponse)
def patient_programme(request: Request, patient_id: int, template: int | None = None) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    patient = patient_for(clinic, viewer, patient_id)
    chosen = assignments.template(clinic, viewer, template) if template is not None else None
    programme = chosen or assignments.assigned(clinic, patient.id)
    action = f"/clinic/patients/{patient.id}/programme"
    title = f"Programme for {patient.name}"
    return _builder(request, title=title, action=action, programme=programme, patient=patient)


@router.post("/clinic/patients/{patient_id}/programme")
@posted_form
def assign(request: Request, form: FormData) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    patient = patient_for(clinic, viewer, int(request.path_params["patient_id"]))
    library = clinic_library(clinic)
    action = f"/clinic/patients/{patient.id}/programme"
    try:
        programme = assignments.programme_from_form(_fields(form), library)
    except UserError as exc:
        title, problem = f"Programme for {patient.name}", str(exc)
        return _builder(
            request,
            title=title,
            action=action,
            programme=None,
            patient=patient,
            posted=_fields(form),
            problem=problem,
        )
    assignments.assign(clinic, viewer, patient, programme, library)
    if text(form, "as_template") == "yes":
        assignments.save_template(clinic, viewer, programme, library)
    return RedirectResponse(f"/clinic/patients/{patient.id}?assigned=1", status_code=303)


@router.post("/clinic/patients/{patient_id}/programme/end")
@posted_form
def end(request: Request, form: FormData) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    patient = patient_for(clinic, viewer, int(request.path_params["patient_id"]))
    assignments.end(clinic, viewer, patient)
    return RedirectResponse(f"/clinic/patients/{patient.id}?ended=1", status_code=303)


@router.get("/clinic/patients/{patient_id}/programme.pdf")
def printable(request: Request, patient_id: int) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    exported = assignments.printable(clinic, viewer, patient_for(clinic, viewer, patient_id))
    return download(exported)
