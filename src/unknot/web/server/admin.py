"""The admin's pages: every account, inviting clinicians, admins or a household's members, issuing a
password reset link, the audit log, and a patient's export or removal (through the same audited
use cases a patient's own requests take)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.services import accounts, rights
from unknot.services.clinic import accounts_by_role, audit_log, patient_for
from unknot.web.forms import posted_form, text
from unknot.web.render import download
from unknot.web.server.invites import link_page
from unknot.web.server.render import clinic_of, signed_in, staff_page

router = APIRouter()


@router.get("/admin", response_class=HTMLResponse)
def admin_page(request: Request) -> Response:
    grouped = accounts_by_role(clinic_of(request))
    return staff_page(
        request, "server/admin.html", title="Admin", grouped=grouped, roles=accounts.INVITES["admin"]
    )


@router.post("/admin/invite")
@posted_form
def invite(request: Request, form: FormData) -> Response:
    role, name = text(form, "role"), text(form, "name")
    token = accounts.invite(clinic_of(request), signed_in(request), role, name)
    return link_page(
        request, f"/join/{token}", title="Invitation", role=role, invitee=name, kind="invitation"
    )


@router.post("/admin/accounts/{account_id}/reset")
@posted_form
def reset_link(request: Request, form: FormData) -> Response:
    account_id = int(request.path_params["account_id"])
    token = accounts.reset_link(clinic_of(request), signed_in(request), account_id)
    invitee = text(form, "name")
    return link_page(
        request, f"/reset/{token}", title="Password reset link", role="", invitee=invitee, kind="reset"
    )


@router.get("/admin/audit", response_class=HTMLResponse)
def audit_page(request: Request) -> Response:
    entries = audit_log(clinic_of(request), signed_in(request))
    return staff_page(request, "server/audit.html", title="Audit log", entries=entries)


@router.get("/admin/patients/{patient_id}/export")
def export_patient(request: Request, patient_id: int) -> Response:
    clinic, admin = clinic_of(request), signed_in(request)
    return download(rights.export_file(clinic, admin, patient_for(clinic, admin, patient_id)))


@router.post("/admin/patients/{patient_id}/delete")
@posted_form
def delete_patient(request: Request, form: FormData) -> Response:
    clinic, admin = clinic_of(request), signed_in(request)
    patient = patient_for(clinic, admin, int(request.path_params["patient_id"]))
    rights.delete_account(clinic, admin, patient, text(form, "confirm"))
    return RedirectResponse("/admin?removed=1", status_code=303)
