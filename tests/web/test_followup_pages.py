"""The progress page, questionnaires and downloads over HTTP."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from tests.web.conftest import csrf_of
from tests.web.test_pages import intake
from unknot.present.charts import PAIN_EMPTY, SESSIONS_EMPTY
from unknot.present.dates import date_words, period_words
from unknot.services import checkins


def test_progress_page_with_charts_and_due_questionnaires(client: TestClient) -> None:
    intake(client)
    token = csrf_of(client)
    for pain in ("6", "5"):
        client.post("/checkin", data={"csrf": token, "pain": pain})
    page = client.get("/progress").text
    assert "How it is going" in page and "Pain at the start" in page
    assert page.count('<svg class="chart"') == 2, "pain, and the sessions (of none) in its week"
    assert "PEG pain and interference scale</a>: next due tomorrow" in page  # day 2: none on day one
    assert 'href="/report.pdf"' in page and 'href="/export/fhir"' in page


def test_progress_charts_have_a_title_dated_axis_and_a_table(client: TestClient) -> None:
    empty = client.get("/progress").text
    assert PAIN_EMPTY in empty and SESSIONS_EMPTY in empty and '<svg class="chart"' not in empty
    ctx = client.app.state.context  # type: ignore[attr-defined]
    last = ctx.today()
    first = last - dt.timedelta(days=20)
    for n in range(21):
        checkins.log(ctx, 3 + n % 4, date_text=(first + dt.timedelta(days=n)).isoformat())
    page = client.get("/progress").text
    assert f"<figcaption>Pain by day, {period_words(first, last)}</figcaption>" in page
    assert '<text class="y-label"' in page and ">Pain (0\u201310)</text>" in page
    mondays = [
        first + dt.timedelta(days=n) for n in range(21) if (first + dt.timedelta(days=n)).weekday() == 0
    ]
    ticks = re.findall(r'<text class="tick-label"[^>]*text-anchor="middle">([^<]+)</text>', page)
    assert ticks[:3] == [f"{d.day} {d:%b}" for d in mondays], "three weeks: a tick each Monday"
    assert page.count("<summary>Show as a table</summary>") == 2
    assert f'<th scope="row">{date_words(last)}</th><td>{3 + 20 % 4}</td>' in page
    assert 'role="img" aria-labelledby="pain-t pain-d"' in page


def test_questionnaires_from_the_web(client: TestClient) -> None:
    token = csrf_of(client)
    incomplete = client.post("/questionnaires/peg", data={"csrf": token, "pain": "5", "enjoyment": "6"})
    assert incomplete.status_code == 400 and "answers: " in incomplete.text
    saved = client.post(
        "/questionnaires/peg", data={"csrf": token, "pain": "5", "enjoyment": "6", "activity": "4"}
    )
    assert "Saved your PEG-3" in saved.text and "5 of 10" in saved.text
    form = client.get("/questionnaires/rmdq").text
    assert form.count('name="ticked"') == 24 and "Roland and Fairbank" in form
    client.post("/questionnaires/rmdq", data={"csrf": token, "ticked": ["1", "5", "9"]})
    assert "3 of 24" in client.get("/progress").text
    assert client.get("/questionnaires/oswestry").status_code == 400
    assert client.post("/questionnaires/peg", data={"pain": "1"}).status_code == 403


def test_downloads(client: TestClient) -> None:
    intake(client)
    client.post("/checkin", data={"csrf": csrf_of(client), "pain": "5", "stiffness": "4"})
    pdf = client.get("/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert "attachment" in pdf.headers["content-disposition"]
    assert "unknot self-care summary" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "<svg" in client.get("/report.html").text
    Bundle.model_validate(json.loads(client.get("/export/fhir").content))
    assert client.get("/export/ics").text.startswith("BEGIN:VCALENDAR")
    assert client.get("/export/csv").text.startswith("date,pain")
    assert json.loads(client.get("/export/json").content)["format"] == "unknot-journal"
    assert client.get("/export/xml").status_code == 400
    assert client.get("/report.docx").status_code == 400


def test_escalation_comes_first_on_home_and_blocks_the_session_when_urgent(client: TestClient) -> None:
    intake(client)
    token = csrf_of(client)
    client.post("/welcome", data={"csrf": token})
    client.post("/checkin", data={"csrf": token, "pain": "5", "red_flags": ["progressive_leg_weakness"]})
    home = client.get("/").text
    assert home.index("Get urgent help now") < home.index("Next step")
    session = client.get("/session").text
    assert "No session to play" in session and "Get urgent help now" in session


def test_break_history_and_reminder_settings(client: TestClient, home: object) -> None:
    from pathlib import Path

    from unknot.reminders import files

    folder = Path(str(home))
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    for n, kind in enumerate(("prompted", "taken", "prompted", "snoozed", "natural", "water")):
        files.append_event(folder, {"at": now, "kind": kind, "n": n})
    files.append_event(folder, {"at": "half a line"})
    page = client.get("/progress").text
    assert "Breaks from sitting" in page
    row = page.split(dt.date.today().isoformat(), 2)[-1].split("</tr>")[0]
    assert [cell.split("<")[0] for cell in row.split("<td>")[1:]] == ["2", "1", "1", "0", "1", "1"]
    token = csrf_of(client)
    form = {
        "csrf": token,
        "theme": "system",
        "session_time": "18:00",
        "breaks_work_minutes": "45",
        "breaks_natural_minutes": "5",
        "breaks_snooze_minutes": "10",
        "water_glasses": "6",
        "standup_minutes": "0",
        "breaks_quiet_hours": "22:00-07:00",
    }
    assert client.post("/settings", data=form).status_code == 200
    assert 'value="45"' in client.get("/settings").text
    bad = client.post("/settings", data={**form, "breaks_snooze_minutes": "50"})
    assert bad.status_code == 400 and "breaks_snooze_minutes" in bad.text
