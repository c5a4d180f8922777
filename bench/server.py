"""Server mode under load: `make bench-server`.

Seeds a PostgreSQL database (default `unknot_bench` on the server `.ci/postgres.sh` starts; see
server_seed.py) with a clinician and 1,000 patients, each with a year of journal, and signs every
patient in (sessions made up front). Then, on loopback, the same load against
- a bare Starlette endpoint (bench/hello_app.py, uvicorn, 2 workers): the baseline, every request GET /;
- `unknot server --workers 2` (a real subprocess with real uvicorn workers), three times: a mix of pages
  (/, /progress, /history, /session) and check-ins (POST /checkin with the form's CSRF token), four
  page reads to one check-in; then check-ins only.
The load is CLIENTS keep-alive connections in client processes (server_load.py), each going round
its share of the patients. Reported: requests and check-ins per second, p50/p95/p99 ms of pages and
check-ins, errors, ratios to the bare endpoint, and where the CPU went (the client, the server's
processes, PostgreSQL). Targets: 500 check-ins/s, pages' p99 under 100 ms, no error. A bench reports:
it exits 0 whether the targets are met or not (it fails only when it could not run).

Options: --patients N (1000), --days N (365), --clients N (32), --client-processes N (2),
--seconds S (15 a phase), --reuse (keep a
database already seeded with that many patients), --drop (drop the database at the end; it is kept
otherwise, for --reuse), --by-services (every journal the whole way, not copies of the first).
Environment: UNKNOT_BENCH_DATABASE_URL (default: the local server's, database unknot_bench).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import server_seed as seeding
from server_load import CHECKIN, Outcome, csrf_tokens, load
from sqlalchemy.engine import make_url

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
PAGES = ["GET /", "GET /progress", "GET /history", "GET /session"]
MIX = [*PAGES, CHECKIN]
WORKERS = 2
TARGET_CHECKINS, TARGET_P99 = 500.0, 100.0
NAGLE_MS = 30
TICKS = os.sysconf("SC_CLK_TCK")


def database_url() -> str:
    url = os.environ.get("UNKNOT_BENCH_DATABASE_URL")
    if url:
        return url
    script = HERE.parent / ".ci" / "postgres.sh"
    local = subprocess.run(["bash", str(script)], check=True, capture_output=True, text=True).stdout.strip()
    return make_url(local).set(database="unknot_bench").render_as_string(False)


def seed(url: str, args: argparse.Namespace) -> None:
    have = seeding.patient_count(url) if args.reuse else 0
    if have == args.patients:
        print(f"reusing {url.rsplit('/', 1)[-1]}: {have} patients already seeded", flush=True)
        return
    began = time.perf_counter()
    seeding.recreate_database(url)
    ids = seeding.add_accounts(url, args.patients, dt.datetime.now(dt.UTC))
    accounts = time.perf_counter() - began
    how = seeding.seed_patients if args.by_services else seeding.copy_patients
    how(url, ids, args.days, dt.date.today(), seeding.seed_processes())
    took = time.perf_counter() - began
    per = (
        "every journal the whole way" if args.by_services else "the first journal the whole way, then copies"
    )
    print(
        f"seeded {args.patients} patients x {args.days} days in {took:.1f} s "
        f"({per}; accounts {accounts:.1f} s)"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(
    command: list[str], port: int, env: dict[str, str], path: str
) -> tuple[subprocess.Popen[bytes], float]:
    """The server process, once `path` answers; and how long that took."""
    began = time.perf_counter()
    process = subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.DEVNULL)
    while time.perf_counter() - began < 300:
        if process.poll() is not None:
            raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                probe.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
                if probe.recv(12).endswith(b"200"):
                    return process, time.perf_counter() - began
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"{' '.join(command)} did not answer on port {port}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def cpu_by_process() -> dict[int, tuple[int, str, float]]:
    """Every process's parent, name and CPU seconds used so far."""
    stats: dict[int, tuple[int, str, float]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "stat").read_text()
            except OSError:
                continue
            comm = text[text.index("(") + 1 : text.rindex(")")]
            fields = text[text.rindex(")") + 2 :].split()
            stats[int(entry.name)] = (int(fields[1]), comm, (int(fields[11]) + int(fields[12])) / TICKS)
    return stats


