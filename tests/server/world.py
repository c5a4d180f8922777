"""One clinic for a whole test module (its setup costs seconds: argon2 hashes, a journal schema per
patient): the people of tests/server/conftest.py, patients A and B seeded with an assessment and a
check-in whose note and name are unique markers, and clients signed in without a form round trip."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from tests.conftest import POSTGRES_URL
from tests.server.conftest import BASE, PASSWORD, SECRET, MovableClock, People, joined, reset_database
from tests.strategies import base_answers
from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.services import accounts, checkins, intake
from unknot.services.clinic import Account, Clinic, open_clinic, patient_context
from unknot.settings import Settings
from unknot.web.server.app import create_server_app
from unknot.web.server.gate import SESSION_COOKIE, csrf_token

# Strings that appear only in one patient's account or journal.
MARKERS = {
    "a": ("Quokka Zanzibarian", "pat.a@home.test", "note-marker-alpha-4417"),
    "b": ("Wombat Kestrelford", "pat.b@home.test", "note-marker-bravo-9023"),
}


@dataclass
class World:
    clinic: Clinic
    clock: MovableClock
    people: People
    app_client: TestClient  # built once; `client()` copies its app

    def client(self, base_url: str = BASE, host: str = "testclient") -> TestClient:
        return TestClient(
            self.app_client.app,
            base_url=base_url,
            follow_redirects=False,
            raise_server_exceptions=False,
            client=(host, 50000),
        )

    def signed_in(self, account: Account, host: str = "testclient") -> tuple[TestClient, str]:
        """A client with a fresh session of the account (through the real sign-in), and its CSRF token."""
        signed = accounts.sign_in(self.clinic, account.email, PASSWORD, f"setup-{host}")
        client = self.client(host=host)
        client.cookies.set(SESSION_COOKIE, signed.token)
        return client, csrf_token(SECRET, accounts.digest(signed.token))


def _seed(clinic: Clinic, patient: Account, note: str, day: dt.date) -> None:
    ctx = patient_context(clinic, patient)
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    checkins.log(ctx, 3, note=note, date_text=day.isoformat())


def _people(clinic: Clinic) -> People:
    admin = accounts.create_admin(clinic, "admin@clinic.test", "Ada Admin", PASSWORD)
    clinician = joined(clinic, admin, "clinician", "cleo@clinic.test", "Cleo Clinician")
    other = joined(clinic, admin, "clinician", "otto@clinic.test", "Otto Other")
    a = joined(clinic, clinician, "patient", MARKERS["a"][1], MARKERS["a"][0])
    b = joined(clinic, clinician, "patient", MARKERS["b"][1], MARKERS["b"][0])
    c = joined(clinic, other, "patient", "pat.c@home.test", "Pat C")
    return People(admin, clinician, other, a, b, c)


def own_database(url: str, name: str) -> str:
    """A database of the module's own beside the worker's (created on first use): pytest-xdist may
    run other modules' tests, which reset the worker's database, between this module's tests."""
    base = make_url(url)
    target = f"{base.database}_{name}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        known = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target}
        ).first()
        if known is None:
            connection.execute(text(f'CREATE DATABASE "{target}"'))
    engine.dispose()
    return base.set(database=target).render_as_string(hide_password=False)


@contextmanager
def opened_world(home: Path, name: str) -> Iterator[World]:
    """The module's clinic, in a database named after the module (`name`)."""
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the server tests: set UNKNOT_TEST_POSTGRES_URL (see .ci/run)")
        pytest.skip("no PostgreSQL server configured (UNKNOT_TEST_POSTGRES_URL)")
    url = own_database(POSTGRES_URL, name)
    reset_database(url)
    with _world(home, url) as world:
        yield world


@contextmanager
def _world(home: Path, url: str) -> Iterator[World]:
    clock = MovableClock()
    settings = Settings(home=home, database_url=url, secret=SECRET.decode())
    clinic = open_clinic(settings, clock, default_library())
    try:
        people = _people(clinic)
        yesterday = clock.now().date() - dt.timedelta(days=1)
        _seed(clinic, people.patient_a, MARKERS["a"][2], yesterday)
        _seed(clinic, people.patient_b, MARKERS["b"][2], yesterday)
        app = TestClient(create_server_app(clinic, SECRET), base_url=BASE)
        yield World(clinic, clock, people, app)
    finally:
        clinic.close()
