"""The daemon and its files: a bad pause file, symbolic links where its lock and log files go, a full or
read-only disk, and the link to the web app that `unknot serve` announces in serve.json."""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reminders.rig import kinds, make, outbox, wait, work
from unknot.reminders import __main__ as daemon_main
from unknot.reminders import control, files

ROOT = Path(__file__).resolve().parents[2]
STRETCH = {"id": "chin_tucks", "name": "Chin tucks", "step": "Sit tall."}
BAD_PAUSES = {
    "garbage": b"\x00\xff not json",
    "wrong JSON": b"[1, 2]",
    "a string": b'{"until": "tomorrow"}',
    "a boolean": b'{"until": true}',
    "infinity": b'{"until": 1e400}',
    "not a number": b'{"until": NaN}',
    "past year 9999": b'{"until": 1e15}',
    "huge": b'{"until": 1, "pad": "' + b"x" * 5_000_000 + b'"}',
}


def stderr_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("content", BAD_PAUSES.values(), ids=BAD_PAUSES.keys())
def test_a_bad_pause_file_is_no_pause_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    daemon, clocks, desk, screen = make(tmp_path)
    (tmp_path / files.PAUSE).write_bytes(content)
    work(daemon, clocks, desk, 65)
    assert len(screen.shown) == 1, "not paused: the prompt came"
    [line] = stderr_lines(capsys)
    assert line.startswith("breaks: ") and files.PAUSE in line and "no pause" in line
    report = control.status(tmp_path)
    assert report.paused_until is None and report.running
    [line] = stderr_lines(capsys)
    assert files.PAUSE in line


def test_a_good_pause_after_a_bad_one_pauses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    daemon, clocks, desk, screen = make(tmp_path)
    (tmp_path / files.PAUSE).write_text("{")
    work(daemon, clocks, desk, 5)
    control.pause(tmp_path, 5)
    clocks.wall_time = files.read_json(tmp_path / files.PAUSE)["until"] - 200
    work(daemon, clocks, desk, 100)
    assert screen.shown == [], "paused"
    assert control.status(tmp_path).paused_until is not None
    assert len(stderr_lines(capsys)) == 1


def test_lock_and_log_files_are_private_and_never_symbolic_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for name in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SYSTEM_BUS_ADDRESS"):
        monkeypatch.setenv(name, f"unix:path={tmp_path / 'no-bus'}")  # should it get that far
    target = tmp_path / "target"
    target.write_text("")
    previous = os.umask(0)
    try:
        files.append_event(tmp_path, {"kind": "water"})
        daemon_lock = files.lock_daemon(tmp_path)
    finally:
        os.umask(previous)
    assert daemon_lock is not None
    os.close(daemon_lock)
    for name in (files.OUTBOX, files.OUTBOX_LOCK, files.DAEMON_LOCK):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    for name in (files.OUTBOX, files.OUTBOX_LOCK):
        (tmp_path / name).unlink()
        (tmp_path / name).symlink_to(target)
        with pytest.raises(files.UnsafeFileError, match="symbolic link"):
            files.append_event(tmp_path, {"kind": "water"})
        (tmp_path / name).unlink()
    home.mkdir(parents=True)
    (home / files.DAEMON_LOCK).symlink_to(target)
    assert daemon_main.main() == 2
    [line] = stderr_lines(capsys)
    assert line.startswith("breaks: ") and "symbolic link" in line
    assert target.read_text() == ""


def test_the_daemon_refuses_a_symbolic_link_as_its_outbox_and_carries_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere"
    target.write_text("")
    (tmp_path / files.OUTBOX).symlink_to(target)
    daemon, clocks, desk, screen = make(tmp_path, prompt_timeout_seconds=5)
    work(daemon, clocks, desk, 200)
    assert len(screen.shown) >= 3 and target.read_text() == ""
    [line] = stderr_lines(capsys)
    assert "symbolic link" in line and files.OUTBOX in line
    (tmp_path / files.OUTBOX).unlink()
    wait(daemon, clocks, 1)
    assert kinds(tmp_path).count("prompted") == len(screen.shown), "kept, and written once it could be"


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[bool]]:
    """os.write into the data folder fails with ENOSPC while the flag is set (the OS boundary only)."""
    full = [False]
    real = os.write

    def write(descriptor: int, data: bytes) -> int:
        if full[0] and os.readlink(f"/proc/self/fd/{descriptor}").startswith(str(tmp_path)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(descriptor, data)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc/self/fd")
    monkeypatch.setattr(os, "write", write)
    yield full


def test_a_full_disk_loses_no_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], full_disk: list[bool]
) -> None:
    daemon, clocks, desk, screen = make(tmp_path, prompt_timeout_seconds=5)
    full_disk[0] = True
    work(daemon, clocks, desk, 200)
    assert len(screen.shown) >= 3 and outbox(tmp_path) == []
    lines = stderr_lines(capsys)
    assert any(files.OUTBOX in line for line in lines) and len(lines) <= 2, "one line a file"
    assert all(line.startswith("breaks: ") and "No space left" in line for line in lines)
    full_disk[0] = False
    wait(daemon, clocks, 1)
    numbers = [e["n"] for e in outbox(tmp_path)]
    assert numbers == list(range(1, len(numbers) + 1)), "all kept, in order, once"
    assert kinds(tmp_path).count("prompted") == len(screen.shown)


