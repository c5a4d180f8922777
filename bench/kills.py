"""Kill benchmark: 200 processes killed while they create or upgrade a journal; none may be left
unusable. Run with `.venv/bin/python bench/kills.py [KILLS]`; prints how many folders were bricked
(the target is 0) and how long the migrations took.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the test's helpers, from the repository
from tests.storage.test_kills import at_0004_with_a_checkin, kill_while_opening

from unknot.core.errors import UserError
from unknot.settings import Settings
from unknot.storage.engine import open_store


def one(root: Path, n: int, upgrade: bool) -> bool:
    """Kill one opening at a random moment; True when the folder still opens whole afterwards."""
    home = root / f"home-{n}"
    if upgrade:
        at_0004_with_a_checkin(home)
    kill_while_opening(home, random.uniform(0, 0.45))
    try:
        open_store(Settings(home=home)).close()
    except (UserError, SQLAlchemyError) as exc:
        print(f"bricked: {home}: {exc}", file=sys.stderr)
        return False
    return True


def main(kills: int) -> None:
    random.seed(1)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        results = [one(Path(folder), n, upgrade=n % 2 == 1) for n in range(kills)]
    bricked = results.count(False)
    print(f"{kills} kills during first runs and upgrades: {bricked} bricked (target 0)")
    print(f"{time.monotonic() - started:.0f} s in all")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
