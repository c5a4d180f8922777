"""The page cache, served by uvicorn: pages kept until the journal changes (whoever writes), one
build for visitors asking at once, per-visit values put in when served, one database session and
one read of the preferences per request."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from tests.strategies import base_answers
from tests.web.conftest import Served, csrf_of
from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import SystemClock
from unknot.services import intake, open_context
from unknot.settings import Settings
from unknot.storage import repository
from unknot.web.routes import followup, pages, session

PLAY_TOKEN = re.compile(r'name="token" value="([^"]+)"')
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def assessed(home: Path) -> None:
    """An assessment saved by another process's context, as `unknot start` saves it."""
    ctx = open_context(Settings(home=home), SystemClock(), default_library())
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    ctx.close()


class Visitor:
    """A browser signed in through the app's token address."""

    def __init__(self, server: Served) -> None:
        self.server = server
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        self.opener.open(server.login, timeout=10).read()

    def get(self, path: str) -> str:
        with self.opener.open(f"{self.server}{path}", timeout=30) as response:
            assert response.status == 200, path
            text: str = response.read().decode()
            return text


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the today, session and progress pages were built (each build takes 0.3 s, so that
    visitors asking at once all ask while it is being built)."""
    counts = {"today": 0, "session": 0, "progress": 0}

    def counted(name: str, build: Callable[..., Any]) -> Callable[..., Any]:
        def slow(*args: Any) -> Any:
            counts[name] += 1
            time.sleep(0.3)
            return build(*args)

        return slow

    monkeypatch.setattr(pages, "_home", counted("today", pages._home))
    monkeypatch.setattr(session, "_session", counted("session", session._session))
    monkeypatch.setattr(followup, "_progress", counted("progress", followup._progress))
    return counts


def at_once(visitors: list[Visitor], path: str) -> list[str]:
    gate = threading.Barrier(len(visitors))
    pages_seen: list[str] = []

    def visit(visitor: Visitor) -> None:
        gate.wait()
        pages_seen.append(visitor.get(path))

    threads = [threading.Thread(target=visit, args=(v,)) for v in visitors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(pages_seen) == len(visitors)
    return pages_seen


def test_visitors_asking_at_once_share_one_build(server: Served, home: Path, builds: dict[str, int]) -> None:
    visitors = [Visitor(server) for _ in range(6)]  # each comes in on the today page
    assessed(home)  # a write: every page below must be built again
    builds.update(today=0)
    for path, name in (("/", "today"), ("/session", "session"), ("/progress", "progress")):
        seen = at_once(visitors, path)
        assert builds[name] == 1, path
        assert len({PLAY_TOKEN.sub("", page) for page in seen}) == 1, path
    again = at_once(visitors, "/session")
    assert all("Today's session" in page and CSRF.search(page) for page in again)
    tokens = {found.group(1) for page in again if (found := PLAY_TOKEN.search(page))}
    assert len(tokens) == 6 and all(re.fullmatch(r"[0-9a-f]{32}", t) for t in tokens), "one per visit"
    assert builds == {"today": 1, "session": 1, "progress": 1}, "served from the cache since"


def test_the_session_and_progress_pages_follow_writes_from_another_process(
    server: Served, home: Path, builds: dict[str, int]
) -> None:
    """`unknot checkin` (another process) reports a warning sign: both pages show it at once."""
    visitor = Visitor(server)
    assessed(home)
    for _ in range(2):
        assert "Today's session" in visitor.get("/session")
        assert "A check-in reported" not in visitor.get("/progress")
    assert builds["session"] == builds["progress"] == 1
    subprocess.run(
        [sys.executable, "-m", "unknot", "checkin", "--pain", "7", "--red-flag", "fever_or_unwell"],
        check=True,
        capture_output=True,
    )
    assert "No session to play" in visitor.get("/session")
    assert "A check-in reported" in visitor.get("/progress")
    assert builds["session"] == builds["progress"] == 2


def test_the_progress_page_follows_the_reminders_outbox(client: TestClient, home: Path) -> None:
    """The reminder daemon appends its events to a file, not the journal: the statistics count it."""
    import datetime as dt

    from unknot.reminders import files

    assert "No breaks recorded yet" in client.get("/progress").text
    assert "No breaks recorded yet" in client.get("/progress").text  # now from the cache
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    files.append_event(home, {"at": now, "kind": "taken", "n": 1})
    assert "No breaks recorded yet" not in client.get("/progress").text


@pytest.fixture
def reads(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Database transactions begun and reads of the preferences, per request."""
    counts = {"transactions": 0, "preferences": 0}
    sessions = client.app.state.context.store.sessions  # type: ignore[attr-defined]
    read = repository.preferences

    def begun(*_: Any) -> None:
        counts["transactions"] += 1

    def preferences(db: Any) -> dict[str, Any]:
        counts["preferences"] += 1
        return read(db)

    monkeypatch.setattr(repository, "preferences", preferences)
    event.listen(sessions, "after_begin", begun)
    yield counts
    event.remove(sessions, "after_begin", begun)


def test_one_session_and_one_read_of_the_preferences_per_request(
    client: TestClient, home: Path, reads: dict[str, int]
) -> None:
    assessed(home)
    token = csrf_of(client)
    for path in ("/?a=1", "/session?a=1", "/progress?a=1", "/checkin", "/history?a=1", "/settings"):
        reads.update(transactions=0, preferences=0)
        assert client.get(path).status_code == 200
        assert reads == {"transactions": 1, "preferences": 1}, path
    reads.update(transactions=0, preferences=0)
    assert client.post("/checkin", data={"csrf": token, "pain": "4"}).status_code == 200
    assert reads == {"transactions": 2, "preferences": 1}, "the write, and one session for the reads"
