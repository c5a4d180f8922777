"""`unknot serve` as a user runs it: a real process, a real port, Ctrl+C to stop."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.helpers import run_unknot


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def start_serving(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "unknot", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "UNKNOT_HOME": str(home), "COLUMNS": "200"},
    )


def stop(server: subprocess.Popen[str]) -> int:
    """Ctrl+C, as a person stops it; a server that does not stop is killed, so no test leaves one."""
    server.send_signal(signal.SIGINT)
    try:
        return server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        raise


def first_line(server: subprocess.Popen[str]) -> str:
    assert server.stdout is not None
    return server.stdout.readline().strip()


def test_serves_the_app_behind_its_token_and_stops_cleanly_on_ctrl_c(home: Path) -> None:
    server = start_serving(home, "--port", "0")
    try:
        address = first_line(server)
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]{40,})", address)
        assert match, address
        port, token = match.groups()
        runtime = json.loads((home / "serve.json").read_text(encoding="utf-8"))
        assert runtime == {"address": f"http://127.0.0.1:{port}", "token": token, "pid": server.pid}
        assert stat.S_IMODE(os.stat(home / "serve.json").st_mode) == 0o600
        with pytest.raises(urllib.error.HTTPError) as locked:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10)
        assert locked.value.code == 401 and "address it printed" in locked.value.read().decode()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(address, timeout=10) as response:  # the cookie, then the page
            assert response.status == 200 and "unknot" in response.read().decode()
            assert response.url == f"http://127.0.0.1:{port}/", "the token leaves the address bar"
    finally:
        code = stop(server)
    assert server.stderr is not None and server.stderr.read() == ""
    assert code == 130, "stopped by Ctrl+C, as a shell reports it"
    assert not (home / "serve.json").exists(), "the token goes with the server"


def test_an_exposed_address_is_warned_about(home: Path) -> None:
    server = start_serving(home, "--host", "0.0.0.0", "--port", str(free_port()))
    try:
        assert first_line(server).startswith("http://127.0.0.1:")
        assert server.stdout is not None
        warning = server.stdout.readline()
        assert warning.startswith("Warning: listening on 0.0.0.0: other machines on your network")
    finally:
        stop(server)


def test_open_without_a_browser_says_so(home: Path) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "unknot", "serve", "--port", "0", "--open"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": os.path.dirname(sys.executable), "UNKNOT_HOME": str(home), "COLUMNS": "200"},
    )
    try:
        assert first_line(server).startswith("http://127.0.0.1:")
        assert server.stdout is not None
        said = [server.stdout.readline().strip() for _ in range(2)]
        assert "No web browser was found here: open the address above in one." in said
    finally:
        stop(server)


def one_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2 and done.stdout == "", done.stdout
    [line] = done.stderr.splitlines()
    return line


def test_a_taken_port_is_a_clear_error_before_anything_is_announced(taken_port: int) -> None:
    line = one_error(run_unknot("serve", "--port", str(taken_port)))
    assert line == f"port: {taken_port} is already in use on 127.0.0.1; choose another with --port"


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["--port", "70000"], "port: must be from 0 (any free port) to 65535, not 70000"),
        (["--host", "no-such-host.invalid"], "host: cannot listen on 'no-such-host.invalid'"),
        (["--host", "192.0.2.1"], "host: cannot listen on 192.0.2.1 port 8765"),
    ],
)
def test_bad_addresses_are_refused(args: list[str], start: str) -> None:
    assert one_error(run_unknot("serve", *args)).startswith(start)
