"""The camera check page and the camera feature, over HTTP: what the page says and links, and that
without the feature (its runtime not shipped) the camera is neither offered nor allowed."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from unknot.features import FEATURES
from unknot.settings import Settings
from unknot.web.app import create_app


def test_the_page_says_what_the_camera_is_for_and_that_video_stays_here(client: TestClient) -> None:
    page = client.get("/camera")
    assert page.status_code == 200
    assert "<h1>Camera check</h1>" in page.text
    assert "never leaves this computer and is never stored" in " ".join(page.text.split())
    assert '<script type="module" src="/static/camera_page.js"></script>' in page.text
    assert re.search(r'<span id="camera-on" class="camera-on" hidden>', page.text), (
        "off until tracks are live"
    )
    assert "Start camera</button>" in page.text and "Stop camera</button>" in page.text


def test_the_page_is_listed_on_more_and_linked_from_settings_not_in_the_top_bar(client: TestClient) -> None:
    more = client.get("/more").text
    assert 'href="/camera"' in more and "Camera check" in more
    assert 'href="/camera"' in client.get("/settings").text
    top = client.get("/").text.split('<nav class="wide-nav"', 1)[1].split("</nav>", 1)[0]
    assert "/camera" not in top
    tabs = client.get("/camera").text.split('<nav class="tabbar"', 1)[1]
    assert re.search(r'<a href="/more" aria-current="page">', tabs), "the More tab holds it on a phone"


def test_without_the_camera_feature_there_is_no_camera(home: Path) -> None:
    others = [feature for feature in FEATURES if feature.name != "camera"]
    app = create_app(Settings(home=home), features=others)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        page = client.get(f"/?token={app.state.access_token}")
        assert "camera=()" in page.headers["permissions-policy"]
        assert "wasm-unsafe-eval" not in page.headers["content-security-policy"]
        assert client.get("/camera").status_code == 404
        assert 'href="/camera"' not in client.get("/settings").text + client.get("/more").text
