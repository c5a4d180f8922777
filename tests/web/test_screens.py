"""Every page as people see it: on a phone (375 px) and a desktop (1280 px), light and dark.

Screenshots are kept in tests/artifacts/screens/ (CI keeps them); each page is checked with axe-core
(shipped in the axe-playwright-python test dependency, nothing fetched) for serious violations, and
on a phone the bottom tab bar and the player's controls are within the first screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.strategies import base_answers
from tests.web.conftest import ARTIFACTS, Served, serve, signed_in
from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock, SystemClock
from unknot.services import checkins, intake, open_context, preferences, progress, sessions
from unknot.settings import Settings

SCREENS = ARTIFACTS / "screens"
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
PAGES = [
    "/",
    "/session",
    "/checkin",
    "/history",
    "/progress",
    "/exercises",
    "/exercises/{exercise}",
    "/lessons",
    "/lessons/{lesson}",
    "/relief",
    "/relief/heat",
    "/settings",
    "/more",
    "/camera",
    "/posture",
    "/result",
    "/questionnaires/{questionnaire}",
    "/intake",
]
SERIOUS = {"serious", "critical"}
_axe = Axe()


def keep_a_journal(home: Path) -> dict[str, str]:
    """Three weeks of a person's use: an assessment, check-ins, sessions and a questionnaire."""
    three_weeks_ago = FixedClock(dt.datetime.now().astimezone() - dt.timedelta(days=21))
    then = open_context(Settings(home=home), three_weeks_ago, default_library())
    answers = base_answers(regions=["lower_back", "neck"], hamstrings_tight="yes", sitting_hours=8)
    intake.save_assessment(then, answers_from_dict(answers))
    then.close()
    ctx = open_context(Settings(home=home), SystemClock(), default_library())
    preferences.change(ctx, {"seen_welcome": "on", "voice": "off"})
    today = ctx.today()
    for back in range(20, 0, -1):
        day = (today - dt.timedelta(days=back)).isoformat()
        checkins.log(ctx, 2 + back // 5, 4, "walked to work" if back % 3 else "", date_text=day)
        if back % 3:
            sessions.record(ctx, date_text=day, pain_before=5, pain_after=4)
    form = next(iter(ctx.library.questionnaires.values()))
    progress.answer(ctx, form.id, [1] * len(form.items))
    names = {
        "exercise": sessions.start(ctx).plan.items[0].id,
        "lesson": next(iter(ctx.library.lessons)),
        "questionnaire": form.id,
    }
    ctx.close()
    return names


@pytest.fixture(scope="module")
def lived_in(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, dict[str, str]]]:
    home = tmp_path_factory.mktemp("screens")
    names = keep_a_journal(home)
    yield from ((served, names) for served in serve(Settings(home=home, time_scale=0.002)))


def _serious(page: Page) -> list[str]:
    page.evaluate(_axe.axe_script)
    found: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in found["violations"]
        if v["impact"] in SERIOUS
    ]


def _open(browser: Browser, served: Served, viewport: dict[str, int], scheme: str) -> Page:
    return signed_in(browser, served, viewport=viewport, color_scheme=scheme)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_page_is_accessible_and_kept_as_a_screenshot(
    browser: Browser, lived_in: tuple[Served, dict[str, str]], size: str, scheme: str
) -> None:
    served, names = lived_in
    page = _open(browser, served, PHONE if size == "phone" else DESKTOP, scheme)
    SCREENS.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {}
    for path in PAGES:
        address = path.format(**names)
        response = page.goto(served + address)
        assert response is not None and response.status == 200, address
        page.evaluate("document.fonts.ready")
        name = address.strip("/").replace("/", "-") or "today"
        page.screenshot(path=str(SCREENS / f"{name}-{size}-{scheme}.png"), full_page=True)
        if found := _serious(page):
            problems[address] = found
    page.context.close()
    assert problems == {}


def _within_first_screen(page: Page, selector: str) -> None:
    expect(page.locator(selector)).to_be_visible()
    box = page.locator(selector).bounding_box()
    for _ in range(50):  # on a loaded machine a large animated figure can be mid-layout: ask again
        if box is not None:
            break
        page.wait_for_timeout(100)
        box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not shown"
    height = page.viewport_size["height"] if page.viewport_size else 0
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"{selector} at {box}, screen {height} px"


