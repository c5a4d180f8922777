"""Draw exercises' keyframes into one sheet (PNG or SVG) while writing poses: python scripts/figures.py
OUT.png [exercise_id ...]. Shows the contact distances the geometry tests check."""

from __future__ import annotations

import sys
from pathlib import Path

from unknot.content.loader import default_library
from unknot.present.figure.sheet import sheet_svg


def main() -> None:
    out = Path(sys.argv[1])
    library = default_library()
    wanted = sys.argv[2:]
    exercises = [e for e in library.exercises.values() if not wanted or e.id in wanted]
    svg = sheet_svg(exercises)
    if out.suffix == ".png":
        import resvg_py

        out.write_bytes(bytes(resvg_py.svg_to_bytes(svg_string=svg)))
    else:
        out.write_text(svg, encoding="utf-8")
    print(f"drew {len(exercises)} exercises to {out}")


if __name__ == "__main__":
    main()
