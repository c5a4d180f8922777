"""Command-line start-up benchmark: `unknot` commands beside a bare `python -c pass`. `make bench`.

Seeds a journal of 30 days (see seed.py) in a temporary data folder, runs each command once to warm
up, then runs them all in interleaved rounds (each round runs every command once, in an order that
rotates), so drift on the machine spreads over all of them. Bytecode is cached in a temporary
folder (PYTHONPYCACHEPREFIX), as in an installed unknot, even when PYTHONDONTWRITEBYTECODE is set.
It prints each command's median wall time, its spread (lowest and highest of the middle half), its
median CPU time, and the ratio of its median to the bare interpreter's. The targets, as ratios to
the bare interpreter in the same run: `unknot --help` within 12x (a command's help lists without
loading any command), the commands that open the journal within 25x. Exit status 1 when one is missed.

Environment: UNKNOT_BENCH_CLI_ROUNDS (default 15).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from seed import seed

from unknot.core.clock import SystemClock, today

ROUNDS = int(os.environ.get("UNKNOT_BENCH_CLI_ROUNDS", "15"))
BARE = "python -c pass"
COMMANDS = {  # name: (arguments of unknot, or None for the bare interpreter; the target ratio)
    BARE: (None, None),
    "unknot --help": (["--help"], 12.0),
    "unknot today": (["today"], 25.0),
    "unknot checkin --help": (["checkin", "--help"], 25.0),
    "unknot history": (["history"], 25.0),
}
Sample = tuple[float, float]  # wall and CPU milliseconds


def argv(arguments: list[str] | None) -> list[str]:
    """The command as a person types it: the installed `unknot` script beside this interpreter."""
    if arguments is None:
        return [sys.executable, "-c", "pass"]
    script = Path(sys.executable).parent / "unknot"
    return [str(script), *arguments] if script.exists() else [sys.executable, "-m", "unknot", *arguments]


def environment(home: Path, cache: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "UNKNOT_HOME": str(home), "PYTHONPYCACHEPREFIX": str(cache), "COLUMNS": "100"}


def run(command: list[str], env: dict[str, str]) -> Sample:
    """One run's wall and CPU time (the CPU time of the child, user and system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall * 1000, cpu * 1000


def warm_up(env: dict[str, str]) -> None:
    """Run each command once (which caches its bytecode), and check that it works."""
    for name, (arguments, _) in COMMANDS.items():
        done = subprocess.run(argv(arguments), env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0 or (arguments and not done.stdout.strip()):
            raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr.strip()}")


def measure(env: dict[str, str]) -> dict[str, list[Sample]]:
    names = list(COMMANDS)
    samples: dict[str, list[Sample]] = {name: [] for name in names}
    for round_ in range(ROUNDS):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(run(argv(COMMANDS[name][0]), env))
    return samples


def report(samples: dict[str, list[Sample]]) -> list[str]:
    """Print the table; returns the commands that missed their target."""
    bare = statistics.median(wall for wall, _ in samples[BARE])
    print(f"\nms over {ROUNDS} interleaved rounds: median wall [middle half], median CPU, x bare")
    missed = []
    for name, runs in samples.items():
        walls = sorted(wall for wall, _ in runs)
        median = statistics.median(walls)
        low, high = walls[len(walls) // 4], walls[(3 * len(walls)) // 4]
        cpu = statistics.median(cpu for _, cpu in runs)
        target = COMMANDS[name][1]
        verdict = ""
        if target is not None:
            verdict = f"  target {target:.0f}x: {'met' if median / bare <= target else 'MISSED'}"
            if median / bare > target:
                missed.append(name)
        row = f"{name:<23}{median:8.1f} [{low:6.1f}-{high:6.1f}]{cpu:8.1f}{median / bare:7.1f}x"
        print(row + verdict)
    return missed


def main() -> int:
    clock = SystemClock()
    zone = clock.now().tzinfo
    assert zone is not None
    root = Path(tempfile.mkdtemp(prefix="unknot-bench-cli-"))
    try:
        seed(root / "home", 30, today(clock), zone)
        env = environment(root / "home", root / "pycache")
        warm_up(env)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work slows every time)")
        samples = measure(env)
        print(f"load average {os.getloadavg()[0]:.1f} after the rounds")
        missed = report(samples)
        print(f"\ntargets missed: {', '.join(missed)}" if missed else "\nall targets met")
        return 1 if missed else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
