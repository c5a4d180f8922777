"""People's words reach the terminal as plain text: no escape codes, no Rich markup (the real program)."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest

from tests.cli.helpers import run_unknot, spawn_unknot
from tests.cli.test_journal_cli import save_assessment
from unknot.present.text import plain_text

HOSTILE = "\x1b[2J\x1b]0;pwned\x07 [bold]x[/bold] [link=http://evil.example]y[/link]\x9b31m\x7f"
SHOWN = " [bold]x[/bold] [link=http://evil.example]y[/link]"


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # the note on one line of the table


def assert_plain(output: str) -> None:
    for code in ("\x1b", "\x07", "\x9b", "\x7f"):
        assert code not in output, repr(output)
    assert SHOWN in output, output


def test_plain_text_keeps_words_and_line_breaks_drops_codes() -> None:
    assert plain_text(HOSTILE) == SHOWN
    assert plain_text("Ünïcödé — 痛み 🙂\n\tsecond line\r") == "Ünïcödé — 痛み 🙂\n\tsecond line"
    assert plain_text("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b\x00\x85") == "alinkb"


def test_a_hostile_note_shows_as_plain_text_in_history() -> None:
    assert run_unknot("checkin", "--pain", "3", "--note", HOSTILE).returncode == 0
    done = run_unknot("history")
    assert done.returncode == 0, done.stderr
    assert_plain(done.stdout)


def test_in_a_real_terminal_only_unknot_styles_the_output() -> None:
    assert run_unknot("checkin", "--pain", "3", "--note", HOSTILE).returncode == 0
    child = spawn_unknot("history")
    child.expect(pexpect.EOF)
    output = child.before or ""
    for code in ("\x1b[2J", "\x1b]", "\x07", "\x9b", "[link=http://evil.example]y[/link]"):
        assert code not in output.replace(SHOWN, ""), repr(output)
    assert "[bold]x[/bold]" in output


def test_an_imported_plan_shows_its_words_as_plain_text(tmp_path: Path) -> None:
    save_assessment(tmp_path)
    assert run_unknot("session", "--done").returncode == 0  # past day one: today shows the plan
    exported = run_unknot("export", "--format", "json")
    document = json.loads(exported.stdout)
    changed = {**document["plans"][0], "id": 2, "reason": HOSTILE}
    changed["items"] = [{**changed["items"][0], "name": HOSTILE, "why": HOSTILE}, *changed["items"][1:]]
    document["plans"].append(changed)
    file = tmp_path / "journal.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    other = tmp_path / "other-home"
    assert run_unknot("import", str(file), home=other).returncode == 0
    done = run_unknot("today", home=other)
    assert done.returncode == 0, done.stderr
    assert_plain(done.stdout)
    assert done.stdout.count(SHOWN) == 3, "the plan's reason, and the exercise's name and why"


def test_an_error_quoting_what_was_typed_is_plain_text() -> None:
    done = run_unknot("checkin", "--pain", "3", "--date", "\x1b]0;pwned\x072026")
    assert done.returncode == 2 and "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "date:" in done.stderr