def test_on_a_phone_the_tab_bar_is_on_the_first_screen_and_the_top_links_are_not(
    browser: Browser, lived_in: tuple[Served, dict[str, str]]
) -> None:
    served, _ = lived_in
    page = _open(browser, served, PHONE, "light")
    page.goto(served + "/history")
    tabs = page.get_by_role("navigation", name="Main, for small screens")
    for label in ("Today", "Session", "Progress", "Learn", "More"):
        expect(tabs.get_by_role("link", name=label)).to_be_visible()
    _within_first_screen(page, ".tabbar")
    expect(page.get_by_role("navigation", name="Main", exact=True)).to_be_hidden()
    expect(tabs.get_by_role("link", name="More")).to_have_attribute("aria-current", "page")
    tabs.get_by_role("link", name="More").click()
    expect(page.get_by_role("link", name="History")).to_be_visible()
    page.context.close()


def test_on_a_desktop_the_top_navigation_shows_and_the_tab_bar_does_not(
    browser: Browser, lived_in: tuple[Served, dict[str, str]]
) -> None:
    served, _ = lived_in
    page = _open(browser, served, DESKTOP, "light")
    page.goto(served + "/progress")
    top = page.get_by_role("navigation", name="Main", exact=True)
    expect(top.get_by_role("link", name="Progress")).to_have_attribute("aria-current", "page")
    expect(page.locator(".tabbar")).to_be_hidden()
    page.context.close()


def test_on_a_phone_the_player_fills_the_screen_with_its_controls_in_reach(
    browser: Browser, lived_in: tuple[Served, dict[str, str]]
) -> None:
    served, _ = lived_in
    page = _open(browser, served, PHONE, "dark")
    page.clock.install()
    page.goto(served + "/session")
    page.locator("#before").get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Begin").click()
    for control in ("#pause", "#next", "#back", "#stop", "#countdown", "#playing svg.figure >> visible=true"):
        _within_first_screen(page, control)
    page.screenshot(path=str(SCREENS / "session-playing-phone-dark.png"))
    assert _serious(page) == []
    page.context.close()


AUDIT = """() => {
  const seen = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const inline = (el) => el.tagName === 'A' && el.closest('p, li, td, dd, caption, figcaption, small')
    && (el.parentElement.textContent.trim().length > el.textContent.trim().length);
  const small = [...document.querySelectorAll('a[href], button, select, summary, input:not([type=hidden])')]
    .filter((el) => seen(el) && !inline(el))
    .map((el) => { const target = el.matches('input[type=checkbox], input[type=radio]') && el.labels.length
                     ? el.labels[0] : el;
                   const r = target.getBoundingClientRect();
                   return [el.outerHTML.slice(0, 80), Math.round(r.width), Math.round(r.height)]; })
    .filter(([, w, h]) => w < 24 || h < 24);
  const texts = [...document.querySelectorAll('body *')].filter((el) => seen(el)
    && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
  const tiny = texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < 12).length;
  const viewport = document.querySelector('meta[name=viewport]');
  return {title: document.title.trim(), lang: document.documentElement.lang,
          viewport: viewport ? viewport.content : '',
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          small, legible: texts.length ? 1 - tiny / texts.length : 1};
}"""


def test_every_page_passes_the_lighthouse_style_checks_on_a_phone(
    browser: Browser, lived_in: tuple[Served, dict[str, str]]
) -> None:
    """What Lighthouse's SEO, best-practice and mobile audits ask, checked offline: a title and a
    language, a phone viewport, no sideways scrolling, targets of at least 24 px (WCAG 2.2), legible
    text, no console errors; and the browser's own verdict that the app can be installed."""
    served, names = lived_in
    page = _open(browser, served, PHONE, "light")
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    found: dict[str, Any] = {}
    for path in PAGES:
        address = path.format(**names)
        page.goto(served + address)
        audit = page.evaluate(AUDIT)
        problems = [
            *(["no title"] if not audit["title"] else []),
            *(["no language"] if audit["lang"] != "en" else []),
            *(["no phone viewport"] if "width=device-width" not in audit["viewport"] else []),
            *([f"scrolls sideways by {audit['overflow']} px"] if audit["overflow"] > 0 else []),
            *[f"small target {w}x{h}: {html}" for html, w, h in audit["small"]],
            *([f"only {audit['legible']:.0%} of text is 12 px or more"] if audit["legible"] < 0.6 else []),
        ]
        if problems:
            found[address] = problems
    assert found == {}, "\n".join(f"{a}: {p}" for a, ps in found.items() for p in sorted(set(ps)))
    assert errors == []
    page.goto(served + "/")
    cdp = page.context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [] and manifest["url"].endswith("/static/manifest.webmanifest")
    verdict = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # a test browser's context is a private one, where Chromium never offers to install
    assert [e["errorId"] for e in verdict if e["errorId"] != "in-incognito"] == []
    page.context.close()
