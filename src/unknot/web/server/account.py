"""The account page (every role): who you are, signing out everywhere; a patient's data rights:
export everything, delete the account."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from unknot.core.errors import UserError
from unknot.services import rights
from unknot.services.clinic import notices_of
from unknot.web.forms import posted_form, text
from unknot.web.render import download
from unknot.web.server.doors import signed_out
from unknot.web.server.render import clinic_of, signed_in, staff_page

router = APIRouter()
patient = APIRouter()  # a patient's own data


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request) -> Response:
    account = signed_in(request)
    notices = notices_of(clinic_of(request), account)
    return staff_page(
        request, "server/account.html", title="Account", me=account, notices=notices, problem=""
    )


@patient.get("/account/export")
def export(request: Request) -> Response:
    me = signed_in(request)
    return download(rights.export_file(clinic_of(request), me, me))


@patient.post("/account/delete")
@posted_form
def delete(request: Request, form: FormData) -> Response:
    me = signed_in(request)
    clinic = clinic_of(request)
    try:
        rights.delete_account(clinic, me, me, text(form, "confirm"))
    except UserError as exc:
        notices = notices_of(clinic, me)
        page = {"me": me, "notices": notices, "problem": str(exc)}
        return staff_page(request, "server/account.html", status_code=400, title="Account", **page)
    return signed_out(request)
