"""The intake's steps as a person fills them in the browser, shared by the browser tests."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

DETAIL_QUESTIONS = ("lifting", "repeated motions", "swelling", "tight hamstrings")


def welcome(page: Page, base: str) -> None:
    page.goto(base + "/")
    expect(page.get_by_role("heading", name="Welcome to unknot")).to_be_visible()
    expect(page.locator(".notice")).to_contain_text("not a medical device")
    page.get_by_role("button", name="I understand, let's start").click()


def answer_where(page: Page, regions: list[str], age: str, trauma: str) -> None:
    for region in regions:
        page.get_by_label(region, exact=True).check()
    page.get_by_label("How old are you?").fill(age)
    page.get_by_label(trauma, exact=True).check()
    page.get_by_role("button", name="Next: safety questions").click()


SAFETY_QUESTIONS = ("spread below your knee", "spread into an arm", "osteoporosis")
# The later details a plain case answers "No" to, and the one it answers "Yes" (the floor is fine).
LATER_DETAILS = ("pregnant", "fallen", "stiff for more than 30 minutes")


def answer_safety(page: Page, yes_to: str | None = None, legs: str = "No") -> None:
    """Each red flag 'No' (or 'Yes' to the one containing `yes_to`); legs as given, arms and bones No."""
    # .all() does not wait: without this it can read the previous page and answer no flag at all.
    expect(page.get_by_role("heading", name="Safety questions")).to_be_visible()
    for group in page.locator("fieldset.flag").all():
        legend = group.locator("legend").inner_text()
        choice = "Yes" if yes_to and yes_to in legend else "No"
        group.get_by_label(choice, exact=True).check()
    page.locator("fieldset", has_text=SAFETY_QUESTIONS[0]).get_by_label(legs, exact=True).check()
    for legend in SAFETY_QUESTIONS[1:]:
        page.locator("fieldset", has_text=legend).get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Next").click()


def answer_details(page: Page, *, pain: str, days: str, sitting: str, yes_to: tuple[str, ...] = ()) -> None:
    page.get_by_label(re.compile("How bad is the pain right now")).fill(pain)
    page.get_by_label("How many days ago did it begin?").fill(days)
    page.get_by_label("About how many hours a day do you sit?").fill(sitting)
    for legend in DETAIL_QUESTIONS + LATER_DETAILS:
        answer = "Yes" if legend in yes_to else "No"
        page.locator("fieldset", has_text=legend).get_by_label(answer, exact=True).check()
    floor = "No" if "no floor" in yes_to else "Yes"
    page.locator("fieldset", has_text="down to the floor").get_by_label(floor, exact=True).check()
    page.get_by_role("button", name="See my result").click()