def descendants(stats: dict[int, tuple[int, str, float]], root: int) -> set[int]:
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, (parent, _, _) in stats.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return tree


def cpu_used(
    before: dict[int, tuple[int, str, float]], after: dict[int, tuple[int, str, float]], pids: set[int]
) -> float:
    """CPU seconds the processes used between the samples (one that ended in between is not counted)."""
    return sum(after[p][2] - (before[p][2] if p in before else 0.0) for p in pids if p in after)


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (every process, ours or not)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / TICKS


def phase(
    title: str,
    pid: int,
    port: int,
    patients: tuple[list[str], list[str]],
    mix: list[str],
    clients: int,
    args: argparse.Namespace,
) -> tuple[Outcome, dict[str, float]]:
    print(f"{title}: {clients} connections, {args.seconds:.0f} s ...")
    outcome, (before, busy), (after, busy_after) = load(
        port,
        *patients,
        clients,
        mix,
        args.seconds,
        args.client_processes,
        lambda: (cpu_by_process(), machine_busy()),
    )
    postgres = {p for p, (_, name, _) in after.items() if name == "postgres"}
    tree = descendants(after, pid)
    busiest = sorted((cpu_used(before, after, {p}) for p in tree), reverse=True)[:WORKERS]
    return outcome, {
        "server": cpu_used(before, after, tree),
        "postgres": cpu_used(before, after, postgres),
        "machine": busy_after - busy,
        **{f"worker {n + 1}": cpu for n, cpu in enumerate(busiest)},
    }


def percentile(times: list[float], p: int) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[p - 1] if len(times) > 1 else times[0]


def latency(times: list[float]) -> str:
    if not times:
        return "no answer"
    p50, p95, p99 = (percentile(times, p) for p in (50, 95, 99))
    return f"p50 {p50:7.1f}  p95 {p95:7.1f}  p99 {p99:7.1f} ms"


def describe(title: str, outcome: Outcome, cpu: dict[str, float], kinds: list[str], processes: int) -> None:
    wall = outcome.wall_seconds
    every = sum(len(outcome.times.get(k, [])) for k in kinds)
    print(f"\n{title}: {every / wall:.0f} requests/s answered 200 over {wall:.1f} s")
    for kind in kinds:
        times = outcome.times.get(kind, [])
        print(f"  {kind:<15} {len(times) / wall:7.1f}/s  {latency(times)}")
    errors = sum(outcome.errors.values())
    print(f"  errors: {errors}" + "".join(f"\n    {what}: {n}" for what, n in sorted(outcome.errors.items())))
    client = outcome.cpu_seconds / wall
    print(
        f"  CPU (cores): client {client:.2f}, server {cpu['server'] / wall:.2f} "
        f"({' + '.join(f'{cpu[k] / wall:.2f}' for k in cpu if k.startswith('worker'))} in its busiest), "
        f"PostgreSQL {cpu['postgres'] / wall:.2f}, "
        f"whole machine {cpu['machine'] / wall:.2f} of {os.cpu_count()}"
    )
    if outcome.late_seconds:
        print(f"  note: a client process began {outcome.late_seconds:.1f} s late (still reading CSRF tokens)")
    if client > 0.85 * processes:  # each client process is one thread: a core at most
        print("  THE CLIENT WAS NEAR ITS CPU LIMIT: these numbers measure the client as much as the server")


