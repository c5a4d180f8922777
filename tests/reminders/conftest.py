"""A real X server (Xvfb) with input from xdotool, and a private D-Bus session bus."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reminders.notification_server import NotificationServer

NEEDED = ("Xvfb", "xdotool", "dbus-daemon")


def _require() -> None:
    missing = [tool for tool in NEEDED if not shutil.which(tool)]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the reminder tests: install {', '.join(missing)} (see .ci/run)")
        pytest.skip(f"needs {', '.join(missing)}")


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[dict[str, str]]:
    """DISPLAY and DBUS_SESSION_BUS_ADDRESS of a fresh virtual desktop."""
    _require()
    display = f":{90 + os.getpid() % 500}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = tmp_path / "bus"
    dbus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", f"--address=unix:path={socket}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (
        socket.exists() and Path(f"/tmp/.X11-unix/X{display[1:]}").exists()
    ):
        time.sleep(0.05)
    yield {"DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={socket}"}
    for process in (dbus, xvfb):
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def notifications(desktop: dict[str, str]) -> Iterator[NotificationServer]:
    server = NotificationServer(desktop["DBUS_SESSION_BUS_ADDRESS"])
    yield server
    server.close()


def move_mouse(desktop: dict[str, str], seconds: float) -> None:
    """Real input for `seconds`: the pointer moves every tenth of a second."""
    end = time.monotonic() + seconds
    step = 0
    while time.monotonic() < end:
        step += 1
        subprocess.run(
            ["xdotool", "mousemove", str(100 + step % 300), str(100 + step % 200)],
            env={**os.environ, **desktop},
            check=True,
        )
        time.sleep(0.1)
