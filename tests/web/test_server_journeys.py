"""Server mode in a real browser (Debian's Chromium), three people at once: the admin invites a
clinician, the clinician invites a patient, the patient joins (told their clinician can see their
journal), answers the questions, the clinician builds and assigns a programme, the patient plays it,
and the clinician sees the session on the dashboard. No console error, no request leaves the server.
(Here beside the other browser tests, whose one Playwright it shares.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.server.conftest import PASSWORD, SECRET, MovableClock, fresh_server_url, running
from tests.web.intake_steps import answer_details, answer_safety, answer_where, welcome
from unknot.content.loader import default_library
from unknot.services import accounts
from unknot.services.clinic import open_clinic
from unknot.settings import Settings
from unknot.web.server.app import create_server_app

pytestmark = [pytest.mark.slow, pytest.mark.server, pytest.mark.postgres]


@pytest.fixture
def served(home: Path) -> Iterator[str]:
    settings = Settings(home=home, database_url=fresh_server_url(), secret=SECRET.decode(), time_scale=0.01)
    clinic = open_clinic(settings, MovableClock(), default_library())
    accounts.create_admin(clinic, "admin@clinic.test", "Ada Admin", PASSWORD)
    with running(create_server_app(clinic, SECRET)) as address:
        yield address
    clinic.close()


class Person:
    """One person's own browser (a context of its own: its own cookies), watched for errors."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1100, "height": 900})
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.context.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith((base, "data:")) else r.abort()
        )

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], self.errors


def _sign_in(person: Person, email: str) -> None:
    person.page.goto(person.base + "/login")
    person.page.get_by_label("Email address").fill(email)
    person.page.get_by_label("Password").fill(PASSWORD)
    person.page.get_by_role("button", name="Sign in").click()


def _invite(person: Person, name: str) -> str:
    person.page.get_by_label("Their name (optional)").fill(name)
    person.page.get_by_role("button", name="Make an invitation link").click()
    expect(person.page.locator("figure.qr svg")).to_be_visible()
    return person.page.locator("#link-url").input_value()


def _join(person: Person, link: str, email: str) -> None:
    person.page.goto(link)
    person.page.get_by_label("Email address").fill(email)
    person.page.get_by_label("Choose a password").fill(PASSWORD)


def test_invite_join_assign_play_and_follow(browser: Browser, served: str) -> None:
    admin, cleo, pat = (Person(browser, served) for _ in range(3))
    _sign_in(admin, "admin@clinic.test")
    expect(admin.page.get_by_role("heading", name="Admin", exact=True)).to_be_visible()
    admin.page.get_by_label("As").select_option("clinician")
    clinician_link = _invite(admin, "Cleo Clinician")

    _join(cleo, clinician_link, "cleo@clinic.test")
    cleo.page.get_by_role("button", name="Join").click()
    expect(cleo.page.get_by_role("heading", name="Patients")).to_be_visible()
    patient_link = _invite(cleo, "Pat Patient")

    _join(pat, patient_link, "pat@home.test")
    expect(pat.page.get_by_role("heading", name="Your clinician can see your journal")).to_be_visible()
    pat.page.get_by_label("I have read that my clinician can see my journal").check()
    pat.page.get_by_role("button", name="Join").click()
    welcome(pat.page, served)
    answer_where(pat.page, ["Lower back"], "41", "No")
    answer_safety(pat.page)
    answer_details(pat.page, pain="4", days="30", sitting="9")
    expect(pat.page.get_by_role("heading", name="Self-care looks reasonable")).to_be_visible()

    cleo.page.goto(served + "/clinic")
    cleo.page.get_by_role("link", name="Pat Patient").click()
    cleo.page.get_by_role("link", name="Build a programme").click()
    row = cleo.page.locator("fieldset", has_text="Exercise 1")
    row.get_by_label("Exercise", exact=True).select_option(label="Cat-cow")
    row.get_by_label("Repetitions").fill("5")
    row.get_by_label("Note for the patient (optional)").fill("Slowly, within comfort.")
    cleo.page.get_by_label("Programme name").fill("Week one")
    cleo.page.get_by_role("button", name="Assign this programme").click()
    expect(cleo.page.get_by_text("The programme is assigned")).to_be_visible()

    pat.page.goto(served + "/session")
    pat.page.locator("#before").get_by_label("4", exact=True).check()
    pat.page.get_by_role("button", name="Begin").click()
    expect(pat.page.locator("#exercise-name")).to_have_text("Cat-cow")
    expect(pat.page.get_by_text("Slowly, within comfort.").first).to_be_visible()
    expect(pat.page.get_by_role("heading", name="How bad is the pain now")).to_be_visible(timeout=20_000)
    pat.page.locator("#after").get_by_label("3", exact=True).check()
    pat.page.get_by_role("button", name="Save the session").click()
    expect(pat.page.get_by_role("heading", name="Session complete")).to_be_visible()

    cleo.page.goto(served + "/clinic")
    patient_row = cleo.page.get_by_role("row", name="Pat Patient")
    expect(patient_row).to_contain_text("Week one")
    expect(patient_row).not_to_contain_text("Not assessed yet")
    for person in (admin, cleo, pat):
        person.close()
