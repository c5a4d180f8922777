"""Security of the local app, over real HTTP requests to the app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import csrf_of
from unknot.settings import Settings
from unknot.web.app import create_app
from unknot.web.security import Access, allowed_hosts, is_loopback

WEB = Path(__file__).resolve().parents[2] / "src" / "unknot" / "web"
BINARY = {".png", ".woff2"}


@pytest.mark.parametrize(
    "host", ["evil.example", "127.0.0.1.nip.io", "192.168.1.5:8765", "attacker.test:8765"]
)
def test_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/", headers={"host": host})
    assert response.status_code == 400


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "localhost"])
def test_local_host_headers_are_served(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 200


def test_exposed_bind_adds_only_its_own_address(home: Path) -> None:
    assert "192.168.1.5" in allowed_hosts("192.168.1.5")
    assert allowed_hosts("0.0.0.0") == ["127.0.0.1", "localhost", "::1"]
    assert is_loopback("127.0.0.2") and not is_loopback("192.168.1.5")
    access = Access.new()
    exposed = create_app(Settings(home=home), bind_host="192.168.1.5", access=access)
    with TestClient(exposed, base_url="http://192.168.1.5:8765") as remote:
        assert remote.get(f"/?token={access.token}").status_code == 200
        assert remote.get("/", headers={"host": "evil.example"}).status_code == 400


def test_a_remote_client_cannot_pass_as_local_by_its_host_header(home: Path) -> None:
    access = Access.new()
    app = create_app(Settings(home=home), bind_host="0.0.0.0", access=access)
    with TestClient(app, base_url="http://127.0.0.1:8765", client=("192.168.1.9", 50000)) as remote:
        assert remote.get(f"/?token={access.token}").status_code == 400


def test_without_the_token_nothing_is_read_or_written(client: TestClient, stranger: TestClient) -> None:
    client.post("/checkin", data={"csrf": csrf_of(client), "pain": "6", "note": "private note"})
    for path in ("/", "/history", "/export/json", "/report.html", "/checkin", "/settings"):
        response = stranger.get(path)
        assert response.status_code == 401 and "private note" not in response.text, path
        assert "address it printed" in response.text
    forged = stranger.post(
        "/checkin", data={"csrf": csrf_of(client), "pain": "9", "red_flags": ["saddle_numbness"]}
    )
    assert forged.status_code == 401
    assert stranger.get("/?token=guess").status_code == 401
    assert stranger.get("/", headers={"cookie": "unknot_session=abc"}).status_code == 401
    assert "<td>6</td>" in client.get("/history").text and "<td>9</td>" not in client.get("/history").text


def test_the_token_address_sets_a_strict_session_and_leaves_the_address_bar(client: TestClient) -> None:
    app = client.app
    fresh = TestClient(app, base_url="http://127.0.0.1:8765")
    response = fresh.get(f"/exercises?kind=stretch&token={app.state.access_token}", follow_redirects=False)  # type: ignore[attr-defined]
    assert response.status_code == 303 and response.headers["location"] == "/exercises?kind=stretch"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    sneaky = fresh.get(f"//evil.example/?token={app.state.access_token}", follow_redirects=False)  # type: ignore[attr-defined]
    assert not sneaky.headers.get("location", "/").startswith("//"), "no redirect off the app"


def test_a_new_launch_makes_old_sessions_useless(home: Path, client: TestClient) -> None:
    again = create_app(Settings(home=home))
    with TestClient(again, base_url="http://127.0.0.1:8765", cookies=dict(client.cookies)) as later:
        assert later.get("/").status_code == 401


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://127.0.0.1:9999"},  # a page on another local port (cookies ignore ports)
        {"origin": "null"},
        {"sec-fetch-site": "same-site"},
        {"sec-fetch-site": "cross-site"},
    ],
)
def test_writes_from_another_origin_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    form = {"csrf": csrf_of(client), "pain": "9", "red_flags": ["saddle_numbness"]}
    assert client.post("/checkin", data=form, headers=headers).status_code == 403
    assert "<td>9</td>" not in client.get("/history").text
    same = {"origin": "http://127.0.0.1:8765", "sec-fetch-site": "same-origin"}
    assert client.post("/checkin", data={**form, "red_flags": []}, headers=same).status_code == 200


def test_csrf_tokens_are_signed_by_the_server_not_chosen_by_the_client(client: TestClient) -> None:
    chosen = {"csrf": "abc", "pain": "3"}
    client.cookies.set("unknot_csrf", "abc")  # the old double-submit pair, chosen by the client
    assert client.post("/checkin", data=chosen).status_code == 403


def test_headers_on_every_response(client: TestClient, stranger: TestClient) -> None:
    for path in ("/", "/exercises", "/static/app.css", "/nope", "/export/csv"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cross-origin-resource-policy"] == "same-origin", "no site can probe the app"
        assert (headers.get("cache-control") == "no-store") is not path.startswith("/static/"), path
    assert stranger.get("/").headers["cross-origin-resource-policy"] == "same-origin"


def test_the_camera_may_be_used_by_the_app_alone_and_its_runtime_sends_nothing(client: TestClient) -> None:
    for path in ("/", "/camera", "/static/vendor/mediapipe/vision_bundle.mjs"):
        headers = client.get(path).headers
        policy = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
        assert policy["script-src"] == "'self' 'wasm-unsafe-eval'", (
            "WebAssembly from the app's files, no eval"
        )
        assert policy["connect-src"] == "'self'", "no request leaves the app (no telemetry)"
        assert "'unsafe-eval'" not in headers["content-security-policy"]
        allowed = dict(part.strip().split("=", 1) for part in headers["permissions-policy"].split(","))
        assert allowed == {"camera": "(self)", "microphone": "()", "geolocation": "()"}, path


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/welcome", {}),
        ("/checkin", {"pain": "3"}),
        ("/settings", {"theme": "dark", "session_time": "07:00"}),
        ("/intake/finish", {"age": "40"}),
        ("/session/complete", {"pain_before": "1", "pain_after": "1", "token": "play-0001"}),
    ],
)
def test_state_changes_need_the_csrf_token(client: TestClient, path: str, data: dict[str, str]) -> None:
    csrf_of(client)
    missing = client.post(path, data=data)
    wrong = client.post(path, data={**data, "csrf": "x" * 43})
    assert missing.status_code in (403, 422) and wrong.status_code == 403
    assert "reload the page" in wrong.text
    assert client.get("/history").text.count("<tr>") == 0


def test_no_inline_script_or_style_and_nothing_from_outside() -> None:
    """Our templates and assets; the vendored pose runtime is checked by its sha256 (test_vendor.py)."""
    static = [
        path
        for path in WEB.glob("static/**/*")
        if path.is_file() and path.suffix not in BINARY and not path.is_relative_to(WEB / "static" / "vendor")
    ]
    assert WEB / "static" / "camera.js" in static
    for path in [*WEB.glob("templates/**/*.html"), *WEB.glob("templates/**/*.svg"), *static]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", text), path.name
        assert not re.search(r"\sstyle=|\son[a-z]+=", text), path.name
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path.name
        assert "@import" not in text and "url(http" not in text, path.name
