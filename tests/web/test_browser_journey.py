"""The whole journey in a real browser: first run, intake, result, a full session, check-in, history."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.conftest import Visit


def answer_where(page: Page, regions: list[str], age: str, trauma: str) -> None:
    for region in regions:
        page.get_by_label(region, exact=True).check()
    page.get_by_label("How old are you?").fill(age)
    page.get_by_label(trauma, exact=True).check()
    page.get_by_role("button", name="Next: safety questions").click()


def answer_safety(page: Page, yes_to: str | None = None) -> None:
    for group in page.locator("fieldset.flag").all():
        legend = group.locator("legend").inner_text()
        choice = "Yes" if yes_to and yes_to in legend else "No"
        group.get_by_label(choice, exact=True).check()
    page.get_by_role("button", name="Next").click()


def welcome(page: Page, base: str) -> None:
    page.goto(base + "/")
    expect(page.get_by_role("heading", name="Welcome to unknot")).to_be_visible()
    expect(page.locator(".notice")).to_contain_text("not a medical device")
    page.get_by_role("button", name="I understand, let's start").click()


def test_first_run_to_session_checkin_and_history(visit: Visit) -> None:
    page, base = visit.page, visit.base
    welcome(page, base)
    visit.shot("welcome-done")
    expect(page.get_by_role("heading", name="About your back")).to_be_visible()
    visit.shot("intake-where")
    answer_where(page, ["Lower back"], "41", "No")
    expect(page.get_by_role("heading", name="Safety questions")).to_be_visible()
    visit.shot("intake-safety")
    answer_safety(page)
    page.get_by_label(re.compile("How bad is the pain right now")).fill("4")
    page.get_by_label("How many days ago did it begin?").fill("30")
    page.get_by_label("About how many hours a day do you sit?").fill("9")
    for legend in ("lifting", "repeated motions", "swelling"):
        page.locator("fieldset", has_text=legend).get_by_label("No", exact=True).check()
    page.locator("fieldset", has_text="tight hamstrings").get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="See my result").click()

    expect(page.get_by_role("heading", name="Self-care looks reasonable")).to_be_visible()
    expect(page.get_by_text("Long hours of sitting").first).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Your daily programme"))).to_be_visible()
    visit.shot("result")

    page.get_by_role("link", name="Start today's session").click()
    expect(page.get_by_role("button", name="Begin")).to_be_disabled()
    page.locator("#before").get_by_label("3", exact=True).check()
    visit.shot("session-before")
    page.get_by_role("button", name="Begin").click()
    expect(page.locator("#exercise-name")).not_to_be_empty()
    expect(page.locator("#playing svg.figure").first).to_be_attached()
    visit.shot("session-playing")
    expect(page.get_by_role("heading", name=re.compile("How bad is the pain now"))).to_be_visible(
        timeout=20_000
    )
    page.locator("#after").get_by_label("2", exact=True).check()
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_role("heading", name="Session complete")).to_be_visible()
    expect(page.get_by_text("Pain before 3, after 2")).to_be_visible()

    page.get_by_role("link", name="Check in", exact=True).click()
    page.locator("fieldset", has_text="Pain today").get_by_label("4", exact=True).check()
    page.get_by_label("A note (optional)").fill("better after the walk")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Saved your check-in")).to_be_visible()

    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("cell", name="better after the walk")).to_be_visible()
    expect(page.locator("svg.chart")).to_be_visible()
    visit.shot("history")
    page.get_by_role("link", name="Today").click()
    expect(page.get_by_text("All done for today")).to_be_visible()
    visit.shot("today")


def test_emergency_intake_stops_and_offers_no_programme(visit: Visit) -> None:
    page, base = visit.page, visit.base
    welcome(page, base)
    answer_where(page, ["Lower back", "Neck"], "55", "No")
    answer_safety(page, yes_to="genitals")
    expect(page.get_by_role("heading", name="Go to an emergency department now")).to_be_visible()
    expect(page.get_by_text("cauda equina").first).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Your daily programme"))).to_have_count(0)
    visit.shot("result-emergency")
    page.goto(base + "/session")
    expect(page.get_by_role("heading", name="No session to play")).to_be_visible()


def test_session_controls_pause_skip_back_and_stop(visit: Visit, home: object) -> None:
    page, base = visit.page, visit.base
    welcome(page, base)
    answer_where(page, ["Neck"], "30", "No")
    answer_safety(page)
    page.get_by_label(re.compile("How bad is the pain right now")).fill("3")
    page.get_by_label("How many days ago did it begin?").fill("12")
    page.get_by_label("About how many hours a day do you sit?").fill("2")
    for legend in ("lifting", "repeated motions", "swelling", "tight hamstrings"):
        page.locator("fieldset", has_text=legend).get_by_label("No", exact=True).check()
    page.get_by_role("button", name="See my result").click()
    page.evaluate("document.getElementById('player')")  # result page
    page.goto(base + "/session")
    page.evaluate("document.getElementById('player').dataset.timeScale = '1'")
    page.locator("#before").get_by_label("5", exact=True).check()
    page.get_by_role("button", name="Begin").click()
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 1 of"))
    page.get_by_role("button", name="Pause").click()
    expect(page.locator("#phase")).to_have_text("Paused")
    page.get_by_role("button", name="Resume").click()
    page.get_by_role("button", name="Next ▶").click()
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 2 of"))
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 1 of"))
    page.get_by_role("button", name="Stop the session").click()
    page.locator("#after").get_by_label("8", exact=True).check()
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_role("heading", name="Session saved")).to_be_visible()
    expect(page.get_by_role("heading", name="Your pain is worse than before the session")).to_be_visible()
