"""The clinician's workspace (an admin sees it too): the patient list, inviting a patient, one
patient's record and report, and recording the all-clear."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.services import accounts, workspace
from unknot.services.clinic import patient_for
from unknot.web.forms import posted_form, text
from unknot.web.render import download
from unknot.web.server.invites import link_page
from unknot.web.server.render import clinic_of, signed_in, staff_page

router = APIRouter()


@router.get("/clinic", response_class=HTMLResponse)
def patients(request: Request) -> Response:
    rows = workspace.patient_list(clinic_of(request), signed_in(request))
    return staff_page(request, "server/patients.html", title="Patients", rows=rows)


@router.post("/clinic/invite")
@posted_form
def invite_patient(request: Request, form: FormData) -> Response:
    name = text(form, "name")
    token = accounts.invite(clinic_of(request), signed_in(request), "patient", name)
    return link_page(
        request, f"/join/{token}", title="Invitation", role="patient", invitee=name, kind="invitation"
    )


@router.get("/clinic/patients/{patient_id}", response_class=HTMLResponse)
def patient_page(request: Request, patient_id: int) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    patient = patient_for(clinic, viewer, patient_id)
    row = workspace.patient_row(clinic, viewer, patient)
    days = workspace.journal_days(clinic, patient)
    flags = workspace.FLAGS
    return staff_page(request, "server/patient.html", title=row.patient.name, row=row, days=days, flags=flags)


@router.get("/clinic/patients/{patient_id}/report.{suffix}")
def patient_report(request: Request, patient_id: int, suffix: str) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    exported = workspace.report(clinic, viewer, patient_for(clinic, viewer, patient_id), suffix)
    return download(exported)


@router.post("/clinic/patients/{patient_id}/cleared")
@posted_form
def cleared(request: Request, form: FormData) -> Response:
    clinic, viewer = clinic_of(request), signed_in(request)
    patient = patient_for(clinic, viewer, int(request.path_params["patient_id"]))
    workspace.record_cleared(clinic, viewer, patient, text(form, "flag"))
    return RedirectResponse(f"/clinic/patients/{patient.id}?cleared=1", status_code=303)
