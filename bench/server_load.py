"""The load of bench/server.py: keep-alive HTTP/1.1 connections on asyncio streams, in a few client
processes, each connection sending requests one after another (closed loop) for its patients.

The client is as light as Python allows (requests written as bytes once, responses read by their
Content-Length or chunks), so the server, not the client, is what is measured; each process reports
the CPU it used, and the bench says when the client was near a whole core.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import Process, Queue
from typing import TypeVar
from urllib.parse import urlencode

CSRF_FIELD = re.compile(rb'name="csrf" value="([^"]+)"')
SESSION_COOKIE = "unknot_sid"
CHECKIN = "POST /checkin"
T = TypeVar("T")
CONNECT_EVERY = 0.02  # seconds between two connections a client process opens


@dataclass
class Outcome:
    """What one client process measured: milliseconds per request of each kind, and errors."""

    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    late_seconds: float = 0.0  # a process not ready when the load began

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1

    def add(self, other: Outcome) -> None:
        for kind, times in other.times.items():
            self.times.setdefault(kind, []).extend(times)
        for what, count in other.errors.items():
            self.errors[what] = self.errors.get(what, 0) + count
        self.cpu_seconds += other.cpu_seconds
        self.wall_seconds = max(self.wall_seconds, other.wall_seconds)
        self.late_seconds = max(self.late_seconds, other.late_seconds)


@dataclass(frozen=True)
class Job:
    port: int
    tokens: list[str]  # session cookies, one patient each
    csrf: list[str]  # each patient's CSRF token, read from their check-in page
    connections: int
    mix: list[str]  # "GET /path" or "POST /checkin", taken in turn by each connection
    start_at: float  # time.time() when every process begins together
    seconds: float


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def send(self, request: bytes) -> tuple[int, bytes]:
        for attempt in (1, 2):  # once more on a fresh connection if the server closed an idle one
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            try:
                self.writer.write(request)
                return await self._response()
            except (ConnectionError, asyncio.IncompleteReadError):
                self.writer.close()
                self.writer = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _response(self) -> tuple[int, bytes]:
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        lower = head.lower()
        found = re.search(rb"\r\ncontent-length: *(\d+)", lower)
        if found:
            return status, await self.reader.readexactly(int(found.group(1)))
        if b"transfer-encoding: chunked" in lower:
            body = b""
            while size := int((await self.reader.readline()).strip(), 16):
                body += await self.reader.readexactly(size)
                await self.reader.readline()
            await self.reader.readline()
            return status, body
        return status, b""


def request(port: int, target: str, token: str, csrf: str = "", *, gzip: bool = True) -> bytes:
    """The bytes a browser would send (gzip accepted; a form with its CSRF token, same-origin)."""
    method, path = target.split(" ", 1)
    host = f"127.0.0.1:{port}"
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", *(["Accept-Encoding: gzip"] if gzip else [])]
    if token:
        lines.append(f"Cookie: {SESSION_COOKIE}={token}")
    body = ""
    if method == "POST":
        body = urlencode({"pain": "4", "stiffness": "3", "note": "bench: stiff after sitting", "csrf": csrf})
        lines += [
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(body)}",
            f"Origin: http://{host}",
            "Sec-Fetch-Site: same-origin",
        ]
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()


def csrf_tokens(port: int, tokens: list[str], connections: int) -> list[str]:
    """Each patient's CSRF token, from their check-in page (which also warms the server)."""
    return asyncio.run(_csrf_tokens(port, tokens, connections))


async def _csrf_tokens(port: int, tokens: list[str], connections: int) -> list[str]:
    """Each patient's CSRF token, from their check-in page (which also warms the server)."""
    found = [""] * len(tokens)

    async def fetch(indexes: range) -> None:
        connection = Connection(port)
        for n in indexes:
            status, body = await connection.send(request(port, "GET /checkin", tokens[n], gzip=False))
            match = CSRF_FIELD.search(body)
            if status != 200 or not match:
                raise RuntimeError(f"GET /checkin as patient {n}: HTTP {status}, no CSRF token")
            found[n] = match.group(1).decode()

    await asyncio.gather(*(fetch(range(c, len(tokens), connections)) for c in range(connections)))
    return found


async def _load(job: Job) -> Outcome:
    outcome = Outcome()
    tokens = job.tokens
    requests = [
        {kind: request(job.port, kind, t, c) for kind in job.mix}
        for t, c in zip(tokens, job.csrf, strict=True)
    ]

    async def run(c: int) -> None:
        connection = connections[c]
        mine = list(range(c, len(tokens), job.connections)) or [c % len(tokens)]
        n = c  # each connection starts at another place in the mix
        while time.perf_counter() < deadline:
            kind = job.mix[n % len(job.mix)]
            patient = mine[(n // len(job.mix)) % len(mine)]
            n += 1
            began = time.perf_counter()
            try:
                status, _ = await connection.send(requests[patient][kind])
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                status, connection = -1, Connection(job.port)
                outcome.error(f"{kind}: {type(exc).__name__}")
            if status == 200:
                outcome.times.setdefault(kind, []).append((time.perf_counter() - began) * 1000)
            elif status > 0:
                outcome.error(f"{kind}: HTTP {status}")

    # Connections opened one by one, as visitors arrive: a burst would all go to one worker (a
    # worker's event loop accepts every connection waiting at once).
    connections = [Connection(job.port) for _ in range(job.connections)]
    for connection in connections:
        await connection.connect()
        await asyncio.sleep(CONNECT_EVERY)
    outcome.late_seconds = max(0.0, time.time() - job.start_at)
    await asyncio.sleep(max(0.0, job.start_at - time.time()))
    cpu, wall = time.process_time(), time.perf_counter()
    deadline = wall + job.seconds
    await asyncio.gather(*(run(c) for c in range(job.connections)))
    outcome.cpu_seconds = time.process_time() - cpu
    outcome.wall_seconds = time.perf_counter() - wall
    return outcome


def _run_job(job: Job, results: Queue[Outcome]) -> None:
    results.put(asyncio.run(_load(job)))


def load(
    port: int,
    tokens: list[str],
    csrf: list[str],
    connections: int,
    mix: list[str],
    seconds: float,
    processes: int,
    sample: Callable[[], T],
) -> tuple[Outcome, T, T]:
    """`connections` connections over `processes` client processes for `seconds`; every process's
    patients are its own share of `tokens`; `sample()` is called as the clock starts and as it stops
    (CPU counters)."""
    start_at = time.time() + 3.0  # every process started and its requests written
    jobs = [
        Job(port, tokens[p::processes], csrf[p::processes], connections // processes, mix, start_at, seconds)
        for p in range(processes)
    ]
    results: Queue[Outcome] = Queue()
    workers = [Process(target=_run_job, args=(job, results)) for job in jobs]  # a process each
    for worker in workers:
        worker.start()
    time.sleep(max(0.0, start_at - time.time()))
    first = sample()
    time.sleep(seconds)
    last = sample()
    total = Outcome()
    for _ in workers:
        total.add(results.get(timeout=120))
    for worker in workers:
        worker.join()
    return total, first, last
