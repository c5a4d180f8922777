"""The reminder daemon against a real X server and a real D-Bus session bus."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.cli.helpers import ok_json, run_unknot
from tests.reminders.conftest import move_mouse
from tests.reminders.notification_server import NotificationServer
from tests.strategies import base_answers


def start_daemon(desktop: dict[str, str], home: Path, poll: str = "0.2") -> subprocess.Popen[str]:
    env = {**os.environ, **desktop, "UNKNOT_HOME": str(home)}
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.Popen(
        [sys.executable, "-m", "unknot", "breaks", "run", "--poll", poll],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def settings(**values: str) -> None:
    pairs = [part for item in values.items() for part in item]
    done = run_unknot("settings", "set", *pairs)
    assert done.returncode == 0, done.stderr


def wait_for(predicate: object, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out; outbox: {events(Path(os.environ['UNKNOT_HOME']))}")


def events(home: Path) -> list[str]:
    outbox = home / "breaks-outbox.jsonl"
    return [json.loads(line)["kind"] for line in outbox.read_text().splitlines()] if outbox.exists() else []


def test_prompts_after_real_activity_and_not_after_a_pause(
    desktop: dict[str, str], notifications: NotificationServer, home: Path
) -> None:
    # 6 s of activity before a break; an idle gap of 3 s is a natural break; snooze 2 s.
    settings(
        breaks_work_minutes="0.1",
        breaks_natural_minutes="0.05",
        breaks_snooze_minutes="0.033",
        water_glasses="0",
    )
    daemon = start_daemon(desktop, home)
    try:
        wait_for((home / "breaks-state.json").exists)
        assert "X11" in ok_json("breaks", "status", "--json")["source"]
        move_mouse(desktop, 4)
        time.sleep(4)  # a pause longer than the natural break: the counter starts again
        move_mouse(desktop, 4)
        assert notifications.notifications() == [], "no prompt: the pause was a break"
        move_mouse(desktop, 3.5)
        wait_for(notifications.notifications)
        [(app, _, _, summary, body, actions, hints, _)] = notifications.notifications()
        assert app == "unknot" and "break" in summary.lower()
        assert "image-path" not in hints, "no stretch, and a service that shows no images"
        assert actions == ["take", "Take a break", "snooze", "Snooze", "skip", "Skip"]
        assert "move about" in body and "stretch" not in body.lower(), "no plan: no stretch suggested"
        notifications.press(1, "snooze")
        wait_for(lambda: "snoozed" in events(home))
        move_mouse(desktop, 3)
        wait_for(lambda: len(notifications.notifications()) == 2, seconds=10)
        notifications.press(2, "take")
        wait_for(lambda: "taken" in events(home))
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=10)
    assert daemon.returncode == 0
    assert not (home / "breaks-state.json").exists(), "a clean shutdown removes the state file"
    kinds = events(home)
    assert kinds[0] == "started" and kinds[-1] == "stopped" and "natural" in kinds
    stats = ok_json("breaks", "stats", "--json")
    [today] = stats
    assert (today["prompted"], today["snoozed"], today["taken"]) == (2, 1, 1)
    assert today["natural"] >= 1
    assert not (home / "breaks-outbox.jsonl").exists(), "the outbox moved into the journal"
    assert ok_json("breaks", "stats", "--json") == stats, "moving it twice counts nothing twice"


def test_a_break_shows_the_suggested_stretch_as_a_picture(desktop: dict[str, str], home: Path) -> None:
    """Where the notification service shows images, the prompt carries the stretch's figure."""
    answers = home.parent / "answers.json"
    answers.write_text(json.dumps(base_answers(regions=["neck"], sitting_hours=9)), encoding="utf-8")
    assert run_unknot("assess", "--answers", str(answers), "--save").returncode == 0
    settings(
        breaks_work_minutes="0.05",
        breaks_natural_minutes="0.04",
        breaks_snooze_minutes="0.03",
        water_glasses="0",
    )
    server = NotificationServer(desktop["DBUS_SESSION_BUS_ADDRESS"], ("actions", "body", "icon-static"))
    daemon = start_daemon(desktop, home)
    try:
        wait_for((home / "breaks-state.json").exists)
        move_mouse(desktop, 4)
        wait_for(server.notifications)
        [(_, _, _, _, body, _, hints, _)] = server.notifications()[:1]
        assert "Stand up and try" in body
        uri = hints["image-path"][1]
        picture = Path(uri.removeprefix("file://"))
        assert picture.parent == home / "breaks-figures" and picture.read_bytes().startswith(b"\x89PNG")
        name = body.split("Stand up and try ", 1)[1].split(":", 1)[0]
        assert picture.name.split("-")[0] in {
            e["id"] for e in ok_json("exercises", "--json") if e["name"] == name
        }
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=10)
        server.close()


def test_pause_and_a_second_instance(
    desktop: dict[str, str], notifications: NotificationServer, home: Path
) -> None:
    settings(breaks_work_minutes="0.05", breaks_natural_minutes="0.04", breaks_snooze_minutes="0.02")
    daemon = start_daemon(desktop, home)
    try:
        wait_for((home / "breaks-state.json").exists)
        config = (home / "breaks-config.json").read_bytes()
        twin = start_daemon(desktop, home, poll="60")
        assert twin.wait(timeout=20) == 0 and "already running" in twin.stderr.read()
        assert (home / "breaks-config.json").read_bytes() == config, "the running one still polls fast"
        assert run_unknot("breaks", "pause", "--minutes", "5").returncode == 0
        assert ok_json("breaks", "status", "--json")["paused_until"]
        move_mouse(desktop, 5)
        assert notifications.notifications() == [], "no prompt while paused"
        run_unknot("breaks", "resume")
        move_mouse(desktop, 4.5)
        wait_for(notifications.notifications)
    finally:
        daemon.send_signal(signal.SIGINT)
        daemon.wait(timeout=10)
    assert daemon.returncode == 0


def test_without_a_notification_server_it_says_why(desktop: dict[str, str], home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "unknot", "breaks", "run"],
        env={**os.environ, **desktop},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2 and done.stderr.startswith("breaks: ")
