"""The whole journey in a real browser: first run, intake, result, a full session, check-in, history."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.web.conftest import Visit
from tests.web.intake_steps import answer_details, answer_safety, answer_where, welcome


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
    answer_details(page, pain="4", days="30", sitting="9", yes_to=("tight hamstrings",))

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
    expect(page.get_by_text("Pain 3 before, 2 after: 1 point lower.")).to_be_visible()

    page.get_by_role("link", name="Check in", exact=True).click()
    page.locator("fieldset", has_text="Pain today").get_by_label("4", exact=True).check()
    page.get_by_label("A note (optional)").fill("better after the walk")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Saved your check-in")).to_be_visible()

    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("cell", name="better after the walk")).to_be_visible()
    expect(page.locator("svg.chart")).to_be_visible()
    visit.shot("history")
    page.get_by_role("navigation", name="Main", exact=True).get_by_role("link", name="Today").click()
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
    answer_details(page, pain="3", days="12", sitting="2")
    page.evaluate("document.getElementById('player')")  # result page
    page.goto(base + "/session")
    page.evaluate("document.getElementById('player').dataset.timeScale = '1'")
    page.locator("#before").get_by_label("5", exact=True).check()
    page.get_by_role("button", name="Begin").click()
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 1 of"))
    page.get_by_role("button", name="Pause").click()
    expect(page.locator("#phase")).to_have_text("Paused")
    page.get_by_role("button", name="Resume").click()
    page.get_by_role("button", name="Next exercise").click()
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 2 of"))
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 1 of"))
    page.get_by_role("button", name="Stop the session").click()
    page.get_by_role("dialog").get_by_role("button", name="Stop", exact=True).click()
    page.locator("#after").get_by_label("8", exact=True).check()
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_role("heading", name="Session stopped early")).to_be_visible()
    expect(page.get_by_text("counts as complete when at least half")).to_be_visible()
    expect(page.get_by_role("heading", name="Your pain is worse than before the session")).to_be_visible()
