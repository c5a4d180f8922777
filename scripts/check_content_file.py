"""Check content files as if they were shipped: python scripts/check_content_file.py FILE...

Each file is checked by the same loader unknot uses, in place of (or beside) the shipped file of the
same name: its shape, and every reference to and from it. Works from any folder, on every kind.
"""

import sys
from pathlib import Path

from unknot.content.loader import ContentError, check_file


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
            print(f"ok   {name} ({where})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
