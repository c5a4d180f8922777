"""Installable: the manifest, its icons and the service worker, over real HTTP requests to the app."""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from unknot.web.routes.pwa import shell_version, worker_script

STATIC = Path(__file__).resolve().parents[2] / "src" / "unknot" / "web" / "static"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SHELL_LINE = re.compile(r"^var SHELL = (\{.*\});$", re.MULTILINE)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (its first chunk, IHDR)."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def shell_of(script: str) -> dict[str, Any]:
    found = SHELL_LINE.search(script)
    assert found, "the worker starts with what it keeps"
    shell: dict[str, Any] = json.loads(found.group(1))
    return shell


def test_the_manifest_makes_the_app_installable_with_icons_of_the_sizes_it_says(stranger: TestClient) -> None:
    response = stranger.get("/static/manifest.webmanifest")  # browsers fetch it without the session
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["name"] == manifest["short_name"] == "unknot"
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("/", "/", "standalone")
    assert manifest["theme_color"] in (STATIC / "icon.svg").read_text(), "the theme is the icon's teal"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    pngs = [icon for icon in manifest["icons"] if icon["type"] == "image/png"]
    assert {icon["sizes"] for icon in pngs} >= {"192x192", "512x512"}
    assert any(icon["purpose"] == "maskable" for icon in pngs)
    for icon in pngs:
        image = stranger.get(icon["src"])
        assert image.status_code == 200 and image.headers["content-type"] == "image/png", icon["src"]
        width, height = png_size(image.content)
        assert f"{width}x{height}" == icon["sizes"], icon["src"]


def test_every_page_links_the_manifest_the_theme_colour_and_the_touch_icon(client: TestClient) -> None:
    page = client.get("/").text
    assert '<link rel="manifest" href="/static/manifest.webmanifest">' in page
    theme = client.get("/static/manifest.webmanifest").json()["theme_color"]
    assert f'<meta name="theme-color" content="{theme}">' in page
    touch = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', page)
    assert touch, "iOS takes its home-screen icon from this link"
    assert png_size(client.get(touch.group(1)).content) == (180, 180)
    assert '<script src="/static/pwa.js" defer></script>' in page


def test_the_worker_controls_the_whole_app_and_keeps_every_static_file(
    client: TestClient, stranger: TestClient
) -> None:
    response = stranger.get("/static/sw.js")  # a browser checks it for updates with or without the session
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["service-worker-allowed"] == "/"
    assert response.headers["cache-control"] == "no-cache", "a new release is seen at once"
    shell = shell_of(response.text)
    on_disk = sorted(
        "/static/" + path.relative_to(STATIC).as_posix()
        for path in STATIC.rglob("*")
        if path.is_file() and path.name != "sw.js" and not path.is_relative_to(STATIC / "vendor")
    )
    assert shell["files"] == on_disk, "every static file but the vendored pose runtime (17 MB)"
    assert (STATIC / "vendor" / "mediapipe" / "vision_bundle.mjs").is_file()
    for address in on_disk:
        assert stranger.get(address).status_code == 200, address
    assert shell["offline"] in on_disk
    assert shell["pages"] == ["/", "/session"]
    for page in shell["pages"]:
        assert client.get(page).status_code == 200, page


def test_the_version_changes_with_any_static_file(tmp_path: Path) -> None:
    folder = tmp_path / "static"
    shutil.copytree(STATIC, folder)
    first = shell_version(folder)
    assert shell_version(folder) == first
    (folder / "app.css").write_text((folder / "app.css").read_text() + "\n")
    edited = shell_version(folder)
    (folder / "more").mkdir()
    (folder / "more" / "new.woff2").write_bytes(b"font")
    added = shell_version(folder)
    (folder / "more" / "new.woff2").rename(folder / "more" / "other.woff2")
    renamed = shell_version(folder)
    assert len({first, edited, added, renamed}) == 4
    (folder / "vendor" / "mediapipe" / "vision_bundle.mjs").write_text("// another release")
    assert shell_version(folder) == renamed, "the vendored runtime is not kept, so not hashed either"


def test_the_worker_is_made_once_per_process() -> None:
    assert worker_script() is worker_script()


def test_the_policy_allows_the_worker_and_the_manifest_from_the_app_only(client: TestClient) -> None:
    for path in ("/", "/static/sw.js", "/static/offline.html"):
        policy = dict(
            part.strip().split(" ", 1)
            for part in client.get(path).headers["content-security-policy"].split(";")
        )
        assert policy["worker-src"] == "'self'" and policy["manifest-src"] == "'self'", path
        assert policy["default-src"] == policy["connect-src"] == "'self'", path
        assert policy["script-src"] == "'self' 'wasm-unsafe-eval'", "the camera's pose runtime, from the app"
