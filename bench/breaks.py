"""Reminder benchmark: memory and CPU of `unknot breaks run` over 60 idle seconds, beside Safe Eyes and
Workrave run the same way (same virtual X server and D-Bus session) in the same run.

Run with `make bench-breaks`. Needs Debian's xvfb, dbus and libxss1; Safe Eyes and Workrave are
measured when installed (`apt-get install safeeyes workrave`) and reported as missing otherwise.
They run with software GL off (LIBGL_ALWAYS_SOFTWARE unset), so a forced software renderer does not
swell their memory; BENCH_SOFTWARE_GL=1 measures them with it on.
Targets: under 20 MB resident for unknot, and CPU within noise of zero.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECONDS = float(os.environ.get("BENCH_SECONDS", "60"))
SOFTWARE_GL = os.environ.get("BENCH_SOFTWARE_GL") == "1"
TARGET_MB = 20
TICKS = os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        children = Path(f"/proc/{current}/task/{current}/children")
        if children.exists():
            queue += [int(c) for c in children.read_text().split()]
    return found


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def measure(name: str, command: list[str], env: dict[str, str]) -> tuple[str, float, float, float] | None:
    if not shutil.which(command[0]):
        print(f"{name:<10} not installed ({command[0]}): skipped")
        return None
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(5)  # start-up is not what is measured
    if process.poll() is not None:
        reason = (process.stderr.read().decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        print(f"{name:<10} exited at start: {reason}")
        return None
    start_cpu = cpu_seconds(tree(process.pid))
    peak = 0.0
    end = time.monotonic() + SECONDS
    while time.monotonic() < end and process.poll() is None:
        peak = max(peak, rss_mb(tree(process.pid)))
        time.sleep(1)
    pids = tree(process.pid)
    used = cpu_seconds(pids) - start_cpu
    final = rss_mb(pids)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    return name, final, peak, used


def session() -> tuple[dict[str, str], list[subprocess.Popen[bytes]]]:
    folder = Path(tempfile.mkdtemp(prefix="unknot-bench-breaks-"))
    (folder / "config" / "safeeyes" / "style").mkdir(parents=True)  # Safe Eyes copies its defaults here
    display = ":57"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    buses = [
        subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", f"--address=unix:path={folder / name}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name in ("bus", "system-bus")
    ]
    time.sleep(1)
    env = {
        **os.environ,
        "DISPLAY": display,
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={folder / 'bus'}",
        # Safe Eyes listens for suspend on the system bus: a private bus stands in for it.
        "DBUS_SYSTEM_BUS_ADDRESS": f"unix:path={folder / 'system-bus'}",
        "HOME": str(folder),
        "UNKNOT_HOME": str(folder / "unknot"),
        "XDG_CONFIG_HOME": str(folder / "config"),
    }
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("LIBGL_ALWAYS_SOFTWARE", None)
    if SOFTWARE_GL:
        env["LIBGL_ALWAYS_SOFTWARE"] = "1"
    return env, [xvfb, *buses]


def main() -> int:
    env, services = session()
    server = subprocess.Popen([sys.executable, "-c", NOTIFICATION_SERVER], env=env)
    time.sleep(1)
    try:
        rows = [
            measure("unknot", [sys.executable, "-m", "unknot", "breaks", "run"], env),
            measure("Safe Eyes", ["safeeyes"], env),
            measure("Workrave", ["workrave"], env),
        ]
    finally:
        for process in (server, *services):
            process.terminate()
    gl = "on" if SOFTWARE_GL else "off"
    print(f"\n{'program':<10}{'RSS MB':>8}{'peak MB':>9}{'CPU s':>8}   over {SECONDS:.0f} idle seconds")
    measured = [r for r in rows if r]
    for name, final, peak, cpu in measured:
        print(f"{name:<10}{final:>8.1f}{peak:>9.1f}{cpu:>8.2f}")
    ours = measured[0] if measured and measured[0][0] == "unknot" else None
    for name, final, _, _ in measured[1:]:
        if ours and final:
            print(f"unknot uses {ours[1] / final:.2f} of {name}'s memory (software GL {gl} for {name})")
    ok = ours is not None and ours[2] < TARGET_MB and ours[3] < 0.5
    print(f"target: unknot under {TARGET_MB} MB and near-zero CPU: {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


NOTIFICATION_SERVER = """
from tests.reminders.notification_server import NotificationServer
import os, time
server = NotificationServer(os.environ["DBUS_SESSION_BUS_ADDRESS"])
while True:
    time.sleep(3600)
"""

if __name__ == "__main__":
    raise SystemExit(main())
