"""Offline, in real Chromium: the service worker installs, and while the app is stopped the browser
opens the saved Today and session pages and the offline page for any other; a new launch, with its
new address, takes over again. Nothing is fetched from outside this machine."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, expect

from tests.strategies import base_answers
from tests.web.conftest import FAST, Served, Visit, _free_port, open_visit, start_app
from tests.web.test_browser_access import CONTRAST_JS
from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import SystemClock
from unknot.services import intake, open_context, preferences
from unknot.settings import Settings

STATIC = Path(__file__).resolve().parents[2] / "src" / "unknot" / "web" / "static"
NOT_RUNNING = "The unknot app on this computer is not running."
SAVED_COPY = "the copy saved when you last opened this page"
REFUSED = "Failed to load resource: the server responded with a status of 401 (Unauthorized)"

CACHED = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    const urls = (await (await caches.open(name)).keys()).map((r) => new URL(r.url));
    found[name] = urls.map((u) => u.pathname + u.search).sort();
  }
  return found;
}"""
SAVED_TODAY_SAYS = (
    "(text) => caches.match('/').then((r) => r && r.text()).then((t) => !!t && t.includes(text))"
)
# Every stylesheet and script the page names, asked for again (through the worker): all answer.
ASSETS_LOAD = """async () => {
  const named = [...document.querySelectorAll("script[src], link[rel=stylesheet]")];
  const answers = await Promise.all(named.map((el) => fetch(el.src || el.href).then((r) => r.ok)));
  const styled = [...document.styleSheets].every((s) => s.cssRules.length > 0);
  return named.length > 0 && answers.every(Boolean) && styled;
}"""


class Restartable:
    """The app under uvicorn on one port, stopped and started again by the test as a person quits
    `unknot serve` and runs it again: each start is a new launch, with a new token."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.address = f"http://127.0.0.1:{_free_port()}"
        self.token = ""
        self.running: tuple[uvicorn.Server, threading.Thread] | None = None

    @property
    def login(self) -> str:
        return self.served.login

    @property
    def served(self) -> Served:
        served = Served(self.address)
        served.token = self.token
        return served

    def start(self) -> None:
        server, thread, self.token = start_app(self.settings, int(self.address.rsplit(":", 1)[1]))
        self.running = (server, thread)

    def stop(self) -> None:
        if self.running is None:
            return
        server, thread = self.running
        server.should_exit = True
        thread.join(timeout=10)
        assert not thread.is_alive(), "the app did not stop"
        self.running = None


@pytest.fixture
def app(home: Path) -> Iterator[Restartable]:
    """A journal with a plan (the welcome read), served on a port of its own."""
    ctx = open_context(Settings(home=home), SystemClock(), default_library())
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    preferences.change(ctx, {"seen_welcome": "on"})
    ctx.close()
    served = Restartable(Settings(home=home, time_scale=FAST))
    served.start()
    yield served
    served.stop()


@pytest.fixture
def installed(browser: Browser, app: Restartable) -> Iterator[Visit]:
    """A signed-in page (with `visit`'s guards) whose service worker is installed and in control."""
    visits = open_visit(browser, app.served)
    seen = next(visits)
    assert seen.page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)") == app.address + "/"
    seen.page.wait_for_function("navigator.serviceWorker.controller?.state === 'activated'")
    yield seen
    next(visits, None)


def shell_files() -> list[str]:
    return sorted(
        "/static/" + path.relative_to(STATIC).as_posix()
        for path in STATIC.rglob("*")
        if path.is_file() and path.name != "sw.js" and not path.is_relative_to(STATIC / "vendor")
    )


def test_the_worker_keeps_the_apps_files_and_only_today_and_the_session(installed: Visit) -> None:
    cached = installed.page.evaluate(CACHED)
    assert sorted(cached.values()) == sorted([["/", "/session"], shell_files()])


def test_with_the_app_stopped_today_and_the_session_open_from_their_saved_copies(
    installed: Visit, app: Restartable
) -> None:
    page = installed.page
    today = page.locator("h1").inner_text()
    assert today.startswith("Today")
    expect(page.locator("#not-running")).to_have_count(0)
    app.stop()

    page.reload()
    expect(page.locator("h1")).to_have_text(today)
    expect(page.locator("#not-running")).to_contain_text(NOT_RUNNING)
    expect(page.get_by_text(SAVED_COPY)).to_be_visible()
    assert page.evaluate(CONTRAST_JS) == []
    installed.shot("offline-saved-today")
    page.goto(app.address + "/session")
    expect(page.locator("h1")).to_have_text("Today's session")
    expect(page.locator("#not-running")).to_contain_text(NOT_RUNNING)
    assert page.evaluate(ASSETS_LOAD), "the session page's styles and scripts come from the saved files"
    expect(page.locator("#begin")).to_be_visible()

    for other in ("/history", "/session?again=1", "/settings"):  # never a saved page for another address
        page.goto(app.address + other)
        expect(page.locator("h1")).to_have_text("unknot is not running")
        expect(page.locator("#not-running")).to_contain_text(NOT_RUNNING)
        expect(page.get_by_text(SAVED_COPY)).to_be_hidden()
        assert page.url == app.address + other
    assert page.evaluate(ASSETS_LOAD)
    for scheme in ("light", "dark"):  # the offline page follows the system's theme
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate(CONTRAST_JS) == [], scheme
        installed.shot(f"offline-page-{scheme}")
    page.get_by_role("link", name="Today", exact=True).click()  # the offline page has no navigation
    expect(page.locator("h1")).to_have_text(today)


def test_a_new_launch_takes_over_and_the_saved_copies_follow_the_journal(
    installed: Visit, app: Restartable
) -> None:
    page = installed.page
    app.stop()
    app.start()  # a new launch: the old session cookie is refused, as without the worker
    page.goto(app.address + "/")
    expect(page.locator("h1")).to_have_text("Open unknot from the address it printed")
    installed.errors.remove(REFUSED)  # the browser notes the 401 in the console

    page.goto(app.login)
    expect(page.locator("h1")).to_contain_text("Today")
    page.goto(app.address + "/checkin")
    page.locator("fieldset", has_text="Pain today").get_by_label("5", exact=True).check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Saved your check-in")).to_be_visible()
    page.goto(app.address + "/")
    expect(page.locator("details.later")).to_contain_text("Today's check-in: done (pain 5)")
    page.wait_for_function(SAVED_TODAY_SAYS, arg="Today's check-in: done (pain 5)")
    cached = page.evaluate(CACHED)
    assert sorted(cached.values()) == sorted([["/", "/session"], shell_files()]), "no POST answer kept"

    app.stop()
    page.reload()
    expect(page.locator("details.later")).to_contain_text("Today's check-in: done (pain 5)")
    expect(page.get_by_text(SAVED_COPY)).to_be_visible()


def test_downloads_still_arrive_with_the_worker_in_control(installed: Visit, app: Restartable) -> None:
    page = installed.page
    page.goto(app.address + "/progress")
    with page.expect_download() as download:
        page.get_by_role("link", name="Full backup (JSON)").click()
    assert download.value.suggested_filename == "unknot-journal.json"
    backup = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert backup["format"] == "unknot-journal" and backup["assessments"]
