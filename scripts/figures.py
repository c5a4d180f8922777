"""While writing poses: draw exercises' keyframes into one sheet and list their geometry problems.

    python scripts/figures.py OUT.png [exercise_id ...]   (or OUT.svg)

The problems are what tests/content/test_poses.py checks; the sheet is `unknot exercises sheet`'s.
"""

from __future__ import annotations

import sys
from pathlib import Path

from unknot.content.loader import default_library
from unknot.core.pose.checks import problems
from unknot.present.figure.render import png_bytes
from unknot.present.figure.sheet import sheet_svg


def main() -> None:
    out = Path(sys.argv[1])
    wanted = sys.argv[2:]
    exercises = [e for e in default_library().exercises.values() if not wanted or e.id in wanted]
    svg = sheet_svg(exercises)
    out.write_bytes(png_bytes(svg, zoom=1.5)) if out.suffix == ".png" else out.write_text(svg, "utf-8")
    print(f"drew {len(exercises)} exercises to {out}")
    for exercise in exercises:
        for problem in problems(exercise.pose):
            print(f"{exercise.id}: {problem}")


if __name__ == "__main__":
    main()
