"""Server mode on a real PostgreSQL database: a clinic (admin, two clinicians, patients A and B of the
first), clients signed in as each, and a fixed clock to move on."""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.conftest import POSTGRES_URL
from tests.web.conftest import _free_port as free_port
from unknot.content.loader import default_library
from unknot.services import accounts
from unknot.services.clinic import Account, Clinic, open_clinic
from unknot.settings import Settings
from unknot.web.server.app import create_server_app

SECRET = b"a-test-secret-of-at-least-32-characters-long"
PASSWORD = "correct horse battery"
BASE = "http://127.0.0.1:8765"
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/server/" in str(item.fspath):
            item.add_marker(pytest.mark.server)
            item.add_marker(pytest.mark.postgres)


@dataclass
class MovableClock:
    moment: dt.datetime = field(default_factory=lambda: dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC))

    def now(self) -> dt.datetime:
        return self.moment

    def move(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


def reset_database(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        names = connection.execute(text("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'journal\\_%'"))
        for name in list(names.scalars()):
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def fresh_server_url() -> str:
    """The worker's PostgreSQL database, emptied (skipped without one; a failure on CI)."""
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the server tests: set UNKNOT_TEST_POSTGRES_URL (see .ci/run)")
        pytest.skip("no PostgreSQL server configured (UNKNOT_TEST_POSTGRES_URL)")
    reset_database(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def server_url() -> str:
    return fresh_server_url()


@pytest.fixture
def server_clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def clinic(server_url: str, home: Path, server_clock: MovableClock) -> Iterator[Clinic]:
    settings = Settings(home=home, database_url=server_url, secret=SECRET.decode())
    opened = open_clinic(settings, server_clock, default_library())
    yield opened
    opened.close()


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """The app under a real uvicorn in a thread, on a free port, once it answers; its address."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the server app did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def client_of(clinic: Clinic) -> TestClient:
    return TestClient(create_server_app(clinic, SECRET), base_url=BASE, follow_redirects=False)


def csrf_of(client: TestClient, path: str) -> str:
    found = CSRF.search(client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
    token = csrf_of(client, "/login")
    answer = client.post("/login", data={"email": email, "password": password, "csrf": token})
    assert answer.status_code == 303, answer.text


def joined(clinic: Clinic, by: Account, role: str, email: str, name: str) -> Account:
    token = accounts.invite(clinic, by, role, name)
    return accounts.join(clinic, token, email, name, PASSWORD, understood=True).account


@dataclass
class People:
    admin: Account
    clinician: Account
    other_clinician: Account
    patient_a: Account
    patient_b: Account
    other_patient: Account  # the other clinician's


@pytest.fixture
def people(clinic: Clinic) -> People:
    admin = accounts.create_admin(clinic, "admin@clinic.test", "Ada Admin", PASSWORD)
    clinician = joined(clinic, admin, "clinician", "cleo@clinic.test", "Cleo Clinician")
    other = joined(clinic, admin, "clinician", "otto@clinic.test", "Otto Other")
    a = joined(clinic, clinician, "patient", "pat.a@home.test", "Pat A")
    b = joined(clinic, clinician, "patient", "pat.b@home.test", "Pat B")
    c = joined(clinic, other, "patient", "pat.c@home.test", "Pat C")
    return People(admin, clinician, other, a, b, c)
