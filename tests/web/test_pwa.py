"""Installable: the manifest and its icons, over real HTTP requests to the app."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from fastapi.testclient import TestClient

STATIC = Path(__file__).resolve().parents[2] / "src" / "unknot" / "web" / "static"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (its first chunk, IHDR)."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


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


def test_the_policy_allows_the_manifest_from_the_app_only(client: TestClient) -> None:
    for path in ("/", "/static/manifest.webmanifest"):
        policy = dict(
            part.strip().split(" ", 1)
            for part in client.get(path).headers["content-security-policy"].split(";")
        )
        assert policy["manifest-src"] == "'self'", path
        assert policy["default-src"] == policy["script-src"] == policy["connect-src"] == "'self'", path
