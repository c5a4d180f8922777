"""The first week on the web: day one shows the first session alone, day two the usual Today."""

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
    tomorrow = (calendar.moment + dt.timedelta(days=1)).date().isoformat()
    assert f"PEG pain and interference scale: due {tomorrow}</a>" in later
    assert 'href="/checkin"' in later and 'href="/lessons/' in later
    assert "Due now" not in page and "<details open" not in page


def test_day_two_is_the_usual_today(dated: TestClient, calendar: Calendar) -> None:
    intake(dated)
    calendar.moment += dt.timedelta(days=1)
    page = main_of(dated.get("/").text)
    assert "Your first session" not in page and "Later this week" not in page
    assert "Next step" in page and 'href="/checkin">Check in</a>' in page
    assert 'Due now: <a href="/questionnaires/peg">' in page and "/questionnaires/rmdq" not in page


def test_after_the_first_session_day_one_is_the_usual_today(dated: TestClient) -> None:
    intake(dated)
    planned = ",".join(dict.fromkeys(re.findall(r'data-exercise="([a-z_]+)"', dated.get("/session").text)))
    form = {"csrf": csrf_of(dated), "pain_before": "3", "pain_after": "2", "token": "play-0001"}
    assert "Session complete" in dated.post("/session/complete", data={**form, "items_done": planned}).text
    page = main_of(dated.get("/").text)
    assert "Your first session" not in page and 'href="/checkin">Check in</a>' in page


def test_a_warning_sign_on_day_one_comes_first_and_offers_no_session(dated: TestClient) -> None:
    intake(dated)
    dated.post("/checkin", data={"csrf": csrf_of(dated), "pain": "5", "red_flags": ["saddle_numbness"]})
    page = main_of(dated.get("/").text)
    assert page.index("Get urgent help now") < page.index("Next step")
    assert "Your first session" not in page and 'href="/session"' not in page


def test_in_the_browser_day_one_keeps_the_rest_folded_away(visit: Visit) -> None:
    page, base = visit.page, visit.base
    welcome(page, base)
    answer_where(page, ["Neck"], "35", "No")
    answer_safety(page)
    answer_details(page, pain="3", days="12", sitting="7")
    page.get_by_role("link", name="Today", exact=True).click()
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
