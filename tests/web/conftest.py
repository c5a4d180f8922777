"""Web fixtures: the real app over HTTP (in-process client) and in a real browser (Debian's Chromium)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, Route, sync_playwright

from unknot.settings import Settings
from unknot.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FAST = 0.002


@pytest.fixture
def client(home: Path) -> Iterator[TestClient]:
    app = create_app(Settings(home=home, time_scale=FAST))
    with TestClient(app, base_url="http://127.0.0.1:8765") as test_client:
        yield test_client


def csrf_of(client: TestClient) -> str:
    client.get("/")
    token = client.cookies.get("unknot_csrf")
    assert token
    return token


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(home: Path) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, as `unknot serve` does (timers sped up)."""
    yield from serve(Settings(home=home, time_scale=FAST))


@pytest.fixture
def realtime_server(home: Path) -> Iterator[str]:
    """The same, with timers at their real pace (for tests that control the page's clock)."""
    yield from serve(Settings(home=home))


def serve(settings: Settings) -> Iterator[str]:
    port = _free_port()
    app = create_app(settings)
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: install Debian's chromium (see .ci/run)")
        pytest.skip("Debian's chromium is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield launched
        launched.close()


class Visit:
    """A browser page that records console errors and refuses any request that leaves this machine."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.outside: list[str] = []

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[Visit]:
    yield from open_visit(browser, server)


@pytest.fixture
def realtime_visit(browser: Browser, realtime_server: str) -> Iterator[Visit]:
    yield from open_visit(browser, realtime_server)


def open_visit(browser: Browser, server: str) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    seen = Visit(page, server)
    page.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith((server, "data:")):
            route.continue_()
        else:
            seen.outside.append(url)
            route.abort()

    page.route("**/*", guard)
    yield seen
    context.close()
    assert seen.errors == [], f"console errors: {seen.errors}"
    assert seen.outside == [], f"requests that left this machine: {seen.outside}"


def app_routes(app: Any) -> list[tuple[str, set[str]]]:
    """Every address the app answers, with its methods (FastAPI keeps included routers as wrappers)."""
    found: list[tuple[str, set[str]]] = []

    def walk(routes: list[Any]) -> None:
        for route in routes:
            original = getattr(route, "original_router", None)
            if original is not None:
                walk(original.routes)
            elif getattr(route, "methods", None):
                found.append((route.path, set(route.methods)))

    walk(app.routes)
    return found
