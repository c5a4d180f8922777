"""Web fixtures: the real app over HTTP (in-process client) and in a real browser (Debian's Chromium)."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, Playwright, Route, sync_playwright

from unknot.settings import Settings
from unknot.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FAST = 0.002


@pytest.fixture
def client(home: Path) -> Iterator[TestClient]:
    """The app over HTTP, signed in as `unknot serve`'s address does it (`?token=`)."""
    app = create_app(Settings(home=home, time_scale=FAST))
    with TestClient(app, base_url="http://127.0.0.1:8765") as test_client:
        assert test_client.get(f"/?token={app.state.access_token}").status_code == 200
        yield test_client


@pytest.fixture
def stranger(client: TestClient) -> TestClient:
    """Another client of the same running app, without the token (another local user)."""
    return TestClient(client.app, base_url="http://127.0.0.1:8765")


def csrf_of(client: TestClient) -> str:
    """This launch's CSRF token, as a form on a page carries it."""
    found = re.search(r'name="csrf" value="([^"]+)"', client.get("/checkin").text)
    assert found
    return found.group(1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(home: Path) -> Iterator[Served]:
    """The app served by uvicorn on a free loopback port, as `unknot serve` does (timers sped up)."""
    yield from serve(Settings(home=home, time_scale=FAST))


@pytest.fixture
def realtime_server(home: Path) -> Iterator[Served]:
    """The same, with timers at their real pace (for tests that control the page's clock)."""
    yield from serve(Settings(home=home))


class Served(str):
    """The address of a running app; `.login` is the address with its token, as `unknot serve` prints."""

    token: str

    @property
    def login(self) -> str:
        return f"{self}/?token={self.token}"


def start_app(settings: Settings, port: int) -> tuple[uvicorn.Server, threading.Thread, str]:
    """A new launch of the app under uvicorn on the port, once it answers; and its access token."""
    app = create_app(settings)
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert running.started, "the app did not start"
    return running, thread, app.state.access_token


def serve(settings: Settings) -> Iterator[Served]:
    port = _free_port()
    running, thread, token = start_app(settings, port)
    served = Served(f"http://127.0.0.1:{port}")
    served.token = token
    yield served
    running.should_exit = True
    thread.join(timeout=10)


CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright per test session (a second could not start beside it), for every browser."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: install Debian's chromium (see .ci/run)")
        pytest.skip("Debian's chromium is not installed")
    with sync_playwright() as started:
        yield started


def launch(playwright: Playwright, *flags: str) -> Iterator[Browser]:
    """Debian's Chromium, headless, with the flags every browser test uses and these."""
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_FLAGS, *flags])
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    yield from launch(playwright)


@pytest.fixture(scope="session")
def fake_camera_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The squats clip as a camera's stream (360x640, 15 frames a second), made once per session."""
    from tests.web.fake_camera import SQUATS, make_y4m

    target = tmp_path_factory.mktemp("camera") / "squats.y4m"
    make_y4m(SQUATS, target)
    return target


def fake_camera_flags(video: Path) -> list[str]:
    """A camera that plays the file, without asking the person (the permission prompt said yes)."""
    return [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]


@pytest.fixture(scope="session")
def fake_camera_browser(playwright: Playwright, fake_camera_video: Path) -> Iterator[Browser]:
    """A browser whose camera films the squats clip, and whose permission prompt always says yes."""
    yield from launch(playwright, *fake_camera_flags(fake_camera_video))


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
def visit(browser: Browser, server: Served) -> Iterator[Visit]:
    yield from open_visit(browser, server)


@pytest.fixture
def realtime_visit(browser: Browser, realtime_server: Served) -> Iterator[Visit]:
    yield from open_visit(browser, realtime_server)


def signed_in(browser: Browser, server: Served, **options: Any) -> Page:
    """A new browser context that came in through the app's token address (its first page)."""
    page = browser.new_context(**options).new_page()
    page.goto(server.login)
    return page


def open_visit(browser: Browser, server: Served) -> Iterator[Visit]:
    page = signed_in(browser, server, viewport={"width": 1100, "height": 900})
    context = page.context
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

    context.route("**/*", guard)  # the context's routes also see what the service worker fetches
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
