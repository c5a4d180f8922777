"""Web benchmark: two years of daily journal, page latency and throughput beside a bare Starlette app.

Run with `make bench`. Prints p50/p95 latency of the today, history and library pages (measured by a
keep-alive client on loopback, so an upper bound of server time), both when the page must be built
(as after every write to the journal) and when it comes from the page cache, and requests per second of the
today page as a ratio of a bare Starlette "hello" endpoint measured in the same run, on this machine.
Targets: p95 under 15 ms; at least 40 % of the bare endpoint's throughput.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.services import checkins, open_context, plans, preferences, sessions
from unknot.settings import Settings

HERE = Path(__file__).resolve().parent
DAYS = 730
PAGES = ("/", "/history", "/exercises")
LATENCY_REQUESTS = 300
THROUGHPUT_SECONDS = 5.0
TODAY = dt.date(2026, 11, 24)


def seed(home: Path) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC))
    ctx = open_context(Settings(home=home), clock, default_library())
    answers = {
        "age": 45,
        "regions": ["lower_back", "neck"],
        "pain_now": 5,
        "duration_days": 60,
        "trauma": "none",
        "lifting_strain": False,
        "repetitive_load": True,
        "sitting_hours": 9,
        "hamstrings_tight": "yes",
        "inflammation_signs": False,
        "red_flags": [],
    }
    plans.save_assessment(ctx, answers_from_dict(answers))
    preferences.change(ctx, {"seen_welcome": "on"})
    for n in range(DAYS):
        day = (TODAY - dt.timedelta(days=DAYS - n)).isoformat()
        checkins.log(ctx, 3 + n % 5, 2 + n % 4, f"day {n}", (), day)
        if n % 3:
            sessions.record(ctx, date_text=day)
    ctx.close()


def start(target: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", target, "--port", str(port), "--log-level", "warning"]
    if target.endswith(":make"):
        command.append("--factory")
    process = subprocess.Popen(command, cwd=HERE, env=env)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/")
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{target} did not start")


def fetch(connection: http.client.HTTPConnection, path: str) -> None:
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")


def latencies(port: int, path: str, *, cold: bool) -> tuple[float, float]:
    """p50 and p95 in ms. Cold: every request misses the page cache (a query the page ignores but the
    cache keys on), as after any write to the journal; warm: the journal is unchanged between requests."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    joiner = "&" if "?" in path else "?"
    for n in range(20):
        fetch(connection, f"{path}{joiner}warmup={n}" if cold else path)
    times = []
    for n in range(LATENCY_REQUESTS):
        target = f"{path}{joiner}miss={n}" if cold else path
        began = time.perf_counter()
        fetch(connection, target)
        times.append((time.perf_counter() - began) * 1000)
    cuts = statistics.quantiles(times, n=100)
    return statistics.median(times), cuts[94]


def throughput(port: int, path: str) -> tuple[float, str]:
    if shutil.which("wrk"):
        done = subprocess.run(
            ["wrk", "-t1", "-c8", f"-d{THROUGHPUT_SECONDS:.0f}s", f"http://127.0.0.1:{port}{path}"],
            capture_output=True,
            text=True,
            check=True,
        )
        line = next(x for x in done.stdout.splitlines() if x.startswith("Requests/sec"))
        return float(line.split()[1]), "wrk"
    connection = http.client.HTTPConnection("127.0.0.1", port)
    count, began = 0, time.perf_counter()
    while time.perf_counter() - began < THROUGHPUT_SECONDS:
        fetch(connection, path)
        count += 1
    return count / (time.perf_counter() - began), "one keep-alive Python client"


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="unknot-bench-"))
    env = {**os.environ, "UNKNOT_HOME": str(home), "PYTHONPATH": str(HERE)}
    print(f"seeding {DAYS} days of journal ...", flush=True)
    seed(home)
    servers = {"unknot": start("web_app:make", 8871, env), "hello": start("hello_app:app", 8872, env)}
    try:
        failed = False
        print(f"{'page':<12}{'cache':<7}{'p50 ms':>8}{'p95 ms':>8}  target p95 < 15 ms")
        for path in PAGES:
            for cold in (True, False):
                p50, p95 = latencies(8871, path, cold=cold)
                failed |= p95 >= 15
                state = "miss" if cold else "hit"
                print(f"{path:<12}{state:<7}{p50:>8.2f}{p95:>8.2f}  {'ok' if p95 < 15 else 'MISSED'}")
        today_rps, tool = throughput(8871, "/")
        hello_rps, _ = throughput(8872, "/")
        ratio = today_rps / hello_rps
        failed |= ratio < 0.4
        print(f"throughput ({tool}): today {today_rps:.0f} req/s, bare Starlette {hello_rps:.0f} req/s")
        print(f"ratio today/bare = {ratio:.2f}  target >= 0.40  {'ok' if ratio >= 0.4 else 'MISSED'}")
        return 1 if failed else 0
    finally:
        for process in servers.values():
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
