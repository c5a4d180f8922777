"""Server mode against the attacks a public site meets: guessing passwords, fixing a session, forged
posts (CSRF), stolen cookies, passwords in logs or in the database, replayed or stale links, and
sessions left open."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.server.conftest import PASSWORD, SECRET, csrf_of, joined
from tests.server.samples import POST_SAMPLES, url_of
from tests.server.world import World, opened_world
from unknot.services import accounts
from unknot.services.clinic import Account
from unknot.web.server.app import route_table
from unknot.web.server.gate import ANYONE, SESSION_COOKIE, csrf_token

WRONG = "not the password at all"
HTTPS = "https://clinic.example"
ACTOR_OF = (("patient", "patient_a"), ("clinician", "clinician"), ("admin", "admin"))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with opened_world(tmp_path_factory.mktemp("security-home"), "security") as opened:
        yield opened


def _staff(world: World, email: str) -> Account:
    """A throwaway account (a clinician: no journal to make), so a test changes no one else's."""
    return joined(world.clinic, world.people.admin, "clinician", email, "Thrown Away")


def _login(client: TestClient, email: str, password: str) -> int:
    token = csrf_of(client, "/login")
    return client.post("/login", data={"email": email, "password": password, "csrf": token}).status_code


def _opens(world: World, session: str) -> bool:
    """Whether a session cookie's value still signs anyone in (from a browser of its own)."""
    client = world.client()
    client.cookies.set(SESSION_COOKIE, session)
    return client.get("/account").status_code == 200


# Brute force


def test_five_wrong_passwords_lock_the_address_until_the_window_passes(world: World) -> None:
    target = _staff(world, "locked@clinic.test")
    client = world.client(host="203.0.113.5")
    assert [_login(client, target.email, WRONG) for _ in range(5)] == [401] * 5
    token = csrf_of(client, "/login")
    refused = client.post("/login", data={"email": target.email, "password": PASSWORD, "csrf": token})
    assert refused.status_code == 429
    assert "too many failed attempts; try again in 15 minutes" in refused.text
    assert _login(world.client(host="198.51.100.9"), target.email, PASSWORD) == 429  # whoever tries
    world.clock.move(minutes=15, seconds=1)
    assert _login(client, target.email, PASSWORD) == 303


def test_twenty_failures_from_one_client_block_it_whatever_the_address(world: World) -> None:
    target = _staff(world, "sprayed@clinic.test")
    client = world.client(host="203.0.113.20")
    guesses = [_login(client, f"guess{n % 4}@clinic.test", WRONG) for n in range(20)]
    assert guesses == [401] * 20
    token = csrf_of(client, "/login")
    refused = client.post("/login", data={"email": target.email, "password": PASSWORD, "csrf": token})
    assert refused.status_code == 429
    assert re.search(r"try again in \d+ minutes", refused.text)
    assert _login(world.client(host="203.0.113.21"), target.email, PASSWORD) == 303  # others may


# Sessions


def test_signing_in_makes_a_new_session_and_ends_the_one_the_browser_had(world: World) -> None:
    first = _staff(world, "fixed@clinic.test")
    client = world.client()
    client.cookies.set(SESSION_COOKIE, "a-value-an-attacker-chose", domain="127.0.0.1")
    assert _login(client, first.email, PASSWORD) == 303
    mine = client.cookies[SESSION_COOKIE]
    assert mine != "a-value-an-attacker-chose"
    assert not _opens(world, "a-value-an-attacker-chose")
    # Signing in again (as someone else on a shared computer): a new value, the old one opens nothing.
    second = _staff(world, "next.user@clinic.test")
    token = csrf_token(SECRET, accounts.digest(mine))
    answer = client.post("/login", data={"email": second.email, "password": PASSWORD, "csrf": token})
    assert answer.status_code == 303
    assert client.cookies[SESSION_COOKIE] != mine
    assert not _opens(world, mine)
    assert _opens(world, client.cookies[SESSION_COOKIE])


def test_signing_out_ends_the_session_on_the_server(world: World) -> None:
    client, csrf = world.signed_in(world.people.clinician)
    session = client.cookies[SESSION_COOKIE]
    answer = client.post("/logout", data={"csrf": csrf})
    assert (answer.status_code, answer.headers["location"]) == (303, "/login")
    assert not _opens(world, session)