ON_A_SMALL_DISK = textwrap.dedent(
    """
    import json, os, subprocess, sys
    from pathlib import Path

    folder = Path(sys.argv[1])
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], check=True)
    from tests.reminders.rig import make, outbox, wait, work

    daemon, clocks, desk, screen = make(folder, prompt_timeout_seconds=5)
    filler = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(filler, b"x" * 1024)
    except OSError as exc:
        assert exc.errno == 28, exc
    os.close(filler)
    work(daemon, clocks, desk, 200)  # prompts and answers, with nowhere to write them
    shown = len(screen.shown)
    assert shown >= 3 and outbox(folder) == []
    os.unlink(folder / "filler")
    wait(daemon, clocks, 1)
    numbers = [e["n"] for e in outbox(folder)]
    prompted = [e["kind"] for e in outbox(folder)].count("prompted")
    state = json.loads((folder / "breaks-state.json").read_text())
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    work(daemon, clocks, desk, 100)
    subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)
    wait(daemon, clocks, 1)
    print(json.dumps({"shown": shown, "prompted": prompted, "numbers": numbers, "state": state,
                      "after": outbox(folder), "total": len(screen.shown)}))
    """
)


def test_a_real_full_then_read_only_disk(tmp_path: Path) -> None:
    """A 64 KiB tmpfs, filled up then made read-only, in a user namespace (no privileges needed)."""
    if not shutil.which("unshare") or not shutil.which("mount"):
        pytest.skip("needs unshare and mount (util-linux)")
    probe = subprocess.run(["unshare", "-r", "-m", "true"], capture_output=True, check=False)
    if probe.returncode:
        pytest.skip(f"user namespaces are not allowed here: {probe.stderr.decode().strip()}")
    folder = tmp_path / "small"
    folder.mkdir()
    done = subprocess.run(
        ["unshare", "-r", "-m", sys.executable, "-c", ON_A_SMALL_DISK, str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["numbers"] == list(range(1, len(result["numbers"]) + 1)), "all kept, in order, once"
    assert result["prompted"] == result["shown"] and result["state"]["work_seconds"] >= 0
    after = result["after"]
    assert [e["n"] for e in after] == list(range(1, len(after) + 1)), "and after the read-only time"
    assert [e["kind"] for e in after].count("prompted") == result["total"] > result["shown"]
    problems = done.stderr.splitlines()
    assert len(problems) == 4, "one line each for the outbox and the state, full then read-only"
    assert all(line.startswith("breaks: ") for line in problems)
    assert sum("No space left" in line for line in problems) == 2
    assert sum("Read-only file system" in line for line in problems) == 2


@pytest.fixture
def web_app() -> Iterator[str]:
    """An address that answers, as `unknot serve` would."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def prompt_body(folder: Path) -> str:
    daemon, clocks, desk, screen = make(folder, stretches=[STRETCH])
    work(daemon, clocks, desk, 65)
    [(_, body, _)] = screen.shown
    return body


def test_a_break_links_to_the_running_web_app_with_its_token(tmp_path: Path, web_app: str) -> None:
    assert "http" not in prompt_body(tmp_path), "no serve.json: no link"
    files.write_json(tmp_path / files.SERVE, {"address": web_app, "token": "Tk_3-x", "pid": os.getpid()})
    assert f"{web_app}/session/stretch/chin_tucks?token=Tk_3-x" in prompt_body(tmp_path)


def test_no_link_from_a_serve_file_that_is_not_to_be_trusted(tmp_path: Path, web_app: str) -> None:
    serve, elsewhere = tmp_path / files.SERVE, tmp_path / "elsewhere.json"
    files.write_json(elsewhere, {"address": web_app, "token": "abc", "pid": 1})
    serve.symlink_to(elsewhere)
    assert "http" not in prompt_body(tmp_path), "a symbolic link"
    serve.unlink()
    for broken in ({"address": web_app}, {"address": "file:///etc/passwd", "token": "abc"}, [web_app]):
        files.write_json(serve, broken)
        assert "http" not in prompt_body(tmp_path), broken
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    files.write_json(serve, {"address": f"http://127.0.0.1:{closed.getsockname()[1]}", "token": "abc"})
    closed.close()
    assert "http" not in prompt_body(tmp_path), "nothing answers there"
    if os.geteuid() == 0:
        files.write_json(serve, {"address": web_app, "token": "abc", "pid": 1})
        os.chown(serve, 4242, 4242)
        assert "http" not in prompt_body(tmp_path), "another user's file"
