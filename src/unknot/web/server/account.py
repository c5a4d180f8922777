"""The account page (every role): who you are, signing out everywhere; a patient's data rights:
export everything, delete the account."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from unknot.services import rights
from unknot.services.clinic import notices_of
from unknot.web.forms import posted_form, text
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
    document = rights.export_all(clinic_of(request), me, me)
    body = json.dumps(document, ensure_ascii=False, indent=1).encode()
    filename = f"unknot-{me.created_at.date().isoformat()}-account.json"
    return Response(
        body,
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


@patient.post("/account/delete")
@posted_form
def delete(request: Request, form: FormData) -> Response:
    me = signed_in(request)
    clinic = clinic_of(request)
    if text(form, "confirm").strip().lower() != me.email:
        notices = notices_of(clinic, me)
        problem = "confirm: type your email address to delete your account"
        return staff_page(
            request,
            "server/account.html",
            status_code=400,
            title="Account",
            me=me,
            notices=notices,
            problem=problem,
        )
    rights.delete_account(clinic, me, me)
    return signed_out(request)