def test_signing_out_everywhere_ends_the_other_browsers_session(world: World) -> None:
    owner = _staff(world, "everywhere@clinic.test")
    phone, _ = world.signed_in(owner)
    laptop, csrf = world.signed_in(owner)
    assert laptop.post("/logout/everywhere", data={"csrf": csrf}).status_code == 303
    assert phone.get("/account").status_code == 303
    assert not _opens(world, laptop.cookies[SESSION_COOKIE])


def test_a_session_ends_after_twelve_idle_hours(world: World) -> None:
    client, _ = world.signed_in(_staff(world, "idle@clinic.test"))
    world.clock.move(hours=11, minutes=59)
    assert client.get("/account").status_code == 200  # a request keeps it alive
    world.clock.move(hours=11, minutes=59)
    assert client.get("/account").status_code == 200
    world.clock.move(hours=12, minutes=1)
    answer = client.get("/account")
    assert (answer.status_code, answer.headers["location"]) == (303, "/login?next=%2Faccount")


# CSRF


def _post_routes() -> list[tuple[str, frozenset[str]]]:
    return [(row["path"], frozenset(row["roles"])) for row in route_table() if "POST" in row["methods"]]


def _allowed_actor(roles: frozenset[str]) -> str | None:
    """Someone the route lets in, so that a refusal is about the token, not the role."""
    if ANYONE in roles:
        return None
    return next(actor for role, actor in ACTOR_OF if role in roles)


def test_every_post_refuses_a_missing_wrong_or_foreign_token_and_another_origin(world: World) -> None:
    people = world.people
    join = accounts.invite(world.clinic, people.clinician, "patient", "Csrf Tested")
    reset = accounts.reset_link(world.clinic, people.admin, _staff(world, "csrf.reset@clinic.test").id)
    anonymous = world.client()
    clients: dict[str | None, tuple[TestClient, str]] = {None: (anonymous, csrf_of(anonymous, "/login"))}
    clients |= {
        actor: world.signed_in(getattr(people, actor)) for actor in ("patient_a", "clinician", "admin")
    }
    other_csrf = world.signed_in(people.patient_b)[1]  # a real token, of another account's session
    wrong: list[str] = []
    for path, roles in _post_routes():
        client, csrf = clients[_allowed_actor(roles)]
        url, form = url_of(world, path, join=join, reset=reset), POST_SAMPLES[path]
        tries = {
            "no token": (form, {}),
            "a wrong token": ({**form, "csrf": "0" * 64}, {}),
            "another account's token": ({**form, "csrf": other_csrf}, {}),
            "another origin": ({**form, "csrf": csrf}, {"origin": "https://evil.example"}),
        }
        for what, (data, headers) in tries.items():
            answer = client.post(url, data=data, headers=headers)
            if answer.status_code != 403 or "cannot open this page" in answer.text:
                wrong.append(f"POST {path} with {what}: {answer.status_code}")
    assert not wrong, "\n".join(wrong)
    assert all(_opens(world, c.cookies[SESSION_COOKIE]) for c, _ in list(clients.values())[1:])


# Cookies


