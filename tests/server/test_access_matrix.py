"""Who may open what, generated from the route table (so a new route cannot be missed): every route
and method, asked by an anonymous visitor, patients A and B, A's clinician, another clinician and
the admin, with its path pointing at patient A's data. Those the route allows get their page (or a
400 for a form the sample leaves empty); the rest are refused as they should be (to the sign-in page,
401, 403, or 404 for a clinician asking about someone else's patient, so it does not say A exists).
And no response ever carries a patient's name, address or check-in note to anyone but the patient,
their clinician and the admin."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from tests.server.conftest import csrf_of, joined
from tests.server.samples import PARAM, PATH_SAMPLES, POST_SAMPLES, url_of
from tests.server.world import MARKERS, World, opened_world
from unknot.services import accounts
from unknot.services.clinic import Account
from unknot.web.server.app import route_table
from unknot.web.server.gate import ANYONE, HOMES

ACTORS = ("anonymous", "patient_a", "patient_b", "clinician", "other_clinician", "admin")
# Who may see each patient's data: the patient, their clinician, the admin.
OWNERS = {"a": {"patient_a", "clinician", "admin"}, "b": {"patient_b", "clinician", "admin"}}
# Signing in (as another account) or out ends the session the browser had: a second browser's.
SECOND_BROWSER = {("/login", "POST"), ("/logout", "POST")}
LAST = ("/logout", "/logout/everywhere")  # they end the actor's session: after everything else


def _routes() -> list[tuple[str, str, frozenset[str]]]:
    rows = [
        (row["path"], method, frozenset(row["roles"]))
        for row in route_table()
        for method in row["methods"]
        if method != "HEAD"  # answered as GET is
    ]
    return sorted(rows, key=lambda r: (r[0] in LAST, LAST.index(r[0]) if r[0] in LAST else 0, r[0]))


ROUTES = _routes()


def test_every_route_has_samples() -> None:
    """A new route with a path parameter or a form needs a sample here, or the matrix cannot ask it."""
    missing = [
        f"{method} {path}: add its form to POST_SAMPLES"
        for path, method, _ in ROUTES
        if method == "POST" and path not in POST_SAMPLES
    ]
    missing += [
        f"{path}: add a sample for {{{name}}} to PATH_SAMPLES"
        for path, _, _ in ROUTES
        for name in PARAM.findall(path)
        if name not in PATH_SAMPLES and name != "token"
    ]
    assert not missing, "the access matrix cannot test every route:\n" + "\n".join(missing)
    assert {m for _, m, _ in ROUTES} <= {"GET", "POST"}, "a new method: teach the matrix to send it"


# The routes anyone may open: the doors, and public files.
PUBLIC = {"/healthz", "/login", "/join/{token}", "/reset/{token}", "/static/sw.js", "/static/{path:path}"}
# A prefix and the only roles its routes may allow.
PREFIX_ROLES = {"/admin": {"admin"}, "/clinic": {"admin", "clinician"}}


def test_the_route_table_keeps_its_rules() -> None:
    """The matrix checks the gate keeps the route table; this checks the table itself: only the doors
    are public, the admin's pages are the admin's, the clinic's are staff's."""
    for path, method, roles in ROUTES:
        if ANYONE in roles:
            assert path in PUBLIC, f"{method} {path} is open to anyone: is that meant? (add it to PUBLIC)"
        for prefix, allowed in PREFIX_ROLES.items():
            if path == prefix or path.startswith(prefix + "/"):
                assert roles <= allowed, f"{method} {path} allows {sorted(roles - allowed)}"


@dataclass
class Matrix:
    world: World
    join_token: str
    reset_token: str


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matrix]:
    with opened_world(tmp_path_factory.mktemp("matrix-home"), "matrix") as world:
        clinic, people = world.clinic, world.people
        # Throwaways: the account POST /login signs in, and one whose reset link the matrix opens.
        joined(clinic, people.admin, "clinician", "walk.in@clinic.test", "Walk In")
        resettable = joined(clinic, people.admin, "clinician", "rhea@clinic.test", "Rhea Reset")
        join_token = accounts.invite(clinic, people.clinician, "patient", "Someone New")
        reset_token = accounts.reset_link(clinic, people.admin, resettable.id)
        yield Matrix(world, join_token, reset_token)


def _url(matrix: Matrix, path: str) -> str:
    return url_of(matrix.world, path, join=matrix.join_token, reset=matrix.reset_token)


def _expected(actor: str, account: Account | None, path: str, method: str, roles: frozenset[str]) -> str:
    if ANYONE in roles:
        return "allowed"
    if account is None:
        return "to sign-in" if method == "GET" else "401"
    if account.role not in roles:
        return f"to {HOMES[account.role]}" if (path, method) == ("/", "GET") else "403"
    if "{patient_id}" in path and actor not in OWNERS["a"]:
        return "404"
    return "allowed"


def _problem(expected: str, response: httpx.Response) -> str | None:
    """What is wrong with the answer (None when it is what the expectation says)."""
    status, where = response.status_code, response.headers.get("location", "")
    if expected == "allowed":
        if status >= 500 or (status >= 401 and status != 400):
            return f"refused or failed ({status})"
        if 300 <= status < 400 and where.startswith("/login?next="):
            return "sent to the sign-in page"
        return None
    if expected == "to sign-in":
        sent = status == 303 and where.startswith("/login?next=")
        return None if sent else f"not sent to sign in ({status})"
    if expected.startswith("to "):
        return None if status == 303 and where == expected[3:] else f"not sent home ({status} {where})"
    return None if str(status) == expected else f"answered {status}"


def _leaks(actor: str, response: httpx.Response) -> list[str]:
    body = response.text
    return [
        f"shows patient {who.upper()}'s {marker!r}"
        for who, markers in MARKERS.items()
        if actor not in OWNERS[who]
        for marker in markers
        if marker in body
    ]


def _client_of(matrix: Matrix, account: Account | None) -> tuple[TestClient, str]:
    if account is None:
        client = matrix.world.client()
        return client, csrf_of(client, "/login")
    return matrix.world.signed_in(account)


def _ask(client: TestClient, method: str, url: str, csrf: str, path: str) -> httpx.Response:
    if method == "GET":
        return client.get(url)
    return client.post(url, data={**POST_SAMPLES[path], "csrf": csrf})


# What each actor who may see a patient's data must have been shown somewhere, so that the markers'
# absence everywhere else means something.
MUST_SEE = {
    "patient_a": set(MARKERS["a"]),
    "patient_b": set(MARKERS["b"]),
    "clinician": {*MARKERS["a"][:2], MARKERS["b"][0]},  # A's record, and B in the list
    "admin": {*MARKERS["a"], MARKERS["b"][0]},  # A's record and export, and B in the list
}


@pytest.mark.parametrize("actor", ACTORS)
def test_each_actor_gets_what_their_role_allows(matrix: Matrix, actor: str) -> None:
    account = None if actor == "anonymous" else getattr(matrix.world.people, actor)
    main, main_csrf = _client_of(matrix, account)
    cookies = dict(main.cookies)
    seen: set[str] = set()
    wrong: list[str] = []
    for path, method, roles in ROUTES:
        client, csrf = main, main_csrf
        if (path, method) in SECOND_BROWSER and account is not None:
            client, csrf = _client_of(matrix, account)
        else:
            client.cookies = cookies  # POST /login must not change whom the next request is from
        response = _ask(client, method, _url(matrix, path), csrf, path)
        expected = _expected(actor, account, path, method, roles)
        problems = [_problem(expected, response), *_leaks(actor, response)]
        wrong += [f"{method} {path}: expected {expected}, {p}" for p in problems if p]
        seen |= {m for markers in MARKERS.values() for m in markers if m in response.text}
    assert not wrong, f"{actor}:\n" + "\n".join(wrong)
    assert MUST_SEE.get(actor, set()) <= seen, f"{actor} was never shown {MUST_SEE[actor] - seen}"


def test_a_second_session_signed_out_leaves_the_first_working(matrix: Matrix) -> None:
    first, _ = matrix.world.signed_in(matrix.world.people.patient_b)
    second, csrf = matrix.world.signed_in(matrix.world.people.patient_b)
    assert second.post("/logout", data={"csrf": csrf}).status_code == 303
    assert second.get("/history").status_code == 303
    assert first.get("/history").status_code == 200


@pytest.mark.parametrize(("actor", "path"), [("admin", "/admin/invite"), ("clinician", "/clinic/invite")])
def test_an_invitation_page_names_who_it_is_for(matrix: Matrix, actor: str, path: str) -> None:
    client, csrf = matrix.world.signed_in(getattr(matrix.world.people, actor))
    page = client.post(path, data={"role": "patient", "name": "Ines Invited", "csrf": csrf})
    assert page.status_code == 200
    assert "Give this link to Ines Invited" in page.text
