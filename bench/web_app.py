"""The unknot app for the benchmark, and a profile of single requests to it.

`make()` is a uvicorn factory: the app on the data folder named by UNKNOT_HOME. The app only lets in
a browser that came through `/?token=<its token>` (`app.state.access_token`); `make()` writes that
token (or nothing, for an app without one) to the file UNKNOT_BENCH_TOKEN_FILE names, so the
bench's clients can log in.

`profile(home, targets)` runs requests in this process, straight into the app (no server, no
socket), under cProfile in every thread: pages are built in worker threads.
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import os
import pstats
import re
import sys
import threading
from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI

from unknot.settings import Settings
from unknot.web.app import create_app, freeze_heap

CSRF_FIELD = re.compile(rb'name="csrf" value="([^"]+)"')


def make() -> FastAPI:
    app = create_app(Settings())
    target = os.environ.get("UNKNOT_BENCH_TOKEN_FILE")
    if target:
        Path(target).write_text(getattr(app.state, "access_token", None) or "")
    freeze_heap()  # as `unknot serve` does
    return app


class Caller:
    """Requests straight into an ASGI app, with the session cookie a `?token=` visit sets."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.cookie = ""
        self.misses = 0
        self.csrf = ""
        token = getattr(app.state, "access_token", None)
        if token:
            _, headers, _ = asyncio.run(self.call("GET", "/", f"token={token}"))
            self.cookie = headers.get("set-cookie", "").split(";", 1)[0]

    async def call(
        self, method: str, path: str, query: str = "", body: bytes = b""
    ) -> tuple[int, dict[str, str], bytes]:
        headers = [(b"host", b"127.0.0.1"), (b"cookie", self.cookie.encode())]
        if body:  # a form posted from one of the app's pages, as a browser sends it
            headers.append((b"content-type", b"application/x-www-form-urlencoded"))
            headers += [(b"origin", b"http://127.0.0.1"), (b"sec-fetch-site", b"same-origin")]
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 40000),
            "server": ("127.0.0.1", 80),
        }
        incoming = [{"type": "http.request", "body": body, "more_body": False}]
        sent: list[MutableMapping[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return incoming.pop(0) if incoming else {"type": "http.disconnect"}

        async def send(message: MutableMapping[str, Any]) -> None:
            sent.append(message)

        await self.app(scope, receive, send)
        start = sent[0]
        found = {k.decode().lower(): v.decode() for k, v in start.get("headers", [])}
        return start["status"], found, b"".join(m.get("body", b"") for m in sent[1:])

    async def run(self, target: str) -> None:
        """One request of a target: "GET /path" (made a cache miss by a query of its own) or
        "POST /checkin" (today's check-in, with the form's CSRF token)."""
        method, path = target.split(" ", 1)
        if method == "GET":
            self.misses += 1
            status, _, _ = await self.call("GET", path, f"miss={self.misses}")
        else:
            if not self.csrf:  # one token per launch: read it once, as a browser keeps its page
                _, _, page = await self.call("GET", "/checkin")
                found = CSRF_FIELD.search(page)
                self.csrf = found.group(1).decode() if found else ""
            fields = {"pain": "3", "stiffness": "2", "note": "bench", "csrf": self.csrf}
            status, _, _ = await self.call("POST", path, body=urlencode(fields).encode())
        if status != 200:
            raise RuntimeError(f"{target}: HTTP {status}")


def _profiled(caller: Caller, target: str, repeat: int) -> pstats.Stats:
    """cProfile of `repeat` requests, in the event loop's thread and every worker thread it starts."""
    profiles: list[cProfile.Profile] = []

    def start_in_thread(*_: object) -> None:
        profile = cProfile.Profile()
        profiles.append(profile)
        profile.enable()

    async def requests() -> None:
        for _ in range(repeat):
            await caller.run(target)

    asyncio.run(requests())  # warm: templates compiled, connections opened
    main = cProfile.Profile()
    if sys.version_info < (3, 12):  # since 3.12 one profile sees every thread
        threading.setprofile(start_in_thread)  # a new event loop starts new worker threads
    main.enable()
    try:
        asyncio.run(requests())
    finally:
        main.disable()
        threading.setprofile(None)
    return pstats.Stats(main, *profiles)


def profile(home: Path, targets: Sequence[str], repeat: int = 5, top: int = 22) -> str:
    """For each target, the functions taking the most time over `repeat` requests (cumulative, in
    unknot's code, then the most time in themselves anywhere), as text."""
    app = create_app(Settings(home=home))
    caller = Caller(app)
    out = io.StringIO()
    try:
        for target in targets:
            stats = _profiled(caller, target, repeat)
            stats.stream = out  # type: ignore[attr-defined]
            print(f"\n===== {target}: {repeat} requests =====", file=out)
            stats.sort_stats("cumulative").print_stats(r"unknot/(services|storage|core|present|web)", top)
            stats.sort_stats("tottime").print_stats(r"^(?!.*epoll)", top // 2)  # not the loop's idle wait
    finally:
        app.state.context.close()
    return out.getvalue()


if __name__ == "__main__":
    print(profile(Path(sys.argv[1]), sys.argv[2:] or ["GET /"]))
