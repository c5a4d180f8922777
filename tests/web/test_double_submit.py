"""A double click on Save: two identical posts at once, for a date with no check-in yet, both succeed
and leave one check-in (they used to collide on the new row: a 500 in 45 of 100 tries)."""

from __future__ import annotations

import http.client
import re
import sqlite3
import threading
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from tests.web.conftest import Served

ROUNDS = 25


def _signed_in(server: Served) -> tuple[str, str]:
    """The session cookie and the form's CSRF token, as a browser has them after opening the app."""
    address = urlsplit(server)
    connection = http.client.HTTPConnection(address.hostname or "", address.port)
    connection.request("GET", f"/?token={server.token}")
    response = connection.getresponse()
    response.read()
    cookie = (response.getheader("set-cookie") or "").split(";")[0]
    connection.request("GET", "/checkin", headers={"Cookie": cookie})
    found = re.search(r'name="csrf" value="([^"]+)"', connection.getresponse().read().decode())
    assert cookie and found
    return cookie, found.group(1)


def _post(server: Served, cookie: str, body: str, start: threading.Barrier, statuses: list[int]) -> None:
    address = urlsplit(server)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=30)
    headers = {
        "Cookie": cookie,
        "Origin": server,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    start.wait()
    connection.request("POST", "/checkin", body=body, headers=headers)
    statuses.append(connection.getresponse().status)


def test_double_submits_of_a_new_check_in_both_succeed(server: Served, home: Path) -> None:
    cookie, csrf = _signed_in(server)
    for round_ in range(ROUNDS):
        with sqlite3.connect(home / "unknot.db") as db:  # a date with no check-in, again
            db.execute("DELETE FROM checkins")
        body = urlencode({"csrf": csrf, "pain": str(round_ % 10), "note": f"round {round_}"})
        start, statuses = threading.Barrier(2), []
        clicks = [threading.Thread(target=_post, args=(server, cookie, body, start, statuses)) for _ in "ab"]
        for click in clicks:
            click.start()
        for click in clicks:
            click.join()
        assert statuses == [200, 200], f"round {round_}"
        with sqlite3.connect(home / "unknot.db") as db:
            assert db.execute("SELECT pain, note FROM checkins").fetchall() == [
                (round_ % 10, f"round {round_}")
            ]
