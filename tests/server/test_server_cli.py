"""`unknot server` as an operator runs it: `init` (the password twice on standard input), `migrate`,
`routes --json`, and the server itself with two worker processes answering over HTTP."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.server.conftest import SECRET, free_port

PASSWORD = "a long enough password"


def _env(url: str, home: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "UNKNOT_HOME": str(home),
        "UNKNOT_DATABASE_URL": url,
        "UNKNOT_SECRET": SECRET.decode(),
        **extra,
    }


def _unknot(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unknot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_init_reads_the_password_twice_and_refuses_a_second_admin(server_url: str, home: Path) -> None:
    env = _env(server_url, home)
    differ = _unknot(
        env, "server", "init", "--admin", "boss@clinic.test", stdin=f"{PASSWORD}\nanother one here\n"
    )
    assert differ.returncode == 2 and "password: the two passwords differ" in differ.stderr
    short = _unknot(env, "server", "init", "--admin", "boss@clinic.test", stdin="short\nshort\n")
    assert short.returncode != 0 and "password: use at least 10 characters" in short.stderr
    made = _unknot(env, "server", "init", "--admin", "boss@clinic.test", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert made.returncode == 0, made.stderr
    again = _unknot(env, "server", "init", "--admin", "other@clinic.test", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert again.returncode != 0 and "an admin already exists" in again.stderr
    migrated = _unknot(env, "server", "migrate")
    assert migrated.returncode == 0 and "0 journals" in migrated.stdout


def test_routes_json_lists_every_route_with_its_roles() -> None:
    listed = _unknot(dict(os.environ), "server", "routes", "--json")
    rows = json.loads(listed.stdout)
    assert {"path": "/login", "methods": ["GET"], "roles": ["anyone"]} in rows
    assert all(set(row) == {"path", "methods", "roles"} for row in rows)
    assert {"path": "/admin/audit", "methods": ["GET"], "roles": ["admin"]} in rows


def test_without_a_secret_or_postgresql_it_says_what_to_set(home: Path) -> None:
    no_secret = _unknot(
        {**_env("postgresql+psycopg://x@127.0.0.1:1/x", home), "UNKNOT_SECRET": "short"}, "server"
    )
    assert no_secret.returncode != 0 and "UNKNOT_SECRET" in no_secret.stderr
    sqlite = _unknot(_env("sqlite:///" + str(home / "x.db"), home), "server", "migrate")
    assert sqlite.returncode != 0 and "must name a PostgreSQL database" in sqlite.stderr


@pytest.mark.slow
def test_two_workers_answer_and_stop_on_a_signal(server_url: str, home: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "unknot", "server", "--workers", "2", "--port", str(port)],
        env=_env(server_url, home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            assert client.get("/healthz").text == "ok"
            assert client.get("/login").status_code == 200
            assert client.get("/").status_code == 303  # to the sign-in page
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0, server.stderr.read() if server.stderr else ""
