"""Export and import benchmark: peak memory of `unknot export` and the time of `unknot import`, on a
journal of 30 days and one of 20 years of daily use (see seed.py). Part of `make bench`.

Each export runs as its own `unknot export --format F` process writing to /dev/null; its peak
resident memory (VmHWM, so Linux only) is printed with the ratio at 20 years over 30 days. The
exports stream, so the target is about flat: a ratio of at most 1.15 for json, csv and fhir. The
20-year json export is then imported into an empty data folder, in-process (the use case `unknot
import` calls, without the program's start-up), best of UNKNOT_BENCH_IMPORTS runs (default 3).
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from seed import seed

from unknot.content.loader import default_library
from unknot.core.clock import SystemClock, today
from unknot.services import backup, open_context
from unknot.settings import Settings

SIZES = {"30 days": 30, "20 years": 7300}
FORMATS = ("json", "csv", "fhir")
FLAT = 1.15
IMPORTS = int(os.environ.get("UNKNOT_BENCH_IMPORTS", "3"))


# `unknot` in a process that prints, as it exits, its peak resident memory in KiB (VmHWM: that of
# the program itself; the kernel's maxrss of a child would start from this, larger, process's).
PEAK_OF = """
import atexit, pathlib, sys
def peak():
    status = pathlib.Path("/proc/self/status").read_text().splitlines()
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")), file=sys.stderr)
atexit.register(peak)
from unknot.cli.app import main
sys.argv[0] = "unknot"
main()
"""


def export_peak(home: Path, format_: str, out: Path | None = None) -> float:
    """The peak resident memory, in MiB, of one `unknot export` process."""
    env = {**os.environ, "UNKNOT_HOME": str(home)}
    command = [sys.executable, "-c", PEAK_OF, "export", "--format", format_]
    with open(out or os.devnull, "wb") as sink:
        done = subprocess.run(command, env=env, stdout=sink, stderr=subprocess.PIPE, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"unknot export --format {format_} failed: {done.stderr}")
    return int(done.stderr.split()[-1]) / 1024


def import_seconds(document: Path) -> float:
    """The fastest of a few imports of a document into an empty data folder."""
    text, library, times = document.read_text(encoding="utf-8"), default_library(), []
    for _ in range(IMPORTS):
        home = Path(tempfile.mkdtemp(prefix="unknot-import-"))
        ctx = open_context(Settings(home=home), SystemClock(), library)
        began = time.perf_counter()
        backup.import_document(ctx, text)
        times.append(time.perf_counter() - began)
        ctx.close()
        shutil.rmtree(home, ignore_errors=True)
    return min(times)


def main() -> int:
    zone, day = SystemClock().now().tzinfo, today(SystemClock())
    assert zone is not None
    root = Path(tempfile.mkdtemp(prefix="unknot-bench-exports-"))
    try:
        homes = {name: root / name.replace(" ", "-") for name in SIZES}
        for name, days in SIZES.items():
            seed(homes[name], days, day, zone)
        floor = export_peak(homes["30 days"], "ics")
        print(f"peak memory of `unknot export`, MiB (the ics export, which reads no journal: {floor:.1f})")
        print(f"{'format':<8}" + "".join(f"{n:>10}" for n in SIZES) + f"{'20y/30d':>10}")
        missed = []
        for format_ in FORMATS:
            peaks = {name: export_peak(home, format_) for name, home in homes.items()}
            ratio = peaks["20 years"] / peaks["30 days"]
            verdict = "ok" if ratio <= FLAT else "MISSED"
            missed += [] if ratio <= FLAT else [format_]
            cells = "".join(f"{peaks[n]:>10.1f}" for n in SIZES)
            print(f"{format_:<8}{cells}{ratio:>9.2f}x  {verdict} (<= {FLAT})")
        document = root / "journal.json"
        export_peak(homes["20 years"], "json", document)
        size = document.stat().st_size / 1024 / 1024
        print(f"\nimport of the 20-year export ({size:.1f} MiB): {import_seconds(document):.2f} s")
        print(f"\ntargets missed: {', '.join(missed)}" if missed else "\nall targets met")
        return 1 if missed else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
