"""The daemon's outbox moved into the journal: by several processes at once while the daemon writes,
each event exactly once; and a refused second start that leaves the running daemon alone."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from unknot.core.reminders import ReminderSettings, parse_event
from unknot.reminders import files
from unknot.services import Context, breaks
from unknot.storage import break_events

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import datetime as dt, os, sys, time
    from pathlib import Path
    from unknot.reminders import files

    folder, count = Path(sys.argv[1]), int(sys.argv[2])
    at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    for n in range(1, count + 1):
        files.append_event(folder, {"at": at, "kind": "taken", "pid": os.getpid(), "n": n})
        if n % 10 == 0:
            time.sleep(0.02)
    """
)

INGESTER = textwrap.dedent(
    """
    import sys, traceback
    from pathlib import Path
    from unknot.core.clock import SystemClock
    from unknot.services import breaks, open_context
    from unknot.settings import Settings

    ctx = open_context(Settings(), SystemClock(), None)  # ingesting needs no content
    stop, rounds, failures = Path(sys.argv[1]), 0, 0
    print("ready", flush=True)
    while not stop.exists():
        rounds += 1
        try:
            breaks.ingest(ctx) if rounds % 2 else breaks.stats(ctx)
        except Exception:
            failures += 1
            traceback.print_exc()
    print(rounds, failures)
    """
)


def breaks_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.name.startswith("breaks")}


def _env(ctx: Context) -> dict[str, str]:
    env = {**os.environ, "UNKNOT_HOME": str(ctx.settings.home)}
    if ctx.settings.database_url:
        env["UNKNOT_DATABASE_URL"] = ctx.settings.database_url
    return env


@pytest.mark.slow
def test_ingesting_from_several_processes_while_the_daemon_writes_loses_and_doubles_nothing(
    ctx: Context, tmp_path: Path
) -> None:
    folder, count, stop = ctx.settings.home, 1500, tmp_path / "stop"
    folder.mkdir(parents=True, exist_ok=True)  # as the daemon makes it (the store may be elsewhere)
    env = _env(ctx)
    ingesters = [
        subprocess.Popen([sys.executable, "-c", INGESTER, str(stop)], env=env, cwd=ROOT, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]  # fmt: skip
    for process in ingesters:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    writer = subprocess.run(
        [sys.executable, "-c", WRITER, str(folder), str(count)], env=env, timeout=60, check=True
    )
    assert writer.returncode == 0
    stop.touch()
    reports = [process.communicate(timeout=60) for process in ingesters]
    for out, err in reports:
        rounds, failures = map(int, out.split())
        assert failures == 0, err
        assert rounds > 2
    breaks.ingest(ctx)
    assert not (folder / files.OUTBOX).exists() and not (folder / files.OUTBOX_INGESTING).exists()
    with ctx.store.reading() as db:
        stored = sum(count for _, _, count in break_events.counts(db, dt.date(2000, 1, 1)))
    assert stored == count, "every event once: none lost, none doubled"


def test_the_journal_refuses_an_event_twice(ctx: Context) -> None:
    at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    lines = [json.dumps({"at": at, "kind": "water", "pid": 7, "n": n}) for n in (1, 2, 3)]
    events = [e for e in map(parse_event, lines) if e is not None]
    with ctx.store.writing() as db:
        assert break_events.add(db, events[:2]) == 2
    before = ctx.revision()
    with ctx.store.writing() as db:
        assert break_events.add(db, events + events) == 1
    assert ctx.revision() > before, "pages see the new event"
    with ctx.store.writing() as db:
        assert break_events.add(db, events) == 0
    with ctx.store.reading() as db:
        assert break_events.keys(db, [e.key for e in events]) == {e.key for e in events}
        assert sum(count for _, _, count in break_events.counts(db, dt.date(2000, 1, 1))) == 3


def test_a_refused_second_start_leaves_the_running_daemon_alone(ctx: Context) -> None:
    folder = ctx.settings.home
    folder.mkdir(parents=True, exist_ok=True)
    files.write_json(folder / files.CONFIG, ReminderSettings(poll_seconds=0.2).to_json())
    files.append_event(folder, {"at": "2026-11-24T10:00:00+01:00", "kind": "taken", "n": 1})
    with open(folder / "breaks.lock", "a") as running:  # the running daemon holds its lock
        fcntl.flock(running, fcntl.LOCK_EX | fcntl.LOCK_NB)
        before = breaks_files(folder)
        try:
            breaks.start(ctx, 60)
            assert breaks_files(folder) == before, "its config (a poll every 0.2 s), its outbox: as they were"
            assert files.LOCK_FD_ENV not in os.environ
        finally:
            os.environ.pop(files.LOCK_FD_ENV, None)
    try:
        breaks.start(ctx, 60)
        handed = int(os.environ[files.LOCK_FD_ENV])
        assert os.get_inheritable(handed), "the lock passes on to the daemon the command hands over to"
        assert ReminderSettings.from_json(files.read_json(folder / files.CONFIG)).poll_seconds == 60
        assert not (folder / files.OUTBOX).exists(), "what it recorded moved into the journal"
    finally:
        os.close(int(os.environ.pop(files.LOCK_FD_ENV)))
