"""Two patients whose journals are at the same revision ask for the same pages at the same moment,
many times, from a real server: each gets only their own journal (server mode keeps and shares no
page: a page's address, day and revision do not say whose it is)."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.server.conftest import CSRF, PASSWORD, SECRET, MovableClock, People, running
from tests.strategies import base_answers
from unknot.core.answers import answers_from_dict
from unknot.services import checkins, intake
from unknot.services.clinic import Clinic, patient_context
from unknot.web.server.app import create_server_app

NOTES = {"a": "only-pat-a-wrote-this-5517", "b": "only-pat-b-wrote-this-8830"}


@pytest.fixture
def live(clinic: Clinic, people: People, server_clock: MovableClock, home: Path) -> Iterator[str]:
    for patient, note in ((people.patient_a, NOTES["a"]), (people.patient_b, NOTES["b"])):
        ctx = patient_context(clinic, patient)
        intake.save_assessment(ctx, answers_from_dict(base_answers()))
        checkins.log(ctx, 3, note=note)
    assert (
        patient_context(clinic, people.patient_a).revision()
        == patient_context(clinic, people.patient_b).revision()
    )
    with running(create_server_app(clinic, SECRET)) as address:
        yield address


def _signed_in(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base)
    found = CSRF.search(client.get("/login").text)
    assert found
    answer = client.post("/login", data={"email": email, "password": PASSWORD, "csrf": found.group(1)})
    assert answer.status_code == 303
    return client


def test_two_patients_asking_at_once_each_get_their_own_page(live: str, people: People) -> None:
    a, b = _signed_in(live, people.patient_a.email), _signed_in(live, people.patient_b.email)
    asks = [
        (who, client, path)
        for _ in range(10)
        for path in ("/history", "/")
        for who, client in (("a", a), ("b", b))
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(lambda ask: (ask[0], ask[2], ask[1].get(ask[2]).text), asks))
    for who, path, text in pages:
        other = "b" if who == "a" else "a"
        assert NOTES[other] not in text, f"patient {who} was shown patient {other}'s {path}"
    assert any(NOTES["a"] in text for who, path, text in pages if who == "a" and path == "/history")
