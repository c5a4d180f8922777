"""Check content files as if they were shipped: python scripts/check_content_file.py FILE...

Each file is checked by the same loader unknot uses, in place of (or beside) the shipped file of the
same name: its shape, and every reference to and from it; an exercise's pose also as geometry (what
tests/content/test_poses.py checks: contacts, nothing sunk into the floor or a prop) and its coach
block as the camera coach reads it. Works from any
folder, on every kind.
"""

import sys
from pathlib import Path

import yaml

from unknot.content.loader import ContentError, check_file, load_library
from unknot.core.coach.spec import NotCoachableError, coach_spec
from unknot.core.pose.checks import problems


def pose_problems(path: Path, where: str) -> list[str]:
    """An exercise file's geometry problems, each naming its keyframe, and whether the camera coach
    can read its `coach:` block from the keyframes (none for other kinds)."""
    if not where.startswith("exercises/"):
        return []
    exercise_id = yaml.safe_load(path.read_text(encoding="utf-8"))["id"]
    exercise = load_library(overlay={where: path}).exercises[exercise_id]
    found = problems(exercise.pose)
    if exercise.coach is not None:
        try:
            coach_spec(exercise)
        except NotCoachableError as exc:
            found.append(f"coach: {exc}")
    return found


def main(names: list[str]) -> int:
    if not names:
        print("usage: check_content_file.py FILE...", file=sys.stderr)
        return 2
    ok = True
    for name in names:
        try:
            where = check_file(Path(name).resolve())
        except ContentError as exc:
            ok = False
            print(f"FAIL {name}: {exc}")
        else:
            found = pose_problems(Path(name).resolve(), where)
            ok = ok and not found
            for problem in found:
                print(f"FAIL {name}: pose: {problem}")
            if not found:
                print(f"ok   {name} ({where})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