def verdicts(mixed: Outcome, checkins: Outcome, bare: Outcome, light: Outcome) -> None:
    pages = [t for kind in PAGES for t in mixed.times.get(kind, [])]
    light_pages = [t for kind in PAGES for t in light.times.get(kind, [])]
    rate = len(checkins.times.get(CHECKIN, [])) / checkins.wall_seconds
    bare_rate = len(bare.times.get("GET /", [])) / bare.wall_seconds
    mixed_rate = sum(len(t) for t in mixed.times.values()) / mixed.wall_seconds
    bare_p50 = percentile(bare.times["GET /"], 50)
    print("\nratios to the bare Starlette endpoint (same connections, same client)")
    print(f"  requests/s: mixed {mixed_rate / bare_rate:.3f}x, check-ins only {rate / bare_rate:.3f}x")
    if pages:
        print(
            f"  pages' p50 {percentile(pages, 50) / bare_p50:.0f}x, "
            f"p99 {percentile(pages, 99) / percentile(bare.times['GET /'], 99):.0f}x"
        )
    errors = sum(n for o in (mixed, checkins, bare, light) for n in o.errors.values())
    p99 = percentile(pages, 99) if pages else float("inf")
    print("\ntargets")
    print(
        f"  check-ins/s {rate:.0f}, target {TARGET_CHECKINS:.0f}: "
        f"{'met' if rate >= TARGET_CHECKINS else 'MISSED'}"
    )
    print(f"  pages' p99 {p99:.0f} ms, target < {TARGET_P99:.0f}: {'met' if p99 < TARGET_P99 else 'MISSED'}")
    if light_pages:
        print(
            f"  (pages' p99 at light load {percentile(light_pages, 99):.0f} ms: "
            "the time to build one, without queueing)"
        )
    print(f"  errors {errors}, target 0: {'met' if errors == 0 else 'MISSED'}")


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Server mode under load (make bench-server).")
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--clients", type=int, default=32, help="concurrent connections")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--reuse", action="store_true", help="keep a database seeded with as many patients")
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    parser.add_argument("--by-services", action="store_true", help="seed every journal the whole way")
    return parser.parse_args()


def main() -> int:
    args = options()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    url = database_url()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work slows every number)")
    seed(url, args)
    tokens = seeding.sign_in_all(url, dt.datetime.now(dt.UTC))
    python, port = sys.executable, free_port()
    env = {"PYTHONPATH": os.pathsep.join([str(HERE), str(SRC)]), "UNKNOT_DATABASE_URL": url}
    env |= {
        "UNKNOT_SECRET": secrets.token_urlsafe(32),
        "UNKNOT_HOME": str(Path(seeding.tempfile.gettempdir()) / "unknot-bench-server"),
    }
    hello = [python, "-m", "uvicorn", "hello_app:app", "--port", str(port), "--workers", str(WORKERS)]
    process, _ = start([*hello, "--log-level", "warning"], port, env, "/")
    try:
        patients = (tokens, [""] * len(tokens))
        bare, cpu = phase("bare Starlette, GET /", process.pid, port, patients, ["GET /"], args.clients, args)
        alone, _, _ = load(port, tokens[:1], [""], 1, ["GET /"], 2.0, 1, lambda: None)
    finally:
        stop(process)
    describe("bare Starlette endpoint", bare, cpu, ["GET /"], args.client_processes)
    one = percentile(alone.times["GET /"], 50)
    print(f"  one keep-alive connection alone: p50 {one:.1f} ms a request")
    if one > NAGLE_MS:  # Nagle's algorithm on the workers' sockets and the client's delayed ACK
        print(
            f"  NOTE: over {NAGLE_MS} ms for a bare endpoint: uvicorn --workers >1 leaves TCP_NODELAY off "
            "(uvicorn issue 3149), and every keep-alive response waits ~40 ms for a delayed ACK"
        )
    command = [python, "-m", "unknot", "server", "--port", str(port), "--workers", str(WORKERS)]
    process, ready = start(command, port, env, "/login")
    print(f"\nunknot server --workers {WORKERS} answered in {ready:.1f} s (it first checks every journal)")
    try:
        began = time.perf_counter()
        patients = (tokens, csrf_tokens(port, tokens, args.clients))
        print(
            f"read every patient's CSRF token from their /checkin page in {time.perf_counter() - began:.1f} s"
        )
        runs = [
            phase("unknot server, pages and check-ins", process.pid, port, patients, MIX, args.clients, args),
            phase(
                "unknot server, check-ins only", process.pid, port, patients, [CHECKIN], args.clients, args
            ),
            phase("unknot server, light load", process.pid, port, patients, MIX, args.client_processes, args),
        ]
    finally:
        stop(process)
    titles = ("4 page reads to 1 check-in", "check-ins only", "light load (one connection a client process)")
    for title, (outcome, cpu), kinds in zip(titles, runs, (MIX, [CHECKIN], MIX), strict=True):
        describe(f"unknot server, {title}", outcome, cpu, kinds, args.client_processes)
    verdicts(runs[0][0], runs[1][0], bare, runs[2][0])
    if args.drop:
        seeding.drop_database(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
