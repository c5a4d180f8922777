"""`unknot serve` as a user runs it: a real process, a real port, Ctrl+C to stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
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


def test_serves_the_app_and_stops_cleanly_on_ctrl_c(home: Path) -> None:
    port = free_port()
    server = start_serving(home, "--port", str(port))
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert line.strip() == f"unknot is running at http://127.0.0.1:{port}/ (Ctrl+C to stop)"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            assert response.status == 200 and "unknot" in response.read().decode()
    finally:
        server.send_signal(signal.SIGINT)
        code = server.wait(timeout=15)
    assert server.stderr is not None and server.stderr.read() == ""
    assert code == 130, "stopped by Ctrl+C, as a shell reports it"


def test_an_exposed_address_is_warned_about(home: Path) -> None:
    server = start_serving(home, "--host", "0.0.0.0", "--port", str(free_port()))
    try:
        assert server.stdout is not None
        warning = server.stdout.readline()
        assert warning.startswith("Warning: listening on 0.0.0.0: other machines on your network")
        assert server.stdout.readline().startswith("unknot is running at http://127.0.0.1:")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=15)


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
        (["--port", "70000"], "port: must be from 1 to 65535, not 70000"),
        (["--host", "no-such-host.invalid"], "host: cannot listen on 'no-such-host.invalid'"),
        (["--host", "192.0.2.1"], "host: cannot listen on 192.0.2.1 port 8765"),
    ],
)
def test_bad_addresses_are_refused(args: list[str], start: str) -> None:
    assert one_error(run_unknot("serve", *args)).startswith(start)