def _set_cookies(answer: object) -> list[str]:
    return [v for k, v in answer.headers.multi_items() if k == "set-cookie"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("base", ["http://clinic.example", HTTPS])
def test_cookies_are_http_only_same_site_lax_and_secure_over_https(world: World, base: str) -> None:
    owner = _staff(world, f"cookies.{base[:5].strip(':')}@clinic.test")
    client = world.client(base_url=base)
    first = client.get("/login")
    token = csrf_of(client, "/login")
    signed = client.post("/login", data={"email": owner.email, "password": PASSWORD, "csrf": token})
    csrf = csrf_token(SECRET, accounts.digest(client.cookies[SESSION_COOKIE]))
    out = client.post("/logout", data={"csrf": csrf})
    cookies = [*_set_cookies(first), *_set_cookies(signed), *_set_cookies(out)]
    assert len(cookies) == 3, cookies  # the visitor's, the session's, the session's end
    for cookie in cookies:
        parts = [p.strip() for p in cookie.split(";")]
        assert {"HttpOnly", "SameSite=Lax", "Path=/"} <= set(parts), cookie
        assert ("Secure" in parts) == base.startswith("https"), cookie


# Passwords


def test_passwords_are_never_logged_nor_stored(
    world: World, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    secret_password = "Tr0ub4dor-secret-unique-8841"
    join = accounts.invite(world.clinic, world.people.admin, "clinician", "Logged Never")
    caplog.set_level(logging.DEBUG)
    client = world.client()
    csrf = csrf_of(client, f"/join/{join}")
    form = {"email": "never.logged@clinic.test", "name": "Logged Never", "password": secret_password}
    assert client.post(f"/join/{join}", data={**form, "csrf": csrf}).status_code == 303
    anonymous = world.client(host="203.0.113.77")
    assert _login(anonymous, "never.logged@clinic.test", secret_password + "-typo") == 401
    assert _login(anonymous, "never.logged@clinic.test", secret_password) == 303
    captured = capfd.readouterr()
    assert caplog.records, "the app logged nothing at DEBUG: the check would prove nothing"
    for output in (caplog.text, captured.out, captured.err):
        assert secret_password not in output
    with world.clinic.store.engine.connect() as db:
        hashes = db.execute(text("SELECT password_hash FROM accounts")).scalars().all()
        tables = [
            db.execute(text(f"SELECT string_agg(t::text, ' ') FROM {table} t")).scalar() or ""
            for table in ("accounts", "sign_in_failures", "audit_log", "links", "web_sessions")
        ]
    # argon2id at OWASP's recommended cost (services.accounts), for every account
    assert hashes and all(h.startswith("$argon2id$v=19$m=19456,t=2,p=1$") for h in hashes)
    assert all(secret_password not in part for part in tables)


# Links


def test_a_join_link_works_once(world: World) -> None:
    token = accounts.invite(world.clinic, world.people.admin, "clinician", "Once Only")
    client = world.client()
    csrf = csrf_of(client, f"/join/{token}")
    form = {"email": "once@clinic.test", "name": "Once Only", "password": PASSWORD, "csrf": csrf}
    assert client.post(f"/join/{token}", data=form).status_code == 303
    again = world.client()
    page = again.get(f"/join/{token}")
    assert page.status_code == 400 and "this link was already used; ask for a new one" in page.text
    csrf = csrf_of(again, "/login")
    second = again.post(f"/join/{token}", data={**form, "email": "twice@clinic.test", "csrf": csrf})
    assert second.status_code == 400 and "already used" in second.text


def test_a_join_link_expires_after_seven_days(world: World) -> None:
    token = accounts.invite(world.clinic, world.people.admin, "clinician", "Too Late")
    client = world.client()
    world.clock.move(days=6, hours=23)
    assert client.get(f"/join/{token}").status_code == 200
    world.clock.move(hours=1, seconds=1)
    page = client.get(f"/join/{token}")
    assert page.status_code == 400 and "this link has expired; ask for a new one" in page.text


def test_a_reset_link_sets_the_password_and_ends_every_session(world: World) -> None:
    owner = _staff(world, "forgot@clinic.test")
    phone, _ = world.signed_in(owner)
    laptop, _ = world.signed_in(owner)
    token = accounts.reset_link(world.clinic, world.people.admin, owner.id)
    client = world.client()
    csrf = csrf_of(client, f"/reset/{token}")
    answer = client.post(f"/reset/{token}", data={"password": "a brand new password", "csrf": csrf})
    assert (answer.status_code, answer.headers["location"]) == (303, "/login?reset=done")
    assert phone.get("/account").status_code == 303
    assert laptop.get("/account").status_code == 303
    fresh = world.client(host="203.0.113.88")
    assert _login(fresh, owner.email, PASSWORD) == 401
    assert _login(fresh, owner.email, "a brand new password") == 303
    reused = client.post(f"/reset/{token}", data={"password": "yet another password", "csrf": csrf})
    assert reused.status_code == 400 and "already used" in reused.text


@pytest.mark.parametrize(
    ("asked", "landing"),
    [
        ("/clinic/patients/7?tab=journal", "/clinic/patients/7?tab=journal"),
        ("//evil.example/", "/clinic"),
        ("/\\evil.example", "/clinic"),
        ("/\t/evil.example", "/clinic"),
        ("https://evil.example/", "/clinic"),
    ],
)
def test_after_signing_in_only_a_page_of_this_site_is_opened(world: World, asked: str, landing: str) -> None:
    client = world.client(host="198.51.100.23")
    form = {"email": world.people.clinician.email, "password": PASSWORD, "next": asked}
    answer = client.post("/login", data={**form, "csrf": csrf_of(client, "/login")})
    assert (answer.status_code, answer.headers["location"]) == (303, landing)


def test_an_absurd_address_or_password_is_a_wrong_sign_in_not_an_error(world: World) -> None:
    client = world.client(host="198.51.100.99")
    assert _login(client, "x" * 5000 + "@clinic.test", PASSWORD) == 401
    assert _login(client, world.people.clinician.email, "p" * 100_000) == 401
