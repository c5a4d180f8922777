"""Accessibility and layout in a real browser: keyboard only, phone width, contrast, reduced motion."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.conftest import Served, Visit, signed_in
from tests.web.intake_steps import answer_details, answer_safety, answer_where, welcome

PAGES = [
    "/",
    "/result",
    "/session",
    "/checkin",
    "/history",
    "/exercises",
    "/exercises/cat_cow",
    "/relief",
    "/relief/cold",
    "/settings",
    "/intake",
]

CONTRAST_JS = """
() => {
  const parse = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return m.length > 3 ? m : [...m, 1]; };
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0.5) return c; }
    return parse(getComputedStyle(document.body).backgroundColor); };
  const failures = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || getComputedStyle(el).visibility === "hidden") continue;
    const style = getComputedStyle(el), fg = parse(style.color), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x), ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) failures.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return failures;
}
"""


def self_care_intake(page: Page, base: str) -> None:
    welcome(page, base)
    answer_where(page, ["Lower back", "Neck"], "47", "No")
    answer_safety(page)
    answer_details(page, pain="5", days="40", sitting="8")
    page.goto(base + "/checkin")
    page.locator("fieldset", has_text="Pain today").get_by_label("5", exact=True).check()
    page.get_by_role("button", name="Save check-in").click()


def tab_to(page: Page, selector: str, presses: int = 80) -> None:
    """Press Tab until the focused element matches `selector` (fails if it is never reached)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"keyboard focus never reached {selector}")


def test_keyboard_only_from_welcome_to_a_safety_answer(visit: Visit) -> None:
    page, base = visit.page, visit.base
    page.goto(base + "/")
    tab_to(page, "a.skip")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="About your back")).to_be_visible()
    tab_to(page, "input[value=neck]")
    page.keyboard.press("Space")
    tab_to(page, "#age")
    page.keyboard.type("44")
    tab_to(page, "input[name=trauma]")
    page.keyboard.press("Space")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused control shows where the focus is"
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Safety questions")).to_be_visible()
    flags = page.locator("fieldset.flag").count()
    for _ in range(flags):  # Tab reaches each question; an arrow key moves from Yes to No
        tab_to(page, "input[name^=flag_][value=yes]")
        page.keyboard.press("ArrowRight")
    assert page.locator("input[name^=flag_][value=no]:checked").count() == flags == 14
    tab_to(page, "input[name=leg_symptoms][value=none]")
    page.keyboard.press("Space")
    for field in ("arm_symptoms", "osteoporosis"):
        tab_to(page, f"input[name={field}][value=yes]")
        page.keyboard.press("ArrowRight")
    assert page.locator("input[name=osteoporosis][value=no]").is_checked()
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="A few details")).to_be_visible()


def test_keyboard_controls_the_session_player(visit: Visit) -> None:
    page, base = visit.page, visit.base
    self_care_intake(page, base)
    page.goto(base + "/session")
    page.evaluate("document.getElementById('player').dataset.timeScale = '1'")
    tab_to(page, "input[name=before]")
    page.keyboard.press("ArrowRight")
    tab_to(page, "#begin")
    page.keyboard.press("Enter")
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 1 of"))
    page.keyboard.press("Enter")  # focus starts on Pause
    expect(page.locator("#phase")).to_have_text("Paused")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 2 of"))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_main_pages_meet_wcag_aa_contrast(visit: Visit, theme: str) -> None:
    page, base = visit.page, visit.base
    self_care_intake(page, base)
    page.goto(base + "/settings")
    page.get_by_label("Dark" if theme == "dark" else "Light", exact=True).check()
    page.get_by_role("button", name="Save settings").click()
    for path in PAGES:
        page.goto(base + path)
        assert page.evaluate(CONTRAST_JS) == [], f"{theme} {path}"
    visit.shot(f"intake-{theme}")


LABEL_ABOVE_ITS_INPUT_JS = """() => [...document.querySelectorAll('form input[id]:not([type=hidden])')]
  .map(input => [input.id, document.querySelector(`label[for="${input.id}"]`).getBoundingClientRect(),
                 input.getBoundingClientRect()])
  .filter(([, label, box]) => !(label.bottom <= box.top + 1 && Math.abs(label.left - box.left) < 2))
  .map(([id]) => id)"""


@pytest.mark.parametrize("width", [375, 1280])
def test_each_setting_sits_under_its_own_label(browser: Browser, server: Served, width: int) -> None:
    page = signed_in(browser, server, viewport={"width": width, "height": 900})
    page.goto(server + "/settings")
    assert page.locator("form input[id]:not([type=hidden])").count() >= 5
    assert page.evaluate(LABEL_ABOVE_ITS_INPUT_JS) == []
    page.context.close()


WORDS_BROKEN_IN_TABLES_JS = """() => [...document.querySelectorAll('table th, table td')]
  .flatMap(cell => [...cell.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
  .flatMap(node => node.textContent.trim().split(/\\s+/).map(word => [node, word]))
  .filter(([node, word]) => {
    const start = node.textContent.indexOf(word), range = document.createRange();
    range.setStart(node, start); range.setEnd(node, start + word.length);
    return range.getClientRects().length > 1;
  }).map(([, word]) => word)"""


