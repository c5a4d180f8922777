"""The clinician's workspace over HTTP on a real PostgreSQL: the patient list (escalations first),
the programme builder (a patient follows the clinician's doses; a warning sign still stops it until
the clinician records the all-clear), templates, ending a programme, and the patient's data rights."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.server.conftest import People, client_of, csrf_of, sign_in
from tests.strategies import base_answers
from unknot.core.answers import answers_from_dict
from unknot.services import checkins, intake
from unknot.services.clinic import Account, Clinic, patient_context

BUILT = {
    "name": "Desk worker, week 1",
    "notes": "Little and often.",
    "exercise-0": "cat_cow",
    "reps-0": "7",
    "sets-0": "2",
    "note-0": "Slowly, within comfort.",
    "exercise-1": "chin_tucks",
    "exercise-2": "",
}


def _assessed(clinic: Clinic, patient: Account, **changes: object) -> None:
    intake.save_assessment(patient_context(clinic, patient), answers_from_dict(base_answers(**changes)))


def _staff(clinic: Clinic, email: str) -> TestClient:
    client = client_of(clinic)
    sign_in(client, email)
    return client


def _assign(client: TestClient, patient: Account, fields: dict[str, str]) -> int:
    path = f"/clinic/patients/{patient.id}/programme"
    return client.post(path, data={**fields, "csrf": csrf_of(client, path)}).status_code


def test_a_patient_follows_the_clinicians_programme_with_its_doses_and_notes(
    clinic: Clinic, people: People
) -> None:
    _assessed(clinic, people.patient_a)
    cleo = _staff(clinic, people.clinician.email)
    assert _assign(cleo, people.patient_a, BUILT) == 303
    patient = client_of(clinic)
    sign_in(patient, people.patient_a.email)
    session = patient.get("/session").text
    assert "Cat-cow" in session and "Chin tucks" in session
    assert "Slowly, within comfort." in session
    script = json.loads(session.split('id="session-script">', 1)[1].split("</script>", 1)[0])
    names = [phase["exercise_id"] for phase in script["phases"] if phase.get("exercise_id")]
    assert list(dict.fromkeys(names)) == ["cat_cow", "chin_tucks"]
    listed = cleo.get("/clinic").text
    assert "Desk worker, week 1" in listed


def test_a_warning_sign_stops_the_programme_until_the_clinician_clears_it(
    clinic: Clinic, people: People
) -> None:
    _assessed(clinic, people.patient_a, red_flags=["constant_night_pain"])
    cleo = _staff(clinic, people.clinician.email)
    assert _assign(cleo, people.patient_a, BUILT) == 303
    patient = client_of(clinic)
    sign_in(patient, people.patient_a.email)
    assert "Cat-cow" not in patient.get("/session").text
    first = cleo.get("/clinic").text.split("<tbody>", 1)[1]
    assert first.index("Pat A") < first.index("Pat B")  # the one needing attention first
    path = f"/clinic/patients/{people.patient_a.id}"
    answer = cleo.post(path + "/cleared", data={"flag": "constant_night_pain", "csrf": csrf_of(cleo, path)})
    assert answer.status_code == 303


def test_a_bad_row_is_named_and_what_was_typed_is_kept(clinic: Clinic, people: People) -> None:
    cleo = _staff(clinic, people.clinician.email)
    path = f"/clinic/patients/{people.patient_a.id}/programme"
    answer = cleo.post(path, data={**BUILT, "sets-0": "9", "csrf": csrf_of(cleo, path)})
    assert answer.status_code == 400
    assert "programme item 1 (Cat-cow): sets" in answer.text
    assert 'value="Slowly, within comfort."' in answer.text and 'value="9"' in answer.text


def test_templates_start_a_programme_and_ending_one_brings_back_the_automatic_plan(
    clinic: Clinic, people: People
) -> None:
    cleo = _staff(clinic, people.clinician.email)
    saved = cleo.post("/clinic/programmes", data={**BUILT, "csrf": csrf_of(cleo, "/clinic/programmes")})
    assert saved.status_code == 303
    listing = cleo.get("/clinic/programmes").text
    template_id = listing.split('<option value="', 1)[1].split('"', 1)[0]
    started = cleo.get(f"/clinic/patients/{people.patient_a.id}/programme?template={template_id}").text
    assert 'value="Desk worker, week 1"' in started
    otto = _staff(clinic, people.other_clinician.email)
    assert (
        otto.get(f"/clinic/patients/{people.patient_a.id}/programme?template={template_id}").status_code
        == 404
    )
    assert _assign(cleo, people.patient_a, BUILT) == 303
    path = f"/clinic/patients/{people.patient_a.id}"
    ended = cleo.post(path + "/programme/end", data={"csrf": csrf_of(cleo, path)})
    assert ended.status_code == 303
    assert "Automatic plan" in cleo.get(path).text


def test_a_patient_exports_everything_and_deleting_the_account_tells_the_clinician(
    clinic: Clinic, people: People
) -> None:
    _assessed(clinic, people.patient_a)
    checkins.log(patient_context(clinic, people.patient_a), 3, note="marker-of-pat-a")
    patient = client_of(clinic)
    sign_in(patient, people.patient_a.email)
    exported = patient.get("/account/export").json()
    assert exported["account"]["email"] == people.patient_a.email
    assert any(c["note"] == "marker-of-pat-a" for c in exported["journal"]["checkins"])
    wrong = patient.post("/account/delete", data={"confirm": "nope", "csrf": csrf_of(patient, "/account")})
    assert wrong.status_code == 400
    gone = patient.post(
        "/account/delete", data={"confirm": people.patient_a.email, "csrf": csrf_of(patient, "/account")}
    )
    assert gone.status_code == 303
    assert patient.get("/").status_code == 303  # signed out: to the sign-in page
    cleo = _staff(clinic, people.clinician.email)
    assert "Pat A (pat.a@home.test) deleted their account" in cleo.get("/account").text
    assert "Pat A" not in cleo.get("/clinic").text
    admin = _staff(clinic, people.admin.email)
    log = admin.get("/admin/audit").text
    assert "delete account" in log and "export" in log


def test_a_clinics_own_exercise_is_written_checked_drawn_and_played_in_a_programme(
    clinic: Clinic, people: People
) -> None:
    from unknot.content.custom import form_of

    cleo = _staff(clinic, people.clinician.email)
    fields = {**form_of(clinic.library.exercises["cat_cow"]), "name": "Clinic cat-cow"}
    fields.pop("id", None)
    bad = cleo.post(
        "/clinic/exercises/new",
        data={**fields, "stop_if": "", "do": "save", "csrf": csrf_of(cleo, "/clinic/exercises/new")},
    )
    assert bad.status_code == 400 and 'id="f-stop_if-error"' in bad.text
    preview = cleo.post(
        "/clinic/exercises/new",
        data={**fields, "do": "preview", "csrf": csrf_of(cleo, "/clinic/exercises/new")},
    )
    assert preview.status_code == 200 and "<svg" in preview.text
    saved = cleo.post(
        "/clinic/exercises/new", data={**fields, "do": "save", "csrf": csrf_of(cleo, "/clinic/exercises/new")}
    )
    assert saved.status_code == 303
    assert "Clinic cat-cow" in cleo.get("/clinic/exercises").text
    assert _assign(cleo, people.patient_a, {**BUILT, "exercise-0": "custom_clinic_cat_cow"}) == 303
    _assessed(clinic, people.patient_a)
    patient = client_of(clinic)
    sign_in(patient, people.patient_a.email)
    assert "Clinic cat-cow" in patient.get("/session").text
    otto = _staff(clinic, people.other_clinician.email)
    assert "Clinic cat-cow" in otto.get("/clinic/exercises").text  # the clinic's, shared by its clinicians


def test_a_programme_that_no_longer_fits_the_library_pauses_and_the_clinician_is_told(
    clinic: Clinic, people: People
) -> None:
    from unknot.content.custom import check_form, form_of
    from unknot.services import clinic_exercises

    fields = {**form_of(clinic.library.exercises["cat_cow"]), "name": "Clinic cat-cow"}
    fields.pop("id", None)
    exercise = check_form(fields, clinic.library).exercise
    assert exercise is not None
    clinic_exercises.save(clinic, people.clinician, exercise)
    cleo = _staff(clinic, people.clinician.email)
    assert _assign(cleo, people.patient_a, {**BUILT, "exercise-0": exercise.id}) == 303
    both_sides = exercise.dose.standard.model_copy(update={"sides": 2})
    changed = exercise.model_copy(update={"dose": exercise.dose.model_copy(update={"standard": both_sides})})
    clinic_exercises.save(clinic, people.clinician, changed)  # now done on each side: item 1 no longer fits
    _assessed(clinic, people.patient_a)
    patient = client_of(clinic)
    sign_in(patient, people.patient_a.email)
    assert patient.get("/session").status_code == 200  # the automatic plan meanwhile
    listed = cleo.get("/clinic").text
    assert "paused: it no longer fits the library" in listed


def test_migrate_upgrades_only_the_journals_behind(clinic: Clinic, people: People) -> None:
    from sqlalchemy import text

    from unknot.services.clinic import upgrade_all

    assert upgrade_all(clinic) == (3, 0)  # the three patients' journals, each made up to date on joining
    with clinic.store.engine.begin() as db:
        db.execute(text('CREATE SCHEMA "journal_999"'))  # a journal whose set-up never ran
    assert upgrade_all(clinic) == (4, 1)
    assert upgrade_all(clinic) == (4, 0)


def test_a_patient_joins_only_once_told_their_clinician_sees_the_journal(
    clinic: Clinic, people: People
) -> None:
    import pytest

    from tests.server.conftest import PASSWORD
    from unknot.core.errors import UserError
    from unknot.services import accounts

    token = accounts.invite(clinic, people.clinician, "patient", "Nell New")
    with pytest.raises(UserError, match="understood"):
        accounts.join(clinic, token, "nell@home.test", "Nell New", PASSWORD)
    joined = accounts.join(
        clinic, token, "nell@home.test", "Nell New", PASSWORD, understood=True
    )  # still unused
    assert joined.account.clinician_id == people.clinician.id
