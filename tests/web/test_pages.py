"""Every page answers, forms refuse bad input with a clear message, and nothing is half-written."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import app_routes, csrf_of
from unknot.content.schema import Library
from unknot.services import checkins

PAGES = [
    "/",
    "/intake",
    "/result",
    "/session",
    "/checkin",
    "/history",
    "/exercises",
    "/relief",
    "/relief/heat",
    "/relief/cold",
    "/settings",
    "/camera",
    "/exercises/cat_cow",
]


SAFE = {"leg_symptoms": "none", "arm_symptoms": "no", "osteoporosis": "no"}
PLAIN = {
    "pain_now": "4",
    "duration_days": "20",
    "sitting_hours": "8",
    "lifting_strain": "no",
    "repetitive_load": "no",
    "inflammation_signs": "no",
    "hamstrings_tight": "yes",
    "pregnant": "no",
    "floor_ok": "yes",
    "falls_last_year": "no",
    "morning_stiffness": "no",
}


def intake(
    client: TestClient,
    flags: dict[str, str] | None = None,
    safety: dict[str, str] | None = None,
    **details: str,
) -> str:
    """The three steps as the browser posts them (each step carries the answers before it)."""
    token = csrf_of(client)
    base: dict[str, object] = {"csrf": token, "regions": ["lower_back"], "age": "38", "trauma": "none"}
    step2 = client.post("/intake/safety", data=base)
    assert step2.status_code == 200
    ids = re.findall(r'name="flag_([a-z_]+)" value="yes"', step2.text)
    answers = {f"flag_{i}": (flags or {}).get(i, "no") for i in ids} | SAFE | (safety or {})
    step3 = client.post("/intake/details", data={**base, **answers})
    if step3.history:  # emergency: straight to the result
        return step3.text
    assert step3.status_code == 200, step3.text
    carried = re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', step3.text)
    form: dict[str, object] = {}
    for name, value in carried:
        form.setdefault(name, [])
        form[name].append(value)  # type: ignore[union-attr]
    return client.post("/intake/finish", data={**form, **(PLAIN | details)}).text


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert "<h1>" in response.text


def test_every_claim_on_the_result_names_its_sources(client: TestClient, library: Library) -> None:
    intake(client)
    page = client.get("/result").text
    causes = re.findall(r"<dt>([^<]+)</dt>", page)
    items = re.findall(r'<a href="/exercises/([a-z0-9_]+)">', page)
    assert causes and items
    assert page.count('<details class="sources">') == len(causes) + len(items) + 1  # and the relief
    first = next(c for c in library.causes.values() if c.name == causes[0])
    assert html.escape(library.citations(first.sources)[0], quote=True) in page


def test_no_page_sends_a_visitor_to_the_terminal(client: TestClient) -> None:
    """What the web shows says what to do on the web (a button), not a command to type."""
    command = re.compile(r"\bunknot (start|session|today|checkin|history|cleared)\b")
    before = {path: client.get(path).text for path in PAGES}
    assert "answer the questions first" in before["/session"]
    intake(client)
    after = {path: client.get(path).text for path in PAGES}
    for path, text in [*before.items(), *after.items()]:
        assert not command.search(text), path


def test_unknown_pages_and_exercises_are_404(client: TestClient) -> None:
    assert client.get("/exercises/moonwalk").status_code == 404
    assert client.get("/nowhere").status_code == 404


def test_intake_saves_and_today_shows_the_plan(client: TestClient) -> None:
    page = intake(client)
    assert "Self-care looks reasonable" in page and "Long hours of sitting" in page
    today = client.get("/")
    assert "Welcome to unknot" in today.text  # the welcome still comes first on a first run
    client.post("/welcome", data={"csrf": csrf_of(client)})
    assert "Your daily programme" in client.get("/").text


def test_intake_step_errors_name_the_field_and_keep_the_answers(client: TestClient) -> None:
    token = csrf_of(client)
    response = client.post(
        "/intake/safety", data={"csrf": token, "regions": ["neck"], "age": "12", "trauma": "none"}
    )
    assert response.status_code == 400
    assert "age: " in response.text and 'value="12"' in response.text
    none = client.post("/intake/safety", data={"csrf": token, "age": "40", "trauma": "none"})
    assert none.status_code == 400 and "regions: " in none.text


def test_unanswered_safety_questions_are_refused(client: TestClient) -> None:
    token = csrf_of(client)
    base = {"csrf": token, "regions": ["neck"], "age": "40", "trauma": "minor"}
    response = client.post("/intake/details", data={**base, "flag_saddle_numbness": "no"})
    assert response.status_code == 400 and "please answer every question" in response.text
    assert client.get("/result", follow_redirects=False).status_code == 303, "nothing was saved"


def test_bad_details_are_refused_and_nothing_saved(client: TestClient) -> None:
    page = intake(client, pain_now="15")
    assert "pain_now: " in page
    assert client.get("/result", follow_redirects=False).status_code == 303


def test_emergency_goes_straight_to_the_result(client: TestClient) -> None:
    page = intake(client, flags={"bladder_bowel_change": "yes"})
    assert "Go to an emergency department now" in page
    assert "Your daily programme" not in page
    assert "No session to play" in client.get("/session").text


def test_checkin_form(client: TestClient) -> None:
    token = csrf_of(client)
    bad = client.post("/checkin", data={"csrf": token, "pain": "11"})
    assert bad.status_code == 400 and "pain: " in bad.text
    ok = client.post(
        "/checkin", data={"csrf": token, "pain": "6", "note": "hmm", "red_flags": ["fever_or_unwell"]}
    )
    assert "Saved your check-in" in ok.text and "Time to see a professional" in ok.text
    assert "take your unknot report" in ok.text and "before starting exercises" not in ok.text
    again = client.post("/checkin", data={"csrf": token, "pain": "5", "stiffness": "3"})
    assert "Replaced the check-in" in again.text
    history = client.get("/history").text
    assert '<svg class="chart"' in history and "<td>5</td>" in history


def test_session_complete_checks_its_input(client: TestClient) -> None:
    intake(client)
    token = csrf_of(client)
    form = {"csrf": token, "pain_before": "3", "pain_after": "2", "token": "play-0001"}
    assert client.post("/session/complete", data={**form, "items_done": "moonwalk"}).status_code == 400
    assert client.post("/session/complete", data={**form, "pain_after": "x"}).status_code == 400
    page = client.get("/session").text
    planned = list(dict.fromkeys(re.findall(r'data-exercise="([a-z_]+)"', page)))
    assert len(planned) >= 4
    one = client.post("/session/complete", data={**form, "items_done": planned[0]})
    assert one.status_code == 200 and "Session stopped early" in one.text
    half = ",".join(planned[: (len(planned) + 1) // 2])
    done = client.post("/session/complete", data={**form, "token": "play-0002", "items_done": half})
    assert done.status_code == 200 and "Session complete" in done.text
    again = client.post("/session/complete", data={**form, "token": "play-0002", "items_done": half})
    assert again.status_code == 200, "a resent form is answered, not refused"
    assert len(exports_of(client)["sessions"]) == 2, "the same play is saved once"
    assert "<td>1</td>" in client.get("/history").text


def exports_of(client: TestClient) -> dict[str, Any]:
    return json.loads(client.get("/export/json").text)  # type: ignore[no-any-return]


def test_therapy_timer_never_past_twenty_minutes(client: TestClient) -> None:
    assert 'data-seconds="900"' in client.get("/relief/heat").text
    assert 'data-seconds="1200"' in client.get("/relief/cold?minutes=20").text
    too_long = client.get("/relief/heat?minutes=25")
    assert too_long.status_code == 400 and "never more" in too_long.text
    assert client.get("/relief/sauna").status_code == 400
    not_a_number = client.get("/relief/heat?minutes=abc")  # a page naming the field, not FastAPI's JSON
    assert not_a_number.status_code == 400 and not_a_number.headers["content-type"].startswith("text/html")
    assert "minutes:" in not_a_number.text


def test_library_filters(client: TestClient) -> None:
    page = client.get("/exercises?target=neck&position=seated").text
    assert "Seated neck rolls" in page and "Cat-cow" not in page
    assert client.get("/exercises?target=knee").status_code == 400
    detail = client.get("/exercises/seated_hamstring_stretch").text
    assert '<svg class="figure animated"' in detail and '<svg class="figure pair side"' in detail
    assert "<title" in detail and "doi.org" in detail
    assert "Orange: the muscles it works." in detail


def test_the_library_and_today_show_each_exercise_drawn(client: TestClient, library: Library) -> None:
    page = client.get("/exercises").text
    assert page.count('<svg class="figure small"') == len(library.exercises)
    intake(client)
    client.post("/welcome", data={"csrf": csrf_of(client)})
    today = client.get("/").text
    items = re.findall(r'<a href="/exercises/([a-z_]+)" class="plan-figure"', today)
    assert items and today.count('<svg class="figure small"') == len(items)


def test_the_programme_downloads_as_a_pdf_once_there_is_a_plan(client: TestClient) -> None:
    before = client.get("/programme.pdf")
    assert before.headers["content-type"].startswith("text/html") and "Programme" in before.text
    intake(client)
    client.post("/welcome", data={"csrf": csrf_of(client)})
    assert 'href="/programme.pdf"' in client.get("/").text
    printed = client.get("/programme.pdf")
    assert printed.status_code == 200 and printed.headers["content-type"] == "application/pdf"
    assert printed.headers["content-disposition"].startswith('attachment; filename="unknot-programme-')
    assert printed.content.startswith(b"%PDF")


def test_settings_save_and_theme(client: TestClient) -> None:
    token = csrf_of(client)
    saved = client.post("/settings", data={"csrf": token, "theme": "dark", "session_time": "07:30"})
    assert saved.status_code == 200 and "Saved." in saved.text
    assert 'data-theme="dark"' in saved.text
    assert 'id="voice-toggle"' not in saved.text
    bad = client.post("/settings", data={"csrf": token, "theme": "pink", "session_time": "07:30"})
    assert bad.status_code == 400 and "theme: " in bad.text


def test_cached_pages_follow_writes_from_another_process(client: TestClient, home: object) -> None:
    """The CLI (another process) writes a check-in; the history page shows it at once."""
    import subprocess
    import sys

    assert "Nothing recorded yet" in client.get("/history").text
    assert "Nothing recorded yet" in client.get("/history").text  # now served from the cache
    subprocess.run(
        [sys.executable, "-m", "unknot", "checkin", "--pain", "7", "--note", "from the terminal"],
        check=True,
        capture_output=True,
    )
    assert "from the terminal" in client.get("/history").text


def test_history_pages_sixty_days_at_a_time(client: TestClient) -> None:
    ctx = client.app.state.context  # type: ignore[attr-defined]
    start = ctx.today() - dt.timedelta(days=69)
    for n in range(70):
        checkins.log(ctx, n % 11, date_text=(start + dt.timedelta(days=n)).isoformat())
    first = client.get("/history").text
    rows = re.findall(r'<th scope="row"><time datetime="([0-9-]+)">', first)
    assert len(rows) == 60 and "page 1 of 2" in first
    assert "60 days with entries a page" in first and "the chart shows the last 90" in first
    assert rows[0] == ctx.today().isoformat() and start.isoformat() not in rows
    assert 'href="/history?page=2"' in first and "Newer days" not in first
    second = client.get("/history?page=2").text
    older = re.findall(r'<th scope="row"><time datetime="([0-9-]+)">', second)
    assert len(older) == 10 and older[-1] == start.isoformat()
    assert 'href="/history?page=1"' in second and "Older days" not in second
    for bad in ("3", "0", "two"):
        refused = client.get(f"/history?page={bad}")
        assert refused.status_code == 400
        assert f"page: must be a whole number from 1 to 2, not &#39;{bad}&#39;" in refused.text


# A value for each parameter a page's address takes (a new one fails the test below until added).
SAMPLE_PARAMETERS = {
    "kind": "heat",
    "exercise_id": "cat_cow",
    "name": "rmdq",
    "format_": "csv",
    "suffix": "html",
    "lesson_id": "hurt_not_harm",
}


def test_no_page_load_writes_to_the_database(client: TestClient, home: object) -> None:
    """Every GET address of the app, with a journal to show and break events waiting in the outbox."""
    from pathlib import Path

    from unknot.reminders import files

    intake(client, pain_now="4")
    token = csrf_of(client)
    client.post("/welcome", data={"csrf": token})
    client.post("/checkin", data={"csrf": token, "pain": "4", "red_flags": ["fever_or_unwell"]})
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    files.append_event(Path(str(home)), {"at": now, "kind": "taken", "n": 1})
    ctx = client.app.state.context  # type: ignore[attr-defined]
    before = ctx.revision()
    addresses = [path for path, methods in app_routes(client.app) if "GET" in methods]
    for template in addresses:
        address = template
        for name in re.findall(r"{(\w+)}", template):
            address = address.replace(f"{{{name}}}", SAMPLE_PARAMETERS[name])
        assert client.get(address).status_code == 200, address
        assert ctx.revision() == before, f"GET {address} wrote to the database"
    assert len(addresses) >= 15
