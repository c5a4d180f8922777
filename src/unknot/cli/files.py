"""Files the command line writes: whole, or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from unknot.cli.common import fail


def write_whole(path: Path, chunks: Iterable[bytes]) -> None:
    """Write a file so that it is either complete or untouched: a private temporary file beside it,
    written chunk by chunk and synced, then renamed over it. A disk that refuses is one line."""
    try:
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        fail(f"out: cannot write in {path.parent}: {exc.strerror or exc}")
    temporary = Path(name)
    try:
        with open(descriptor, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        fail(f"out: cannot write {path}: {exc.strerror or exc}; nothing was written")
    except BaseException:  # an error while reading the journal, Ctrl+C: no file, not half a file
        temporary.unlink(missing_ok=True)
        raise