def test_tables_keep_their_words_whole_on_a_phone(browser: Browser, server: Served) -> None:
    page = signed_in(browser, server, viewport={"width": 375, "height": 740}, is_mobile=True)
    self_care_intake(page, server)
    page.goto(server + "/checkin")
    page.locator("label.scale-point", has_text="4").first.click()
    page.get_by_label("A note (optional)").fill(
        "Stiffness after gardening, physiotherapy appointment tomorrow"
    )
    page.locator("form button[type=submit]").click()
    page.goto(server + "/history")
    assert page.locator("table td").count() > 0
    assert page.evaluate(WORDS_BROKEN_IN_TABLES_JS) == []
    page.context.close()


def test_phone_width_has_no_sideways_scrolling(browser: Browser, server: Served) -> None:
    page = signed_in(browser, server, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    context = page.context
    self_care_intake(page, server)
    for path in [*PAGES, "/session"]:
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide"
    page.goto(server + "/session")
    page.locator("#before").get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Begin").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(
        path=str(__import__("tests.web.conftest", fromlist=["ARTIFACTS"]).ARTIFACTS / "session-phone.png")
    )
    context.close()


# Where the animated figure's moving parts are drawn now (their boxes on the screen, summed).
MOVING_PART = """() => {
  let sum = 0;
  for (const part of document.querySelectorAll('svg.figure.animated path:has(> animate)')) {
    const box = part.getBoundingClientRect();
    sum += box.x + box.y + box.width + box.height;
  }
  return [Math.round(sum)];
}"""


def test_the_figure_moves_and_reduced_motion_holds_it_still(browser: Browser, server: Served) -> None:
    moving = signed_in(browser, server, reduced_motion="no-preference")
    moving.goto(server + "/exercises/cat_cow")
    moving.wait_for_load_state("load")
    assert moving.evaluate("document.querySelector('svg.figure.animated').animationsPaused()") is False
    seen = {tuple(moving.evaluate(MOVING_PART))}
    for _ in range(6):
        moving.wait_for_timeout(400)
        seen.add(tuple(moving.evaluate(MOVING_PART)))
    assert len(seen) >= 3, "the figure moves between its keyframes"
    moving.context.close()
    still = signed_in(browser, server, reduced_motion="reduce")
    still.goto(server + "/exercises/cat_cow")
    still.wait_for_load_state("load")
    assert still.evaluate("document.querySelector('svg.figure.animated').animationsPaused()") is True
    first = still.evaluate(MOVING_PART)
    still.wait_for_timeout(1200)
    assert still.evaluate(MOVING_PART) == first, "reduced motion: the first keyframe, still"
    assert still.evaluate("document.querySelector('svg.figure.animated').getCurrentTime()") == 0


def test_heat_timer_needs_every_check_and_alerts_at_the_end(visit: Visit) -> None:
    page, base = visit.page, visit.base
    page.goto(base + "/relief/heat?minutes=10")
    start = page.get_by_role("button", name="Start 10 minutes")
    expect(start).to_be_disabled()
    boxes = page.locator("input.check")
    for index in range(boxes.count()):
        expect(start).to_be_disabled()
        boxes.nth(index).check()
    expect(start).to_be_enabled()
    start.click()
    expect(page.get_by_role("alert")).to_contain_text("Time is up", timeout=15_000)
    visit.shot("therapy-done")


def test_a_double_start_runs_one_timer_and_the_checks_go_away(realtime_visit: Visit) -> None:
    """A double click on Start used to start two timers: after Stop, the second said "Time is up"."""
    page, base = realtime_visit.page, realtime_visit.base
    page.clock.install()
    page.goto(base + "/relief/heat?minutes=10")
    boxes = page.locator("input.check")
    for index in range(boxes.count()):
        boxes.nth(index).check()
    page.evaluate(
        "() => { const form = document.getElementById('checks'); form.requestSubmit(); form.requestSubmit(); }"
    )
    expect(page.locator("#checks")).to_be_hidden()
    page.clock.run_for(2_000)
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("alert")).to_have_text(re.compile("Stopped"))
    page.clock.run_for(11 * 60 * 1000)
    expect(page.get_by_role("alert")).not_to_contain_text("Time is up")


def test_library_filters_in_the_browser(visit: Visit) -> None:
    page, base = visit.page, visit.base
    page.goto(base + "/exercises")
    page.get_by_label("Muscle group").select_option("hamstrings")
    page.get_by_label("Position").select_option("lying")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("status")).to_contain_text("exercises")
    names = page.locator(".exercise-card .name").all_inner_texts()
    assert names and all(
        "hamstring" in n.lower() or "knee" in n.lower() or "bridge" in n.lower() for n in names
    )
    page.get_by_role("link", name=names[0]).click()
    expect(page.get_by_role("img", name=f"{names[0]}: the movement")).to_be_visible()
    expect(page.get_by_role("img", name=f"{names[0]}: start and end", exact=False).first).to_be_visible()
    visit.shot("exercise")
