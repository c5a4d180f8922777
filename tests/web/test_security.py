"""Security of the local app, over real HTTP requests to the app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import csrf_of
from unknot.settings import Settings
from unknot.web.app import create_app
from unknot.web.security import allowed_hosts, is_loopback

WEB = Path(__file__).resolve().parents[2] / "src" / "unknot" / "web"


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
    exposed = create_app(Settings(home=home), bind_host="192.168.1.5")
    with TestClient(exposed, base_url="http://192.168.1.5:8765") as remote:
        assert remote.get("/").status_code == 200
        assert remote.get("/", headers={"host": "evil.example"}).status_code == 400


def test_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/exercises", "/static/app.css", "/nope"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_csrf_cookie_is_strict_and_http_only(client: TestClient) -> None:
    cookie = client.get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie


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
    for path in [*WEB.glob("templates/**/*.html"), *WEB.glob("static/*")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", text), path.name
        assert not re.search(r"\sstyle=|\son[a-z]+=", text), path.name
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path.name
        assert "@import" not in text and "url(http" not in text, path.name
