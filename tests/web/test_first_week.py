"""The first week on the web: day one shows the first session alone, day two the usual Today, and
answering the questions again starts from the last answers (never from the last safety answers)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import expect

from tests.web.conftest import FAST, Visit, csrf_of
from tests.web.intake_steps import answer_details, answer_safety, answer_where, welcome
from tests.web.test_pages import intake
from unknot.settings import Settings
from unknot.web.app import create_app


class Calendar:
    """A clock the test moves on, a day at a time."""

    def __init__(self) -> None:
        self.moment = dt.datetime.now().astimezone()

    def now(self) -> dt.datetime:
        return self.moment


@pytest.fixture
def calendar() -> Calendar:
    return Calendar()


@pytest.fixture
def dated(home: Path, calendar: Calendar) -> Iterator[TestClient]:
    """The app over HTTP on the calendar's days, signed in and past the welcome."""
    app = create_app(Settings(home=home, time_scale=FAST), clock=calendar)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        assert client.get(f"/?token={app.state.access_token}").status_code == 200
        client.post("/welcome", data={"csrf": csrf_of(client)})
        yield client


def main_of(page: str) -> str:
    return page[page.index("<main") : page.index("</main>")]


def test_day_one_shows_the_first_session_alone(dated: TestClient, calendar: Calendar) -> None:
    intake(dated)
    page = main_of(dated.get("/").text)
    assert "Your first session" in page and "It is the one thing to do today" in page
    assert re.findall(r'class="button primary big" href="([^"]+)"', page) == ["/session"]
    assert "Start your first session" in page and "Next step" not in page
    later = page[page.index('<details class="card later">') :]
    assert "PEG pain and interference scale: due tomorrow</a>" in later
    assert 'href="/checkin"' in later and 'href="/lessons/' in later
    assert "Due now" not in page and "<details open" not in page


def test_day_two_is_the_usual_today(dated: TestClient, calendar: Calendar) -> None:
    intake(dated)
    calendar.moment += dt.timedelta(days=1)
    page = main_of(dated.get("/").text)
    assert "Your first session" not in page and "Later this week" not in page
    assert "Next step" in page and re.search(r'href="/checkin">.*Check in</a>', page)
    assert 'Due now: <a href="/questionnaires/peg">' in page and "/questionnaires/rmdq" not in page


def test_after_the_first_session_day_one_is_the_usual_today(dated: TestClient) -> None:
    intake(dated)
    planned = ",".join(dict.fromkeys(re.findall(r'data-exercise="([a-z_]+)"', dated.get("/session").text)))
    form = {"csrf": csrf_of(dated), "pain_before": "3", "pain_after": "2", "token": "play-0001"}
    assert "Session complete" in dated.post("/session/complete", data={**form, "items_done": planned}).text
    page = main_of(dated.get("/").text)
    assert "Your first session" not in page and re.search(r'href="/checkin">.*Check in</a>', page)


def test_a_warning_sign_on_day_one_comes_first_and_offers_no_session(dated: TestClient) -> None:
    intake(dated)
    dated.post("/checkin", data={"csrf": csrf_of(dated), "pain": "5", "red_flags": ["saddle_numbness"]})
    page = main_of(dated.get("/").text)
    assert page.index("Get urgent help now") < page.index("Next step")
    assert "Your first session" not in page and 'href="/session"' not in page


def checked(page: str) -> list[str]:
    """The name and value of every checked box and radio button of a page."""
    inputs = re.findall(r"<input [^>]*>", page)
    return ["=".join(re.findall(r'(?:name|value)="([^"]*)"', tag)) for tag in inputs if " checked" in tag]


def test_answering_again_starts_filled_in_except_the_safety_questions(client: TestClient) -> None:
    intake(client, hamstrings_tight="no", sitting_hours="9.5")
    first = client.get("/intake").text
    assert "Your last answers are filled in" in first and "safety questions are asked afresh" in first
    assert checked(first) == ["regions=lower_back", "trauma=none"]
    assert re.search(r'id="age"[^>]* value="38"', first)
    base = {"csrf": csrf_of(client), "regions": ["lower_back"], "age": "38", "trauma": "none"}
    safety = client.post("/intake/safety", data=base).text
    assert checked(safety) == [], "no warning sign nor safety question starts answered"
    flags = {f"flag_{i}": "no" for i in re.findall(r'name="flag_([a-z_]+)" value="yes"', safety)}
    fresh = {"leg_symptoms": "one_leg", "arm_symptoms": "no", "osteoporosis": "no"}
    details = client.post("/intake/details", data={**base, **flags, **fresh}).text
    assert re.search(r'id="pain_now"[^>]* value="4"', details)
    assert re.search(r'id="sitting_hours"[^>]* value="9.5"', details)
    assert "hamstrings_tight=no" in checked(details) and "floor_ok=yes" in checked(details)
    assert '<input type="hidden" name="leg_symptoms" value="one_leg">' in details  # today's answer


def test_a_first_intake_starts_empty(client: TestClient) -> None:
    page = client.get("/intake").text
    assert checked(page) == [] and "Your last answers" not in page


def test_the_browser_shows_the_last_answers_and_blank_safety_questions(visit: Visit) -> None:
    page, base = visit.page, visit.base
    welcome(page, base)
    answer_where(page, ["Lower back"], "41", "No")
    answer_safety(page)
    answer_details(page, pain="4", days="30", sitting="9", yes_to=("tight hamstrings",))
    expect(page.get_by_role("heading", name="Self-care looks reasonable")).to_be_visible()
    page.goto(base + "/intake")
    expect(page.get_by_text("Your last answers are filled in")).to_be_visible()
    expect(page.get_by_label("Lower back", exact=True)).to_be_checked()
    expect(page.get_by_label("Neck", exact=True)).not_to_be_checked()
    expect(page.get_by_label("How old are you?")).to_have_value("41")
    page.get_by_role("button", name="Next: safety questions").click()
    expect(page.get_by_role("heading", name="Safety questions")).to_be_visible()
    radios = page.locator("main input[type=radio]")
    assert radios.count() > 10
    for index in range(radios.count()):
        expect(radios.nth(index)).not_to_be_checked()
    visit.shot("intake-again-safety")
    answer_safety(page)
    expect(page.get_by_label(re.compile("How bad is the pain right now"))).to_have_value("4")
    expect(
        page.locator("fieldset", has_text="tight hamstrings").get_by_label("Yes", exact=True)
    ).to_be_checked()
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Self-care looks reasonable")).to_be_visible()


def test_in_the_browser_day_one_keeps_the_rest_folded_away(visit: Visit) -> None:
    page, base = visit.page, visit.base
    welcome(page, base)
    answer_where(page, ["Neck"], "35", "No")
    answer_safety(page)
    answer_details(page, pain="3", days="12", sitting="7")
    page.get_by_role("navigation", name="Main", exact=True).get_by_role("link", name="Today").click()
    expect(page.get_by_role("heading", name="Your first session")).to_be_visible()
    expect(page.get_by_role("link", name="Start your first session")).to_be_visible()
    later = page.locator("details.later")
    expect(later.get_by_role("link", name=re.compile("daily check-in"))).to_be_hidden()
    expect(page.get_by_role("heading", name=re.compile("Your daily programme"))).to_be_hidden()
    visit.shot("today-first-day")
    later.locator("summary").click()
    expect(later.get_by_role("link", name=re.compile("PEG pain and interference scale: due"))).to_be_visible()
    page.get_by_role("link", name="Start your first session").click()
    expect(page.get_by_role("button", name="Begin")).to_be_visible()
