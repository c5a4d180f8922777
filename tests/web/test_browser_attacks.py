"""Attacks from another page on this machine, in real Chromium: a site on another local port (cookies
ignore ports) tries to read the app and to forge a check-in with an emergency sign."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.web.conftest import Served, signed_in

ATTACK = """<!doctype html><html><body>
<form id="forge" method="post" action="{target}/checkin">
<input name="csrf" value="abc"><input name="pain" value="9"><input name="red_flags" value="saddle_numbness">
</form>
<script>
document.cookie = "unknot_csrf=abc; path=/";
document.cookie = "unknot_session=abc; path=/";
fetch("{target}/export/json", {{credentials: "include"}})
  .then(r => r.text()).then(t => {{ document.title = "read " + t.length; }})
  .catch(() => {{ document.title = "blocked"; }})
  .finally(() => document.getElementById("forge").submit());
</script></body></html>"""


@pytest.fixture
def attacker(server: Served) -> Iterator[str]:
    page = ATTACK.format(target=server).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *_: object) -> None:
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{site.server_address[1]}/"
    site.shutdown()


def test_a_page_on_another_local_port_can_neither_read_nor_forge(
    browser: Browser, server: Served, attacker: str
) -> None:
    page = signed_in(browser, server)
    page.goto(server + "/checkin")
    evil = page.context.new_page()
    evil.goto(attacker)
    evil.wait_for_load_state("networkidle")
    assert evil.title() in ("blocked", ""), "the journal was read from another origin"
    assert "Saved your check-in" not in evil.content()
    page.goto(server.login)  # the attacker's cookie replaced the session: the token lets the user back in
    page.goto(server + "/history")
    assert "saddle" not in page.content() and "<td>9</td>" not in page.content()
    page.context.close()
