"""The files the daemon shares with the rest of unknot, all in the data folder.

- breaks-config.json: its settings and the desk stretches to suggest (written by `unknot breaks run`
  and whenever a break setting changes; reread when it changes);
- breaks-state.json: what it is doing now (read by `unknot breaks status`);
- breaks-pause.json: pause until a time (written by `unknot breaks pause|resume`);
- breaks-outbox.jsonl: what happened (prompts, answers, natural breaks, water), moved into the
  journal's database the next time the journal is opened. The daemon itself never loads the
  database layer: that keeps it small in memory.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

CONFIG = "breaks-config.json"
STATE = "breaks-state.json"
PAUSE = "breaks-pause.json"
OUTBOX = "breaks-outbox.jsonl"
OUTBOX_INGESTING = "breaks-outbox.ingesting"  # the outbox while unknot moves it into the journal


def home() -> Path:
    """The data folder, as unknot.settings resolves it (kept import-light for the daemon)."""
    chosen = os.environ.get("UNKNOT_HOME")
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("unknot", appauthor=False))


def write_json(path: Path, data: Any) -> None:
    """Write a whole file or nothing: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
        json.dump(data, handle, indent=1)
        temporary = Path(handle.name)
    os.chmod(temporary, 0o600)
    temporary.replace(path)


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def append_event(folder: Path, event: dict[str, Any]) -> None:
    """One line per event, appended in one write, so a crash never leaves half a line behind."""
    line = (json.dumps(event, separators=(",", ":")) + "\n").encode()
    descriptor = os.open(folder / OUTBOX, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line)
    finally:
        os.close(descriptor)
